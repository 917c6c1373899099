import { cleanQuery, useApiInfiniteQuery, useApiQuery } from "@/api/query";
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

export function useReceivables(filters: ReceivableFilters) {
  return useApiInfiniteQuery("/api/v1/receivables", {
    params: {
      query: {
        ...cleanQuery({
          limit: 50,
          customerId: filters.customerId,
          bucket: filters.bucket,
          overdueOnly: filters.overdueOnly || undefined,
          dueFrom: filters.dueFrom,
          dueTo: filters.dueTo,
        }),
        disputed: filters.disputed === "all" ? undefined : filters.disputed === "true",
      },
    },
  });
}

export function useAging() {
  return useApiQuery("/api/v1/receivables/aging");
}

export { statementUrl } from "@/components/receivables/receivables-api";
