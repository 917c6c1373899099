import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contractClient } from "@/api/contract-client";
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
export type ExportFormat = "Fec" | "Quadratus" | "Ebp" | "Csv";
export type ExportStatus = "Queued" | "Running" | "Completed" | "Failed";
export type ExportEncoding = "Iso885915" | "Utf8";
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
export type CsvField = (typeof csvFields)[number];

export interface CsvLayout {
  columns: CsvField[];
  separator: string;
  decimalMark: string;
  dateFormat: string;
  header: boolean;
  encoding: ExportEncoding;
}

export interface ExportRequest {
  format: ExportFormat;
  from: string;
  to: string;
  fec?: { separator: "Tab" | "Pipe"; encoding: ExportEncoding } | null;
  csv?: CsvLayout | null;
}

export interface AccountingExport {
  id: string;
  format: ExportFormat;
  formatDescription?: string | null;
  from: string;
  to: string;
  status: ExportStatus;
  progressPercent: number;
  rowsWritten?: number | null;
  rowsTotal?: number | null;
  requestedByName: string | null;
  requestedAt: string;
  completedAt: string | null;
  fileName: string | null;
  size: number | null;
  sha256: string | null;
  entryCount: number | null;
  error: string | null;
}

const exportsKey = ["get", "/api/v1/accounting/exports"] as const;

export function useAccountingExports() {
  return useQuery({
    queryKey: exportsKey,
    queryFn: async ({ signal }) => {
      const data = unwrap(await contractClient.GET("/api/v1/accounting/exports", { signal })) as { items: AccountingExport[] } | AccountingExport[];
      return Array.isArray(data) ? data : data.items;
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
      const data = unwrap(await contractClient.GET("/api/v1/accounting/exports/{id}", { params: { path: { id: id! } }, signal })) as AccountingExport;
      if (finished(data.status)) void queryClient.invalidateQueries({ queryKey: exportsKey, exact: true });
      return data;
    },
  });
}

export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ExportRequest) => unwrap(await contractClient.POST("/api/v1/accounting/exports", { body })) as AccountingExport,
    onSuccess: (created) => {
      queryClient.setQueryData([...exportsKey, created.id], created);
      void queryClient.invalidateQueries({ queryKey: exportsKey, exact: true });
    },
  });
}

export const exportFileUrl = (id: string) => `/api/v1/accounting/exports/${id}/file`;
