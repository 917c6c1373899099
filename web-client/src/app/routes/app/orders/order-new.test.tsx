import { screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { orderCustomerQuery } from "@/features/orders/api/orders";
import { createContact } from "@/testing/data";
import { renderApp } from "@/testing/render";
import { createSalesAdmin, salesDb } from "@/testing/sales-data";
import { createOrderRequests, setupSalesApi } from "@/testing/sales-handlers";
import { server } from "@/testing/server";

setupSalesApi();

describe("Orders → direct creation (« Nouvelle commande »)", () => {
  it("creates a draft from the list: sends the customer and the lines, then opens the new order", async () => {
    const { user, router } = renderApp("/orders", { user: createSalesAdmin() });

    await user.click(await screen.findByRole("link", { name: "Nouvelle commande" }));
    expect(await screen.findByRole("heading", { name: "Nouvelle commande" })).toBeInTheDocument();
    expect(screen.getByTestId("direct-order-notice")).toHaveTextContent("Commande saisie directement : elle ne sera pas rattachée à un devis.");

    await user.click(screen.getByLabelText(/^Client/, { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Menuiserie Durand SARL", hidden: true }));
    await user.click(screen.getByLabelText("Produit de la ligne 1", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: /Pose et réglage/, hidden: true }));
    const quantity = screen.getByLabelText("Quantité de la ligne 1");
    await user.clear(quantity);
    await user.type(quantity, "3");
    await user.type(screen.getByLabelText("Référence de commande client"), "BC-2026-118");
    await user.click(screen.getByRole("button", { name: "Créer la commande (brouillon)" }));

    await waitFor(() => expect(salesDb.orders).toHaveLength(1));
    const created = salesDb.orders[0]!;
    await waitFor(() => expect(router.state.location.pathname).toBe(`/orders/${created.id}`));
    expect(createOrderRequests).toHaveLength(1);
    expect(createOrderRequests[0]!.idempotencyKey).toBeTruthy();
    expect(createOrderRequests[0]!.body).toMatchObject({
      customerId: salesDb.customer.id,
      orderDate: null,
      customerReference: "BC-2026-118",
      lines: [{ kind: "Product", productId: salesDb.product.id, quantity: 3 }],
    });
    expect(created.traceableToQuote).toBe(false);
    expect(await screen.findByRole("heading", { name: "Commande brouillon" })).toBeInTheDocument();
  });

  it("takes the customer's billing contact as the order's contact", async () => {
    const billing = createContact({ firstName: "Claire", lastName: "Durand", isBilling: true });
    salesDb.customer.contacts = [createContact({ firstName: "Paul", lastName: "Atelier", isBilling: false }), billing];
    const { user, queryClient } = renderApp("/orders/new", { user: createSalesAdmin() });

    await user.click(await screen.findByLabelText(/^Client/, { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Menuiserie Durand SARL", hidden: true }));
    await user.click(screen.getByLabelText("Produit de la ligne 1", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: /Pose et réglage/, hidden: true }));
    // the customer's details (its contacts) arrive after the pick
    await waitFor(() => expect(queryClient.getQueryData(orderCustomerQuery(salesDb.customer.id).queryKey)).toBeDefined());
    await user.click(screen.getByRole("button", { name: "Créer la commande (brouillon)" }));

    await waitFor(() => expect(createOrderRequests).toHaveLength(1));
    expect(createOrderRequests[0]!.body).toMatchObject({ customerId: salesDb.customer.id, contactId: billing.id });
  });

  it("pre-selects ?customerId= and shows a server error on customerId under the customer field", async () => {
    server.use(
      http.post("*/api/v1/orders", () =>
        HttpResponse.json(
          { title: "La requête contient des erreurs.", status: 400, code: "validation_failed", errors: { customerId: ["Ce client est archivé."] } },
          { status: 400, headers: { "Content-Type": "application/problem+json" } },
        ),
      ),
    );
    const { user, router } = renderApp(`/orders/new?customerId=${salesDb.customer.id}`, { user: createSalesAdmin() });

    const customer = await screen.findByLabelText(/^Client/, { selector: "input" });
    expect(customer).toHaveValue("Menuiserie Durand SARL");
    await user.click(screen.getByRole("button", { name: "Créer la commande (brouillon)" }));

    expect(await screen.findByText("Ce client est archivé.")).toBeInTheDocument();
    expect(customer).toHaveAttribute("aria-invalid", "true");
    expect(router.state.location.pathname).toBe("/orders/new");
  });

  it("hides « Nouvelle commande » without orders:write", async () => {
    renderApp("/orders", { user: createSalesAdmin({ permissions: ["orders:read", "customers:read"] }) });

    expect(await screen.findByText("Aucune commande")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Nouvelle commande" })).not.toBeInTheDocument();
  });
});
