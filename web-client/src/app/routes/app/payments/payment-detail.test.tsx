import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/schema";
import { createCustomer, db } from "@/testing/data";
import { problem } from "@/testing/handlers";
import { openInvoice, paymentsDb } from "@/testing/payments-handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

type Schemas = components["schemas"];
type Payment = Schemas["PaymentResponse"];

const euro = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

const paymentId = "00000000-0000-4000-b000-000000000901";

function seedPayment(overrides: Partial<Payment> = {}): Payment {
  const payment: Payment = {
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
    allocated: 600.01,
    unallocated: 0,
    allocations: [
      { id: "alloc-1", documentKind: "Invoice", documentId: "00000000-0000-4000-b000-0000000000a1", documentNumber: "FA-2026-00040", amount: 600.01, date: "2026-11-20", active: true },
    ],
    createdAt: "2026-11-20T10:00:00Z",
    updatedAt: "2026-11-20T10:00:00Z",
    ...overrides,
  };
  paymentsDb.payments = [payment];
  return payment;
}

/** Replaces the stored payment as the API would after an action, so that refetches see it too. */
const save = (payment: Payment) => {
  paymentsDb.payments = paymentsDb.payments.map((p) => (p.id === payment.id ? payment : p));
  return HttpResponse.json(payment);
};

describe("Payments → cancelling a payment", () => {
  it("requires a reason, sends it, then shows the payment cancelled with the reason and no more actions", async () => {
    seedPayment();
    const sent: { id: string; body: unknown }[] = [];
    server.use(
      http.post("*/api/v1/payments/:id/cancel", async ({ request, params }) => {
        const body = (await request.json()) as { reason: string };
        sent.push({ id: String(params.id), body });
        const current = paymentsDb.payments[0]!;
        return save({
          ...current,
          state: "Cancelled",
          cancelReason: body.reason,
          cancelledAt: "2026-11-28T10:00:00Z",
          allocated: 0,
          allocations: current.allocations.map((a) => ({ ...a, active: false })),
        });
      }),
    );
    const { user } = renderApp(`/payments/${paymentId}`);

    expect(await screen.findByTestId("payment-title")).toHaveTextContent("Règlement de 600,01");
    expect(screen.getByTestId("payment-state")).toHaveTextContent("Actif");
    // The bank account by the name the company gave it, never its internal code.
    await waitFor(() => expect(screen.getByTestId("payment-bank-account")).toHaveTextContent("Banque"));
    expect(screen.getByTestId("payment-bank-account")).not.toHaveTextContent("BQ1");
    expect(screen.queryByTestId("cancelled-notice")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Annuler le règlement" }));
    const dialog = await screen.findByRole("dialog", { name: "Annuler ce règlement" });
    await user.click(within(dialog).getByRole("button", { name: "Annuler le règlement" }));
    expect(await within(dialog).findByText("Ce champ est obligatoire.")).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/^Motif \(conservé dans le journal d'audit\)/), "Chèque revenu impayé");
    await user.click(within(dialog).getByRole("button", { name: "Annuler le règlement" }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ id: paymentId, body: { reason: "Chèque revenu impayé" } });
    expect(await screen.findByText("Règlement annulé et contre-passé en comptabilité.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Annuler ce règlement" })).not.toBeInTheDocument());
    expect(await screen.findByTestId("cancelled-notice")).toHaveTextContent(/^Annulé le .+ — Chèque revenu impayé$/);
    expect(screen.getByTestId("payment-state")).toHaveTextContent("Annulé");
    expect(screen.queryByRole("button", { name: "Annuler le règlement" })).not.toBeInTheDocument();
    // The allocation is shown reversed.
    const allocations = screen.getByRole("table", { name: "Affectations" });
    expect(within(within(allocations).getByRole("row", { name: /FA-2026-00040/ })).getByText("Annulé")).toBeInTheDocument();
  });

  it("keeps the dialog open with the API's refusal and leaves the payment active", async () => {
    seedPayment();
    server.use(
      http.post("*/api/v1/payments/:id/cancel", () =>
        problem(409, "payment_in_closed_period", "La période comptable de ce règlement est clôturée."),
      ),
    );
    const { user } = renderApp(`/payments/${paymentId}`);

    await user.click(await screen.findByRole("button", { name: "Annuler le règlement" }));
    const dialog = await screen.findByRole("dialog", { name: "Annuler ce règlement" });
    await user.type(within(dialog).getByLabelText(/^Motif/), "Erreur de saisie");
    await user.click(within(dialog).getByRole("button", { name: "Annuler le règlement" }));

    expect(await within(dialog).findByRole("alert")).toHaveTextContent("La période comptable de ce règlement est clôturée.");
    expect(screen.getByTestId("payment-state")).toHaveTextContent("Actif");
    expect(screen.queryByTestId("cancelled-notice")).not.toBeInTheDocument();
  });
});

