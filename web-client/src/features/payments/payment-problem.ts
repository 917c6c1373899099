import { ApiError, asApiError, toFieldPath } from "@/api/problem";

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

/**
 * For a form holding the allocations by invoice id (`allocations.<invoiceId>`): renames each `allocations[i].x` of the
 * problem to the invoice sent at index i, so `useApiForm` puts it on that invoice's row. Other names are left as they are.
 */
export function allocationsByInvoice(error: unknown, sent: { invoiceId: string }[]): unknown {
  const apiError = asApiError(error);
  if (!apiError?.problem.errors) return error;
  const errors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(apiError.problem.errors)) {
    const match = allocationKey.exec(key);
    const row = match ? sent[Number(match[1])] : undefined;
    const name = row ? `allocations.${row.invoiceId}` : key;
    errors[name] = [...(errors[name] ?? []), ...messages];
  }
  return new ApiError(apiError.status, { ...apiError.problem, errors }, apiError.retryAfterSeconds);
}
