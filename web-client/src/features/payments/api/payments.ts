import { useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { apiKey, cleanQuery, useApiInfiniteQuery, useApiMutation, useApiQuery } from "@/api/query";
import type { components } from "@/api/schema";
import type { InvoicePaymentStatus } from "@/components/receivables/receivables-api";

export type { InvoicePaymentStatus };

// Types generated from openapi.yaml (npm run gen:api); the API returns
// every amount already computed, the SPA only shows them.
type Schemas = components["schemas"];
export type PaymentDirection = Schemas["PaymentDirection"];
export type PaymentState = Schemas["PaymentState"];
export type PaymentMethod = Schemas["PaymentMethod"];
export type AllocationRequest = Schemas["PaymentAllocationInput"];
export type PaymentRequest = Schemas["PaymentRequest"];
export type PaymentAllocation = Schemas["PaymentAllocationResponse"];
export type Payment = Schemas["PaymentResponse"];
export type PaymentSummary = Schemas["PaymentSummary"];
export type OpenInvoice = Schemas["OpenInvoiceResponse"];
export type CustomerCredit = Schemas["CustomerCreditResponse"];
export type CustomerAccount = Schemas["CustomerAccountResponse"];
export type RefundRequest = Schemas["RefundCreditNoteRequest"];
export type InvoicePayment = Schemas["InvoicePaymentResponse"];

export const paymentMethods: PaymentMethod[] = ["BankTransfer", "Card", "Cheque", "Cash", "DirectDebit", "Other"];

export interface PaymentFilters {
  customerId: string | null;
  from: string | null;
  to: string | null;
  state: PaymentState | null;
  unidentified: boolean;
  search: string;
}

export const noPaymentFilters: PaymentFilters = { customerId: null, from: null, to: null, state: null, unidentified: false, search: "" };

const paymentKey = (id: string) => apiKey("/api/v1/payments/{id}", { params: { path: { id } } });

export function usePayments(filters: PaymentFilters) {
  return useApiInfiniteQuery("/api/v1/payments", {
    params: {
      query: cleanQuery({
        limit: 25,
        customerId: filters.customerId,
        from: filters.from,
        to: filters.to,
        state: filters.state ?? undefined,
        unidentified: filters.unidentified || undefined,
        search: filters.search,
      }),
    },
  });
}

export function usePayment(id: string) {
  return useApiQuery("/api/v1/payments/{id}", { params: { path: { id } } }, { enabled: id !== "" });
}

/** The customer's open invoices, credits and balance: what the payment form allocates to. */
export function useCustomerAccount(customerId: string | null) {
  return useApiQuery("/api/v1/customers/{id}/account", { params: { path: { id: customerId ?? "" } } }, { enabled: !!customerId });
}

/** A change that answers with the payment: the answer goes straight to the cache. */
function useKeepPayment() {
  const queryClient = useQueryClient();
  return (payment: Payment) => void queryClient.setQueryData(paymentKey(payment.id), payment);
}

export function useCreatePayment() {
  const keep = useKeepPayment();
  return useApiMutation("POST /api/v1/payments", async ({ body }: { body: PaymentRequest }) => unwrap(await fetchClient.POST("/api/v1/payments", { body })), {
    onSuccess: keep,
  });
}

export function useAllocatePayment() {
  const keep = useKeepPayment();
  return useApiMutation(
    "POST /api/v1/payments/{id}/allocations",
    async ({ id, allocations }: { id: string; allocations: AllocationRequest[] }) =>
      unwrap(await fetchClient.POST("/api/v1/payments/{id}/allocations", { params: { path: { id } }, body: { allocations } })),
    { onSuccess: keep },
  );
}

export function useCancelPayment() {
  const keep = useKeepPayment();
  return useApiMutation(
    "POST /api/v1/payments/{id}/cancel",
    async ({ id, reason }: { id: string; reason: string }) =>
      unwrap(await fetchClient.POST("/api/v1/payments/{id}/cancel", { params: { path: { id } }, body: { reason } })),
    { onSuccess: keep },
  );
}

export function useIdentifyPayment() {
  const keep = useKeepPayment();
  return useApiMutation(
    "POST /api/v1/payments/{id}/identify",
    async ({ id, customerId, allocations }: { id: string; customerId: string; allocations: AllocationRequest[] }) =>
      unwrap(await fetchClient.POST("/api/v1/payments/{id}/identify", { params: { path: { id } }, body: { customerId, allocations } })),
    { onSuccess: keep },
  );
}

export function useWriteOffPayment() {
  const keep = useKeepPayment();
  return useApiMutation(
    "POST /api/v1/payments/{id}/write-off",
    async ({ id, date }: { id: string; date: string | null }) =>
      unwrap(await fetchClient.POST("/api/v1/payments/{id}/write-off", { params: { path: { id } }, body: { date } })),
    { onSuccess: keep },
  );
}

export function useApplyCreditNote() {
  return useApiMutation("POST /api/v1/credit-notes/{id}/apply", async ({ id, invoiceId, amount }: { id: string; invoiceId: string; amount: number }) =>
    unwrap(await fetchClient.POST("/api/v1/credit-notes/{id}/apply", { params: { path: { id } }, body: { invoiceId, amount } })),
  );
}

export function useRefundCreditNote() {
  const keep = useKeepPayment();
  return useApiMutation(
    "POST /api/v1/credit-notes/{id}/refund",
    async ({ id, body }: { id: string; body: RefundRequest }) => unwrap(await fetchClient.POST("/api/v1/credit-notes/{id}/refund", { params: { path: { id } }, body })),
    { onSuccess: keep },
  );
}

const invoicePaymentsKey = (id: string) => apiKey("/api/v1/invoices/{id}/payments", { params: { path: { id } } });

/** The invoice's payment side: status, outstanding, dispute and settlements. */
export function useInvoicePayments(id: string) {
  return useApiQuery("/api/v1/invoices/{id}/payments", { params: { path: { id } } });
}

/** A change of the invoice's payment side answers with that side: it goes straight to the cache. */
function useKeepInvoicePayments() {
  const queryClient = useQueryClient();
  return (side: InvoicePayment, { id }: { id: string }) => void queryClient.setQueryData(invoicePaymentsKey(id), side);
}

export function useDisputeInvoice() {
  const keep = useKeepInvoicePayments();
  return useApiMutation(
    "POST /api/v1/invoices/{id}/dispute",
    async ({ id, reason }: { id: string; reason: string }) => unwrap(await fetchClient.POST("/api/v1/invoices/{id}/dispute", { params: { path: { id } }, body: { reason } })),
    { onSuccess: keep },
  );
}

export function useUndisputeInvoice() {
  const keep = useKeepInvoicePayments();
  return useApiMutation(
    "DELETE /api/v1/invoices/{id}/dispute",
    async ({ id }: { id: string }) => unwrap(await fetchClient.DELETE("/api/v1/invoices/{id}/dispute", { params: { path: { id } } })),
    { onSuccess: keep },
  );
}

export function useWriteOffInvoice() {
  const keep = useKeepInvoicePayments();
  return useApiMutation(
    "POST /api/v1/invoices/{id}/write-off",
    async ({ id, date }: { id: string; date: string | null }) => unwrap(await fetchClient.POST("/api/v1/invoices/{id}/write-off", { params: { path: { id } }, body: { date } })),
    { onSuccess: keep },
  );
}
