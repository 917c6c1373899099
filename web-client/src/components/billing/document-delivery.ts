import { fetchClient } from "@/api/client";
import { toApiError, unwrap } from "@/api/problem";
import { useApiMutation, useApiQuery } from "@/api/query";
import type { components } from "@/api/schema";

/**
 * PDF and e-mail sending of a document, through the typed client like every other call: invoices and credit notes
 * (validated: their archived PDF), quotes (once numbered) and validated orders (order confirmation), and the live
 * preview of any draft.
 */
export type BillingDocumentType = "invoices" | "credit-notes";
export type DeliverableDocumentType = BillingDocumentType | "quotes" | "orders" | "delivery-notes";

export type SendDocumentBody = components["schemas"]["SendDocumentRequest"];

/** The PDF as a Blob with the file name the server gave it: the archived PDF of a validated document, a marked preview of a draft. */
export async function fetchDocumentPdf(type: DeliverableDocumentType, id: string): Promise<Blob> {
  return (await fetchDocumentPdfFile(type, id)).blob;
}

export async function fetchDocumentPdfFile(type: DeliverableDocumentType, id: string): Promise<{ blob: Blob; fileName: string | null }> {
  const options = { params: { path: { id } }, parseAs: "blob" as const };
  const result =
    type === "invoices"
      ? await fetchClient.GET("/api/v1/invoices/{id}/pdf", options)
      : type === "credit-notes"
        ? await fetchClient.GET("/api/v1/credit-notes/{id}/pdf", options)
        : type === "quotes"
          ? await fetchClient.GET("/api/v1/quotes/{id}/pdf", options)
          : type === "delivery-notes"
            ? await fetchClient.GET("/api/v1/delivery-notes/{id}/pdf", options)
            : await fetchClient.GET("/api/v1/orders/{id}/pdf", options);
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return { blob: result.data as Blob, fileName: fileNameOf(result.response.headers.get("Content-Disposition")) };
}

/** The file name of a Content-Disposition header, the UTF-8 `filename*` first ("Facture brouillon (aperçu).pdf"). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // A malformed encoding falls back to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

export function useSendDocument(type: DeliverableDocumentType, id: string) {
  return useApiMutation(
    () =>
      type === "invoices"
        ? "POST /api/v1/invoices/{id}/send"
        : type === "credit-notes"
          ? "POST /api/v1/credit-notes/{id}/send"
          : type === "quotes"
            ? "POST /api/v1/quotes/{id}/email"
            : type === "delivery-notes"
              ? "POST /api/v1/delivery-notes/{id}/send"
              : "POST /api/v1/orders/{id}/send",
    async (body: SendDocumentBody) => {
      const init = { params: { path: { id } }, body };
      switch (type) {
        case "invoices":
          return unwrap(await fetchClient.POST("/api/v1/invoices/{id}/send", init));
        case "credit-notes":
          return unwrap(await fetchClient.POST("/api/v1/credit-notes/{id}/send", init));
        case "quotes":
          return unwrap(await fetchClient.POST("/api/v1/quotes/{id}/email", init));
        case "delivery-notes":
          return unwrap(await fetchClient.POST("/api/v1/delivery-notes/{id}/send", init));
        default:
          return unwrap(await fetchClient.POST("/api/v1/orders/{id}/send", init));
      }
    },
  );
}

/** The e-mails sent with a document, read again every 5 s while one is still queued or being sent. */
export function useDocumentEmails(type: DeliverableDocumentType, id: string) {
  const init = { params: { path: { id } } };
  const refetchInterval = (query: { state: { data?: { status: string }[] } }) =>
    query.state.data?.some((e) => e.status === "Pending" || e.status === "Sending") ? 5000 : false;
  const invoiceEmails = useApiQuery("/api/v1/invoices/{id}/emails", init, { enabled: type === "invoices", refetchInterval });
  const creditNoteEmails = useApiQuery("/api/v1/credit-notes/{id}/emails", init, { enabled: type === "credit-notes", refetchInterval });
  const quoteEmails = useApiQuery("/api/v1/quotes/{id}/emails", init, { enabled: type === "quotes", refetchInterval });
  const orderEmails = useApiQuery("/api/v1/orders/{id}/emails", init, { enabled: type === "orders", refetchInterval });
  const deliveryNoteEmails = useApiQuery("/api/v1/delivery-notes/{id}/emails", init, { enabled: type === "delivery-notes", refetchInterval });
  return { invoices: invoiceEmails, "credit-notes": creditNoteEmails, quotes: quoteEmails, orders: orderEmails, "delivery-notes": deliveryNoteEmails }[type];
}

/** The customer's contacts, to pick the recipients from. */
export function useCustomerContacts(customerId: string, enabled: boolean) {
  return useApiQuery("/api/v1/customers/{id}", { params: { path: { id: customerId } } }, { enabled });
}
