import { useEffect, useRef, useState } from "react";
import { fetchClient } from "@/api/client";
import { toApiError, type ApiError } from "@/api/problem";
import { useApiMutation, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";

export type DocumentTemplate = components["schemas"]["DocumentTemplateResponse"];
export type DocumentTemplateRequest = components["schemas"]["DocumentTemplateRequest"];
export type PrintableKind = components["schemas"]["PrintableKind"];

/** The document types that have a template, in the order the settings page lists them. */
export const templateKinds = ["Invoice", "DepositInvoice", "CreditNote", "Quote", "Order", "DeliveryNote"] as const satisfies readonly PrintableKind[];

/** One template with the ETag it was read at: the PUT sends it back as If-Match. */
export function useDocumentTemplate(kind: PrintableKind) {
  return useVersionedQuery("/api/v1/document-templates/{kind}", { params: { path: { kind } } }, { gcTime: 0 });
}

export function useUpdateDocumentTemplate() {
  return useApiMutation(
    "PUT /api/v1/document-templates/{kind}",
    async ({ kind, body, etag }: { kind: PrintableKind; body: DocumentTemplateRequest; etag: string | null }) =>
      versioned(await fetchClient.PUT("/api/v1/document-templates/{kind}", { params: { path: { kind }, header: { "If-Match": etag ?? "" } }, body })),
  );
}

export function useUploadTemplateLogo() {
  return useApiMutation("PUT /api/v1/document-templates/{kind}/logo", async ({ kind, file }: { kind: PrintableKind; file: File }) => {
    const result = await fetchClient.PUT("/api/v1/document-templates/{kind}/logo", {
      params: { path: { kind } },
      body: { file: "" },
      bodySerializer: () => {
        const data = new FormData();
        data.append("file", file);
        return data;
      },
    });
    if (!result.response.ok) throw toApiError(result.response, result.error);
  });
}

export function useRemoveTemplateLogo() {
  return useApiMutation("DELETE /api/v1/document-templates/{kind}/logo", async (kind: PrintableKind) => {
    const result = await fetchClient.DELETE("/api/v1/document-templates/{kind}/logo", { params: { path: { kind } } });
    if (!result.response.ok) throw toApiError(result.response, result.error);
  });
}

export const previewDelayMs = 600;

/**
 * The live preview: after the form has been still for {@link previewDelayMs}, POSTs it to the preview endpoint and
 * exposes the PDF as a blob URL (the previous one is revoked). Only the latest request's answer is kept.
 * `version` changes whenever something outside the form that shows in the PDF changes (e.g. the logo).
 */
export function useTemplatePreview(kind: PrintableKind, body: DocumentTemplateRequest, version: number) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const serialized = JSON.stringify(body);

  useEffect(() => {
    const request = ++latest.current;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      void (async () => {
        try {
          const result = await fetchClient.POST("/api/v1/document-templates/{kind}/preview", {
            params: { path: { kind } },
            body: JSON.parse(serialized) as DocumentTemplateRequest,
            parseAs: "blob",
            signal: controller.signal,
          });
          if (request !== latest.current) return;
          if (!result.response.ok) {
            setError(toApiError(result.response, result.error));
            return;
          }
          setError(null);
          const next = URL.createObjectURL(result.data as Blob);
          setUrl((previous) => {
            if (previous) URL.revokeObjectURL(previous);
            return next;
          });
        } catch (e) {
          if (!controller.signal.aborted && request === latest.current) setError(e as ApiError);
        } finally {
          if (request === latest.current) setLoading(false);
        }
      })();
    }, previewDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [kind, serialized, version]);

  useEffect(
    () => () => {
      setUrl((previous) => {
        if (previous) URL.revokeObjectURL(previous);
        return null;
      });
    },
    [],
  );

  return { url, error, loading };
}
