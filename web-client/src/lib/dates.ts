const dateFormat = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2026-03-05" (a document date, DateOnly on the API) → "05/03/2026", read as a calendar date so no
 * time zone can move it to the day before. Full timestamps are shown in the browser's zone.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const m = dateOnly.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** ISO timestamp → "05/03/2026 14:30" in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date).replace(",", "");
}

/** Month names for selects, 1-based: monthName(1, "fr") → "janvier". */
export function monthName(month: number, language: string): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "fr-FR", { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, month - 1, 1)),
  );
}
