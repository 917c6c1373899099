import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiInfiniteQuery, useApiMutation, useApiQuery, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";
import type { BillingStatus, InvoiceKind } from "@/components/billing/billing-api";
import type { InvoicePaymentStatus } from "@/components/receivables/receivables-api";

export type { BillingStatus, InvoiceKind };

type Schemas = components["schemas"];
export type Invoice = Schemas["InvoiceResponse"];
export type InvoiceSummary = Schemas["InvoiceSummary"];
export type InvoiceFromOrderRequest = Schemas["InvoiceFromOrderRequest"];
export type InvoiceRequest = Schemas["InvoiceRequest"];

export const invoiceKinds: InvoiceKind[] = ["Full", "Intermediate", "Deposit", "Balance", "Direct"];

const pageSize = 25;
const invoiceKey = (id: string) => apiKey("/api/v1/invoices/{id}", { params: { path: { id } } }, "versioned");

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
  return useApiInfiniteQuery("/api/v1/invoices", {
    params: {
      query: {
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
      },
    },
  });
}

export type VersionedInvoice = Versioned<Invoice>;

export function useInvoice(id: string) {
  return useVersionedQuery("/api/v1/invoices/{id}", { params: { path: { id } } }, { enabled: id !== "" });
}

/**
 * What the invoice of an order would be, computed by the server (nothing is stored). Called with the debounced
 * body; `null` while the form cannot be previewed yet. A POST that reads: its own key, never invalidated.
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
  return useApiMutation("POST /api/v1/invoices/from-order", async ({ body }: { body: InvoiceFromOrderRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/invoices/from-order", { body })),
  );
}

export function useCreateDirectInvoice() {
  return useApiMutation("POST /api/v1/invoices", async ({ body }: { body: InvoiceRequest }) => unwrap(await fetchClient.POST("/api/v1/invoices", { body })));
}

export function useUpdateInvoice() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/invoices/{id}",
    async ({ id, body, etag }: { id: string; body: InvoiceRequest; etag: string | null }): Promise<VersionedInvoice> =>
      versioned(await fetchClient.PUT("/api/v1/invoices/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(invoiceKey(saved.value.id), saved) },
  );
}

export function useDeleteInvoice() {
  return useApiMutation("DELETE /api/v1/invoices/{id}", async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/invoices/{id}", { params: { path: { id } } })));
}

export function useValidateInvoice() {
  return useApiMutation("POST /api/v1/invoices/{id}/validate", async ({ id, issueDate }: { id: string; issueDate: string | null }) =>
    unwrap(await fetchClient.POST("/api/v1/invoices/{id}/validate", { params: { path: { id } }, body: { issueDate } })),
  );
}

/** Orders that can be invoiced (validated, something left): for the order picker of "Facturer une commande". */
export function useInvoiceableOrders(search: string, enabled: boolean) {
  return useApiQuery(
    "/api/v1/orders",
    { params: { query: { search: search || undefined, status: "InProgress", leftToInvoice: true, limit: 20 } } },
    { enabled, placeholderData: keepPreviousData },
  );
}

/** The order being invoiced (lines and billing ledger), refreshed with the other billing queries. */
export function useOrderToInvoice(orderId: string) {
  return useApiQuery("/api/v1/orders/{id}", { params: { path: { id: orderId } } });
}

export function useOrderMilestones(orderId: string, enabled: boolean) {
  return useApiQuery("/api/v1/orders/{id}/billing-schedule", { params: { path: { id: orderId } } }, { enabled });
}

export function useComplianceChain(enabled: boolean) {
  return useApiQuery("/api/v1/compliance/chain", {}, { enabled, staleTime: 0 });
}
