import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/schema";
import { today } from "@/features/payments/components/payment-form";
import { createCustomer, db } from "@/testing/data";
import { openInvoice, paymentsDb } from "@/testing/payments-handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

type Schemas = components["schemas"];

const euro = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

const creditNoteId = "00000000-0000-4000-b000-0000000000c5";
const secondInvoiceId = "00000000-0000-4000-b000-0000000000a2";

/** A customer with two open invoices and 80,00 € left on credit note AV-2026-00003; returns what apply/refund received. */
function seedCustomer() {
  const customer = createCustomer({ name: "Menuiserie Durand SARL" });
  db.customers = [customer];
  paymentsDb.account = {
    customerId: customer.id,
    customerName: customer.name,
    totalOutstanding: 1151.17,
    overdueOutstanding: 551.16,
    availableCredit: 80,
    balance: 1071.17,
    openInvoices: [
      openInvoice(),
      openInvoice({ invoiceId: secondInvoiceId, number: "FA-2026-00044", issueDate: "2026-11-15", dueDate: "2026-12-15", total: 600.01, outstanding: 600.01, daysLate: 0 }),
    ],
    credits: [{ kind: "CreditNote", id: creditNoteId, reference: "AV-2026-00003", date: "2026-11-20", amount: 120, available: 80 }],
  };
  const sent = { applied: [] as { id: string; body: Schemas["ApplyCreditNoteRequest"] }[], refunds: [] as { id: string; body: Schemas["RefundCreditNoteRequest"] }[] };
  /** What the API would now say of the account once `amount` of the credit note is used. */
  const useCredit = (amount: number) => {
    const account = paymentsDb.account!;
    paymentsDb.account = {
      ...account,
      availableCredit: account.availableCredit - amount,
      credits: account.credits.map((c) => (c.id === creditNoteId ? { ...c, available: c.available - amount } : c)),
    };
  };
  server.use(
    http.post("*/api/v1/credit-notes/:id/apply", async ({ request, params }) => {
      const body = (await request.json()) as Schemas["ApplyCreditNoteRequest"];
      sent.applied.push({ id: String(params.id), body });
      useCredit(body.amount);
      return HttpResponse.json({
        paymentStatus: "PartiallyPaid",
        outstanding: 550.01,
        disputed: false,
        disputeReason: null,
        disputedAt: null,
        settlements: [],
      } satisfies Schemas["InvoicePaymentResponse"]);
    }),
    http.post("*/api/v1/credit-notes/:id/refund", async ({ request, params }) => {
      const body = (await request.json()) as Schemas["RefundCreditNoteRequest"];
      sent.refunds.push({ id: String(params.id), body });
      const amount = body.amount ?? 80;
      useCredit(amount);
      return HttpResponse.json(
        {
          id: "00000000-0000-4000-b000-0000000000f1",
          direction: "Refund",
          customerId: customer.id,
          customerName: customer.name,
          date: body.date,
          amount,
          bankFees: 0,
          method: body.method,
          reference: body.reference ?? null,
          bankAccountCode: body.bankAccountCode,
          note: null,
          state: "Active",
          cancelReason: null,
          cancelledAt: null,
          allocated: amount,
          unallocated: 0,
          allocations: [],
          createdAt: "2026-11-28T10:00:00Z",
          updatedAt: "2026-11-28T10:00:00Z",
        } satisfies Schemas["PaymentResponse"],
        { status: 201 },
      );
    }),
  );
  return { customer, sent };
}

async function openCredit(action: "Imputer sur une facture" | "Rembourser") {
  const credits = await screen.findByRole("table", { name: "Crédits disponibles" });
  const row = within(credits).getByRole("row", { name: /AV-2026-00003/ });
  return { credits, row, button: within(row).getByRole("button", { name: action }) };
}

