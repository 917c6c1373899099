/**
 * Durations as the timesheet and the time entry form take them: typed "1,5" (hours, French decimal comma), "1.5",
 * "1:30" (hours and minutes), "45min" or "2h", and sent to the API as whole minutes. Display only: the API checks the
 * limits (a day has 24 hours) and computes every total and amount.
 */

const hoursOnly = /^(\d{1,3})(?:[,.](\d{1,2}))?\s*h?$/i;
const hoursMinutes = /^(\d{1,3})\s*[:hH]\s*(\d{1,2})$/;
const minutesOnly = /^(\d{1,4})\s*min$/i;

/** "1,5" | "1:30" | "1h30" | "90min" → 90; "" → 0; anything else → null (not a duration). */
export function parseDuration(text: string): number | null {
  const value = text.trim().replace(/\s+/g, " ");
  if (value === "") return 0;
  const hm = hoursMinutes.exec(value);
  if (hm) {
    const minutes = Number(hm[2]);
    return minutes < 60 ? Number(hm[1]) * 60 + minutes : null;
  }
  const m = minutesOnly.exec(value);
  if (m) return Number(m[1]);
  const h = hoursOnly.exec(value);
  if (h) {
    const fraction = h[2] ? Number(`0.${h[2]}`) : 0;
    return Math.round((Number(h[1]) + fraction) * 60);
  }
  return null;
}

const hoursFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** 90 → "1,5"; 20 → "0,33"; 0 → "" (an empty cell). What the timesheet shows in a cell it read from the API. */
export function formatDurationInput(minutes: number): string {
  return minutes === 0 ? "" : hoursFormat.format(minutes / 60);
}

/** 90 → "1,5 h"; 0 → "0 h". A total or a duration read, not edited. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return "";
  return `${hoursFormat.format(hours)}\u00a0h`;
}

/** Minutes → "1,5 h". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return "";
  return formatHours(minutes / 60);
}
