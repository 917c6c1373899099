import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

export type AuditEvent = components["schemas"]["AuditEventResponse"];

const pageSize = 50;

export function useAuditEvents() {
  return useInfiniteQuery({
    queryKey: ["get", "/api/v1/audit-events", { params: { query: { limit: pageSize } } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await fetchClient.GET("/api/v1/audit-events", { params: { query: { limit: pageSize, after: pageParam } }, signal })),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
  });
}