describe("Customers → account: applying a credit note", () => {
  it("applies part of the available credit to the chosen open invoice and shows the credit left", async () => {
    const { customer, sent } = seedCustomer();
    const { user } = renderApp(`/customers/${customer.id}`);

    expect(euro((await screen.findByTestId("available-credit")).textContent)).toBe("80,00 €");
    const { row, button } = await openCredit("Imputer sur une facture");
    expect(euro(row.textContent)).toContain("80,00 €");
    await user.click(button);
    const dialog = await screen.findByRole("dialog", { name: "Imputer l'avoir AV-2026-00003" });

    await user.click(within(dialog).getByLabelText("Facture", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: /^FA-2026-00044 — 600,01/, hidden: true }));
    expect(euro(dialog.textContent)).toContain("Disponible : 80,00 € · reste dû de la facture : 600,01 €");

    const amount = within(dialog).getByRole("textbox", { name: "Montant" });
    const submit = within(dialog).getByRole("button", { name: "Imputer sur une facture" });
    expect(submit).toBeDisabled();
    await user.type(amount, "abc");
    expect(within(dialog).getByText("Montant invalide (ex. 1 234,56).")).toBeInTheDocument();
    expect(submit).toBeDisabled();
    await user.clear(amount);
    await user.type(amount, "50,5");
    await user.click(submit);

    await waitFor(() => expect(sent.applied).toHaveLength(1));
    expect(sent.applied[0]).toEqual({ id: creditNoteId, body: { invoiceId: secondInvoiceId, amount: 50.5 } });
    expect(await screen.findByText("Avoir imputé sur la facture.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Imputer l'avoir AV-2026-00003" })).not.toBeInTheDocument());
    await waitFor(() => expect(euro(screen.getByTestId("available-credit").textContent)).toBe("29,50 €"));
  });

  it("sends an amount above what is available (the API decides) and shows the API's refusal under the amount, focused", async () => {
    const { customer, sent } = seedCustomer();
    const message = "Le montant affecté dépasse ce qui reste disponible sur AV-2026-00003 (80,00 €).";
    const attempts: unknown[] = [];
    server.use(
      http.post("*/api/v1/credit-notes/:id/apply", async ({ request }) => {
        attempts.push(await request.json());
        return HttpResponse.json(
          {
            type: "https://koban.fr/problems/allocation_exceeds_available",
            title: "Montant supérieur au disponible.",
            status: 409,
            code: "allocation_exceeds_available",
            detail: message,
            errors: { amount: [message] },
          },
          { status: 409, headers: { "Content-Type": "application/problem+json" } },
        );
      }),
    );
    const { user } = renderApp(`/customers/${customer.id}`);

    await user.click((await openCredit("Imputer sur une facture")).button);
    const dialog = await screen.findByRole("dialog", { name: "Imputer l'avoir AV-2026-00003" });
    await user.type(within(dialog).getByRole("textbox", { name: "Montant" }), "120");
    await user.click(within(dialog).getByRole("button", { name: "Imputer sur une facture" }));

    await waitFor(() => expect(attempts).toEqual([{ invoiceId: "00000000-0000-4000-b000-0000000000a1", amount: 120 }]));
    // The refusal names the amount: it lands under that field, which gets the focus.
    const refusedAmount = within(dialog).getByRole("textbox", { name: "Montant" });
    await waitFor(() => expect(refusedAmount).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getByText(message)).toBeInTheDocument();
    await waitFor(() => expect(refusedAmount).toHaveFocus());
    // Nothing applied: the dialog stays open with the amount, the credit is unchanged.
    expect(refusedAmount).toHaveValue("120");
    expect(screen.queryByText("Avoir imputé sur la facture.")).not.toBeInTheDocument();
    expect(sent.applied).toHaveLength(0);
    expect(euro(screen.getByTestId("available-credit").textContent)).toBe("80,00 €");
  });
});

