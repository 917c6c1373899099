import { HttpResponse, http } from "msw";
import type { components } from "@/api/schema";
import type { AccountingExport } from "@/features/accounting/api/accounting";

type Schemas = components["schemas"];
const api = (path: string) => `*/api/v1${path}`;

export const customerId = "00000000-0000-4000-b000-00000000c001";

export function openInvoice(overrides: Partial<Schemas["OpenInvoiceResponse"]> = {}): Schemas["OpenInvoiceResponse"] {
  return {
    invoiceId: "00000000-0000-4000-b000-0000000000a1",
    number: "FA-2026-00040",
    issueDate: "2026-10-01",
    dueDate: "2026-10-31",
    total: 551.16,
    outstanding: 551.16,
    paymentStatus: "Unpaid",
    daysLate: 28,
    disputed: false,
    ...overrides,
  };
}

export const accountingSettings: Schemas["AccountingSettingsDto"] = {
  salesJournal: { code: "VT", label: "Journal des ventes" },
  bankJournal: { code: "BQ", label: "Journal de banque" },
  miscJournal: { code: "OD", label: "Opérations diverses" },
  customerAccount: "411000",
  customerDepositAccount: "419100",
  servicesRevenueAccount: "706000",
  goodsRevenueAccount: "707000",
  revenueRules: [],
  vatCollectedAccount: "445710",
  vatPendingAccount: "445740",
  vatRules: [],
  bankAccounts: [{ code: "BQ1", label: "Banque", account: "512000", iban: null }],
  bankFeesAccount: "627000",
  badDebtAccount: "654000",
  writeOffLossAccount: "658000",
  writeOffGainAccount: "758000",
  unidentifiedReceiptsAccount: "471000",
  writeOffLimit: 5,
};

/** State of the fake payments/accounting API (reset before each test by the default handlers' users). */
export const paymentsDb = {
  account: null as Schemas["CustomerAccountResponse"] | null,
  payments: [] as Schemas["PaymentResponse"][],
  exports: [] as AccountingExport[],
  /** Successive states GET /accounting/exports/{id} returns, one per poll. */
  exportSteps: [] as Partial<AccountingExport>[],
};

export const paymentsRequests = {
  created: [] as Schemas["PaymentRequest"][],
  exportRequests: [] as unknown[],
  exportPolls: 0,
};

export function resetPaymentsDb() {
  paymentsDb.account = null;
  paymentsDb.payments = [];
  paymentsDb.exports = [];
  paymentsDb.exportSteps = [];
  paymentsRequests.created = [];
  paymentsRequests.exportRequests = [];
  paymentsRequests.exportPolls = 0;
}

function emptyAccount(id: string): Schemas["CustomerAccountResponse"] {
  return { customerId: id, customerName: "Client", totalOutstanding: 0, overdueOutstanding: 0, availableCredit: 0, balance: 0, openInvoices: [], credits: [] };
}

/** A payment as the API would answer it; amounts are taken from the request, the fake does no money arithmetic worth testing. */
function toPayment(body: Schemas["PaymentRequest"]): Schemas["PaymentResponse"] {
  return {
    id: `00000000-0000-4000-b000-${String(paymentsDb.payments.length + 1).padStart(12, "0")}`,
    direction: body.direction,
    customerId: body.customerId ?? null,
    customerName: body.customerId ? "Menuiserie Durand SARL" : null,
    date: body.date,
    amount: body.amount,
    bankFees: body.bankFees ?? 0,
    method: body.method,
    reference: body.reference ?? null,
    bankAccountCode: body.bankAccountCode ?? null,
    note: body.note ?? null,
    state: "Active",
    cancelReason: null,
    cancelledAt: null,
    allocated: body.amount,
    unallocated: 0,
    allocations: (body.allocations ?? []).map((a, i) => ({
      id: `alloc-${i}`,
      documentKind: "Invoice",
      documentId: a.invoiceId,
      documentNumber: paymentsDb.account?.openInvoices.find((o) => o.invoiceId === a.invoiceId)?.number ?? "?",
      amount: a.amount,
      date: body.date,
      active: true,
    })),
    createdAt: "2026-11-28T10:00:00Z",
    updatedAt: "2026-11-28T10:00:00Z",
  };
}

export const paymentsHandlers = [
  http.get(api("/customers/:id/account"), ({ params }) => HttpResponse.json(paymentsDb.account ?? emptyAccount(String(params.id)))),
  http.get(api("/accounting/settings"), () => HttpResponse.json(accountingSettings, { headers: { ETag: '"1"' } })),
  http.get(api("/payments"), () => HttpResponse.json({ items: [], nextCursor: null, hasMore: false })),
  http.post(api("/payments"), async ({ request }) => {
    const body = (await request.json()) as Schemas["PaymentRequest"];
    paymentsRequests.created.push(body);
    const payment = toPayment(body);
    paymentsDb.payments.push(payment);
    return HttpResponse.json(payment, { status: 201 });
  }),
  http.get(api("/payments/:id"), ({ params }) => {
    const payment = paymentsDb.payments.find((p) => p.id === params.id);
    return payment ? HttpResponse.json(payment) : HttpResponse.json({ title: "Introuvable.", status: 404 }, { status: 404 });
  }),
  http.get(api("/invoices/:id/payments"), () =>
    HttpResponse.json({ paymentStatus: "Unpaid", outstanding: 551.16, disputed: false, disputeReason: null, disputedAt: null, settlements: [] }),
  ),
  http.get(api("/invoices/:id/reminders"), () => HttpResponse.json({ title: "Introuvable.", status: 404 }, { status: 404 })),
  http.get(api("/reminders/settings"), () => HttpResponse.json({ enabled: false, levels: [] })),
  http.get(api("/accounting/exports"), () => HttpResponse.json({ items: paymentsDb.exports })),
  http.post(api("/accounting/exports"), async ({ request }) => {
    const body = (await request.json()) as Schemas["RequestAccountingExportRequest"];
    paymentsRequests.exportRequests.push(body);
    const created: AccountingExport = {
      id: "00000000-0000-4000-b000-0000000000e1",
      format: body.format,
      formatDescription: body.format,
      from: body.from,
      to: body.to,
      options: { fec: body.fec ?? null, csv: body.csv ?? null },
      status: "Queued",
      progressPercent: 0,
      rowsWritten: 0,
      rowsTotal: null,
      requestedBy: null,
      requestedByName: "Anne Comptable",
      requestedAt: "2026-11-28T10:00:00Z",
      startedAt: null,
      completedAt: null,
      fileName: null,
      contentType: null,
      size: null,
      sha256: null,
      entryCount: null,
      error: null,
    };
    paymentsDb.exports = [created];
    return HttpResponse.json(created, { status: 202 });
  }),
  http.get(api("/accounting/exports/:id"), () => {
    paymentsRequests.exportPolls++;
    const step = paymentsDb.exportSteps.shift() ?? {};
    paymentsDb.exports = paymentsDb.exports.map((e) => ({ ...e, ...step }));
    return HttpResponse.json(paymentsDb.exports[0]);
  }),
];
