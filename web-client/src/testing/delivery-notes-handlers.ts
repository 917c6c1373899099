import { HttpResponse, http } from "msw";
import type { DeliveryNote, DeliveryNoteRequest, DeliveryNoteSummary, OrderDeliveries } from "@/features/delivery-notes/api/delivery-notes";
import { problem } from "./handlers";

const api = (path: string) => `*/api/v1${path}`;
let sequence = 0;
const id = () => `00000000-0000-4000-a000-${String(++sequence).padStart(12, "0")}`;

export function createDeliveryNote(overrides: Partial<DeliveryNote> = {}): DeliveryNote {
  return {
    id: id(),
    number: null,
    status: "Draft",
    orderId: id(),
    orderNumber: "CO-2026-00031",
    customerId: id(),
    customerName: "Menuiserie Durand SARL",
    customerReference: null,
    issueDate: null,
    plannedDate: "2026-12-10",
    deliveryAddress: { line1: "12 rue des Tanneurs", line2: null, postalCode: "69007", city: "Lyon", countryCode: "FR" },
    remarks: null,
    showPrices: false,
    deliveredOn: null,
    receivedBy: null,
    deliveryRemarks: null,
    cancelledAt: null,
    cancellationReason: null,
    invoiceId: null,
    invoiceNumber: null,
    lines: [
      { id: id(), position: 0, orderLineId: id(), description: "Étagère chêne massif", unitCode: "C62", quantity: 2, unitPrice: 375.5, discountPercent: 0, netAmount: 751 },
    ],
    totalExcludingVat: 751,
    createdAt: "2026-12-01T09:00:00Z",
    updatedAt: "2026-12-01T09:00:00Z",
    ...overrides,
  };
}

export function summaryOf(n: DeliveryNote): DeliveryNoteSummary {
  return {
    id: n.id,
    number: n.number,
    status: n.status,
    orderId: n.orderId,
    orderNumber: n.orderNumber,
    customerId: n.customerId,
    customerName: n.customerName,
    issueDate: n.issueDate,
    plannedDate: n.plannedDate,
    deliveredOn: n.deliveredOn,
    invoiceId: n.invoiceId,
    totalQuantity: n.lines.reduce((s, l) => s + l.quantity, 0),
    updatedAt: n.updatedAt,
  };
}

/** What the delivery-note handlers serve; reset after each test. */
export const deliveryDb = {
  notes: [] as DeliveryNote[],
  /** GET /orders/{id}/deliveries per order id; an order not here has no deliverable line. */
  deliveries: {} as Record<string, OrderDeliveries>,
  /** Bodies POST /delivery-notes received. */
  created: [] as DeliveryNoteRequest[],
  /** Bodies POST /invoices/from-delivery-notes received. */
  invoiced: [] as { deliveryNoteIds: string[] }[],
};

export function resetDeliveryDb() {
  deliveryDb.notes = [];
  deliveryDb.deliveries = {};
  deliveryDb.created = [];
  deliveryDb.invoiced = [];
}

const notFound = () => problem(404, "not_found", "Ressource introuvable.");
const find = (noteId: unknown) => deliveryDb.notes.find((n) => n.id === noteId);
const answer = (n: DeliveryNote) => HttpResponse.json(n, { headers: { ETag: `"${n.updatedAt}"` } });

