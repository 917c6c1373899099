/**
 * The delivery-notes contract as planned in issue 13, until the API branch generates it into `schema.d.ts`: the
 * paths are added to the generated `paths` so the typed client, the invalidation map and the hooks compile the same
 * way they will against the generated contract. Deleted as soon as `npm run gen:api` brings the real paths.
 */
import type { components } from "./schema";

type Address = components["schemas"]["PostalAddressDto"];

export type PlannedDeliveryNoteStatus = "Draft" | "Validated" | "Delivered" | "Cancelled";
export type PlannedOrderDeliveryStatus = "NotDeliverable" | "NotDelivered" | "PartiallyDelivered" | "Delivered";

export interface PlannedDeliveryNoteLine {
  id: string;
  position: number;
  orderLineId: string;
  description: string;
  unitCode: string | null;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  netAmount: number;
}

export interface PlannedDeliveryNote {
  id: string;
  number: string | null;
  status: PlannedDeliveryNoteStatus;
  orderId: string;
  orderNumber: string;
  customerId: string;
  customerName: string;
  customerReference: string | null;
  issueDate: string | null;
  plannedDate: string | null;
  deliveryAddress: Address | null;
  remarks: string | null;
  showPrices: boolean;
  deliveredOn: string | null;
  receivedBy: string | null;
  deliveryRemarks: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  lines: PlannedDeliveryNoteLine[];
  totalExcludingVat: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlannedDeliveryNoteSummary {
  id: string;
  number: string | null;
  status: PlannedDeliveryNoteStatus;
  orderId: string;
  orderNumber: string;
  customerId: string;
  customerName: string;
  issueDate: string | null;
  plannedDate: string | null;
  deliveredOn: string | null;
  invoiceId: string | null;
  totalQuantity: number;
  updatedAt: string;
}

export interface PlannedDeliveryNotePage {
  items: PlannedDeliveryNoteSummary[];
  nextCursor: string | null;
  hasMore: boolean;
}

export interface PlannedDeliveryNoteLineRequest {
  orderLineId: string;
  quantity: number;
}

export interface PlannedUpdateDeliveryNoteRequest {
  lines?: PlannedDeliveryNoteLineRequest[] | null;
  plannedDate?: string | null;
  deliveryAddress?: Address | null;
  remarks?: string | null;
  showPrices?: boolean | null;
}

export interface PlannedDeliveryNoteRequest extends PlannedUpdateDeliveryNoteRequest {
  orderId: string;
}

export interface PlannedDeliverRequest {
  deliveredOn: string | null;
  receivedBy: string | null;
  remarks?: string | null;
}

export interface PlannedOrderDeliveryLine {
  orderLineId: string;
  position: number;
  description: string;
  unitCode: string | null;
  deliverable: boolean;
  orderedQuantity: number;
  deliveredQuantity: number;
  leftToDeliverQuantity: number;
}

export interface PlannedOrderDeliveries {
  orderId: string;
  orderNumber: string | null;
  deliveryStatus: PlannedOrderDeliveryStatus;
  lines: PlannedOrderDeliveryLine[];
  notes: PlannedDeliveryNoteSummary[];
}

export interface PlannedInvoiceFromDeliveryNotesRequest {
  deliveryNoteIds: string[];
  issueDate?: string | null;
}

type Json<T> = { content: { "application/json": T } };
type Ok<T> = { 200: { headers: { [name: string]: unknown } } & Json<T> };
type Created<T> = { 201: { headers: { [name: string]: unknown } } & Json<T> };
type NoContent = { 204: { headers: { [name: string]: unknown }; content?: never } };
type Headers = { "If-Match"?: string; "Idempotency-Key"?: string };
type Id = { id: string };
type Never = { query?: never; header?: never; path?: never; cookie?: never };
type Op<P, Q, B, R> = {
  parameters: { query?: Q; header?: Headers; cookie?: never } & ([P] extends [never] ? { path?: never } : { path: P });
  requestBody?: [B] extends [never] ? never : Json<B>;
  responses: R;
};
type Unused = { get?: never; put?: never; post?: never; delete?: never; options?: never; head?: never; patch?: never; trace?: never };

declare module "./schema" {
  interface paths {
    "/api/v1/delivery-notes": Omit<Unused, "get" | "post"> & {
      parameters: Never;
      get: Op<never, { orderId?: string; customerId?: string; status?: PlannedDeliveryNoteStatus; search?: string; limit?: number; after?: string }, never, Ok<PlannedDeliveryNotePage>>;
      post: Op<never, never, PlannedDeliveryNoteRequest, Created<PlannedDeliveryNote>>;
    };
    "/api/v1/delivery-notes/{id}": Omit<Unused, "get" | "put" | "delete"> & {
      parameters: Never;
      get: Op<Id, never, never, Ok<PlannedDeliveryNote>>;
      put: Op<Id, never, PlannedUpdateDeliveryNoteRequest, Ok<PlannedDeliveryNote>>;
      delete: Op<Id, never, never, NoContent>;
    };
    "/api/v1/delivery-notes/{id}/validate": Omit<Unused, "post"> & { parameters: Never; post: Op<Id, never, { issueDate?: string | null }, Ok<PlannedDeliveryNote>> };
    "/api/v1/delivery-notes/{id}/deliver": Omit<Unused, "post"> & {
      parameters: Never;
      post: Op<Id, never, PlannedDeliverRequest, Ok<PlannedDeliveryNote>>;
    };
    "/api/v1/delivery-notes/{id}/cancel": Omit<Unused, "post"> & { parameters: Never; post: Op<Id, never, { reason: string | null }, Ok<PlannedDeliveryNote>> };
    "/api/v1/delivery-notes/{id}/pdf": Omit<Unused, "get"> & { parameters: Never; get: Op<Id, never, never, { 200: { headers: { [name: string]: unknown }; content: { "application/pdf": string } } }> };
    "/api/v1/delivery-notes/{id}/send": Omit<Unused, "post"> & {
      parameters: Never;
      post: Op<Id, never, components["schemas"]["SendDocumentRequest"], Ok<components["schemas"]["SendDocumentResponse"]>>;
    };
    "/api/v1/delivery-notes/{id}/emails": Omit<Unused, "get"> & { parameters: Never; get: Op<Id, never, never, Ok<components["schemas"]["EmailDelivery"][]>> };
    "/api/v1/orders/{id}/deliveries": Omit<Unused, "get"> & { parameters: Never; get: Op<Id, never, never, Ok<PlannedOrderDeliveries>> };
    "/api/v1/invoices/from-delivery-notes": Omit<Unused, "post"> & {
      parameters: Never;
      post: Op<never, never, PlannedInvoiceFromDeliveryNotesRequest, Created<components["schemas"]["InvoiceResponse"]>>;
    };
  }
}
