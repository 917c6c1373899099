import { HttpResponse, http } from "msw";
import { beforeEach } from "vitest";
import type { components } from "@/api/schema";
import { db } from "./data";
import { problem } from "./handlers";
import { billingOf, createOrder, resetSalesDb, salesDb } from "./sales-data";
import { server } from "./server";

type Schemas = components["schemas"];

const api = (path: string) => `*/api/v1${path}`;
const versionOf = (id: string) => `"${salesDb.versions[id] ?? 1}"`;
const bump = (id: string) => {
  salesDb.versions[id] = (salesDb.versions[id] ?? 1) + 1;
  return versionOf(id);
};
const notFound = () => problem(404, "not_found", "Ressource introuvable.");

/** Requests the preview endpoint received, for assertions. */
export const previewRequests: Schemas["PreviewTotalsRequest"][] = [];

/** Bodies and Idempotency-Keys POST /orders (direct creation) received, for assertions. */
export const createOrderRequests: { body: Schemas["OrderRequest"]; idempotencyKey: string | null }[] = [];

/**
 * The server's totals engine, faked on purpose with numbers no naive client-side sum would give: a test that sees
 * them on screen proves the editor shows the server's figures.
 */
export function fakePreview(body: Schemas["PreviewTotalsRequest"]): Schemas["PreviewTotalsResponse"] {
  return {
    lines: body.lines.map((l, i) => ({
      id: `preview-${i}`,
      position: i,
      kind: l.kind,
      productId: l.productId ?? null,
      description: l.description ?? "",
      quantity: l.quantity ?? 0,
      unitCode: l.unitCode ?? null,
      unitPrice: l.unitPrice ?? 0,
      discountPercent: l.discountPercent ?? 0,
      vatRate: l.vatRate ?? 20,
      vatCategory: "Standard",
      isContractLine: false,
      netAmount: 111.11 * (i + 1),
    })),
    totals: {
      totalExcludingVat: 999.99,
      vatBreakdown: [
        { rate: 20, category: "Standard", base: 888.88, vat: 177.78 },
        { rate: 5.5, category: "Standard", base: 111.11, vat: 6.11 },
      ],
      totalVat: 183.89,
      totalIncludingVat: 1183.88,
    },
  };
}

const frozenLabels: Record<string, string> = { unitPrice: "le prix unitaire", quantity: "la quantité", description: "la désignation" };

/** What GET /numbering/{type}/issue-date-range answers for the sales documents; null: from the 1st of last month. */
export const salesDateRange: { value: Schemas["IssueDateRange"] | null } = { value: null };

