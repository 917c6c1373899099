import { HttpResponse, http } from "msw";
import { beforeEach } from "vitest";
import type { components } from "@/api/schema";
import type { ContractPeriod } from "@/features/contracts/api/contracts";
import { createCustomer, db } from "./data";
import { problem } from "./handlers";
import { server } from "./server";

type Schemas = components["schemas"];

const api = (path: string) => `*/api/v1${path}`;
let sequence = 0;
const id = () => `00000000-0000-4000-c000-${String(++sequence).padStart(12, "0")}`;

export function createContractLine(overrides: Partial<Schemas["ContractLineResponse"]> = {}): Schemas["ContractLineResponse"] {
  return {
    id: id(),
    position: 0,
    kind: "Free",
    productId: null,
    orderLineId: null,
    description: "Maintenance du parc machines",
    quantity: 1,
    unitCode: "C62",
    unitPrice: 250,
    discountPercent: 0,
    vatRate: 20,
    vatCategory: "Standard",
    netAmount: 250,
    vatExemptionReason: null,
    ...overrides,
  };
}

/** An active monthly contract of 12 months from 01/01/2026, 250 € HT a month, 1 month of notice. */
export function createContract(overrides: Partial<Schemas["ContractResponse"]> = {}): Schemas["ContractResponse"] {
  return {
    id: id(),
    reference: "CT-00001",
    status: "Active",
    customerId: contractsDb.customer.id,
    customerName: contractsDb.customer.name,
    orderId: null,
    orderNumber: null,
    ownerUserId: id(),
    startDate: "2026-01-01",
    termMonths: 12,
    periodicity: "Monthly",
    timing: "InAdvance",
    tacitRenewal: true,
    noticeMonths: 1,
    revision: { kind: "Percentage", percentage: 3, baseIndexValue: null },
    indexRevisionPending: false,
    termNumber: 1,
    currentTermStart: "2026-01-01",
    currentTermEnd: "2026-12-31",
    noticeDeadline: "2026-11-30",
    noticeDeadlinePassed: true,
    renewalOpensOn: "2026-09-01",
    willRenewTacitly: true,
    renewalDeclinedOn: null,
    terminationDate: null,
    terminationReason: null,
    terminatedOn: null,
    endDate: null,
    periodAmountExcludingVat: 250,
    monthlyRecurringRevenue: 250,
    lines: [createContractLine()],
    totals: { totalExcludingVat: 250, vatBreakdown: [{ rate: 20, category: "Standard", base: 250, vat: 50 }], totalVat: 50, totalIncludingVat: 300 },
    terms: [
      { number: 1, start: "2026-01-01", end: "2026-12-31", revisionKind: "None", revisionValue: null, priceFactor: 1, tacit: false, decidedOn: "2025-12-15", decidedByUserId: null },
    ],
    history: [],
    updatedAt: "2026-12-01T09:00:00Z",
    ...overrides,
  };
}

export function toSummary(c: Schemas["ContractResponse"]): Schemas["ContractSummary"] {
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    customerId: c.customerId,
    customerName: c.customerName,
    orderId: c.orderId,
    periodicity: c.periodicity,
    startDate: c.startDate,
    currentTermEnd: c.currentTermEnd,
    noticeDeadline: c.noticeDeadline,
    tacitRenewal: c.tacitRenewal,
    endDate: c.endDate,
    periodAmountExcludingVat: c.periodAmountExcludingVat,
    monthlyRecurringRevenue: c.monthlyRecurringRevenue,
    updatedAt: c.updatedAt,
  };
}

export function toRenewal(c: Schemas["ContractResponse"], daysLeft: number): Schemas["ContractRenewal"] {
  return {
    id: c.id,
    reference: c.reference,
    customerId: c.customerId,
    customerName: c.customerName,
    ownerUserId: c.ownerUserId,
    currentTermEnd: c.currentTermEnd,
    daysLeft,
    noticeDeadline: c.noticeDeadline,
    noticeDeadlinePassed: c.noticeDeadlinePassed,
    willRenewTacitly: c.willRenewTacitly,
    indexRevisionPending: c.indexRevisionPending,
    revisionKind: c.revision.kind,
    renewalOpensOn: c.renewalOpensOn,
    monthlyRecurringRevenue: c.monthlyRecurringRevenue,
  };
}

/** What the contract handlers serve and received; reset before each test by setupContractsApi(). */
export const contractsDb = {
  customer: createCustomer({ name: "Imprimerie Lefèvre" }),
  contracts: [] as Schemas["ContractResponse"][],
  periods: {} as Record<string, ContractPeriod[]>,
  /** The query strings GET /contracts received. */
  listRequests: [] as URLSearchParams[],
  /** Bodies of the POSTs and PUTs received, by "METHOD path". */
  bodies: [] as { route: string; body: unknown }[],
};