describe("Payments → identifying an unidentified receipt", () => {
  it("picks the customer, spreads the receipt over its open invoices and sends both, then shows the payment identified", async () => {
    const customer = createCustomer({ name: "Menuiserie Durand SARL" });
    db.customers = [customer, createCustomer({ name: "Boulangerie Martin" })];
    paymentsDb.account = {
      customerId: customer.id,
      customerName: customer.name,
      totalOutstanding: 1151.17,
      overdueOutstanding: 551.16,
      availableCredit: 0,
      balance: 1151.17,
      openInvoices: [
        openInvoice(),
        openInvoice({ invoiceId: "00000000-0000-4000-b000-0000000000a2", number: "FA-2026-00044", issueDate: "2026-11-15", dueDate: "2026-12-15", total: 600.01, outstanding: 600.01, daysLate: 0 }),
      ],
      credits: [],
    };
    seedPayment({ customerId: null, customerName: null, amount: 600.01, allocated: 0, unallocated: 600.01, allocations: [], reference: "VIR INCONNU" });
    const sent: { id: string; body: Schemas["IdentifyPaymentRequest"] }[] = [];
    server.use(
      http.post("*/api/v1/payments/:id/identify", async ({ request, params }) => {
        const body = (await request.json()) as Schemas["IdentifyPaymentRequest"];
        sent.push({ id: String(params.id), body });
        const allocations = body.allocations ?? [];
        const allocated = Math.round(allocations.reduce((s, a) => s + a.amount * 100, 0)) / 100;
        return save({
          ...paymentsDb.payments[0]!,
          customerId: body.customerId,
          customerName: customer.name,
          allocated,
          unallocated: Math.round((600.01 - allocated) * 100) / 100,
          allocations: allocations.map((a, i) => ({
            id: `alloc-${i}`,
            documentKind: "Invoice",
            documentId: a.invoiceId,
            documentNumber: paymentsDb.account!.openInvoices.find((o) => o.invoiceId === a.invoiceId)!.number,
            amount: a.amount,
            date: "2026-11-28",
            active: true,
          })),
        });
      }),
    );
    const { user } = renderApp(`/payments/${paymentId}`);

    expect(await screen.findByTestId("unidentified-badge")).toHaveTextContent("Non identifié");
    expect(screen.getByText("Encaissement non identifié, en compte d'attente")).toBeInTheDocument();
    // An unidentified receipt can be identified, not allocated nor written off.
    expect(screen.queryByRole("button", { name: "Affecter le reste" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Identifier" }));
    const dialog = await screen.findByRole("dialog", { name: "Identifier l'encaissement" });
    const submit = within(dialog).getByRole("button", { name: "Identifier" });
    expect(submit).toBeDisabled();

    await user.click(within(dialog).getByLabelText(/^Client/, { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Menuiserie Durand SARL", hidden: true }));
    const table = await within(dialog).findByRole("table", { name: "Répartition sur les factures ouvertes" });
    await user.click(within(dialog).getByRole("button", { name: "Répartir automatiquement" }));
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00040")).toHaveValue("551,16");
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00044")).toHaveValue("48,85");
    expect(submit).toBeEnabled();
    await user.click(submit);

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      id: paymentId,
      body: {
        customerId: customer.id,
        allocations: [
          { invoiceId: "00000000-0000-4000-b000-0000000000a1", amount: 551.16 },
          { invoiceId: "00000000-0000-4000-b000-0000000000a2", amount: 48.85 },
        ],
      },
    });
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Identifier l'encaissement" })).not.toBeInTheDocument());
    expect(await screen.findByRole("link", { name: "Menuiserie Durand SARL" })).toHaveAttribute("href", `/customers/${customer.id}`);
    expect(screen.queryByTestId("unidentified-badge")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Identifier" })).not.toBeInTheDocument();
    expect(euro(screen.getByTestId("payment-allocated").textContent)).toBe("600,01 €");
    expect(euro(screen.getByTestId("payment-unallocated").textContent)).toBe("0,00 €");
    const allocations = screen.getByRole("table", { name: "Affectations" });
    expect(within(allocations).getByRole("link", { name: "FA-2026-00040" })).toBeInTheDocument();
    expect(within(allocations).getByRole("link", { name: "FA-2026-00044" })).toBeInTheDocument();
  });

  it("puts the API's refusal of an allocation on its row", async () => {
    const customer = createCustomer({ name: "Menuiserie Durand SARL" });
    db.customers = [customer];
    paymentsDb.account = {
      customerId: customer.id,
      customerName: customer.name,
      totalOutstanding: 551.16,
      overdueOutstanding: 551.16,
      availableCredit: 0,
      balance: 551.16,
      openInvoices: [openInvoice()],
      credits: [],
    };
    seedPayment({ customerId: null, customerName: null, amount: 80, allocated: 0, unallocated: 80, allocations: [] });
    server.use(
      http.post("*/api/v1/payments/:id/identify", () =>
        problem(409, "allocation_exceeds_outstanding", "Conflit.", {
          "allocations[0].amount": ["Le montant affecté à FA-2026-00040 dépasse ce qui reste dû (40,00 €)."],
        }),
      ),
    );
    const { user } = renderApp(`/payments/${paymentId}`);

    await user.click(await screen.findByRole("button", { name: "Identifier" }));
    const dialog = await screen.findByRole("dialog", { name: "Identifier l'encaissement" });
    await user.click(within(dialog).getByLabelText(/^Client/, { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Menuiserie Durand SARL", hidden: true }));
    const table = await within(dialog).findByRole("table", { name: "Répartition sur les factures ouvertes" });
    await user.type(within(table).getByLabelText("Montant affecté à FA-2026-00040"), "80");
    await user.click(within(dialog).getByRole("button", { name: "Identifier" }));

    const row = within(table).getByLabelText("Montant affecté à FA-2026-00040");
    await waitFor(() => expect(row).toHaveAttribute("aria-invalid", "true"));
    expect(within(table).getByText("Le montant affecté à FA-2026-00040 dépasse ce qui reste dû (40,00 €).")).toBeInTheDocument();
    expect(screen.getByTestId("unidentified-badge")).toBeInTheDocument();
  });
});
