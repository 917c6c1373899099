import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createInvoice, invoicingDb, invoicingRequests, setupInvoicingApi } from "@/testing/invoicing-handlers";
import { renderApp } from "@/testing/render";
import { billingOf, createOrder, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";
import { server } from "@/testing/server";

setupSalesApi();
setupInvoicingApi();

const euro = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

function seedOrder() {
  const order = createOrder({ status: "InProgress", number: "CO-2026-00031" });
  order.billing = billingOf(order);
  salesDb.orders = [order];
  return order;
}

describe("Invoices → list", () => {
  it("shows numbers (or « Brouillon »), amounts due and the overdue badge, and sends each filter to the API", async () => {
    invoicingDb.invoices = [
      createInvoice({ status: "Validated", number: "FA-2026-00040", issueDate: "2026-10-01", dueDate: "2026-10-31", isOverdue: true }),
      createInvoice({ kind: "Balance", title: "Facture" }),
    ];
    const { user } = renderApp("/invoices", { user: createSalesAdmin() });

    const table = await screen.findByRole("table", { name: "Factures" });
    expect(within(table).getByRole("link", { name: "FA-2026-00040" })).toBeInTheDocument();
    expect(within(table).getByRole("link", { name: "Brouillon" })).toBeInTheDocument();
    expect(within(table).getAllByTestId("overdue-badge")).toHaveLength(1);
    // Both totals TTC, and the amount due of the validated one only (a draft owes nothing yet).
    expect(within(table).getAllByText(/551,16/)).toHaveLength(3);
    expect(within(table).getByText("—")).toBeInTheDocument();

    await user.click(screen.getByLabelText("Statut", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Validée", hidden: true }));
    await waitFor(() => expect(invoicingRequests.listQueries.at(-1)?.get("status")).toBe("Validated"));

    await user.click(screen.getByLabelText("Type", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Acompte", hidden: true }));
    await waitFor(() => expect(invoicingRequests.listQueries.at(-1)?.get("kind")).toBe("Deposit"));

    await user.click(screen.getByLabelText("En retard uniquement"));
    await waitFor(() => expect(invoicingRequests.listQueries.at(-1)?.get("overdue")).toBe("true"));

    await user.click(screen.getByLabelText("Client", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Menuiserie Durand SARL", hidden: true }));
    await waitFor(() => expect(invoicingRequests.listQueries.at(-1)?.get("customerId")).toBe(salesDb.customer.id));
    expect(invoicingRequests.listQueries.at(-1)?.get("status")).toBe("Validated");
  });
});

describe("Invoices → invoicing an order", () => {
  it("opens from « Facturer » on the order and shows the server's (debounced) preview before creating the draft", async () => {
    const order = seedOrder();
    const { user, router } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("link", { name: "Facturer" }));
    await waitFor(() => expect(router.state.location.search).toBe(`?orderId=${order.id}`));
    const percentage = await screen.findByLabelText("Pourcentage de la commande");
    expect(invoicingRequests.previews).toHaveLength(0);
    await user.type(percentage, "30");

    await waitFor(() => expect(invoicingRequests.previews.at(-1)).toMatchObject({ orderId: order.id, kind: "Deposit", percentage: 30 }));
    const preview = screen.getByLabelText("Aperçu");
    await waitFor(() => expect(euro(within(preview).getByTestId("total-ttc").textContent)).toBe("551,16 €"));
    expect(within(preview).getByText("Acompte de 30 % sur la commande CO-2026-00031")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Créer la facture (brouillon)" }));
    await waitFor(() => expect(invoicingRequests.fromOrder).toHaveLength(1));
    expect(invoicingRequests.fromOrder[0]).toMatchObject({ orderId: order.id, kind: "Deposit", percentage: 30 });
    expect(await screen.findByTestId("invoice-title")).toHaveTextContent("Facture d'acompte (brouillon)");
  });

  it("starts on « Solde » once deposits wait to be deducted, and on « Acompte » before", async () => {
    const order = seedOrder();
    order.billing!.rates = order.billing!.rates.map((r) => ({ ...r, depositedBase: 300, deductedBase: 0 }));
    renderApp(`/invoices/new?orderId=${order.id}`, { user: createSalesAdmin() });
    await waitFor(() => expect(screen.getByRole("radio", { name: "Solde" })).toBeChecked());
    expect(screen.getByRole("radio", { name: "Acompte" })).not.toBeChecked();
  });

  it("puts the server's refusal next to the field: unreachable amount including VAT, nothing left on the kind", async () => {
    const order = seedOrder();
    server.use(
      http.post("*/api/v1/invoices/from-order/preview", async ({ request }) => {
        const body = (await request.json()) as { kind: string };
        if (body.kind === "Balance") {
          return HttpResponse.json(
            { title: "Conflit.", status: 409, code: "nothing_left_to_invoice", errors: { kind: ["Il ne reste rien à facturer sur cette commande."] } },
            { status: 409, headers: { "Content-Type": "application/problem+json" } },
          );
        }
        return HttpResponse.json(
          {
            title: "La requête contient des erreurs.",
            status: 422,
            code: "amount_including_vat_unreachable",
            errors: { amountIncludingVat: ["Aucune base HT ne donne exactement ce montant TTC (la TVA est arrondie au centime) : choisissez 100,00 € ou 100,02 €."] },
          },
          { status: 422, headers: { "Content-Type": "application/problem+json" } },
        );
      }),
    );
    const { user } = renderApp(`/invoices/new?orderId=${order.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByLabelText("Montant TTC"));
    await user.type(screen.getByLabelText("Montant TTC", { selector: "input:not([type=radio])" }), "100,01");
    const field = screen.getByLabelText("Montant TTC", { selector: "input:not([type=radio])" });
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByText(/choisissez 100,00 € ou 100,02 €/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Créer la facture (brouillon)" })).toBeDisabled();

    await user.click(screen.getByText("Solde"));
    expect(await screen.findByTestId("kind-error")).toHaveTextContent("Il ne reste rien à facturer sur cette commande.");
  });
});

describe("Invoices → validation", () => {
  it("asks for an irreversible confirmation, sends nothing on cancel, then validates once and shows the number", async () => {
    const invoice = createInvoice({ orderId: "o-1", orderNumber: "CO-2026-00031" });
    invoicingDb.invoices = [invoice];
    const { user } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Valider" }));
    let dialog = await screen.findByRole("dialog", { name: "Valider la facture" });
    expect(within(dialog).getByTestId("irreversible-warning")).toHaveTextContent("Cette opération est irréversible");
    expect(dialog).toHaveTextContent("Un numéro définitif lui est attribué");
    expect(dialog).toHaveTextContent("figé pour toujours");
    expect(dialog).toHaveTextContent("uniquement par un avoir");
    await user.click(within(dialog).getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(invoicingRequests.validations).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Valider" }));
    dialog = await screen.findByRole("dialog", { name: "Valider la facture" });
    await user.click(within(dialog).getByRole("button", { name: "Valider définitivement" }));

    expect(await screen.findByRole("heading", { name: "Facture d'acompte FA-2026-00041" })).toBeInTheDocument();
    expect(invoicingRequests.validations).toHaveLength(1);
    expect(invoicingRequests.validations[0]!.idempotencyKey).toBeTruthy();
    expect(invoicingRequests.validations[0]!.body).toEqual({ issueDate: null });
    expect(screen.getByTestId("chain-sequence")).toHaveTextContent("7");
    expect(screen.queryByRole("button", { name: "Valider" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Créer un avoir" })).toBeInTheDocument();
  });
});

describe("Invoices → validation sent once", () => {
  it("shows each line's unit by its French label, not its UN/ECE code", async () => {
    const invoice = createInvoice({ orderId: "o-1", orderNumber: "CO-2026-00031" });
    invoicingDb.invoices = [invoice];
    renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    expect((await screen.findAllByRole("cell", { name: "unité" })).length).toBeGreaterThan(0);
    expect(screen.queryByRole("cell", { name: "C62" })).not.toBeInTheDocument();
  });

  it("sends one validation when \"Valider définitivement\" is double-clicked", async () => {
    const invoice = createInvoice({ orderId: "o-1", orderNumber: "CO-2026-00031" });
    invoicingDb.invoices = [invoice];
    const { user } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Valider" }));
    const dialog = await screen.findByRole("dialog", { name: "Valider la facture" });
    await user.dblClick(within(dialog).getByRole("button", { name: "Valider définitivement" }));

    expect(await screen.findByRole("heading", { name: "Facture d'acompte FA-2026-00041" })).toBeInTheDocument();
    expect(invoicingRequests.validations).toHaveLength(1);
  });
});

describe("Credit notes → creation from an invoice", () => {
  it("credits one line with a quantity as a correction and opens the draft credit note", async () => {
    const invoice = createInvoice({ kind: "Balance", title: "Facture", status: "Validated", number: "FA-2026-00042", issueDate: "2026-11-28" });
    invoice.lines = [
      { ...invoice.lines[0]!, id: "line-pose", description: "Pose et réglage", quantity: 12, unitPrice: 65, netAmount: 780 },
      { ...invoice.lines[0]!, id: "line-shelf", description: "Étagère chêne massif sur mesure", quantity: 2, unitPrice: 375.5, netAmount: 751 },
    ];
    invoicingDb.invoices = [invoice];
    const { user, router } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("link", { name: "Créer un avoir" }));
    expect(await screen.findByTestId("corrected-invoice")).toHaveTextContent("Avoir sur la facture FA-2026-00042 du 28/11/2026");
    await user.click(screen.getByText("Des lignes"));
    await user.type(screen.getByLabelText("Quantité à créditer de la ligne 2"), "1");
    expect(screen.getByTestId("reason-effect")).toHaveTextContent("Seule une correction rend du reste à facturer");
    await user.click(screen.getByLabelText("Geste commercial"));
    expect(screen.getByTestId("reason-effect")).toHaveTextContent("ne rend pas de reste à facturer");
    await user.click(screen.getByLabelText("Correction"));
    await user.type(screen.getByLabelText("Explication (imprimée sur l'avoir)"), "Une étagère livrée en moins");
    await user.click(screen.getByRole("button", { name: "Créer l'avoir (brouillon)" }));

    await waitFor(() => expect(invoicingRequests.creditNotes).toHaveLength(1));
    expect(invoicingRequests.creditNotes[0]).toMatchObject({
      invoiceId: invoice.id,
      mode: "Lines",
      reason: "Correction",
      reasonText: "Une étagère livrée en moins",
      lines: [{ invoiceLineId: "line-shelf", quantity: 1 }],
    });
    expect(await screen.findByTestId("credit-note-title")).toHaveTextContent("Avoir (brouillon)");
    expect(router.state.location.pathname).toBe(`/credit-notes/${invoicingDb.creditNotes[0]!.id}`);
    expect(euro(screen.getByTestId("total-ht").textContent)).toBe("375,50 €");
  });
});
