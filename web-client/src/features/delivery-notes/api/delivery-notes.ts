import { useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiInfiniteQuery, useApiMutation, useApiQuery, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type DeliveryNote = Schemas["DeliveryNoteResponse"];
export type DeliveryNoteSummary = Schemas["DeliveryNoteSummary"];
export type DeliveryNoteStatus = Schemas["DeliveryNoteStatus"];
export type DeliveryNoteRequest = Schemas["CreateDeliveryNoteRequest"];
export type UpdateDeliveryNoteRequest = Schemas["UpdateDeliveryNoteRequest"];
export type OrderDeliveries = Schemas["OrderDeliveriesResponse"];
export type OrderDeliveryLine = Schemas["OrderDeliveryLineResponse"];
export type OrderDeliveryStatus = Schemas["OrderDeliveryStatus"];
export type InvoiceFromDeliveryNotesRequest = Schemas["InvoiceFromDeliveryNotesRequest"];
export type VersionedDeliveryNote = Versioned<DeliveryNote>;

export const deliveryNoteStatuses: DeliveryNoteStatus[] = ["Draft", "Validated", "Delivered", "Cancelled"];

const pageSize = 25;
const noteKey = (id: string) => apiKey("/api/v1/delivery-notes/{id}", { params: { path: { id } } }, "versioned");

export interface DeliveryNoteFilters {
  search: string;
  status: DeliveryNoteStatus | null;
  customerId: string | null;
  orderId: string | null;
}

export const noDeliveryNoteFilters: DeliveryNoteFilters = { search: "", status: null, customerId: null, orderId: null };

export function useDeliveryNotes(filters: DeliveryNoteFilters) {
  return useApiInfiniteQuery("/api/v1/delivery-notes", {
    params: {
      query: {
        limit: pageSize,
        search: filters.search || undefined,
        status: filters.status ?? undefined,
        customerId: filters.customerId ?? undefined,
        orderId: filters.orderId ?? undefined,
      },
    },
  });
}

export function useDeliveryNote(id: string) {
  return useVersionedQuery("/api/v1/delivery-notes/{id}", { params: { path: { id } } }, { enabled: id !== "" });
}

/** Per order line: ordered, delivered, left to deliver and whether it is deliverable; the order's delivery status and notes. */
export function useOrderDeliveries(orderId: string, enabled = true) {
  return useApiQuery("/api/v1/orders/{id}/deliveries", { params: { path: { id: orderId } } }, { enabled: enabled && orderId !== "" });
}

export function useCreateDeliveryNote() {
  return useApiMutation("POST /api/v1/delivery-notes", async ({ body }: { body: DeliveryNoteRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/delivery-notes", { body })),
  );
}

export function useUpdateDeliveryNote() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/delivery-notes/{id}",
    async ({ id, body, etag }: { id: string; body: UpdateDeliveryNoteRequest; etag: string | null }): Promise<VersionedDeliveryNote> =>
      versioned(await fetchClient.PUT("/api/v1/delivery-notes/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(noteKey(saved.value.id), saved) },
  );
}

export function useDeleteDeliveryNote() {
  return useApiMutation("DELETE /api/v1/delivery-notes/{id}", async (id: string) =>
    unwrap(await fetchClient.DELETE("/api/v1/delivery-notes/{id}", { params: { path: { id } } })),
  );
}

export function useValidateDeliveryNote() {
  return useApiMutation("POST /api/v1/delivery-notes/{id}/validate", async ({ id, issueDate }: { id: string; issueDate: string | null }) =>
    unwrap(await fetchClient.POST("/api/v1/delivery-notes/{id}/validate", { params: { path: { id } }, body: { issueDate } })),
  );
}

export interface DeliverBody {
  deliveredOn: string | null;
  receivedBy: string;
  remarks: string | null;
}

export function useDeliverDeliveryNote() {
  return useApiMutation("POST /api/v1/delivery-notes/{id}/deliver", async ({ id, body }: { id: string; body: DeliverBody }) =>
    unwrap(await fetchClient.POST("/api/v1/delivery-notes/{id}/deliver", { params: { path: { id } }, body })),
  );
}

export function useCancelDeliveryNote() {
  return useApiMutation("POST /api/v1/delivery-notes/{id}/cancel", async ({ id, reason }: { id: string; reason: string }) =>
    unwrap(await fetchClient.POST("/api/v1/delivery-notes/{id}/cancel", { params: { path: { id } }, body: { reason } })),
  );
}

export function useInvoiceDeliveryNotes() {
  return useApiMutation("POST /api/v1/invoices/from-delivery-notes", async ({ body }: { body: InvoiceFromDeliveryNotesRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/invoices/from-delivery-notes", { body })),
  );
}