function resetContractsDb() {
  contractsDb.customer = createCustomer({ name: "Imprimerie Lefèvre" });
  contractsDb.contracts = [];
  contractsDb.periods = {};
  contractsDb.listRequests = [];
  contractsDb.bodies = [];
  db.customers = [...db.customers, contractsDb.customer];
}

const find = (contractId: string) => contractsDb.contracts.find((c) => c.id === contractId);
const notFound = () => problem(404, "not_found", "Ressource introuvable.");
const save = (c: Schemas["ContractResponse"]) => {
  contractsDb.contracts = contractsDb.contracts.map((x) => (x.id === c.id ? c : x));
  return c;
};
async function record(route: string, request: Request) {
  const text = await request.text();
  const body: unknown = text ? JSON.parse(text) : null;
  contractsDb.bodies.push({ route, body });
  return body;
}

export const contractsHandlers = [
  http.get(api("/contracts/renewals"), ({ request }) => {
    const within = Number(new URL(request.url).searchParams.get("within") ?? 60);
    const items = contractsDb.contracts.filter((c) => c.status === "Active").map((c) => toRenewal(c, 24));
    return HttpResponse.json({ today: "2026-12-07", within, count: items.length, items } satisfies Schemas["ContractRenewalList"]);
  }),
  http.get(api("/contracts"), ({ request }) => {
    const query = new URL(request.url).searchParams;
    contractsDb.listRequests.push(query);
    const status = query.get("status");
    const orderId = query.get("orderId");
    const items = contractsDb.contracts.filter((c) => (!status || c.status === status) && (!orderId || c.orderId === orderId)).map(toSummary);
    return HttpResponse.json({ items, nextCursor: null, hasMore: false } satisfies Schemas["ContractList"]);
  }),
  http.get(api("/contracts/:id/periods"), ({ params }) => HttpResponse.json(contractsDb.periods[String(params.id)] ?? [])),
  http.get(api("/contracts/:id"), ({ params }) => {
    const c = find(String(params.id));
    return c ? HttpResponse.json(c, { headers: { ETag: '"1"' } }) : notFound();
  }),
  http.post(api("/contracts"), async ({ request }) => {
    const body = (await record("POST /contracts", request)) as Schemas["ContractRequest"];
    const created = createContract({ status: "Draft", reference: "CT-00042", startDate: body.startDate, termMonths: body.termMonths, periodicity: body.periodicity });
    contractsDb.contracts.push(created);
    return HttpResponse.json(created, { status: 201, headers: { ETag: '"1"', Location: `/api/v1/contracts/${created.id}` } });
  }),
  http.post(api("/contracts/from-order"), async ({ request }) => {
    await record("POST /contracts/from-order", request);
    const created = createContract({ status: "Draft", reference: "CT-00043" });
    contractsDb.contracts.push(created);
    return HttpResponse.json(created, { status: 201, headers: { ETag: '"1"' } });
  }),
  http.post(api("/contracts/:id/activate"), async ({ params, request }) => {
    await record("POST /contracts/{id}/activate", request);
    const c = find(String(params.id));
    return c ? HttpResponse.json(save({ ...c, status: "Active" })) : notFound();
  }),
  http.post(api("/contracts/:id/terminate"), async ({ params, request }) => {
    const body = (await record("POST /contracts/{id}/terminate", request)) as Schemas["TerminateContractRequest"];
    const c = find(String(params.id));
    if (!c) return notFound();
    return HttpResponse.json(save({ ...c, status: "Terminated", terminationDate: body.effectiveDate ?? c.currentTermEnd, terminationReason: body.reason }));
  }),
  http.post(api("/contracts/:id/renew"), async ({ params, request }) => {
    await record("POST /contracts/{id}/renew", request);
    const c = find(String(params.id));
    return c ? HttpResponse.json(save({ ...c, termNumber: c.termNumber + 1 })) : notFound();
  }),
  http.post(api("/contracts/:id/let-expire"), async ({ params, request }) => {
    await record("POST /contracts/{id}/let-expire", request);
    const c = find(String(params.id));
    return c ? HttpResponse.json(save({ ...c, willRenewTacitly: false, renewalDeclinedOn: "2026-12-07" })) : notFound();
  }),
];

export function setupContractsApi() {
  beforeEach(() => {
    resetContractsDb();
    server.use(...contractsHandlers);
  });
}
