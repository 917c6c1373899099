import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, useApiInfiniteQuery, useApiMutation, useVersionedQuery } from "@/api/query";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Opportunity = Schemas["OpportunityResponse"];
export type OpportunityStage = Schemas["OpportunityStage"];
export type OpportunityRequest = Schemas["OpportunityRequest"];
export type QuoteSummary = Schemas["QuoteSummary"];
export const opportunityStages: OpportunityStage[] = ["Open", "Won", "Lost"];

const pageSize = 25;

export type VersionedOpportunity = Versioned<Opportunity>;

export function useOpportunities(search: string, stage: OpportunityStage | null) {
  return useApiInfiniteQuery("/api/v1/opportunities", {
    params: { query: { limit: pageSize, search: search || undefined, stage: stage ?? undefined } },
  });
}

export function useOpportunity(id: string) {
  return useVersionedQuery("/api/v1/opportunities/{id}", { params: { path: { id } } });
}

export function useCreateOpportunity() {
  return useApiMutation("POST /api/v1/opportunities", async ({ body }: { body: OpportunityRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/opportunities", { body })),
  );
}

export function useUpdateOpportunity() {
  return useApiMutation("PUT /api/v1/opportunities/{id}", async ({ id, body, etag }: { id: string; body: OpportunityRequest; etag: string | null }) =>
    unwrap(await fetchClient.PUT("/api/v1/opportunities/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
  );
}

export function useWinOpportunity() {
  return useApiMutation("POST /api/v1/opportunities/{id}/win", async ({ id, quoteId, createOrder }: { id: string; quoteId: string | null; createOrder: boolean }) =>
    unwrap(await fetchClient.POST("/api/v1/opportunities/{id}/win", { params: { path: { id } }, body: { quoteId, createOrder } })),
  );
}

export function useLoseOpportunity() {
  return useApiMutation("POST /api/v1/opportunities/{id}/lose", async ({ id, reason }: { id: string; reason: string }) =>
    unwrap(await fetchClient.POST("/api/v1/opportunities/{id}/lose", { params: { path: { id } }, body: { reason } })),
  );
}

export function useReopenOpportunity() {
  return useApiMutation("POST /api/v1/opportunities/{id}/reopen", async ({ id }: { id: string }) =>
    unwrap(await fetchClient.POST("/api/v1/opportunities/{id}/reopen", { params: { path: { id } } })),
  );
}
