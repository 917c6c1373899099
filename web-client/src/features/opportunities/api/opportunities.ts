import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Opportunity = Schemas["OpportunityResponse"];
export type OpportunityStage = Schemas["OpportunityStage"];
export type OpportunityRequest = Schemas["OpportunityRequest"];
export type QuoteSummary = Schemas["QuoteSummary"];
export const opportunityStages: OpportunityStage[] = ["Open", "Won", "Lost"];

const pageSize = 25;
const opportunitiesKey = ["get", "/api/v1/opportunities"] as const;

export function useOpportunities(search: string, stage: OpportunityStage | null) {
  return useInfiniteQuery({
    queryKey: [...opportunitiesKey, { params: { query: { search, stage, limit: pageSize } } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await fetchClient.GET("/api/v1/opportunities", {
          params: { query: { limit: pageSize, after: pageParam, search: search || undefined, stage: stage ?? undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export interface VersionedOpportunity {
  opportunity: Opportunity;
  etag: string | null;
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: [...opportunitiesKey, id],
    queryFn: async ({ signal }): Promise<VersionedOpportunity> => {
      const result = await fetchClient.GET("/api/v1/opportunities/{id}", { params: { path: { id } }, signal });
      return { opportunity: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useCreateOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: OpportunityRequest; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/opportunities", { body, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunitiesKey }),
  });
}

export function useUpdateOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, etag }: { id: string; body: OpportunityRequest; etag: string | null }) =>
      unwrap(await fetchClient.PUT("/api/v1/opportunities/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunitiesKey }),
  });
}

export function useWinOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, quoteId, createOrder, idempotencyKey }: { id: string; quoteId: string | null; createOrder: boolean; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/opportunities/{id}/win", {
          params: { path: { id } },
          headers: { "Idempotency-Key": idempotencyKey },
          body: { quoteId, createOrder },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: opportunitiesKey });
      void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/orders"] });
      void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/quotes"] });
    },
  });
}

export function useLoseOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason, idempotencyKey }: { id: string; reason: string; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/opportunities/{id}/lose", {
          params: { path: { id } },
          headers: { "Idempotency-Key": idempotencyKey },
          body: { reason },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunitiesKey }),
  });
}

export function useReopenOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/opportunities/{id}/reopen", { params: { path: { id } }, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunitiesKey }),
  });
}
