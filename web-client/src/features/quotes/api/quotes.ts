import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Quote = Schemas["QuoteResponse"];
export type QuoteStatus = Schemas["QuoteStatus"];
export type QuoteRequest = Schemas["QuoteRequest"];
export const quoteStatuses: QuoteStatus[] = ["Draft", "Sent", "Accepted", "Refused"];

const pageSize = 25;
const quotesKey = ["get", "/api/v1/quotes"] as const;

export interface VersionedQuote {
  quote: Quote;
  etag: string | null;
}

export function useQuotes(search: string, status: QuoteStatus | null) {
  return useInfiniteQuery({
    queryKey: [...quotesKey, { params: { query: { search, status, limit: pageSize } } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await fetchClient.GET("/api/v1/quotes", {
          params: { query: { limit: pageSize, after: pageParam, search: search || undefined, status: status ?? undefined, expand: "customer" } },
          signal,
        }),
      ),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export function useQuote(id: string) {
  return useQuery({
    queryKey: [...quotesKey, id],
    queryFn: async ({ signal }): Promise<VersionedQuote> => {
      const result = await fetchClient.GET("/api/v1/quotes/{id}", { params: { path: { id } }, signal });
      return { quote: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

function invalidateSales(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: quotesKey });
  void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/opportunities"] });
}

export function useCreateQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: QuoteRequest; idempotencyKey: string }) => {
      const result = await fetchClient.POST("/api/v1/quotes", { body, headers: { "Idempotency-Key": idempotencyKey } });
      return { quote: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: () => invalidateSales(queryClient),
  });
}

export function useUpdateQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, etag }: { id: string; body: QuoteRequest; etag: string | null }): Promise<VersionedQuote> => {
      const result = await fetchClient.PUT("/api/v1/quotes/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body });
      return { quote: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData([...quotesKey, saved.quote.id], saved);
      invalidateSales(queryClient);
    },
  });
}

export function useDeleteQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/quotes/{id}", { params: { path: { id } } })),
    onSuccess: () => invalidateSales(queryClient),
  });
}

export type QuoteAction = "send" | "accept";

export function useQuoteTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, idempotencyKey }: { id: string; action: QuoteAction; idempotencyKey: string }) => {
      const options = { params: { path: { id } }, headers: { "Idempotency-Key": idempotencyKey } };
      return unwrap(
        action === "send"
          ? await fetchClient.POST("/api/v1/quotes/{id}/send", options)
          : await fetchClient.POST("/api/v1/quotes/{id}/accept", options),
      );
    },
    onSuccess: () => invalidateSales(queryClient),
  });
}

export function useRefuseQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason, idempotencyKey }: { id: string; reason: string; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/quotes/{id}/refuse", {
          params: { path: { id } },
          headers: { "Idempotency-Key": idempotencyKey },
          body: { reason: reason || null },
        }),
      ),
    onSuccess: () => invalidateSales(queryClient),
  });
}

export function useDuplicateQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, validUntil, idempotencyKey }: { id: string; validUntil: string | null; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/quotes/{id}/duplicate", {
          params: { path: { id } },
          headers: { "Idempotency-Key": idempotencyKey },
          body: { validUntil },
        }),
      ),
    onSuccess: () => invalidateSales(queryClient),
  });
}

export function useCreateOrderFromQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ quoteId, idempotencyKey }: { quoteId: string; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/orders/from-quote", { body: { quoteId }, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => {
      invalidateSales(queryClient);
      void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/orders"] });
    },
  });
}

/** The number of the order made from a quote, for the "Commande CO-…" link. */
export function useLinkedOrder(orderId: string | null) {
  return useQuery({
    queryKey: ["get", "/api/v1/orders", orderId],
    enabled: orderId !== null,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/orders/{id}", { params: { path: { id: orderId! } }, signal })),
    select: (order) => ({ id: order.id, number: order.number }),
  });
}

/** Open opportunities of a customer, to attach a quote to one. */
export function useCustomerOpportunities(customerId: string | null) {
  return useQuery({
    queryKey: ["get", "/api/v1/opportunities", { params: { query: { customerId, limit: 100 } } }],
    enabled: customerId !== null,
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.GET("/api/v1/opportunities", { params: { query: { customerId: customerId!, limit: 100 } }, signal })),
  });
}
