import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/schema";
import { createContact, createCustomer, db } from "@/testing/data";
import { problem } from "@/testing/handlers";
import { createInvoice, invoicingDb, invoicingRequests, setupInvoicingApi } from "@/testing/invoicing-handlers";
import { accountingSettings, openInvoice, paymentsDb } from "@/testing/payments-handlers";
import { renderApp } from "@/testing/render";
import { billingOf, createOpportunity, createOrder, createQuote, createQuoteSummary, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";
import { server } from "@/testing/server";

setupSalesApi();
setupInvoicingApi();

type Schemas = components["schemas"];

const euro = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

/** A 422 naming fields, as the API writes it. */
const refusal = (errors: Record<string, string[]>) => problem(422, "validation_failed", "La requête contient des erreurs.", errors);

/** The field shows the message, is marked invalid, has the focus, and no summary repeats what it says. */
async function expectOnField(field: HTMLElement, message: string) {
  await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
  expect(screen.getByText(message)).toBeInTheDocument();
  await waitFor(() => expect(field).toHaveFocus());
  expect(screen.queryByText("La requête contient des erreurs.")).not.toBeInTheDocument();
}

const paymentId = "00000000-0000-4000-b000-000000000901";

function seedPayment(overrides: Partial<Schemas["PaymentResponse"]> = {}) {
  const payment: Schemas["PaymentResponse"] = {
    id: paymentId,
    direction: "Receipt",
    customerId: "00000000-0000-4000-b000-00000000c001",
    customerName: "Menuiserie Durand SARL",
    date: "2026-11-20",
    amount: 600.01,
    bankFees: 0,
    method: "BankTransfer",
    reference: "VIR 1120",
    bankAccountCode: "BQ1",
    note: null,
    state: "Active",
    cancelReason: null,
    cancelledAt: null,
    allocated: 0,
    unallocated: 600.01,
    allocations: [],
    createdAt: "2026-11-20T10:00:00Z",
    updatedAt: "2026-11-20T10:00:00Z",
    ...overrides,
  };
  paymentsDb.payments = [payment];
  return payment;
}

describe("Forms → a refusal naming a field lands under it, focused, and the corrected form is sent again", () => {
  it("reason modal (cancelling a payment): the reason refused, then the corrected reason sent by Enter", async () => {
    seedPayment();
    const reasons: string[] = [];
    server.use(
      http.post("*/api/v1/payments/:id/cancel", async ({ request }) => {
        const { reason } = (await request.json()) as { reason: string };
        reasons.push(reason);
        if (reasons.length === 1) return refusal({ reason: ["Le motif doit dire pourquoi le règlement est annulé."] });
        paymentsDb.payments = paymentsDb.payments.map((p) => ({ ...p, state: "Cancelled", cancelReason: reason, cancelledAt: "2026-11-28T10:00:00Z" }));
        return HttpResponse.json(paymentsDb.payments[0]);
      }),
    );
    const { user } = renderApp(`/payments/${paymentId}`);

    await user.click(await screen.findByRole("button", { name: "Annuler le règlement" }));
    const dialog = await screen.findByRole("dialog", { name: "Annuler ce règlement" });
    const reason = within(dialog).getByLabelText(/^Motif/);
    // Nothing typed: the form says so before sending anything.
    await user.click(within(dialog).getByRole("button", { name: "Annuler le règlement" }));
    await waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    expect(reasons).toEqual([]);

    await user.type(reason, "x");
    await user.click(within(dialog).getByRole("button", { name: "Annuler le règlement" }));
    await expectOnField(reason, "Le motif doit dire pourquoi le règlement est annulé.");

    await user.clear(reason);
    await user.type(reason, "Chèque revenu impayé");
    fireEvent.submit(reason.closest("form")!);
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Annuler ce règlement" })).not.toBeInTheDocument());
    expect(reasons).toEqual(["x", "Chèque revenu impayé"]);
    expect(await screen.findByTestId("cancelled-notice")).toHaveTextContent("Chèque revenu impayé");
  });

  it("invoice receivable panel: the dispute's reason refused lands under it; a refused write-off keeps its dialog and is sent again", async () => {
    const invoice = createInvoice({ kind: "Balance", title: "Facture", status: "Validated", number: "FA-2026-00040", issueDate: "2026-10-01", dueDate: "2026-10-31" });
    invoicingDb.invoices = [invoice];
    const sent = { disputes: 0, writeOffs: 0 };
    server.use(
      http.get(`*/api/v1/invoices/${invoice.id}/payments`, () =>
        HttpResponse.json({ paymentStatus: "Unpaid", outstanding: 4.5, disputed: false, disputeReason: null, disputedAt: null, settlements: [] }),
      ),
      http.post("*/api/v1/invoices/:id/dispute", () => {
        sent.disputes++;
        return refusal({ reason: ["Le motif du litige est trop long (500 caractères au plus)."] });
      }),
      http.post("*/api/v1/invoices/:id/write-off", () => {
        sent.writeOffs++;
        return problem(409, "period_closed", "La période comptable est close.");
      }),
    );
    const { user } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Signaler un litige" }));
    const dispute = await screen.findByRole("dialog", { name: "Facture en litige" });
    const reason = within(dispute).getByLabelText(/^Motif du litige/);
    await user.type(reason, "Livraison incomplète");
    await user.click(within(dispute).getByRole("button", { name: "Signaler un litige" }));
    await expectOnField(reason, "Le motif du litige est trop long (500 caractères au plus).");
    expect(sent.disputes).toBe(1);
    await user.click(within(dispute).getByRole("button", { name: "Annuler" }));

    await user.click(await screen.findByRole("button", { name: "Passer le reste en perte" }));
    const writeOff = await screen.findByRole("dialog", { name: "Passer le reste en perte" });
    await user.click(within(writeOff).getByRole("button", { name: "Confirmer" }));
    expect(await within(writeOff).findByRole("alert")).toHaveTextContent("La période comptable est close.");
    await user.click(within(writeOff).getByRole("button", { name: "Confirmer" }));
    await waitFor(() => expect(sent.writeOffs).toBe(2));
    expect(screen.getByRole("dialog", { name: "Passer le reste en perte" })).toBeInTheDocument();
  });

  it("allocate modal (a receipt's rest): the refused allocation lands on its invoice's row, focused; the rest is spread as before", async () => {
    seedPayment({ allocated: 0, unallocated: 600.01 });
    paymentsDb.account = {
      customerId: "00000000-0000-4000-b000-00000000c001",
      customerName: "Menuiserie Durand SARL",
      totalOutstanding: 1151.17,
      overdueOutstanding: 551.16,
      availableCredit: 600.01,
      balance: 551.16,
      openInvoices: [
        openInvoice(),
        openInvoice({ invoiceId: "00000000-0000-4000-b000-0000000000a2", number: "FA-2026-00044", issueDate: "2026-11-15", dueDate: "2026-12-15", total: 600.01, outstanding: 600.01, daysLate: 0 }),
      ],
      credits: [],
    };
    const sent: Schemas["AllocatePaymentRequest"][] = [];
    server.use(
      http.post("*/api/v1/payments/:id/allocations", async ({ request }) => {
        sent.push((await request.json()) as Schemas["AllocatePaymentRequest"]);
        return problem(409, "allocation_exceeds_outstanding", "Conflit.", { "allocations[1].amount": ["Le montant affecté à FA-2026-00044 dépasse ce qui reste dû."] });
      }),
    );
    const { user } = renderApp(`/payments/${paymentId}`);

    await user.click(await screen.findByRole("button", { name: "Affecter le reste" }));
    const dialog = await screen.findByRole("dialog", { name: /^Affecter 600,01/ });
    const table = await within(dialog).findByRole("table", { name: "Répartition sur les factures ouvertes" });
    await user.click(within(dialog).getByRole("button", { name: "Répartir automatiquement" }));
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00040")).toHaveValue("551,16");
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00044")).toHaveValue("48,85");
    await user.click(within(dialog).getByRole("button", { name: "Affecter" }));

    await expectOnField(within(table).getByLabelText("Montant affecté à FA-2026-00044"), "Le montant affecté à FA-2026-00044 dépasse ce qui reste dû.");
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00040")).not.toHaveAttribute("aria-invalid", "true");
    expect(sent).toEqual([
      {
        allocations: [
          { invoiceId: "00000000-0000-4000-b000-0000000000a1", amount: 551.16 },
          { invoiceId: "00000000-0000-4000-b000-0000000000a2", amount: 48.85 },
        ],
      },
    ]);
  });

  it("win opportunity modal: the server's refusal of the quote lands on the choice, focused", async () => {
    const first = createQuoteSummary({ number: "DE-2026-00012", totalExcludingVat: 1535 });
    const second = createQuoteSummary({ number: "DE-2026-00013", totalExcludingVat: 1800 });
    const opportunity = createOpportunity({ quotes: [first, second] });
    salesDb.opportunities = [opportunity];
    server.use(http.post("*/api/v1/opportunities/:id/win", () => refusal({ quoteId: ["Ce devis n'est plus accepté."] })));
    const { user } = renderApp(`/opportunities/${opportunity.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Gagner" }));
    const dialog = await screen.findByRole("dialog", { name: "Gagner l'opportunité" });
    await user.click(within(dialog).getByRole("radio", { name: /DE-2026-00013/ }));
    await user.click(within(dialog).getByRole("button", { name: "Gagner" }));

    await waitFor(() => expect(within(dialog).getByRole("radio", { name: /DE-2026-00012/ })).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getByText("Ce devis n'est plus accepté.")).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole("radio", { name: /DE-2026-00012/ })).toHaveFocus());
  });

  it("import CSV modal: a refusal of the file lands under the file field, focused; another file is sent again", async () => {
    const calls: string[] = [];
    server.use(
      http.post("*/api/v1/customers/import", ({ request }) => {
        calls.push(new URL(request.url).searchParams.get("dryRun") ?? "");
        if (calls.length === 1) return refusal({ file: ["Le fichier doit être un CSV séparé par des points-virgules."] });
        return HttpResponse.json({ rows: 1, created: 1, updated: 0, refused: 0, dryRun: true, results: [{ line: 2, outcome: "Created", label: "Durand", id: crypto.randomUUID(), errors: [] }] });
      }),
    );
    const { user } = renderApp("/customers");
    await user.click(await screen.findByRole("button", { name: "Importer (CSV)" }));
    const dialog = await screen.findByRole("dialog", { name: "Importer des clients (CSV)" });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(["nom,siren\n"], "clients.csv", { type: "text/csv" }));
    await user.click(within(dialog).getByRole("button", { name: "Simulation" }));

    const field = within(dialog).getByRole("button", { name: /^Fichier CSV/ });
    await expectOnField(field, "Le fichier doit être un CSV séparé par des points-virgules.");

    await user.upload(input, new File(["nom;siren\nDurand;404833048\n"], "clients.csv", { type: "text/csv" }));
    expect(field).not.toHaveAttribute("aria-invalid", "true");
    await user.click(within(dialog).getByRole("button", { name: "Simulation" }));
    expect(await within(dialog).findByRole("table", { name: "Compte rendu de l'import" })).toBeInTheDocument();
    expect(calls).toEqual(["true", "true"]);
  });

  it("send modal (a quote by e-mail): a refused second address lands under Destinataires, focused", async () => {
    const customer = createCustomer({ contacts: [createContact({ email: "compta@durand.fr", isBilling: true })] });
    db.customers = [customer];
    const quote = createQuote({ number: "DE-2026-00003", status: "Sent", customerId: customer.id });
    salesDb.quotes = [quote];
    const bodies: { to: string[] }[] = [];
    server.use(
      http.post("*/api/v1/quotes/:id/email", async ({ request }) => {
        bodies.push((await request.json()) as { to: string[] });
        return refusal({ "to[1]": ["« jean@durand » n'est pas une adresse e-mail."] });
      }),
    );
    const { user } = renderApp(`/quotes/${quote.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: /Envoyer par e-mail/ }));
    const dialog = await screen.findByRole("dialog", { name: /Envoyer/ });
    const to = within(dialog).getByLabelText("Destinataires");
    await waitFor(() => expect(within(dialog).getByText("compta@durand.fr")).toBeInTheDocument());
    await user.type(to, "jean@durand,");
    await user.click(within(dialog).getByRole("button", { name: "Envoyer" }));

    await expectOnField(to, "« jean@durand » n'est pas une adresse e-mail.");
    expect(bodies[0]!.to).toEqual(["compta@durand.fr", "jean@durand"]);
  });

  it("accounting settings: a refused write-off limit lands under it, focused; Enter saves the corrected settings", async () => {
    const limits: number[] = [];
    server.use(
      http.put("*/api/v1/accounting/settings", async ({ request }) => {
        const body = (await request.json()) as Schemas["AccountingSettingsDto"];
        limits.push(body.writeOffLimit);
        if (limits.length === 1) return refusal({ WriteOffLimit: ["L'écart maximal est de 15,00 € au plus."] });
        return HttpResponse.json(body, { headers: { ETag: '"2"' } });
      }),
    );
    const { user } = renderApp("/settings/accounting");
    const limit = await screen.findByLabelText("Écart maximal passé en perte ou profit");
    expect(limit).toHaveValue("5,00");
    await user.clear(limit);
    await user.type(limit, "20");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await expectOnField(limit, "L'écart maximal est de 15,00 € au plus.");

    await user.clear(limit);
    await user.type(limit, "12,5{Enter}");
    expect(await screen.findByText("Paramètres comptables enregistrés.")).toBeInTheDocument();
    expect(limits).toEqual([20, 12.5]);
    expect(accountingSettings.writeOffLimit).toBe(5);
  });

  it("billing schedule editor: a refused percentage lands on its row's value, focused; the totals shown are the server's", async () => {
    const order = createOrder({ status: "InProgress", number: "CO-2026-00031" });
    salesDb.orders = [order];
    salesDb.schedules[order.id] = {
      orderId: order.id,
      orderNumber: order.number,
      orderTotalExcludingVat: 675.9,
      plannedTotalExcludingVat: 202.77,
      unplannedExcludingVat: 473.13,
      milestones: [
        { id: "m-1", label: "Acompte à la commande", plannedDate: "2026-12-15", percentage: 30, amount: null, plannedAmountExcludingVat: 202.77, invoiceId: null, isDue: false, isLate: false },
      ],
    };
    const sent: Schemas["BillingScheduleRequest"][] = [];
    server.use(
      http.put("*/api/v1/orders/:id/billing-schedule", async ({ request }) => {
        const body = (await request.json()) as Schemas["BillingScheduleRequest"];
        sent.push(body);
        if (sent.length === 1) return refusal({ "milestones[1].percentage": ["Les échéances dépassent 100 % de la commande."] });
        salesDb.schedules[order.id] = {
          ...salesDb.schedules[order.id]!,
          plannedTotalExcludingVat: 405.54,
          unplannedExcludingVat: 270.36,
          milestones: [
            salesDb.schedules[order.id]!.milestones[0]!,
            { id: "m-2", label: "Livraison", plannedDate: "2027-01-15", percentage: 30, amount: null, plannedAmountExcludingVat: 202.77, invoiceId: null, isDue: false, isLate: false },
          ],
        };
        return HttpResponse.json(salesDb.schedules[order.id], { headers: { ETag: '"s2"' } });
      }),
    );
    const { user } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    const table = await screen.findByRole("table", { name: "Échéancier de facturation" });
    await user.click(screen.getByRole("button", { name: "Ajouter une échéance" }));
    const second = within(table).getAllByRole("row")[2]!;
    await user.type(within(second).getByLabelText("Libellé"), "Livraison");
    await user.type(within(second).getByLabelText("Valeur"), "80");
    await user.click(screen.getByRole("button", { name: "Enregistrer l'échéancier" }));
    await expectOnField(within(second).getByLabelText("Valeur"), "Les échéances dépassent 100 % de la commande.");
    expect(sent[0]!.milestones[1]).toMatchObject({ id: null, label: "Livraison", percentage: 80, amount: null });

    const value = within(second).getByLabelText("Valeur");
    await user.clear(value);
    await user.type(value, "30");
    await user.click(screen.getByRole("button", { name: "Enregistrer l'échéancier" }));
    await waitFor(() => expect(euro(screen.getByTestId("unplanned").textContent)).toContain("270,36 €"));
    expect(sent[1]!.milestones.map((m) => m.percentage)).toEqual([30, 30]);
  });

  it("credit note creation: a refused quantity lands on the row of the line sent, focused", async () => {
    const invoice = createInvoice({ kind: "Balance", title: "Facture", status: "Validated", number: "FA-2026-00042", issueDate: "2026-11-28" });
    invoice.lines = [
      { ...invoice.lines[0]!, id: "line-pose", description: "Pose et réglage", quantity: 12, unitPrice: 65, netAmount: 780 },
      { ...invoice.lines[0]!, id: "line-shelf", description: "Étagère chêne massif sur mesure", quantity: 2, unitPrice: 375.5, netAmount: 751 },
    ];
    invoicingDb.invoices = [invoice];
    server.use(http.post("*/api/v1/credit-notes", () => refusal({ "lines[0].quantity": ["On ne peut créditer plus de 2 unités (reste crédité : 2)."] })));
    const { user } = renderApp(`/credit-notes/new?invoiceId=${invoice.id}`, { user: createSalesAdmin() });

    await screen.findByTestId("corrected-invoice");
    await user.click(screen.getByText("Des lignes"));
    const shelf = screen.getByLabelText("Quantité à créditer de la ligne 2");
    await user.type(shelf, "3");
    await user.click(screen.getByRole("button", { name: "Créer l'avoir (brouillon)" }));

    await expectOnField(shelf, "On ne peut créditer plus de 2 unités (reste crédité : 2).");
    expect(screen.getByLabelText("Quantité à créditer de la ligne 1")).not.toHaveAttribute("aria-invalid", "true");
  });

  it("invoice from an order: a refused percentage at creation lands under it, focused; the corrected one creates the draft", async () => {
    const order = createOrder({ status: "InProgress", number: "CO-2026-00031" });
    order.billing = billingOf(order);
    salesDb.orders = [order];
    let refused = false;
    server.use(
      // Refuses the first creation; the next ones go on to the fake API.
      http.post("*/api/v1/invoices/from-order", async ({ request }) => {
        if (refused) return undefined;
        refused = true;
        invoicingRequests.fromOrder.push((await request.json()) as Schemas["InvoiceFromOrderRequest"]);
        return refusal({ Percentage: ["Un acompte ne peut dépasser ce qui reste à facturer (70 %)."] });
      }),
    );
    const { user } = renderApp(`/invoices/new?orderId=${order.id}`, { user: createSalesAdmin() });

    const percentage = await screen.findByLabelText("Pourcentage de la commande");
    await user.type(percentage, "80");
    const create = screen.getByRole("button", { name: "Créer la facture (brouillon)" });
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    await expectOnField(percentage, "Un acompte ne peut dépasser ce qui reste à facturer (70 %).");
    expect(invoicingRequests.fromOrder[0]).toMatchObject({ orderId: order.id, kind: "Deposit", percentage: 80 });

    await user.clear(percentage);
    await user.type(percentage, "30");
    expect(percentage).not.toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    expect(await screen.findByTestId("invoice-title")).toHaveTextContent("Facture d'acompte (brouillon)");
    expect(invoicingRequests.fromOrder.at(-1)).toMatchObject({ orderId: order.id, kind: "Deposit", percentage: 30 });
  });
});
