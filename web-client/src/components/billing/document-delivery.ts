import { fetchClient } from "@/api/client";
import { toApiError, unwrap } from "@/api/problem";
import { useApiMutation, useApiQuery } from "@/api/query";
import type { components } from "@/api/schema";

/** PDF and e-mail sending of a validated invoice or credit note, through the typed client like every other call. */
export type BillingDocumentType = "invoices" | "credit-notes";

export type SendDocumentBody = components["schemas"]["SendDocumentRequest"];

/** The archived PDF as a Blob (the API renders it right after validation; a worker retries until it exists). */
export async function fetchDocumentPdf(type: BillingDocumentType, id: string): Promise<Blob> {
  const options = { params: { path: { id } }, parseAs: "blob" as const };
  const result =
    type === "invoices"
      ? await fetchClient.GET("/api/v1/invoices/{id}/pdf", options)
      : await fetchClient.GET("/api/v1/credit-notes/{id}/pdf", options);
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as Blob;
}

export function useSendDocument(type: BillingDocumentType, id: string) {
  return useApiMutation(
    () => (type === "invoices" ? "POST /api/v1/invoices/{id}/send" : "POST /api/v1/credit-notes/{id}/send"),
    async (body: SendDocumentBody) =>
      type === "invoices"
        ? unwrap(await fetchClient.POST("/api/v1/invoices/{id}/send", { params: { path: { id } }, body }))
        : unwrap(await fetchClient.POST("/api/v1/credit-notes/{id}/send", { params: { path: { id } }, body })),
  );
}

/** The e-mails sent with a document, read again every 5 s while one is still queued or being sent. */
export function useDocumentEmails(type: BillingDocumentType, id: string) {
  const init = { params: { path: { id } } };
  const refetchInterval = (query: { state: { data?: { status: string }[] } }) =>
    query.state.data?.some((e) => e.status === "Pending" || e.status === "Sending") ? 5000 : false;
  const invoiceEmails = useApiQuery("/api/v1/invoices/{id}/emails", init, { enabled: type === "invoices", refetchInterval });
  const creditNoteEmails = useApiQuery("/api/v1/credit-notes/{id}/emails", init, { enabled: type === "credit-notes", refetchInterval });
  return type === "invoices" ? invoiceEmails : creditNoteEmails;
}

/** The customer's contacts, to pick the recipients from. */
export function useCustomerContacts(customerId: string, enabled: boolean) {
  return useApiQuery("/api/v1/customers/{id}", { params: { path: { id: customerId } } }, { enabled });
}
