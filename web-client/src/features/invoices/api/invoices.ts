import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";
import { type BillingStatus, type InvoiceKind, invalidateBilling } from "@/components/billing/billing-api";
import type { InvoicePaymentStatus } from "@/components/receivables/receivables-api";

export type { BillingStatus, InvoiceKind };

type Schemas = components["schemas"];
export type Invoice = Schemas["InvoiceResponse"];
export type InvoiceSummary = Schemas["InvoiceSummary"];
export type InvoiceFromOrderRequest = Schemas["InvoiceFromOrderRequest"];
export type InvoiceRequest = Schemas["InvoiceRequest"];

export const invoiceKinds: InvoiceKind[] = ["Full", "Intermediate", "Deposit", "Balance", "Direct"];

const pageSize = 25;
export const invoicesKey = ["get", "/api/v1/invoices"] as const;

export interface InvoiceFilters {
  search: string;
  status: BillingStatus | null;
  kind: InvoiceKind | null;
  customerId: string | null;
  orderId: string | null;
  issuedFrom: string | null;
  issuedTo: string | null;
  overdue: boolean;
  paymentStatus: InvoicePaymentStatus | null;
}

export const noInvoiceFilters: InvoiceFilters = {
  search: "",
  status: null,
  kind: null,
  customerId: null,
  orderId: null,
  issuedFrom: null,
  issuedTo: null,
  overdue: false,
  paymentStatus: null,
};

export function useInvoices(filters: InvoiceFilters) {
  const query = {
    limit: pageSize,
    search: filters.search || undefined,
    status: filters.status ?? undefined,
    kind: filters.kind ?? undefined,
    customerId: filters.customerId ?? undefined,
    orderId: filters.orderId ?? undefined,
    issuedFrom: filters.issuedFrom ?? undefined,
    issuedTo: filters.issuedTo ?? undefined,
    overdue: filters.overdue || undefined,
    paymentStatus: filters.paymentStatus ?? undefined,
  };
  return useInfiniteQuery({
    queryKey: [...invoicesKey, { params: { query } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await fetchClient.GET("/api/v1/invoices", { params: { query: { ...query, after: pageParam } }, signal })),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export interface VersionedInvoice {
  invoice: Invoice;
  etag: string | null;
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: [...invoicesKey, id, "versioned"],
    enabled: id !== "",
    queryFn: async ({ signal }): Promise<VersionedInvoice> => {
      const result = await fetchClient.GET("/api/v1/invoices/{id}", { params: { path: { id } }, signal });
      return { invoice: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

/**
 * What the invoice of an order would be, computed by the server (nothing is stored). Called with the debounced
 * body; `null` while the form cannot be previewed yet.
 */
export function useInvoicePreview(body: InvoiceFromOrderRequest | null) {
  return useQuery({
    queryKey: ["post", "/api/v1/invoices/from-order/preview", body],
    enabled: body !== null,
    retry: false,
    staleTime: 30_000,
    queryFn: async ({ signal }) => unwrap(await fetchClient.POST("/api/v1/invoices/from-order/preview", { body: body!, signal })),
  });
}

export function useCreateInvoiceFromOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: InvoiceFromOrderRequest; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/invoices/from-order", { body, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => invalidateBilling(queryClient),
  });
}

export function useCreateDirectInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: InvoiceRequest; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/invoices", { body, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => invalidateBilling(queryClient),
  });
}

export function useUpdateInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, etag }: { id: string; body: InvoiceRequest; etag: string | null }): Promise<VersionedInvoice> => {
      const result = await fetchClient.PUT("/api/v1/invoices/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body });
      return { invoice: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData([...invoicesKey, saved.invoice.id, "versioned"], saved);
      invalidateBilling(queryClient);
    },
  });
}

export function useDeleteInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/invoices/{id}", { params: { path: { id } } })),
    onSuccess: () => invalidateBilling(queryClient),
  });
}

export function useValidateInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, issueDate, idempotencyKey }: { id: string; issueDate: string | null; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/invoices/{id}/validate", {
          params: { path: { id } },
          headers: { "Idempotency-Key": idempotencyKey },
          body: { issueDate },
        }),
      ),
    onSuccess: () => invalidateBilling(queryClient),
  });
}

/** Orders that can be invoiced (validated, something left): for the order picker of "Facturer une commande". */
export function useInvoiceableOrders(search: string, enabled: boolean) {
  return useQuery({
    queryKey: ["get", "/api/v1/orders", { params: { query: { search, status: "InProgress", leftToInvoice: true, limit: 20 } } }],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        await fetchClient.GET("/api/v1/orders", {
          params: { query: { search: search || undefined, status: "InProgress", leftToInvoice: true, limit: 20 } },
          signal,
        }),
      ),
  });
}

/** The order being invoiced (lines and billing ledger); own cache entry, refreshed with the other billing queries. */
export function useOrderToInvoice(orderId: string) {
  return useQuery({
    queryKey: ["get", "/api/v1/orders", orderId, "to-invoice"],
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/orders/{id}", { params: { path: { id: orderId } }, signal })),
  });
}

export function useOrderMilestones(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["get", "/api/v1/orders", orderId, "billing-schedule", "to-invoice"],
    enabled,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/orders/{id}/billing-schedule", { params: { path: { id: orderId } }, signal })),
  });
}

export function useComplianceChain(enabled: boolean) {
  return useQuery({
    queryKey: ["get", "/api/v1/compliance/chain"],
    enabled,
    staleTime: 0,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/compliance/chain", { signal })),
  });
}
