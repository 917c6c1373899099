import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { useApiInfiniteQuery, useApiMutation, useApiQuery } from "@/api/query";
import type { components } from "@/api/schema";

export type ApiKey = components["schemas"]["ApiKeyResponse"];
export type CreatedApiKey = components["schemas"]["CreatedApiKeyResponse"];

const pageSize = 25;

export function useApiKeys() {
  return useApiInfiniteQuery("/api/v1/api-keys", { params: { query: { limit: pageSize } } });
}

export function useApiKeyScopes(enabled: boolean) {
  return useApiQuery("/api/v1/api-keys/scopes", {}, { enabled, staleTime: Infinity });
}

export function useCreateApiKey() {
  return useApiMutation("POST /api/v1/api-keys", async ({ body }: { body: components["schemas"]["CreateApiKeyRequest"] }) =>
    unwrap(await fetchClient.POST("/api/v1/api-keys", { body })),
  );
}

export function useRevokeApiKey() {
  return useApiMutation("POST /api/v1/api-keys/{id}/revoke", async ({ id }: { id: string }) =>
    unwrap(await fetchClient.POST("/api/v1/api-keys/{id}/revoke", { params: { path: { id } } })),
  );
}
