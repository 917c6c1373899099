import { useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiInfiniteQuery, useApiMutation, useApiQuery, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Quote = Schemas["QuoteResponse"];
export type QuoteStatus = Schemas["QuoteStatus"];
export type QuoteRequest = Schemas["QuoteRequest"];
export const quoteStatuses: QuoteStatus[] = ["Draft", "Sent", "Accepted", "Refused"];

const pageSize = 25;
const quoteKey = (id: string) => apiKey("/api/v1/quotes/{id}", { params: { path: { id } } }, "versioned");

export type VersionedQuote = Versioned<Quote>;

export function useQuotes(search: string, status: QuoteStatus | null, customerId: string | null = null) {
  return useApiInfiniteQuery("/api/v1/quotes", {
    params: { query: { limit: pageSize, search: search || undefined, status: status ?? undefined, customerId: customerId ?? undefined, expand: "customer" } },
  });
}

export function useQuote(id: string) {
  return useVersionedQuery("/api/v1/quotes/{id}", { params: { path: { id } } });
}

export function useCreateQuote() {
  return useApiMutation("POST /api/v1/quotes", async ({ body }: { body: QuoteRequest }): Promise<VersionedQuote> =>
    versioned(await fetchClient.POST("/api/v1/quotes", { body })),
  );
}

export function useUpdateQuote() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/quotes/{id}",
    async ({ id, body, etag }: { id: string; body: QuoteRequest; etag: string | null }): Promise<VersionedQuote> =>
      versioned(await fetchClient.PUT("/api/v1/quotes/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(quoteKey(saved.value.id), saved) },
  );
}

export function useDeleteQuote() {
  return useApiMutation("DELETE /api/v1/quotes/{id}", async (id: string) =>
    unwrap(await fetchClient.DELETE("/api/v1/quotes/{id}", { params: { path: { id } } })),
  );
}

export type QuoteAction = "send" | "accept";

export function useQuoteTransition() {
  return useApiMutation(
    ({ action }: { id: string; action: QuoteAction }) => (action === "send" ? "POST /api/v1/quotes/{id}/send" : "POST /api/v1/quotes/{id}/accept"),
    async ({ id, action }: { id: string; action: QuoteAction }) =>
      unwrap(
        action === "send"
          ? await fetchClient.POST("/api/v1/quotes/{id}/send", { params: { path: { id } } })
          : await fetchClient.POST("/api/v1/quotes/{id}/accept", { params: { path: { id } } }),
      ),
  );
}

export function useRefuseQuote() {
  return useApiMutation("POST /api/v1/quotes/{id}/refuse", async ({ id, reason }: { id: string; reason: string }) =>
    unwrap(await fetchClient.POST("/api/v1/quotes/{id}/refuse", { params: { path: { id } }, body: { reason: reason || null } })),
  );
}

export function useDuplicateQuote() {
  return useApiMutation("POST /api/v1/quotes/{id}/duplicate", async ({ id, validUntil }: { id: string; validUntil: string | null }) =>
    unwrap(await fetchClient.POST("/api/v1/quotes/{id}/duplicate", { params: { path: { id } }, body: { validUntil } })),
  );
}

export function useCreateOrderFromQuote() {
  return useApiMutation("POST /api/v1/orders/from-quote", async ({ quoteId }: { quoteId: string }) =>
    unwrap(await fetchClient.POST("/api/v1/orders/from-quote", { body: { quoteId } })),
  );
}

/** The order made from a quote, for the "Commande CO-…" link. */
export function useLinkedOrder(orderId: string | null) {
  return useApiQuery("/api/v1/orders/{id}", { params: { path: { id: orderId ?? "" } } }, { enabled: orderId !== null });
}

/** Open opportunities of a customer, to attach a quote to one. */
export function useCustomerOpportunities(customerId: string | null) {
  return useApiQuery("/api/v1/opportunities", { params: { query: { customerId: customerId ?? undefined, limit: 100 } } }, { enabled: customerId !== null });
}
