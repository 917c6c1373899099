import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { billingOf, createLine, createOrder, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { previewRequests, setupSalesApi } from "@/testing/sales-handlers";
import { server } from "@/testing/server";

setupSalesApi();

const euro = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

function seedDraft() {
  const order = createOrder({
    lines: [createLine({ description: "Étagère chêne", quantity: 2, unitPrice: 375.5, discountPercent: 10, netAmount: 675.9 })],
  });
  salesDb.orders = [order];
  return order;
}

function seedValidated() {
  const order = createOrder({ status: "InProgress", number: "CO-2026-00031", customerReference: "BC-1" });
  order.billing = billingOf(order);
  salesDb.orders = [order];
  return order;
}

describe("Orders → the order page", () => {
  it("links to the order's PDF (bon de commande), also for a validated order", async () => {
    const order = seedValidated();
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    const pdf = await screen.findByRole("link", { name: "PDF" });
    expect(pdf).toHaveAttribute("href", `/api/v1/orders/${order.id}/pdf`);
    expect(pdf).toHaveAttribute("target", "_blank");
  });

  it("shows the totals the server computed in the preview, never its own sums", async () => {
    seedDraft();
    const { user } = renderApp(`/orders/${salesDb.orders[0]!.id}`, { user: createSalesAdmin() });

    const panel = await screen.findByTestId("totals-panel");
    // The fake engine answers 999,99 € HT: 2 × 375,50 − 10 % would be 675,90 €.
    await waitFor(() => expect(euro(within(panel).getByTestId("total-ht").textContent ?? "")).toBe("999,99 €"));
    expect(euro(within(panel).getByTestId("total-ttc").textContent ?? "")).toBe("1 183,88 €");
    expect(within(panel).getAllByTestId("vat-row")).toHaveLength(2);
    expect(euro(screen.getByTestId("line-0-net").textContent ?? "")).toBe("111,11 €");
    expect(previewRequests.at(-1)).toMatchObject({ customerId: salesDb.customer.id, lines: [{ kind: "Free", quantity: 2, unitPrice: 375.5 }] });

    // Typing a new quantity asks the server again (debounced) with the new line. On a slow machine the debounce may
    // also fire between clearing and typing (an empty quantity): what matters is the request with the new one.
    const quantity = screen.getByLabelText("Quantité de la ligne 1");
    await user.clear(quantity);
    await user.type(quantity, "3");
    await waitFor(() => expect(previewRequests.at(-1)!.lines[0]).toMatchObject({ quantity: 3 }));
  });

  it("shows a server error of the preview on the right cell", async () => {
    seedDraft();
    server.use(
      http.post("*/api/v1/orders/preview", () =>
        HttpResponse.json(
          { title: "La requête contient des erreurs.", status: 400, code: "validation_failed", errors: { "lines[0].quantity": ["Au plus 3 décimales."] } },
          { status: 400, headers: { "Content-Type": "application/problem+json" } },
        ),
      ),
    );
    renderApp(`/orders/${salesDb.orders[0]!.id}`, { user: createSalesAdmin() });

    expect(await screen.findByText("Au plus 3 décimales.")).toBeInTheDocument();
    expect(screen.getByLabelText("Quantité de la ligne 1")).toHaveAttribute("aria-invalid", "true");
  });

  it("validates a draft after confirmation and shows its number", async () => {
    const order = seedDraft();
    const posted: string[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.method === "POST" && request.url.endsWith("/validate")) posted.push(request.headers.get("Idempotency-Key") ?? "");
    });
    const { user } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Valider" }));
    const dialog = await screen.findByRole("dialog", { name: "Valider la commande" });
    expect(dialog).toHaveTextContent("fige son contenu financier");
    await user.click(within(dialog).getByRole("button", { name: "Valider et numéroter" }));

    expect(await screen.findByRole("heading", { name: "Commande CO-2026-00042" })).toBeInTheDocument();
    server.events.removeAllListeners();
    expect(posted).toHaveLength(1);
    expect(posted[0]).not.toBe("");
    expect(screen.getByTestId("order-status")).toHaveTextContent("En cours");
    // Validated: the lines become a read-only table, the "reste à facturer" block appears.
    expect(screen.queryByLabelText("Quantité de la ligne 1")).not.toBeInTheDocument();
    expect(euro(screen.getByTestId("left-to-invoice").textContent ?? "")).toBe("675,90 €");
  });

  it("explains in French why a frozen field cannot change (409 document_frozen)", async () => {
    const order = seedValidated();
    const { user } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Modifier les lignes" }));
    const price = screen.getByLabelText("Prix unitaire de la ligne 1");
    await user.clear(price);
    await user.type(price, "400");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    const alert = await screen.findByTestId("frozen-alert");
    expect(alert).toHaveTextContent("Le document est validé : le prix unitaire de la ligne 1 ne peut plus être modifié(e).");
    expect(screen.getByLabelText("Prix unitaire de la ligne 1")).toHaveAttribute("aria-invalid", "true");
    expect(salesDb.orders[0]!.lines[0]!.unitPrice).toBe(375.5);
  });

  it("saves a free field of a validated order with If-Match, then uses the new ETag", async () => {
    const order = seedValidated();
    const ifMatch: (string | null)[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.method === "PUT" && request.url.endsWith(`/orders/${order.id}`)) ifMatch.push(request.headers.get("If-Match"));
    });
    const { user } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    const reference = await screen.findByLabelText("Référence de commande client");
    await user.clear(reference);
    await user.type(reference, "BC-2026-118");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(salesDb.orders[0]!.customerReference).toBe("BC-2026-118"));

    await user.type(reference, "-bis");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(salesDb.orders[0]!.customerReference).toBe("BC-2026-118-bis"));
    server.events.removeAllListeners();
    expect(ifMatch).toEqual(['"1"', '"2"']);
    expect(screen.queryByTestId("frozen-alert")).not.toBeInTheDocument();
  });

  it("shows a late milestone of the billing schedule as « En retard »", async () => {
    const order = seedValidated();
    salesDb.schedules[order.id] = {
      orderId: order.id,
      orderNumber: order.number,
      orderTotalExcludingVat: 675.9,
      plannedTotalExcludingVat: 202.77,
      unplannedExcludingVat: 473.13,
      milestones: [
        { id: "m-1", label: "Acompte à la commande", plannedDate: "2026-11-25", percentage: 30, amount: null, plannedAmountExcludingVat: 202.77, invoiceId: null, isDue: true, isLate: true },
      ],
    };
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    const table = await screen.findByRole("table", { name: "Échéancier de facturation" });
    expect(within(table).getByText("En retard")).toBeInTheDocument();
    expect(within(table).getByDisplayValue("Acompte à la commande")).toBeInTheDocument();
    expect(euro(screen.getByTestId("unplanned").textContent ?? "")).toContain("473,13 €");
  });

  it("is read-only without orders:write", async () => {
    const order = seedDraft();
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin({ permissions: ["orders:read", "customers:read"] }) });

    await screen.findByRole("heading", { name: "Commande brouillon" });
    expect(screen.queryByRole("button", { name: "Valider" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Enregistrer" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Référence de commande client")).toBeDisabled();
  });
});

describe("Orders → list", () => {
  it("lists orders with the « À facturer » overview and marks untraceable ones", async () => {
    seedValidated();
    salesDb.orders.push(createOrder({ traceableToQuote: false }));
    salesDb.overview = {
      today: "2026-11-28",
      dueMilestones: [
        { orderId: salesDb.orders[0]!.id, orderNumber: "CO-2026-00031", customerName: "Menuiserie Durand SARL", milestoneId: "m-1", label: "Acompte", plannedDate: "2026-11-25", plannedAmountExcludingVat: 202.77, isLate: true },
      ],
      ordersLeftToInvoice: [],
    };
    renderApp("/orders", { user: createSalesAdmin() });

    expect(await screen.findByRole("link", { name: "CO-2026-00031" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Brouillon" })).toBeInTheDocument();
    expect(screen.getAllByLabelText("Commande saisie directement : elle ne provient d'aucun devis.")).toHaveLength(1);
    const overview = await screen.findByLabelText("À facturer");
    expect(within(overview).getByText("En retard")).toBeInTheDocument();
  });
});
