// Display only: prices arrive from the API as they are stored (up to 4 decimals); nothing is computed here.
const unitPrice = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 4 });
const rate = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** 65 → "65,00 €", 12.3456 → "12,3456 €" */
export function formatUnitPrice(amount: number): string {
  return unitPrice.format(amount);
}

/** 5.5 → "5,5 %" */
export function formatVatRate(value: number): string {
  return `${rate.format(value)}\u00a0%`;
}
