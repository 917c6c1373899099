import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

export type NumberingSetting = components["schemas"]["NumberingSettingResponse"];
export type UpdateNumberingSetting = components["schemas"]["UpdateNumberingSettingRequest"];
export type DocumentType = components["schemas"]["DocumentType"];
export type YearToken = components["schemas"]["YearToken"];

/** The document types that have a numbered series, in the order the settings page lists them. */
export const numberedDocumentTypes = ["Quote", "Order", "Invoice", "CreditNote", "DeliveryNote"] as const satisfies readonly DocumentType[];
export const yearTokens = ["None", "TwoDigits", "FourDigits"] as const satisfies readonly YearToken[];

export const numberingQueryKey = ["get", "/api/v1/numbering"] as const;

export function useNumberingSettings() {
  return useQuery({
    queryKey: numberingQueryKey,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/numbering", { signal })),
  });
}

/** One setting with the ETag it was read at: the PUT must send it back as If-Match. */
export function useNumberingSetting(documentType: DocumentType | null) {
  return useQuery({
    queryKey: [...numberingQueryKey, documentType],
    enabled: documentType !== null,
    gcTime: 0,
    queryFn: async ({ signal }) => {
      const result = await fetchClient.GET("/api/v1/numbering/{documentType}", {
        params: { path: { documentType: documentType! } },
        signal,
      });
      return { setting: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useUpdateNumberingSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentType, body, etag }: { documentType: DocumentType; body: UpdateNumberingSetting; etag: string | null }) =>
      unwrap(
        await fetchClient.PUT("/api/v1/numbering/{documentType}", {
          params: { path: { documentType }, header: { "If-Match": etag ?? "" } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: numberingQueryKey }),
  });
}
