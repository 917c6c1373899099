import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { cleanQuery } from "@/api/query";
import { unwrap } from "@/api/problem";
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

export const paymentsKey = ["get", "/api/v1/payments"] as const;
const accountKey = ["get", "/api/v1/customers", "account"] as const;

/** Payments change invoices' outstanding amounts, customers' accounts and the receivables. */
export function invalidatePayments(queryClient: ReturnType<typeof useQueryClient>) {
  for (const key of [paymentsKey, accountKey, ["get", "/api/v1/invoices"], ["get", "/api/v1/credit-notes"], ["get", "/api/v1/receivables"]]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

export function usePayments(filters: PaymentFilters) {
  const query = cleanQuery({
    limit: 25,
    customerId: filters.customerId,
    from: filters.from,
    to: filters.to,
    state: filters.state ?? undefined,
    unidentified: filters.unidentified || undefined,
    search: filters.search,
  });
  return useInfiniteQuery({
    queryKey: [...paymentsKey, { params: { query } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await fetchClient.GET("/api/v1/payments", { params: { query: { ...query, after: pageParam } }, signal })),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export function usePayment(id: string) {
  return useQuery({
    queryKey: [...paymentsKey, id],
    enabled: id !== "",
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/payments/{id}", { params: { path: { id } }, signal })),
  });
}

export function useCustomerAccount(customerId: string | null) {
  return useQuery({
    queryKey: [...accountKey, customerId],
    enabled: !!customerId,
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.GET("/api/v1/customers/{id}/account", { params: { path: { id: customerId! } }, signal })),
  });
}

function usePaymentMutation<V>(call: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (vars: V) => (await call(vars)) as Payment,
    onSuccess: (payment) => {
      if (payment && typeof payment === "object" && "id" in payment) queryClient.setQueryData([...paymentsKey, payment.id], payment);
      invalidatePayments(queryClient);
    },
  });
}

export function useCreatePayment() {
  return usePaymentMutation(async ({ body, idempotencyKey }: { body: PaymentRequest; idempotencyKey: string }) =>
    unwrap(await fetchClient.POST("/api/v1/payments", { body, headers: { "Idempotency-Key": idempotencyKey } })),
  );
}

export function useAllocatePayment() {
  return usePaymentMutation(async ({ id, allocations }: { id: string; allocations: AllocationRequest[] }) =>
    unwrap(await fetchClient.POST("/api/v1/payments/{id}/allocations", { params: { path: { id } }, body: { allocations } })),
  );
}

export function useCancelPayment() {
  return usePaymentMutation(async ({ id, reason }: { id: string; reason: string }) =>
    unwrap(await fetchClient.POST("/api/v1/payments/{id}/cancel", { params: { path: { id } }, body: { reason } })),
  );
}

export function useIdentifyPayment() {
  return usePaymentMutation(async ({ id, customerId, allocations }: { id: string; customerId: string; allocations: AllocationRequest[] }) =>
    unwrap(await fetchClient.POST("/api/v1/payments/{id}/identify", { params: { path: { id } }, body: { customerId, allocations } })),
  );
}

export function useWriteOffPayment() {
  return usePaymentMutation(async ({ id, date }: { id: string; date: string | null }) =>
    unwrap(await fetchClient.POST("/api/v1/payments/{id}/write-off", { params: { path: { id } }, body: { date } })),
  );
}

export function useApplyCreditNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, invoiceId, amount }: { id: string; invoiceId: string; amount: number }) =>
      unwrap(await fetchClient.POST("/api/v1/credit-notes/{id}/apply", { params: { path: { id } }, body: { invoiceId, amount } })),
    onSuccess: () => invalidatePayments(queryClient),
  });
}

export function useRefundCreditNote() {
  return usePaymentMutation(async ({ id, body }: { id: string; body: RefundRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/credit-notes/{id}/refund", { params: { path: { id } }, body })),
  );
}

const invoicePaymentsKey = (id: string) => ["get", "/api/v1/invoices", id, "payments"] as const;

/** The invoice's payment side: status, outstanding, dispute and settlements. */
export function useInvoicePayments(id: string) {
  return useQuery({
    queryKey: invoicePaymentsKey(id),
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/invoices/{id}/payments", { params: { path: { id } }, signal })),
  });
}

function useInvoiceMutation<V extends { id: string }>(call: (vars: V) => Promise<InvoicePayment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (side, { id }) => {
      queryClient.setQueryData(invoicePaymentsKey(id), side);
      invalidatePayments(queryClient);
    },
  });
}

export function useDisputeInvoice() {
  return useInvoiceMutation(async ({ id, reason }: { id: string; reason: string }) =>
    unwrap(await fetchClient.POST("/api/v1/invoices/{id}/dispute", { params: { path: { id } }, body: { reason } })),
  );
}

export function useUndisputeInvoice() {
  return useInvoiceMutation(async ({ id }: { id: string }) => unwrap(await fetchClient.DELETE("/api/v1/invoices/{id}/dispute", { params: { path: { id } } })));
}

export function useWriteOffInvoice() {
  return useInvoiceMutation(async ({ id, date }: { id: string; date: string | null }) =>
    unwrap(await fetchClient.POST("/api/v1/invoices/{id}/write-off", { params: { path: { id } }, body: { date } })),
  );
}
