import { useApiInfiniteQuery } from "@/api/query";
import type { components } from "@/api/schema";

export type AuditEvent = components["schemas"]["AuditEventResponse"];

const pageSize = 50;

export function useAuditEvents() {
  return useApiInfiniteQuery("/api/v1/audit-events", { params: { query: { limit: pageSize } } });
}