export const deliveryNotesHandlers = [
  http.get(api("/orders/:id/deliveries"), ({ params }) => {
    const known = deliveryDb.deliveries[params.id as string];
    const notes = deliveryDb.notes.filter((n) => n.orderId === params.id).map(summaryOf);
    return HttpResponse.json(
      known ? { ...known, notes } : { orderId: params.id as string, orderNumber: null, deliveryStatus: "NotDeliverable", lines: [], notes },
    );
  }),
  http.get(api("/delivery-notes"), ({ request }) => {
    const q = new URL(request.url).searchParams;
    const search = q.get("search")?.toLowerCase();
    const items = deliveryDb.notes
      .filter((n) => !q.get("status") || n.status === q.get("status"))
      .filter((n) => !q.get("orderId") || n.orderId === q.get("orderId"))
      .filter((n) => !q.get("customerId") || n.customerId === q.get("customerId"))
      .filter((n) => !search || [n.number, n.orderNumber, n.customerName].some((s) => s?.toLowerCase().includes(search)))
      .map(summaryOf);
    return HttpResponse.json({ items, nextCursor: null, hasMore: false });
  }),
  http.get(api("/delivery-notes/:id/emails"), () => HttpResponse.json([])),
  http.get(api("/delivery-notes/:id"), ({ params }) => {
    const n = find(params.id);
    return n ? answer(n) : notFound();
  }),
  // Never more than is left on a line: the refusal names the line as sent ("lines[i].quantity").
  http.post(api("/delivery-notes"), async ({ request }) => {
    const body = (await request.json()) as DeliveryNoteRequest;
    deliveryDb.created.push(body);
    const deliveries = deliveryDb.deliveries[body.orderId];
    if (!deliveries) return notFound();
    const errors: Record<string, string[]> = {};
    (body.lines ?? []).forEach((l, i) => {
      const line = deliveries.lines.find((x) => x.orderLineId === l.orderLineId);
      if (line && l.quantity > line.leftToDeliverQuantity)
        errors[`lines[${i}].quantity`] = [`Au plus ${String(line.leftToDeliverQuantity).replace(".", ",")} : c'est ce qui reste à livrer sur cette ligne.`];
    });
    if (Object.keys(errors).length > 0) return problem(409, "over_delivery", "La quantité dépasse ce qui reste à livrer.", errors);
    const note = createDeliveryNote({
      orderId: body.orderId,
      orderNumber: deliveries.orderNumber ?? "CO-2026-00031",
      plannedDate: body.plannedDate ?? null,
      remarks: body.remarks ?? null,
      showPrices: body.showPrices ?? false,
      lines: (body.lines ?? []).map((l, i) => {
        const line = deliveries.lines.find((x) => x.orderLineId === l.orderLineId)!;
        return { id: id(), position: i, orderLineId: l.orderLineId, description: line.description, unitCode: line.unitCode, quantity: l.quantity, unitPrice: 10, discountPercent: 0, netAmount: 10 * l.quantity };
      }),
    });
    deliveryDb.notes.push(note);
    return HttpResponse.json(note, { status: 201, headers: { ETag: `"${note.updatedAt}"`, Location: `/api/v1/delivery-notes/${note.id}` } });
  }),
  http.post(api("/delivery-notes/:id/validate"), ({ params }) => {
    const n = find(params.id);
    if (!n) return notFound();
    Object.assign(n, { status: "Validated", number: "BL-2026-00007", issueDate: "2026-12-04", updatedAt: "2026-12-04T10:00:00Z" });
    return answer(n);
  }),
  http.post(api("/delivery-notes/:id/deliver"), async ({ params, request }) => {
    const n = find(params.id);
    if (!n) return notFound();
    const body = (await request.json()) as { deliveredOn: string; receivedBy: string; remarks: string | null };
    Object.assign(n, { status: "Delivered", deliveredOn: body.deliveredOn, receivedBy: body.receivedBy, deliveryRemarks: body.remarks, updatedAt: "2026-12-05T10:00:00Z" });
    return answer(n);
  }),
  http.post(api("/delivery-notes/:id/cancel"), async ({ params, request }) => {
    const n = find(params.id);
    if (!n) return notFound();
    const body = (await request.json()) as { reason: string };
    Object.assign(n, { status: "Cancelled", cancellationReason: body.reason, updatedAt: "2026-12-05T11:00:00Z" });
    return answer(n);
  }),
  http.delete(api("/delivery-notes/:id"), ({ params }) => {
    deliveryDb.notes = deliveryDb.notes.filter((n) => n.id !== params.id);
    return new HttpResponse(null, { status: 204 });
  }),
  http.post(api("/invoices/from-delivery-notes"), async ({ request }) => {
    const body = (await request.json()) as { deliveryNoteIds: string[] };
    deliveryDb.invoiced.push(body);
    return problem(500, "unexpected", "Non simulé : le test remplace cette réponse.");
  }),
];
