import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { useApiMutation, useApiQuery, useVersionedQuery } from "@/api/query";
import type { components } from "@/api/schema";

export type NumberingSetting = components["schemas"]["NumberingSettingResponse"];
export type UpdateNumberingSetting = components["schemas"]["UpdateNumberingSettingRequest"];
export type DocumentType = components["schemas"]["DocumentType"];
export type YearToken = components["schemas"]["YearToken"];

/** The document types that have a numbered series, in the order the settings page lists them. */
export const numberedDocumentTypes = ["Quote", "Order", "Invoice", "CreditNote", "DeliveryNote"] as const satisfies readonly DocumentType[];
export const yearTokens = ["None", "TwoDigits", "FourDigits"] as const satisfies readonly YearToken[];

export function useNumberingSettings() {
  return useApiQuery("/api/v1/numbering");
}

/** One setting with the ETag it was read at: the PUT must send it back as If-Match. */
export function useNumberingSetting(documentType: DocumentType | null) {
  return useVersionedQuery(
    "/api/v1/numbering/{documentType}",
    { params: { path: { documentType: documentType ?? "Invoice" } } },
    { enabled: documentType !== null, gcTime: 0 },
  );
}

export function useUpdateNumberingSetting() {
  return useApiMutation(
    "PUT /api/v1/numbering/{documentType}",
    async ({ documentType, body, etag }: { documentType: DocumentType; body: UpdateNumberingSetting; etag: string | null }) =>
      unwrap(await fetchClient.PUT("/api/v1/numbering/{documentType}", { params: { path: { documentType }, header: { "If-Match": etag ?? "" } }, body })),
  );
}
