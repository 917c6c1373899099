import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { customerId, openInvoice, paymentsDb, paymentsRequests } from "@/testing/payments-handlers";
import { server } from "@/testing/server";

const euro = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

function seedAccount() {
  paymentsDb.account = {
    customerId,
    customerName: "Menuiserie Durand SARL",
    totalOutstanding: 1151.17,
    overdueOutstanding: 551.16,
    availableCredit: 0,
    balance: 1151.17,
    // The API sends the oldest due date first.
    openInvoices: [
      openInvoice(),
      openInvoice({ invoiceId: "00000000-0000-4000-b000-0000000000a2", number: "FA-2026-00044", issueDate: "2026-11-15", dueDate: "2026-12-15", total: 600.01, outstanding: 600.01, daysLate: 0 }),
    ],
    credits: [],
  };
}

const url = `/payments/new?customerId=${customerId}&customerName=${encodeURIComponent("Menuiserie Durand SARL")}`;

describe("Payments → entry with the allocation table", () => {
  it("spreads the amount oldest due first, never beyond an outstanding, shows the rest as credit and sends the amounts", async () => {
    seedAccount();
    const { user, router } = renderApp(url);

    const table = await screen.findByRole("table", { name: "Répartition sur les factures ouvertes" });
    await user.type(screen.getByLabelText(/^Montant/, { selector: "input:not([aria-label])" }), "1000");
    await user.click(screen.getByRole("button", { name: "Répartir automatiquement" }));
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00040")).toHaveValue("551,16");
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00044")).toHaveValue("448,84");
    expect(euro(screen.getByTestId("rest-as-credit").textContent)).toBe("0,00 €");

    // More than everything owed: each invoice gets its whole outstanding, the rest is the customer's credit.
    const amount = screen.getByLabelText(/^Montant/, { selector: "input:not([aria-label])" });
    await user.clear(amount);
    await user.type(amount, "1 200,00");
    await user.click(screen.getByRole("button", { name: "Répartir automatiquement" }));
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00044")).toHaveValue("600,01");
    expect(euro(screen.getByTestId("allocated-total").textContent)).toBe("1 151,17 €");
    expect(euro(screen.getByTestId("rest-as-credit").textContent)).toBe("48,83 €");

    await user.type(screen.getByLabelText("Référence"), "VIR DURAND 1128");
    await user.click(screen.getByRole("button", { name: "Enregistrer le règlement" }));

    await waitFor(() => expect(paymentsRequests.created).toHaveLength(1));
    expect(paymentsRequests.created[0]).toMatchObject({
      direction: "Receipt",
      customerId,
      amount: 1200,
      method: "BankTransfer",
      reference: "VIR DURAND 1128",
      bankAccountCode: "BQ1",
      allocations: [
        { invoiceId: "00000000-0000-4000-b000-0000000000a1", amount: 551.16 },
        { invoiceId: "00000000-0000-4000-b000-0000000000a2", amount: 600.01 },
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/payments/${paymentsDb.payments[0]!.id}`));
    expect(await screen.findByTestId("payment-title")).toHaveTextContent("Règlement de 1 200,00");
  });

  it("puts the problem's field errors on the allocation row (allocations[1].amount) and on the form's fields", async () => {
    seedAccount();
    server.use(
      http.post("*/api/v1/payments", () =>
        HttpResponse.json(
          {
            title: "La requête contient des erreurs.",
            status: 422,
            code: "allocation_exceeds_outstanding",
            errors: {
              "allocations[1].amount": ["La facture FA-2026-00044 n'a plus que 600,01 € à régler."],
              Reference: ["La référence est trop longue."],
              somethingElse: ["Un message sans champ."],
            },
          },
          { status: 422, headers: { "Content-Type": "application/problem+json" } },
        ),
      ),
    );
    const { user } = renderApp(url);
    const table = await screen.findByRole("table", { name: "Répartition sur les factures ouvertes" });
    await user.type(screen.getByLabelText(/^Montant/, { selector: "input:not([aria-label])" }), "700");
    await user.type(within(table).getByLabelText("Montant affecté à FA-2026-00040"), "50");
    await user.type(within(table).getByLabelText("Montant affecté à FA-2026-00044"), "650");
    // Typed beyond the outstanding: flagged at once, still sent (the API decides).
    expect(within(table).getByText("Plus que le reste dû de la facture.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Référence"), "X");
    await user.click(screen.getByRole("button", { name: "Enregistrer le règlement" }));

    const row = within(table).getByLabelText("Montant affecté à FA-2026-00044");
    await waitFor(() => expect(row).toHaveAttribute("aria-invalid", "true"));
    expect(within(table).getByText("La facture FA-2026-00044 n'a plus que 600,01 € à régler.")).toBeInTheDocument();
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00040")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Référence")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("La référence est trop longue.")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Un message sans champ.");
  });

  it("focuses the allocation row a refusal names (allocations[0].amount), scrolled to, with no summary repeating it", async () => {
    seedAccount();
    server.use(
      http.post("*/api/v1/payments", () =>
        HttpResponse.json(
          {
            title: "La requête contient des erreurs.",
            status: 400,
            code: "validation_failed",
            errors: { "allocations[0].amount": ["Le montant affecté doit être positif."] },
          },
          { status: 400, headers: { "Content-Type": "application/problem+json" } },
        ),
      ),
    );
    const { user } = renderApp(url);
    const table = await screen.findByRole("table", { name: "Répartition sur les factures ouvertes" });
    await user.type(screen.getByLabelText(/^Montant/, { selector: "input:not([aria-label])" }), "100");
    // Only the second invoice is allocated: index 0 of what is sent is FA-2026-00044, not the table's first row.
    await user.type(within(table).getByLabelText("Montant affecté à FA-2026-00044"), "100");
    await user.click(screen.getByRole("button", { name: "Enregistrer le règlement" }));

    const row = within(table).getByLabelText("Montant affecté à FA-2026-00044");
    await waitFor(() => expect(row).toHaveAttribute("aria-invalid", "true"));
    expect(within(table).getByText("Le montant affecté doit être positif.")).toBeInTheDocument();
    expect(within(table).getByLabelText("Montant affecté à FA-2026-00040")).not.toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(row).toHaveFocus());
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("records an unidentified receipt without a customer nor allocations", async () => {
    const { user } = renderApp("/payments/new");
    await user.click(await screen.findByLabelText("Encaissement non identifié (client inconnu)"));
    expect(screen.getByTestId("unidentified-notice")).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Montant/, { selector: "input:not([aria-label])" }), "80,50");
    await user.click(screen.getByRole("button", { name: "Enregistrer le règlement" }));
    await waitFor(() => expect(paymentsRequests.created).toHaveLength(1));
    expect(paymentsRequests.created[0]).toMatchObject({ customerId: null, amount: 80.5, allocations: [] });
  });
});
