import { asApiError, toFieldPath } from "@/api/problem";

export interface PaymentProblem {
  /** Form fields of the payment (amount, date, customerId…) → message. */
  fields: Record<string, string>;
  /** Invoice id of the allocation row → message (problems name `allocations[i].amount` by the index sent). */
  rows: Record<string, string>;
  /** Messages that name nothing the form shows. */
  other: string[];
}

const allocationKey = /^(?:\$\.)?allocations\[(\d+)\](?:\.(\w+))?$/i;

/**
 * Spreads the field errors of a 400/422 problem over the payment form: `allocations[0].amount` (or
 * `Allocations[0].InvoiceId`) lands on the row of the invoice sent at that index, other names on their field.
 */
export function mapPaymentProblem(error: unknown, sent: { invoiceId: string }[], formFields: readonly string[]): PaymentProblem {
  const result: PaymentProblem = { fields: {}, rows: {}, other: [] };
  const problem = asApiError(error)?.problem;
  if (!problem?.errors) return result;
  for (const [key, messages] of Object.entries(problem.errors)) {
    const message = messages.join(" ");
    const match = allocationKey.exec(key);
    if (match) {
      const row = sent[Number(match[1])];
      if (row) result.rows[row.invoiceId] = result.rows[row.invoiceId] ? `${result.rows[row.invoiceId]} ${message}` : message;
      else result.other.push(message);
      continue;
    }
    const path = toFieldPath(key);
    if (formFields.includes(path)) result.fields[path] = message;
    else result.other.push(message);
  }
  return result;
}