export const salesHandlers = [
  http.get(api("/numbering/:documentType/issue-date-range"), ({ params }) => {
    const monthBefore = new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1, 12).toISOString().slice(0, 10);
    return HttpResponse.json(
      salesDateRange.value ?? { documentType: params.documentType as Schemas["DocumentType"], earliest: monthBefore, earliestReason: "FirstFiscalYear", latest: null },
    );
  }),
  http.post(api("/orders/preview"), async ({ request }) => {
    const body = (await request.json()) as Schemas["PreviewTotalsRequest"];
    previewRequests.push(body);
    return HttpResponse.json(fakePreview(body));
  }),
  http.get(api("/orders"), () =>
    HttpResponse.json({
      items: salesDb.orders.map((o) => ({
        id: o.id,
        number: o.number,
        status: o.status,
        customerId: o.customerId,
        customerName: o.customerName,
        orderDate: o.orderDate,
        customerReference: o.customerReference,
        totalExcludingVat: o.totals.totalExcludingVat,
        totalIncludingVat: o.totals.totalIncludingVat,
        leftToInvoiceExcludingVat: o.billing?.leftToInvoiceExcludingVat ?? 0,
        traceableToQuote: o.traceableToQuote,
        updatedAt: o.updatedAt,
      })),
      nextCursor: null,
      hasMore: false,
    }),
  ),
  http.post(api("/orders"), async ({ request }) => {
    const body = (await request.json()) as Schemas["OrderRequest"];
    createOrderRequests.push({ body, idempotencyKey: request.headers.get("Idempotency-Key") });
    const customer = db.customers.find((c) => c.id === body.customerId);
    if (!customer) {
      return HttpResponse.json(
        { title: "La requête contient des erreurs.", status: 422, code: "reference_not_found", errors: { customerId: ["Client introuvable."] } },
        { status: 422, headers: { "Content-Type": "application/problem+json" } },
      );
    }
    const preview = fakePreview({ customerId: body.customerId, lines: body.lines });
    const { lines: _lines, paymentTerms, paymentMethod, ...free } = body;
    const created = createOrder({
      ...free,
      customerId: customer.id,
      customerName: customer.name,
      billToCustomerId: customer.id,
      billToCustomerName: customer.name,
      orderDate: body.orderDate ?? "2026-11-28",
      paymentTerms: paymentTerms ?? { kind: "Days", days: 30 },
      paymentMethod: paymentMethod ?? "BankTransfer",
      currency: body.currency ?? "EUR",
      traceableToQuote: false,
      lines: preview.lines,
      totals: preview.totals,
      history: [{ occurredAt: "2026-11-28T09:00:00Z", action: "order.created", actorName: "Alice Admin" }],
    });
    salesDb.orders = [...salesDb.orders, created];
    return HttpResponse.json(created, { status: 201, headers: { ETag: versionOf(created.id), Location: `/api/v1/orders/${created.id}` } });
  }),
  http.get(api("/billing-schedule"), () => HttpResponse.json(salesDb.overview)),
  http.get(api("/orders/:id/billing-schedule"), ({ params }) => {
    const order = salesDb.orders.find((o) => o.id === params.id);
    if (!order) return notFound();
    const schedule = salesDb.schedules[order.id] ?? {
      orderId: order.id,
      orderNumber: order.number,
      orderTotalExcludingVat: order.totals.totalExcludingVat,
      plannedTotalExcludingVat: 0,
      unplannedExcludingVat: order.totals.totalExcludingVat,
      milestones: [],
    };
    return HttpResponse.json(schedule, { headers: { ETag: salesDb.schedules[order.id] ? versionOf(`schedule-${order.id}`) : '"0"' } });
  }),
  // e-mails sent with a quote or an order (confirmation): none in these fakes
  http.get(api("/orders/:id/emails"), () => HttpResponse.json([])),
  http.get(api("/quotes/:id/emails"), () => HttpResponse.json([])),
  http.get(api("/orders/:id"), ({ params }) => {
    const order = salesDb.orders.find((o) => o.id === params.id);
    return order ? HttpResponse.json(order, { headers: { ETag: versionOf(order.id) } }) : notFound();
  }),
  http.put(api("/orders/:id"), async ({ request, params }) => {
    const order = salesDb.orders.find((o) => o.id === params.id);
    if (!order) return notFound();
    if (request.headers.get("If-Match") !== versionOf(order.id)) return problem(412, "stale_version", "La fiche a été modifiée entre-temps.");
    const body = (await request.json()) as Schemas["OrderRequest"];
    if (order.status !== "Draft") {
      for (let i = 0; i < order.lines.length; i++) {
        const was = order.lines[i]!;
        const now = body.lines[i];
        for (const field of ["description", "quantity", "unitPrice"] as const) {
          if (now && now[field] !== was[field]) {
            return HttpResponse.json(
              {
                type: "https://koban.fr/problems/document_frozen",
                title: "Document figé.",
                status: 409,
                code: "document_frozen",
                detail: `Le document est validé : on ne peut plus modifier ${frozenLabels[field]} de la ligne ${i + 1}. Pour le corriger, annulez la commande et ressaisissez-la.`,
                errors: { [`lines[${i}].${field}`]: ["Champ figé."] },
              },
              { status: 409, headers: { "Content-Type": "application/problem+json" } },
            );
          }
        }
      }
    }
    const { lines: _lines, paymentTerms, paymentMethod, ...free } = body;
    const saved: Schemas["OrderResponse"] = {
      ...order,
      ...free,
      customerId: body.customerId,
      billToCustomerId: body.billToCustomerId ?? body.customerId,
      orderDate: body.orderDate ?? order.orderDate,
      paymentTerms: paymentTerms ?? order.paymentTerms,
      paymentMethod: paymentMethod ?? order.paymentMethod,
      currency: body.currency ?? order.currency,
      updatedAt: new Date().toISOString(),
    };
    salesDb.orders = salesDb.orders.map((o) => (o.id === order.id ? saved : o));
    return HttpResponse.json(saved, { headers: { ETag: bump(order.id) } });
  }),
  http.post(api("/orders/:id/validate"), ({ params }) => {
    const order = salesDb.orders.find((o) => o.id === params.id);
    if (!order) return notFound();
    if (order.status !== "Draft") return problem(409, "invalid_state_transition", "Transition impossible.");
    const validated: Schemas["OrderResponse"] = {
      ...order,
      status: "InProgress",
      number: `CO-2026-000${salesDb.nextOrderNumber++}`,
      history: [...order.history, { occurredAt: "2026-11-20T09:30:00Z", action: "order.validated", actorName: "Alice Admin" }],
    };
    validated.billing = billingOf(validated);
    salesDb.orders = salesDb.orders.map((o) => (o.id === order.id ? validated : o));
    bump(order.id);
    return HttpResponse.json(validated);
  }),
  http.put(api("/orders/:id/billing-schedule"), () => problem(500, "unexpected", "Non simulé.")),

  http.get(api("/opportunities"), () => HttpResponse.json({ items: salesDb.opportunities, nextCursor: null, hasMore: false })),
  http.get(api("/opportunities/:id"), ({ params }) => {
    const o = salesDb.opportunities.find((x) => x.id === params.id);
    return o ? HttpResponse.json(o, { headers: { ETag: versionOf(o.id) } }) : notFound();
  }),
  http.post(api("/opportunities/:id/win"), async ({ request, params }) => {
    const o = salesDb.opportunities.find((x) => x.id === params.id);
    if (!o) return notFound();
    const body = (await request.json()) as Schemas["WinOpportunityRequest"];
    const accepted = o.quotes.filter((q) => q.status === "Accepted");
    if (body.createOrder !== false && accepted.length > 1 && !body.quoteId) {
      return problem(422, "quote_choice_required", "Plusieurs devis acceptés : précisez lequel.");
    }
    const won = { ...o, stage: "Won" as const, closedOn: "2026-11-28" };
    salesDb.opportunities = salesDb.opportunities.map((x) => (x.id === o.id ? won : x));
    return HttpResponse.json({ opportunity: won, orderId: body.createOrder === false ? null : "order-from-win" });
  }),

  http.get(api("/quotes"), () =>
    HttpResponse.json({
      items: salesDb.quotes.map((q) => ({
        id: q.id,
        number: q.number,
        status: q.status,
        isExpired: q.isExpired,
        opportunityId: q.opportunityId,
        customerId: q.customerId,
        validUntil: q.validUntil,
        totalExcludingVat: q.totals.totalExcludingVat,
        totalIncludingVat: q.totals.totalIncludingVat,
        orderId: q.orderId,
      })),
      nextCursor: null,
      hasMore: false,
    }),
  ),
  http.get(api("/quotes/:id"), ({ params }) => {
    const q = salesDb.quotes.find((x) => x.id === params.id);
    return q ? HttpResponse.json(q, { headers: { ETag: versionOf(q.id) } }) : notFound();
  }),
];

/** Registers the sales handlers (ahead of the shared ones) and a fresh sales state before each test of the file. */
export function setupSalesApi() {
  beforeEach(() => {
    resetSalesDb();
    salesDateRange.value = null;
    previewRequests.length = 0;
    createOrderRequests.length = 0;
    server.use(...salesHandlers);
  });
}
