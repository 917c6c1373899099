import { useQueries, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiInfiniteQuery, useApiMutation, useApiQuery, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Contract = Schemas["ContractResponse"];
export type ContractSummary = Schemas["ContractSummary"];
export type ContractRequest = Schemas["ContractRequest"];
export type ContractFromOrderRequest = Schemas["ContractFromOrderRequest"];
export type ContractStatus = Schemas["ContractStatus"];
export type ContractPeriodicity = NonNullable<Schemas["ContractPeriodicity"]>;
export type BillingTiming = Schemas["BillingTiming"];
export type RevisionKind = Schemas["RevisionKind"];
export type RevisionRequest = Schemas["RevisionDto"];
export type ContractLine = Schemas["ContractLineResponse"];
export type Renewal = Schemas["ContractRenewal"];
export type RecurringRevenue = Schemas["RecurringRevenueResponse"];
export type VersionedContract = Versioned<Contract>;

export const contractStatuses: ContractStatus[] = ["Draft", "Active", "Terminated", "Expired"];
export const periodicities: ContractPeriodicity[] = ["Monthly", "Quarterly", "HalfYearly", "Yearly"];
export const timings: BillingTiming[] = ["InAdvance", "InArrears"];
export const revisionKinds: RevisionKind[] = ["None", "Percentage", "Index"];
/** The windows offered for "à renouveler" (days before the term's end). */
export const renewalWindows = [30, 60, 90] as const;

const pageSize = 25;
const contractKey = (id: string) => apiKey("/api/v1/contracts/{id}", { params: { path: { id } } }, "versioned");

export interface ContractFilters {
  search: string;
  status: ContractStatus | null;
  customerId: string | null;
  /** Only the contracts whose term ends within 60 days ("à renouveler"). */
  toRenew: boolean;
}

export const noContractFilters: ContractFilters = { search: "", status: null, customerId: null, toRenew: false };

export function useContracts(filters: ContractFilters) {
  return useApiInfiniteQuery("/api/v1/contracts", {
    params: {
      query: {
        limit: pageSize,
        search: filters.search || undefined,
        status: filters.status ?? undefined,
        customerId: filters.customerId ?? undefined,
        renewalWithin: filters.toRenew ? 60 : undefined,
      },
    },
  });
}

export function useContract(id: string) {
  return useVersionedQuery("/api/v1/contracts/{id}", { params: { path: { id } } }, { enabled: id !== "" });
}

export function useRenewals(within: number, enabled = true) {
  return useApiQuery("/api/v1/contracts/renewals", { params: { query: { within } } }, { enabled });
}

export function useCreateContract() {
  return useApiMutation("POST /api/v1/contracts", async ({ body }: { body: ContractRequest }) => unwrap(await fetchClient.POST("/api/v1/contracts", { body })));
}

export function useCreateContractFromOrder() {
  return useApiMutation("POST /api/v1/contracts/from-order", async ({ body }: { body: ContractFromOrderRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/contracts/from-order", { body })),
  );
}

export function useUpdateContract() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/contracts/{id}",
    async ({ id, body, etag }: { id: string; body: ContractRequest; etag: string | null }): Promise<VersionedContract> =>
      versioned(await fetchClient.PUT("/api/v1/contracts/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(contractKey(saved.value.id), saved) },
  );
}

export function useDeleteContract() {
  return useApiMutation("DELETE /api/v1/contracts/{id}", async (id: string) =>
    unwrap(await fetchClient.DELETE("/api/v1/contracts/{id}", { params: { path: { id } } })),
  );
}

export function useActivateContract() {
  return useApiMutation("POST /api/v1/contracts/{id}/activate", async (id: string) =>
    unwrap(await fetchClient.POST("/api/v1/contracts/{id}/activate", { params: { path: { id } } })),
  );
}

export function useTerminateContract() {
  return useApiMutation("POST /api/v1/contracts/{id}/terminate", async ({ id, effectiveDate, reason }: { id: string; effectiveDate: string | null; reason: string }) =>
    unwrap(await fetchClient.POST("/api/v1/contracts/{id}/terminate", { params: { path: { id } }, body: { effectiveDate, reason } })),
  );
}

export function useRenewContract() {
  return useApiMutation("POST /api/v1/contracts/{id}/renew", async ({ id, revision }: { id: string; revision: RevisionRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/contracts/{id}/renew", { params: { path: { id } }, body: { revision } })),
  );
}

export function useLetContractExpire() {
  return useApiMutation("POST /api/v1/contracts/{id}/let-expire", async (id: string) =>
    unwrap(await fetchClient.POST("/api/v1/contracts/{id}/let-expire", { params: { path: { id } } })),
  );
}

/**
 * The order lines already billed by a contract: the order's contracts (GET /contracts?orderId=) and their lines' order
 * line. Read only for a validated order with subscription lines; `ready` once known.
 */
export function useLinesUnderContract(orderId: string, enabled: boolean) {
  const list = useApiQuery("/api/v1/contracts", { params: { query: { orderId, limit: 100 } } }, { enabled });
  const ids = (list.data?.items ?? []).map((c) => c.id);
  const details = useQueries({
    queries: ids.map((id) => ({
      queryKey: apiKey("/api/v1/contracts/{id}", { params: { path: { id } } }),
      queryFn: async ({ signal }: { signal: AbortSignal }) => unwrap(await fetchClient.GET("/api/v1/contracts/{id}", { params: { path: { id } }, signal })),
    })),
  });
  const under = new Set(details.flatMap((d) => (d.data?.lines ?? []).map((l) => l.orderLineId).filter((x): x is string => !!x)));
  return { under, ready: !enabled || (list.isSuccess && details.every((d) => d.isSuccess)) };
}

/** Today in the browser's calendar, as the API writes dates ("2026-12-07"). */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export type ContractPeriod = Schemas["ContractPeriodResponse"];
export type ContractPeriodInvoice = Schemas["ContractPeriodInvoiceResponse"];
export type ContractInvoicing = Schemas["ContractInvoicing"];
export type ContractBillingSettings = Schemas["ContractBillingSettingsResponse"];
const settingsKey = apiKey("/api/v1/contracts/billing-settings", {}, "versioned");

/** Every period of the contract: billed ones with their invoice, then the due and upcoming ones. */
export function useContractPeriods(id: string, enabled = true) {
  return useApiQuery("/api/v1/contracts/{id}/periods", { params: { path: { id } } }, { enabled: enabled && id !== "" });
}

/** Bills the contract's due periods now (what the scheduled run does): one invoice per period, never two. */
export function useInvoiceDuePeriods() {
  return useApiMutation("POST /api/v1/contracts/{id}/invoice-due-periods", async (id: string) =>
    unwrap(await fetchClient.POST("/api/v1/contracts/{id}/invoice-due-periods", { params: { path: { id } } })),
  );
}

export function useContractBillingSettings() {
  return useVersionedQuery("/api/v1/contracts/billing-settings");
}

/** Before the first save the settings have no stored version: the API then expects "0" as If-Match. */
export function useSaveContractBillingSettings() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/contracts/billing-settings",
    async ({ body, etag }: { body: Schemas["UpdateContractBillingSettingsRequest"]; etag: string | null }) =>
      versioned(await fetchClient.PUT("/api/v1/contracts/billing-settings", { params: { header: { "If-Match": etag ?? '"0"' } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(settingsKey, saved) },
  );
}
