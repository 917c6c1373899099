import { HttpResponse, http } from "msw";
import { beforeEach } from "vitest";
import type { components } from "@/api/schema";
import { salesDb } from "./sales-data";
import { server } from "./server";

type Schemas = components["schemas"];
const api = (path: string) => `*/api/v1${path}`;
let sequence = 0;
const id = () => `00000000-0000-4000-a000-${String(++sequence).padStart(12, "0")}`;

export function billingLine(overrides: Partial<Schemas["BillingLineResponse"]> = {}): Schemas["BillingLineResponse"] {
  return {
    id: id(),
    position: 0,
    kind: "Free",
    productId: null,
    description: "Étagère chêne massif sur mesure",
    quantity: 2,
    unitCode: "C62",
    unitPrice: 375.5,
    discountPercent: 0,
    vatRate: 20,
    vatCategory: "Standard",
    netAmount: 751,
    orderLineId: null,
    deductedInvoiceId: null,
    deductedVat: 0,
    sourceLineId: null,
    nature: "Goods",
    ...overrides,
  };
}

const totals = (ht: number, vat: number): Schemas["TotalsResponse"] => ({
  totalExcludingVat: ht,
  vatBreakdown: [{ rate: 20, category: "Standard", base: ht, vat }],
  totalVat: vat,
  totalIncludingVat: Math.round((ht + vat) * 100) / 100,
});

export function createInvoice(overrides: Partial<Schemas["InvoiceResponse"]> = {}): Schemas["InvoiceResponse"] {
  const customer = salesDb.customer;
  return {
    id: id(),
    kind: "Deposit",
    status: "Draft",
    number: null,
    title: "Facture d'acompte",
    customerId: customer.id,
    customerName: customer.name,
    orderId: null,
    orderNumber: null,
    traceableToOrder: true,
    milestoneId: null,
    issueDate: null,
    requestedIssueDate: null,
    dueDate: null,
    paymentTerms: { kind: "Days", days: 30 },
    paymentMethod: "BankTransfer",
    currency: "EUR",
    customerReference: null,
    headerText: null,
    footerText: null,
    comment: null,
    contactId: null,
    lines: [billingLine({ description: "Acompte de 30 % sur la commande CO-2026-00031", quantity: 1, unitPrice: 459.3, netAmount: 459.3 })],
    totals: totals(459.3, 91.86),
    creditedTotal: 0,
    amountDue: 551.16,
    isOverdue: false,
    snapshot: null,
    fingerprint: null,
    chainSequence: null,
    validatedAt: null,
    archive: null,
    linkedDocuments: [],
    history: [{ occurredAt: "2026-11-28T09:00:00Z", action: "invoice.created", actorName: "Anne Comptable" }],
    updatedAt: "2026-11-28T09:00:00Z",
    ...overrides,
  };
}

export const invoicingDb = {
  invoices: [] as Schemas["InvoiceResponse"][],
  creditNotes: [] as Schemas["CreditNoteResponse"][],
  nextNumber: 41,
  /** What GET /numbering/{type}/issue-date-range answers; null: from the first day of the month before to today. */
  issueDateRange: null as Schemas["IssueDateRange"] | null,
};

/** What the invoicing endpoints received, for assertions. */
export const invoicingRequests = {
  listQueries: [] as URLSearchParams[],
  previews: [] as Schemas["InvoiceFromOrderRequest"][],
  fromOrder: [] as Schemas["InvoiceFromOrderRequest"][],
  validations: [] as { id: string; idempotencyKey: string | null; body: unknown }[],
  creditNotes: [] as Schemas["CreditNoteRequest"][],
};

function summary(i: Schemas["InvoiceResponse"]): Schemas["InvoiceSummary"] {
  return {
    id: i.id,
    kind: i.kind,
    status: i.status,
    number: i.number,
    customerId: i.customerId,
    customerName: i.customerName,
    orderId: i.orderId,
    orderNumber: i.orderNumber,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    totalExcludingVat: i.totals.totalExcludingVat,
    totalIncludingVat: i.totals.totalIncludingVat,
    amountDue: i.amountDue,
    isOverdue: i.isOverdue,
    updatedAt: i.updatedAt,
    paymentStatus: i.status === "Validated" ? "Unpaid" : null,
    disputed: false,
  };
}

/** The server's preview, faked: 30 % of the order's 1 531,00 € (the SPA must show these figures, never its own). */
function fakePreview(body: Schemas["InvoiceFromOrderRequest"]): Schemas["InvoiceResponse"] {
  const order = salesDb.orders.find((o) => o.id === body.orderId);
  return createInvoice({
    id: "00000000-0000-0000-0000-000000000000",
    kind: body.kind,
    title: body.kind === "Deposit" ? "Facture d'acompte" : "Facture",
    orderId: body.orderId,
    orderNumber: order?.number ?? null,
  });
}

