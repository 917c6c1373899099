import type { components } from "@/api/schema";
import { allPermissions, createCustomer, createMe, createProduct, db } from "./data";

type Schemas = components["schemas"];

let sequence = 0;
const id = () => `00000000-0000-4000-9000-${String(++sequence).padStart(12, "0")}`;

/** An admin who may also plan billing schedules (not in the shared permission list). */
export function createSalesAdmin(overrides: Partial<Schemas["MeResponse"]> = {}) {
  return createMe({ permissions: [...allPermissions, "billing-schedules:read", "billing-schedules:write"], ...overrides });
}

export function createLine(overrides: Partial<Schemas["SalesLineResponse"]> = {}): Schemas["SalesLineResponse"] {
  return {
    id: id(),
    position: 0,
    kind: "Free",
    productId: null,
    description: "Étagère chêne massif sur mesure",
    quantity: 2,
    unitCode: "C62",
    unitPrice: 375.5,
    discountPercent: 10,
    vatRate: 20,
    vatCategory: "Standard",
    isContractLine: false,
    netAmount: 675.9,
    ...overrides,
  };
}

const totals = (ht: number, vat: number): Schemas["TotalsResponse"] => ({
  totalExcludingVat: ht,
  vatBreakdown: [{ rate: 20, category: "Standard", base: ht, vat }],
  totalVat: vat,
  totalIncludingVat: Math.round((ht + vat) * 100) / 100,
});

export function createOrder(overrides: Partial<Schemas["OrderResponse"]> = {}): Schemas["OrderResponse"] {
  const customer = salesDb.customer;
  return {
    id: id(),
    number: null,
    status: "Draft",
    customerId: customer.id,
    customerName: customer.name,
    billToCustomerId: customer.id,
    billToCustomerName: customer.name,
    orderDate: "2026-11-20",
    paymentTerms: { kind: "Days", days: 30 },
    paymentMethod: "BankTransfer",
    currency: "EUR",
    sourceQuoteId: null,
    traceableToQuote: true,
    contactId: null,
    customerReference: null,
    templateId: null,
    headerText: null,
    footerText: null,
    generalComment: null,
    salespersonId: null,
    plannedDeliveryDate: null,
    deliveryMethod: null,
    deliveryAddress: null,
    internalNotes: null,
    cancellationReason: null,
    lines: [createLine({ position: 0 })],
    totals: totals(675.9, 135.18),
    billing: null,
    linkedDocuments: [],
    history: [{ occurredAt: "2026-11-20T09:00:00Z", action: "order.created", actorName: "Samuel Commercial" }],
    updatedAt: "2026-11-20T09:00:00Z",
    ...overrides,
  };
}

export function billingOf(order: Schemas["OrderResponse"]): Schemas["OrderBillingResponse"] {
  return {
    orderedExcludingVat: order.totals.totalExcludingVat,
    invoicedExcludingVat: 0,
    leftToInvoiceExcludingVat: order.totals.totalExcludingVat,
    lines: order.lines.map((l) => ({ orderLineId: l.id, orderedQuantity: l.quantity, orderedNet: l.netAmount, deliveredQuantity: 0, invoicedNet: 0, creditedNet: 0, leftNet: l.netAmount })),
    rates: [{ rate: 20, orderedBase: order.totals.totalExcludingVat, depositedBase: 0, deductedBase: 0, leftBase: order.totals.totalExcludingVat }],
  };
}

export function createQuoteSummary(overrides: Partial<Schemas["QuoteSummary"]> = {}): Schemas["QuoteSummary"] {
  return {
    id: id(),
    number: "DE-2026-00012",
    status: "Accepted",
    isExpired: false,
    opportunityId: null,
    customerId: salesDb.customer.id,
    validUntil: "2026-12-31",
    totalExcludingVat: 1535,
    totalIncludingVat: 1842,
    orderId: null,
    ...overrides,
  };
}

export function createOpportunity(overrides: Partial<Schemas["OpportunityResponse"]> = {}): Schemas["OpportunityResponse"] {
  return {
    id: id(),
    customerId: salesDb.customer.id,
    customerName: salesDb.customer.name,
    title: "Agencement boutique Lyon 2e",
    expectedAmount: 12500,
    expectedCloseDate: "2026-12-15",
    ownerUserId: null,
    stage: "Open",
    closedOn: null,
    lostReason: null,
    quotes: [],
    updatedAt: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}

export function createQuote(overrides: Partial<Schemas["QuoteResponse"]> = {}): Schemas["QuoteResponse"] {
  return {
    id: id(),
    number: null,
    status: "Draft",
    isExpired: false,
    customerId: salesDb.customer.id,
    customerName: salesDb.customer.name,
    opportunityId: null,
    validUntil: "2026-12-31",
    sentOn: null,
    acceptedOn: null,
    refusedOn: null,
    refusalReason: null,
    lines: [createLine()],
    totals: totals(675.9, 135.18),
    orderId: null,
    updatedAt: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}

/** What the sales handlers serve; reset before each test by setupSalesApi(). */
export const salesDb = {
  customer: createCustomer(),
  product: createProduct(),
  orders: [] as Schemas["OrderResponse"][],
  quotes: [] as Schemas["QuoteResponse"][],
  opportunities: [] as Schemas["OpportunityResponse"][],
  schedules: {} as Record<string, Schemas["BillingScheduleResponse"]>,
  overview: { today: "2026-11-28", dueMilestones: [], ordersLeftToInvoice: [] } as Schemas["BillingOverview"],
  versions: {} as Record<string, number>,
  nextOrderNumber: 42,
};

export function resetSalesDb() {
  salesDb.customer = createCustomer({ name: "Menuiserie Durand SARL" });
  salesDb.product = createProduct({ code: "POSE", name: "Pose et réglage", unitPrice: 65, vatRate: 20 });
  salesDb.orders = [];
  salesDb.quotes = [];
  salesDb.opportunities = [];
  salesDb.schedules = {};
  salesDb.overview = { today: "2026-11-28", dueMilestones: [], ordersLeftToInvoice: [] };
  salesDb.versions = {};
  salesDb.nextOrderNumber = 42;
  // The order header looks the customer up (contacts, delivery addresses); the product picker lists products.
  db.customers = [...db.customers, salesDb.customer];
  db.products = [...db.products, salesDb.product];
}
