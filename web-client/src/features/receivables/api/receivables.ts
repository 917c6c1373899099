import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { cleanQuery, contractClient } from "@/api/contract-client";
import { unwrap } from "@/api/problem";
import type { InvoicePaymentStatus } from "@/components/receivables/receivables-api";

export type AgingBucket = "NotDue" | "Days1To30" | "Days31To60" | "Days61To90" | "Over90";
export const agingBuckets: AgingBucket[] = ["NotDue", "Days1To30", "Days31To60", "Days61To90", "Over90"];

export interface ReceivableSummary {
  invoiceId: string;
  number: string;
  customerId: string;
  customerName: string;
  issueDate: string;
  dueDate: string;
  total: number;
  outstanding: number;
  paymentStatus: InvoicePaymentStatus;
  daysLate: number;
  bucket: AgingBucket;
  disputed: boolean;
  disputeReason: string | null;
}

export interface ReceivableList {
  items: ReceivableSummary[];
  nextCursor: string | null;
  hasMore: boolean;
  count: number;
  totalOutstanding: number;
  today: string;
}

export interface AgingAmounts {
  notDue: number;
  days1To30: number;
  days31To60: number;
  days61To90: number;
  over90: number;
  total: number;
  disputed: number;
  openInvoices: number;
}

export interface AgingReport {
  asOf: string;
  customers: { customerId: string; customerName: string; amounts: AgingAmounts }[];
  totals: AgingAmounts;
  salesLast90Days: number;
  dsoFrom: string;
  daysSalesOutstanding: number | null;
}

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
      unwrap(await contractClient.GET("/api/v1/receivables", { params: { query: { ...query, after: pageParam } }, signal })) as ReceivableList,
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export function useAging() {
  return useQuery({
    queryKey: [...receivablesKey, "aging"],
    queryFn: async ({ signal }) => unwrap(await contractClient.GET("/api/v1/receivables/aging", { signal })) as AgingReport,
  });
}

export { statementUrl } from "@/components/receivables/receivables-api";
