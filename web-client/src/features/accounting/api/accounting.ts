import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { apiKey, useApiMutation, useApiQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";
import { type AccountingSettings, type VersionedAccountingSettings, accountingSettingsKey } from "@/components/receivables/receivables-api";

export type { AccountingSettings };

export type VatSummary = components["schemas"]["VatSummaryResponse"];

export function useSaveAccountingSettings() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/accounting/settings",
    async ({ body, etag }: { body: AccountingSettings; etag: string | null }): Promise<VersionedAccountingSettings> =>
      versioned(await fetchClient.PUT("/api/v1/accounting/settings", { body, params: { header: { "If-Match": etag ?? "" } } })),
    { onSuccess: (saved) => void queryClient.setQueryData(accountingSettingsKey, saved) },
  );
}

export function useVatSummary(from: string | null, to: string | null) {
  return useApiQuery("/api/v1/accounting/vat-summary", { params: { query: { from: from ?? "", to: to ?? "" } } }, { enabled: !!from && !!to });
}

// Exports (contract: POST/GET /accounting/exports, GET /accounting/exports/{id}, GET /accounting/exports/{id}/file).
type Schemas = components["schemas"];

export type ExportFormat = Schemas["AccountingExportFormat"];
export type ExportStatus = Schemas["AccountingExportStatus"];
export type ExportEncoding = Schemas["ExportEncoding"];
export const exportFormats: ExportFormat[] = ["Fec", "Quadratus", "Ebp", "Csv"];
export const csvFields = [
  "JournalCode",
  "JournalLabel",
  "EntryNumber",
  "EntryDate",
  "Account",
  "AccountLabel",
  "AuxiliaryAccount",
  "AuxiliaryLabel",
  "PieceRef",
  "PieceDate",
  "Label",
  "Debit",
  "Credit",
  "Amount",
  "Direction",
  "LetteringCode",
  "LetteringDate",
  "ValidationDate",
  "CurrencyAmount",
  "CurrencyCode",
] as const;
export type CsvField = Schemas["CsvField"];
export type CsvLayout = Schemas["CsvExportLayout"];
export type ExportRequest = Schemas["RequestAccountingExportRequest"];
export type AccountingExport = Schemas["AccountingExportResponse"];

const exportsKey = apiKey("/api/v1/accounting/exports");
const exportKey = (id: string | null) => apiKey("/api/v1/accounting/exports/{id}", { params: { path: { id: id ?? "" } } });

export function useAccountingExports() {
  return useApiQuery("/api/v1/accounting/exports", {}, { select: (page) => page.items });
}

const finished = (status: ExportStatus | undefined) => status === "Completed" || status === "Failed";

/** One export, polled every `pollMs` while it is queued or running; the list is read again once it is done. */
export function useAccountingExport(id: string | null, pollMs = 1000) {
  const queryClient = useQueryClient();
  return useQuery<AccountingExport>({
    queryKey: exportKey(id),
    enabled: !!id,
    refetchInterval: (query) => (finished(query.state.data?.status) ? false : pollMs),
    queryFn: async ({ signal }): Promise<AccountingExport> => {
      const data = unwrap(await fetchClient.GET("/api/v1/accounting/exports/{id}", { params: { path: { id: id! } }, signal }));
      if (finished(data.status)) void queryClient.invalidateQueries({ queryKey: exportsKey, exact: true });
      return data;
    },
  });
}

export function useStartExport() {
  const queryClient = useQueryClient();
  return useApiMutation("POST /api/v1/accounting/exports", async (body: ExportRequest) => unwrap(await fetchClient.POST("/api/v1/accounting/exports", { body })), {
    onSuccess: (created) => void queryClient.setQueryData(exportKey(created.id), created),
  });
}

export const exportFileUrl = (id: string) => `/api/v1/accounting/exports/${id}/file`;
