// Amounts typed by the user, read as integer cents so that sums of typed amounts are exact. No money rule lives here:
// the API computes and checks every amount.

/** "12,34" | "12.34" | 12.34 → 1234 (integer cents); null when it is not an amount. */
export function toCents(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === "number" ? value.toFixed(2) : value.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d{0,2})?$/.test(text)) return null;
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return negative ? -cents : cents;
}

/** 1234 → 12.34 (the number the API expects; built from integer cents, so exact to two decimals). */
export function fromCents(cents: number): number {
  return Number((cents / 100).toFixed(2));
}

/** Sum of the entered amounts in cents (display of "allocated" and "left as credit"; the API recomputes). */
export function sumCents(values: (number | null)[]): number {
  return values.reduce<number>((s, v) => s + (v ?? 0), 0);
}
