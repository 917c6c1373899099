import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";
import { type AccountingSettings, type VersionedAccountingSettings, accountingSettingsKey } from "@/components/receivables/receivables-api";

export type { AccountingSettings };

export type VatSummary = components["schemas"]["VatSummaryResponse"];

export function useSaveAccountingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: AccountingSettings; etag: string | null }): Promise<VersionedAccountingSettings> => {
      const result = await fetchClient.PUT("/api/v1/accounting/settings", { body, params: { header: { "If-Match": etag ?? "" } } });
      return { settings: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => queryClient.setQueryData(accountingSettingsKey, saved),
  });
}

export function useVatSummary(from: string | null, to: string | null) {
  return useQuery({
    queryKey: ["get", "/api/v1/accounting/vat-summary", from, to],
    enabled: !!from && !!to,
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.GET("/api/v1/accounting/vat-summary", { params: { query: { from: from!, to: to! } }, signal })),
  });
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

const exportsKey = ["get", "/api/v1/accounting/exports"] as const;

export function useAccountingExports() {
  return useQuery({
    queryKey: exportsKey,
    queryFn: async ({ signal }) => {
      return unwrap(await fetchClient.GET("/api/v1/accounting/exports", { signal })).items;
    },
  });
}

const finished = (status: ExportStatus | undefined) => status === "Completed" || status === "Failed";

/** One export, polled every `pollMs` while it is queued or running. */
export function useAccountingExport(id: string | null, pollMs = 1000) {
  const queryClient = useQueryClient();
  return useQuery<AccountingExport>({
    queryKey: [...exportsKey, id],
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
  return useMutation({
    mutationFn: async (body: ExportRequest) => unwrap(await fetchClient.POST("/api/v1/accounting/exports", { body })),
    onSuccess: (created) => {
      queryClient.setQueryData([...exportsKey, created.id], created);
      void queryClient.invalidateQueries({ queryKey: exportsKey, exact: true });
    },
  });
}

export const exportFileUrl = (id: string) => `/api/v1/accounting/exports/${id}/file`;
