// Display only: amounts arrive computed and rounded by the API; the browser never does money arithmetic.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat("fr-FR", { style: "currency", currency });
    formatters.set(currency, f);
  }
  return f;
}

/** 1234.5 → "1 234,50 €" (U+202F between thousands, U+00A0 before the symbol). */
export function formatMoney(amount: number | null | undefined, currency = "EUR"): string {
  if (amount === null || amount === undefined) return "";
  return formatter(currency).format(amount);
}

const percent = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** 10.5 → "10,5 %" */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return "";
  return `${percent.format(rate)}\u00a0%`;
}