export const invoicingHandlers = [
  http.get(api("/numbering/:documentType/issue-date-range"), ({ params }) => {
    const today = new Date().toISOString().slice(0, 10);
    const monthBefore = new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1, 12).toISOString().slice(0, 10);
    return HttpResponse.json(
      invoicingDb.issueDateRange ?? { documentType: params.documentType as Schemas["DocumentType"], earliest: monthBefore, earliestReason: "FirstFiscalYear", latest: today },
    );
  }),
  http.get(api("/invoices"), ({ request }) => {
    const query = new URL(request.url).searchParams;
    invoicingRequests.listQueries.push(query);
    let items = invoicingDb.invoices;
    const status = query.get("status");
    if (status) items = items.filter((i) => i.status === status);
    const kind = query.get("kind");
    if (kind) items = items.filter((i) => i.kind === kind);
    if (query.get("overdue") === "true") items = items.filter((i) => i.isOverdue);
    return HttpResponse.json({ items: items.map(summary), nextCursor: null, hasMore: false });
  }),
  http.post(api("/invoices/from-order/preview"), async ({ request }) => {
    const body = (await request.json()) as Schemas["InvoiceFromOrderRequest"];
    invoicingRequests.previews.push(body);
    return HttpResponse.json(fakePreview(body));
  }),
  http.post(api("/invoices/from-order"), async ({ request }) => {
    const body = (await request.json()) as Schemas["InvoiceFromOrderRequest"];
    invoicingRequests.fromOrder.push(body);
    const created = { ...fakePreview(body), id: id() };
    invoicingDb.invoices = [...invoicingDb.invoices, created];
    return HttpResponse.json(created, { status: 201, headers: { ETag: '"1"' } });
  }),
  http.get(api("/invoices/:id"), ({ params }) => {
    const invoice = invoicingDb.invoices.find((i) => i.id === params.id);
    return invoice
      ? HttpResponse.json(invoice, { headers: { ETag: '"1"' } })
      : HttpResponse.json({ title: "Introuvable.", status: 404, code: "not_found" }, { status: 404, headers: { "Content-Type": "application/problem+json" } });
  }),
  http.post(api("/invoices/:id/validate"), async ({ request, params }) => {
    const invoice = invoicingDb.invoices.find((i) => i.id === params.id)!;
    invoicingRequests.validations.push({ id: invoice.id, idempotencyKey: request.headers.get("Idempotency-Key"), body: await request.json() });
    const validated: Schemas["InvoiceResponse"] = {
      ...invoice,
      status: "Validated",
      number: `FA-2026-000${invoicingDb.nextNumber++}`,
      issueDate: "2026-11-28",
      dueDate: "2026-12-28",
      fingerprint: "9f2c0000e41a",
      chainSequence: 7,
      validatedAt: "2026-11-28T10:00:00Z",
    };
    invoicingDb.invoices = invoicingDb.invoices.map((i) => (i.id === invoice.id ? validated : i));
    return HttpResponse.json(validated);
  }),
  http.post(api("/credit-notes"), async ({ request }) => {
    const body = (await request.json()) as Schemas["CreditNoteRequest"];
    invoicingRequests.creditNotes.push(body);
    const invoice = invoicingDb.invoices.find((i) => i.id === body.invoiceId)!;
    const note: Schemas["CreditNoteResponse"] = {
      id: id(),
      status: "Draft",
      number: null,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number!,
      invoiceDate: invoice.issueDate!,
      reason: body.reason,
      reasonText: body.reasonText ?? null,
      customerId: invoice.customerId,
      customerName: invoice.customerName,
      orderId: invoice.orderId,
      issueDate: null,
      requestedIssueDate: null,
      headerText: null,
      footerText: null,
      comment: null,
      lines: [billingLine({ quantity: 1, netAmount: 375.5 })],
      totals: totals(375.5, 75.1),
      appliedToInvoice: 0,
      customerCredit: 0,
      snapshot: null,
      fingerprint: null,
      chainSequence: null,
      validatedAt: null,
      archive: null,
      history: [],
      updatedAt: "2026-11-28T11:00:00Z",
    };
    invoicingDb.creditNotes = [...invoicingDb.creditNotes, note];
    return HttpResponse.json(note, { status: 201, headers: { ETag: '"1"' } });
  }),
  http.get(api("/credit-notes/:id"), ({ params }) => {
    const note = invoicingDb.creditNotes.find((c) => c.id === params.id);
    return note ? HttpResponse.json(note, { headers: { ETag: '"1"' } }) : HttpResponse.json({}, { status: 404 });
  }),
];

/** Registers the invoicing handlers (after the sales ones, which setupSalesApi registers) and a fresh state. */
export function setupInvoicingApi() {
  beforeEach(() => {
    invoicingDb.invoices = [];
    invoicingDb.creditNotes = [];
    invoicingDb.nextNumber = 41;
    invoicingDb.issueDateRange = null;
    for (const list of Object.values(invoicingRequests)) list.length = 0;
    server.use(...invoicingHandlers);
  });
}