describe("Customers → account: refunding a credit note", () => {
  it("refunds all that is left by default, with the date, method, bank account and reference chosen", async () => {
    const { customer, sent } = seedCustomer();
    const { user } = renderApp(`/customers/${customer.id}`);

    await user.click((await openCredit("Rembourser")).button);
    const dialog = await screen.findByRole("dialog", { name: "Rembourser l'avoir AV-2026-00003" });
    expect(euro(dialog.textContent)).toContain("Laissez vide pour rembourser tout le disponible (80,00 €).");
    // The first bank account of the accounting settings is proposed.
    await waitFor(() => expect(within(dialog).getByLabelText("Compte bancaire", { selector: "input" })).toHaveValue("Banque (512000)"));

    await user.click(within(dialog).getByLabelText("Mode de paiement", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Chèque", hidden: true }));
    await user.type(within(dialog).getByRole("textbox", { name: "Référence" }), "  CHQ 0042 ");
    await user.click(within(dialog).getByRole("button", { name: "Rembourser" }));

    await waitFor(() => expect(sent.refunds).toHaveLength(1));
    expect(sent.refunds[0]).toEqual({
      id: creditNoteId,
      body: { date: today(), method: "Cheque", bankAccountCode: "BQ1", reference: "CHQ 0042", amount: null },
    });
    expect(await screen.findByText("Remboursement enregistré.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Rembourser l'avoir AV-2026-00003" })).not.toBeInTheDocument());
    // Nothing left on the credit note: it leaves the list of available credits.
    await waitFor(() => expect(euro(screen.getByTestId("available-credit").textContent)).toBe("0,00 €"));
    expect(screen.queryByRole("table", { name: "Crédits disponibles" })).not.toBeInTheDocument();
  });

  it("refunds a part when an amount is typed, and shows the API's refusal under the amount, focused", async () => {
    const { customer, sent } = seedCustomer();
    const { user } = renderApp(`/customers/${customer.id}`);

    await user.click((await openCredit("Rembourser")).button);
    let dialog = await screen.findByRole("dialog", { name: "Rembourser l'avoir AV-2026-00003" });
    await user.type(within(dialog).getByRole("textbox", { name: "Montant" }), "30,25");
    await user.click(within(dialog).getByRole("button", { name: "Rembourser" }));
    await waitFor(() => expect(sent.refunds).toHaveLength(1));
    expect(sent.refunds[0]!.body).toMatchObject({ method: "BankTransfer", bankAccountCode: "BQ1", reference: null, amount: 30.25 });
    await waitFor(() => expect(euro(screen.getByTestId("available-credit").textContent)).toBe("49,75 €"));

    // What the API answers beyond the credit: a conflict whose detail (and errors.amount) gives what is left.
    const message = "Le remboursement dépasse le crédit disponible du client (49,75 €).";
    const refused: unknown[] = [];
    server.use(
      http.post("*/api/v1/credit-notes/:id/refund", async ({ request }) => {
        refused.push(await request.json());
        return HttpResponse.json(
          { title: "Conflit.", status: 409, code: "refund_beyond_credit", detail: message, errors: { amount: [message] } },
          { status: 409, headers: { "Content-Type": "application/problem+json" } },
        );
      }),
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await user.click((await openCredit("Rembourser")).button);
    dialog = await screen.findByRole("dialog", { name: "Rembourser l'avoir AV-2026-00003" });
    await user.type(within(dialog).getByRole("textbox", { name: "Montant" }), "500");
    await user.click(within(dialog).getByRole("button", { name: "Rembourser" }));
    const refusedAmount = within(dialog).getByRole("textbox", { name: "Montant" });
    await waitFor(() => expect(refusedAmount).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getByText(message)).toBeInTheDocument();
    await waitFor(() => expect(refusedAmount).toHaveFocus());
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ amount: 500 });
    expect(screen.getByRole("dialog", { name: "Rembourser l'avoir AV-2026-00003" })).toBeInTheDocument();
    expect(euro(screen.getByTestId("available-credit").textContent)).toBe("49,75 €");
  });
});
