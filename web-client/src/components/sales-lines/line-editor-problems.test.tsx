import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { billingLine, createInvoice, invoicingDb, setupInvoicingApi } from "@/testing/invoicing-handlers";
import { renderApp } from "@/testing/render";
import { createLine, createOrder, createQuote, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";
import { server } from "@/testing/server";

setupSalesApi();
setupInvoicingApi();

const message = "Le prix unitaire doit être positif.";

/** The server refuses the save naming the second line's unit price, as the API does ("lines[1].unitPrice"). */
function refuse(method: "post" | "put", path: string) {
  server.use(
    http[method](`*/api/v1${path}`, () =>
      HttpResponse.json(
        { title: "La requête contient des erreurs.", status: 422, code: "validation_failed", errors: { "lines[1].unitPrice": [message] } },
        { status: 422, headers: { "Content-Type": "application/problem+json" } },
      ),
    ),
  );
}

const twoLines = () => [createLine({ description: "Étagère chêne" }), createLine({ description: "Pose", unitPrice: 80, netAmount: 72 })];

/** The refusal lands under "Prix unitaire de la ligne 2" (not in a summary) and that cell gets the focus. */
async function expectOnSecondUnitPrice() {
  const cell = await screen.findByLabelText("Prix unitaire de la ligne 2");
  await waitFor(() => expect(cell).toHaveAttribute("aria-invalid", "true"));
  expect(within(screen.getByTestId("line-1")).getByText(message)).toBeInTheDocument();
  expect(screen.getByLabelText("Prix unitaire de la ligne 1")).not.toHaveAttribute("aria-invalid", "true");
  await waitFor(() => expect(cell).toHaveFocus());
  expect(screen.queryByText("La requête contient des erreurs.")).not.toBeInTheDocument();
}

describe("Line editors → a refused line lands on its cell, focused", () => {
  it("on the invoice editor (a direct draft invoice, PUT /invoices/{id})", async () => {
    const lines = [billingLine({ description: "Étagère chêne" }), billingLine({ description: "Pose", unitPrice: 80, netAmount: 80 })];
    const invoice = createInvoice({ kind: "Direct", title: "Facture", traceableToOrder: false, lines });
    invoicingDb.invoices = [invoice];
    refuse("put", "/invoices/:id");
    const { user } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });
    await user.type(await screen.findByLabelText("Désignation de la ligne 1"), " massif");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await expectOnSecondUnitPrice();
  });

  it("on the direct invoice form (POST /invoices)", async () => {
    refuse("post", "/invoices");
    const { user } = renderApp(`/invoices/new-direct?customerId=${salesDb.customer.id}&customerName=Durand`, { user: createSalesAdmin() });
    await user.click(await screen.findByRole("button", { name: "Ajouter une ligne" }));
    await user.click(screen.getByRole("button", { name: "Créer la facture (brouillon)" }));
    await expectOnSecondUnitPrice();
  });

  it("on the order editor (PUT /orders/{id})", async () => {
    const order = createOrder({ lines: twoLines() });
    salesDb.orders = [order];
    refuse("put", "/orders/:id");
    const { user } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });
    await user.type(await screen.findByLabelText("Désignation de la ligne 1"), " massif");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await expectOnSecondUnitPrice();
  });

  it("on the new order form (POST /orders)", async () => {
    refuse("post", "/orders");
    const { user } = renderApp(`/orders/new?customerId=${salesDb.customer.id}`, { user: createSalesAdmin() });
    await user.click(await screen.findByRole("button", { name: "Ajouter une ligne" }));
    await user.click(screen.getByRole("button", { name: "Créer la commande (brouillon)" }));
    await expectOnSecondUnitPrice();
  });

  it("on the quote editor (PUT /quotes/{id})", async () => {
    const quote = createQuote({ lines: twoLines() });
    salesDb.quotes = [quote];
    refuse("put", "/quotes/:id");
    const { user } = renderApp(`/quotes/${quote.id}`, { user: createSalesAdmin() });
    await user.type(await screen.findByLabelText("Désignation de la ligne 1"), " massif");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await expectOnSecondUnitPrice();
  });
});
