import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { cleanQuery } from "@/api/query";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];

export type AgingBucket = Schemas["AgingBucket"];
export const agingBuckets: AgingBucket[] = ["NotDue", "Days1To30", "Days31To60", "Days61To90", "Over90"];
export type ReceivableSummary = Schemas["ReceivableSummary"];
export type ReceivableList = Schemas["ReceivableList"];
export type AgingAmounts = Schemas["AgingAmounts"];
export type AgingReport = Schemas["AgingReport"];

/** The field of AgingAmounts that holds a bucket. */
export const bucketField: Record<AgingBucket, keyof AgingAmounts> = {
  NotDue: "notDue",
  Days1To30: "days1To30",
  Days31To60: "days31To60",
  Days61To90: "days61To90",
  Over90: "over90",
};

export interface ReceivableFilters {
  customerId: string | null;
  bucket: AgingBucket | null;
  disputed: "all" | "true" | "false";
  overdueOnly: boolean;
  dueFrom: string | null;
  dueTo: string | null;
}

export const noReceivableFilters: ReceivableFilters = { customerId: null, bucket: null, disputed: "all", overdueOnly: true, dueFrom: null, dueTo: null };

export const receivablesKey = ["get", "/api/v1/receivables"] as const;

export function useReceivables(filters: ReceivableFilters) {
  const query = cleanQuery({
    limit: 50,
    customerId: filters.customerId,
    bucket: filters.bucket,
    disputed: filters.disputed === "all" ? undefined : filters.disputed,
    overdueOnly: filters.overdueOnly || undefined,
    dueFrom: filters.dueFrom,
    dueTo: filters.dueTo,
  });
  return useInfiniteQuery({
    queryKey: [...receivablesKey, { params: { query } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await fetchClient.GET("/api/v1/receivables", { params: { query: { ...query, after: pageParam } }, signal })),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export function useAging() {
  return useQuery({
    queryKey: [...receivablesKey, "aging"],
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/receivables/aging", { signal })),
  });
}

export { statementUrl } from "@/components/receivables/receivables-api";
