/** Calendar weeks of the timesheet, Monday first, as ISO dates ("2026-12-07"), read as calendar dates (no time zone). */

const iso = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: string): Date {
  const m = iso.exec(value);
  if (!m) throw new Error(`Not an ISO date: ${value}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(value: string, days: number): string {
  const date = toDate(value);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** The Monday of the week `value` falls in. */
export function mondayOf(value: string): string {
  const day = toDate(value).getUTCDay();
  return addDays(value, -((day + 6) % 7));
}

/** Today in the browser's calendar. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** The seven days of the week starting `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && iso.test(value) && !Number.isNaN(toDate(value).getTime());
}

const dayLabel = new Intl.DateTimeFormat("fr-FR", { weekday: "short", day: "2-digit", month: "2-digit", timeZone: "UTC" });
const dayName = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

/** "lun. 07/12" for a column header. */
export function shortDay(value: string): string {
  return dayLabel.format(toDate(value));
}

/** "lundi 7 décembre", for a cell's accessible name. */
export function longDay(value: string): string {
  return dayName.format(toDate(value));
}
