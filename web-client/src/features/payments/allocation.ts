/**
 * The allocation table's suggestion. Not a money computation of the API's kind: it only spreads the amount the user
 * typed over the outstanding amounts the API returned, oldest due date first, in integer cents, never above an
 * invoice's outstanding; what is left is shown as the customer's credit. The API checks and records every amount.
 */

import { toCents } from "@/lib/cents";

export { fromCents, sumCents, toCents } from "@/lib/cents";

export interface OpenItem {
  invoiceId: string;
  dueDate: string | null;
  outstanding: number;
}

/**
 * Fills the invoices in the order given (the API sends the oldest due date first; ties keep that order), each up to
 * its outstanding amount, until the payment amount is used. Returns cents per invoice id and the rest left as credit.
 */
export function distribute(amountCents: number, items: OpenItem[]): { allocations: Record<string, number>; restCents: number } {
  let left = Math.max(0, Math.trunc(amountCents));
  const allocations: Record<string, number> = {};
  const ordered = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.dueDate ?? "9999").localeCompare(b.item.dueDate ?? "9999") || a.index - b.index);
  for (const { item } of ordered) {
    const outstanding = Math.max(0, toCents(item.outstanding) ?? 0);
    const share = Math.min(left, outstanding);
    allocations[item.invoiceId] = share;
    left -= share;
  }
  return { allocations, restCents: left };
}
