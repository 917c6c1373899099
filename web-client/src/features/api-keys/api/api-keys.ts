import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

export type ApiKey = components["schemas"]["ApiKeyResponse"];
export type CreatedApiKey = components["schemas"]["CreatedApiKeyResponse"];

const pageSize = 25;
const apiKeysKey = ["get", "/api/v1/api-keys"] as const;

export function useApiKeys() {
  return useInfiniteQuery({
    queryKey: [...apiKeysKey, { params: { query: { limit: pageSize } } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await fetchClient.GET("/api/v1/api-keys", { params: { query: { limit: pageSize, after: pageParam } }, signal })),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
  });
}

export function useApiKeyScopes(enabled: boolean) {
  return useQuery({
    queryKey: ["get", "/api/v1/api-keys/scopes"],
    enabled,
    staleTime: Infinity,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/api-keys/scopes", { signal })),
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: components["schemas"]["CreateApiKeyRequest"]; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/api-keys", { body, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/api-keys/{id}/revoke", {
          params: { path: { id } },
          headers: { "Idempotency-Key": idempotencyKey },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  });
}
