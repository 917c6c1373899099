import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient, readCookie } from "@/api/client";
import { toApiError, unwrap } from "@/api/problem";
import { i18n } from "@/lib/i18n/i18n";

/**
 * PDF and e-mail sending of a validated invoice or credit note.
 *
 * NOTE: `GET /api/v1/{invoices|credit-notes}/{id}/pdf` and `POST /api/v1/{invoices|credit-notes}/{id}/send` are being
 * added to the API in parallel and are not in `schema.d.ts` yet, so they are called here with this small untyped
 * fetch (same session cookie, XSRF double submit and Accept-Language as the typed client). Once the lead regenerates
 * the types, switch these two calls to `fetchClient.GET/POST` with the typed paths.
 */
export type BillingDocumentType = "invoices" | "credit-notes";

export interface SendDocumentBody {
  to: string[];
  cc: string[];
  subject?: string;
  body?: string;
}

async function untypedFetch(method: "GET" | "POST", path: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ "Accept-Language": i18n.language || "fr" });
  if (method !== "GET") {
    const token = readCookie("XSRF-TOKEN");
    if (token) headers.set("X-XSRF-TOKEN", token);
    headers.set("Content-Type", "application/json");
    headers.set("Idempotency-Key", crypto.randomUUID());
  }
  const origin = globalThis.location?.origin ?? "http://localhost";
  const response = await globalThis.fetch(new Request(`${origin}${path}`, { method, headers, credentials: "include", body: body === undefined ? undefined : JSON.stringify(body) }));
  if (!response.ok) {
    const text = await response.text();
    let problem: unknown = text;
    try {
      problem = JSON.parse(text);
    } catch {
      // plain text body: kept as the title
    }
    throw toApiError(response, problem);
  }
  return response;
}

/** The archived PDF as a Blob (the API renders it right after validation; a worker retries until it exists). */
export async function fetchDocumentPdf(type: BillingDocumentType, id: string): Promise<Blob> {
  const response = await untypedFetch("GET", `/api/v1/${type}/${id}/pdf`);
  return response.blob();
}

export function useSendDocument(type: BillingDocumentType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["get", `/api/v1/${type}/{id}/emails`, id] }),
    mutationFn: async (body: SendDocumentBody) => {
      const response = await untypedFetch("POST", `/api/v1/${type}/${id}/send`, body);
      return response.status === 204 ? null : ((await response.json()) as unknown);
    },
  });
}

/** The customer's contacts, to pick the recipients from. */
export function useCustomerContacts(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["get", "/api/v1/customers", customerId],
    enabled,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/customers/{id}", { params: { path: { id: customerId } }, signal })),
  });
}
