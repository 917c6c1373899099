import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { OrderDeliveries } from "@/features/delivery-notes/api/delivery-notes";
import { problem } from "@/testing/handlers";
import { createDeliveryNote, deliveryDb } from "@/testing/delivery-notes-handlers";
import { renderApp } from "@/testing/render";
import { billingOf, createLine, createOrder, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";
import { server } from "@/testing/server";
import { createViewer } from "@/testing/data";

setupSalesApi();

/** A validated order of two deliverable lines (shelves 3 left of 5, brackets 10 left) and a service line. */
function seedOrder(deliveries: Partial<OrderDeliveries> = {}, status: "Draft" | "InProgress" | "Closed" | "Cancelled" = "InProgress") {
  const shelves = createLine({ description: "Étagère chêne massif", quantity: 5 });
  const brackets = createLine({ description: "Équerre acier", quantity: 10, position: 1 });
  const fitting = createLine({ description: "Pose et réglage", quantity: 2, position: 2, unitCode: "HUR" });
  const order = createOrder({ status, number: status === "Draft" ? null : "CO-2026-00031", lines: [shelves, brackets, fitting] });
  order.billing = status === "Draft" ? null : billingOf(order);
  salesDb.orders = [order];
  deliveryDb.deliveries[order.id] = {
    orderId: order.id,
    orderNumber: order.number,
    deliveryStatus: "PartiallyDelivered",
    lines: [
      { orderLineId: shelves.id, position: 0, description: shelves.description, unitCode: "C62", deliverable: true, orderedQuantity: 5, deliveredQuantity: 2, leftToDeliverQuantity: 3 },
      { orderLineId: brackets.id, position: 1, description: brackets.description, unitCode: "C62", deliverable: true, orderedQuantity: 10, deliveredQuantity: 0, leftToDeliverQuantity: 10 },
      { orderLineId: fitting.id, position: 2, description: fitting.description, unitCode: "HUR", deliverable: false, orderedQuantity: 2, deliveredQuantity: 0, leftToDeliverQuantity: 0 },
    ],
    notes: [],
    ...deliveries,
  };
  return { order, shelves, brackets, fitting };
}

describe("Delivery notes → the list", () => {
  it("lists the notes with their French status and links to the order and the customer, filtered by status on the server", async () => {
    const { order } = seedOrder();
    deliveryDb.notes = [
      createDeliveryNote({ orderId: order.id, number: "BL-2026-00001", status: "Delivered", deliveredOn: "2026-12-03" }),
      createDeliveryNote({ orderId: order.id, number: null, status: "Draft" }),
    ];
    const requests: string[] = [];
    server.events.on("request:start", ({ request }) => {
      if (new URL(request.url).pathname === "/api/v1/delivery-notes") requests.push(request.url);
    });
    const { user } = renderApp("/delivery-notes");

    const table = await screen.findByRole("table", { name: "Bons de livraison" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole("link", { name: "BL-2026-00001" })).toHaveAttribute("href", `/delivery-notes/${deliveryDb.notes[0]!.id}`);
    expect(within(rows[0]!).getByRole("link", { name: "CO-2026-00031" })).toHaveAttribute("href", `/orders/${order.id}`);
    expect(within(rows[0]!).getByRole("link", { name: "Menuiserie Durand SARL" })).toBeInTheDocument();
    expect(within(rows[0]!).getByText("Livré")).toBeInTheDocument();
    expect(within(rows[0]!).getByText("03/12/2026")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Brouillon", { selector: "a" })).toBeInTheDocument();

    await user.click(screen.getByLabelText("Statut", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Livré", hidden: true }));
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Bons de livraison" })).getAllByRole("row")).toHaveLength(2));
    server.events.removeAllListeners();
    expect(requests.some((u) => new URL(u).searchParams.get("status") === "Delivered")).toBe(true);
  });

  it("opens filtered on an order from its address and drops the filter with its chip", async () => {
    const { order } = seedOrder();
    deliveryDb.notes = [
      createDeliveryNote({ orderId: order.id, number: "BL-2026-00001", status: "Validated" }),
      createDeliveryNote({ number: "BL-2026-00002", status: "Validated", orderNumber: "CO-2026-00099" }),
    ];
    const { user } = renderApp(`/delivery-notes?orderId=${order.id}`);

    await waitFor(() => expect(screen.getByTestId("order-filter")).toHaveTextContent("Commande : CO-2026-00031"));
    expect(within(screen.getByRole("table", { name: "Bons de livraison" })).getAllByRole("row")).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Retirer le filtre commande" }));
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Bons de livraison" })).getAllByRole("row")).toHaveLength(3));
  });
});

describe("Delivery notes → creating one from an order", () => {
  it("proposes each deliverable line with what is left, and puts the refusal of an over-delivered quantity under its row; corrected, it is sent again", async () => {
    const { order, shelves, brackets } = seedOrder();
    const { user, router } = renderApp(`/delivery-notes/new?orderId=${order.id}`, { user: createSalesAdmin() });

    const rows = await screen.findAllByTestId("delivery-row");
    // The service line is not deliverable: it is not offered.
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText("Étagère chêne massif")).toBeInTheDocument();
    expect(rows[0]!).toHaveTextContent(/5\s*2\s*3/);
    const shelvesQuantity = screen.getByLabelText("Quantité à livrer : Étagère chêne massif");
    const bracketsQuantity = screen.getByLabelText("Quantité à livrer : Équerre acier");
    expect(shelvesQuantity).toHaveValue("3");
    expect(bracketsQuantity).toHaveValue("10");

    // Nothing of the brackets on this note; more shelves than are left.
    await user.clear(bracketsQuantity);
    await user.clear(shelvesQuantity);
    await user.type(shelvesQuantity, "4");
    await user.click(screen.getByLabelText("Afficher les prix"));
    await user.click(screen.getByRole("button", { name: "Créer le bon de livraison" }));

    expect(await screen.findByText("Au plus 3 : c'est ce qui reste à livrer sur cette ligne.")).toBeInTheDocument();
    expect(shelvesQuantity).toHaveAttribute("aria-invalid", "true");
    expect(bracketsQuantity).not.toHaveAttribute("aria-invalid", "true");
    expect(deliveryDb.created[0]).toMatchObject({ orderId: order.id, showPrices: true, lines: [{ orderLineId: shelves.id, quantity: 4 }] });

    await user.clear(shelvesQuantity);
    await user.type(shelvesQuantity, "2,5");
    await user.type(bracketsQuantity, "6");
    await user.click(screen.getByRole("button", { name: "Créer le bon de livraison" }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/delivery-notes/${deliveryDb.notes[0]!.id}`));
    expect(deliveryDb.created[1]).toMatchObject({
      lines: [
        { orderLineId: shelves.id, quantity: 2.5 },
        { orderLineId: brackets.id, quantity: 6 },
      ],
    });
    expect(await screen.findByTestId("delivery-note-title")).toHaveTextContent("Bon de livraison (brouillon)");
  });
});

describe("Delivery notes → the order page", () => {
  it("offers « Créer un bon de livraison » while deliverable lines are left, with delivered and left per line and « Partiellement livrée »", async () => {
    const { order } = seedOrder();
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    const create = await screen.findByRole("link", { name: "Créer un bon de livraison" });
    expect(create).toHaveAttribute("href", `/delivery-notes/new?orderId=${order.id}`);
    expect(screen.getAllByTestId("order-delivery-status")[0]).toHaveTextContent("Partiellement livrée");
    const lines = screen.getAllByTestId("order-delivery-line");
    expect(lines).toHaveLength(2);
    expect(within(lines[0]!).getByTestId("delivered-quantity")).toHaveTextContent("2");
    expect(within(lines[0]!).getByTestId("left-to-deliver")).toHaveTextContent("3");
    expect(screen.queryByTestId("delivery-refusal")).not.toBeInTheDocument();
    // The billing table's "Qté livrée" counts the delivery notes.
    const perLine = screen.getByRole("table", { name: "Reste à facturer par ligne" });
    expect(within(within(perLine).getAllByRole("row")[1]!).getAllByRole("cell")[2]).toHaveTextContent("2");
  });

  it.each([
    ["a draft order", "Draft" as const, {}, "Commande non validée"],
    ["an order without deliverable lines", "InProgress" as const, { deliveryStatus: "NotDeliverable" as const, lines: [] }, "Aucun article livrable"],
    ["a cancelled order", "Cancelled" as const, {}, "Commande annulée"],
  ])("disables the button on %s and says why", async (_, status, deliveries, reason) => {
    const { order } = seedOrder(deliveries, status);
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    expect(await screen.findByTestId("delivery-refusal")).toHaveTextContent(reason);
    const button = screen.getByRole("button", { name: "Créer un bon de livraison" });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(reason);
  });

  it("says « Tout est livré » and shows « Livrée » once every deliverable line is delivered", async () => {
    const { order, shelves, brackets } = seedOrder();
    const full = deliveryDb.deliveries[order.id]!;
    deliveryDb.deliveries[order.id] = {
      ...full,
      deliveryStatus: "Delivered",
      lines: full.lines.map((l) => (l.orderLineId === shelves.id || l.orderLineId === brackets.id ? { ...l, deliveredQuantity: l.orderedQuantity, leftToDeliverQuantity: 0 } : l)),
    };
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    expect(await screen.findByTestId("delivery-refusal")).toHaveTextContent("Tout est livré");
    expect(screen.getByRole("button", { name: "Créer un bon de livraison" })).toBeDisabled();
    expect(screen.getAllByTestId("order-delivery-status")[0]).toHaveTextContent("Livrée");
  });

  it("offers no creation to a reader, who still sees the deliveries", async () => {
    const { order } = seedOrder();
    renderApp(`/orders/${order.id}`, { user: createViewer() });

    expect(await screen.findAllByTestId("order-delivery-line")).toHaveLength(2);
    expect(screen.queryByTestId("create-delivery-note")).not.toBeInTheDocument();
  });

  it("invoices the notes not invoiced yet (those ticked) and opens the draft invoice", async () => {
    const { order } = seedOrder();
    const first = createDeliveryNote({ orderId: order.id, number: "BL-2026-00001", status: "Delivered", deliveredOn: "2026-12-02" });
    const second = createDeliveryNote({ orderId: order.id, number: "BL-2026-00002", status: "Validated" });
    const invoiced = createDeliveryNote({ orderId: order.id, number: "BL-2026-00003", status: "Delivered", invoiceId: "00000000-0000-4000-a000-00000000f001" });
    const draft = createDeliveryNote({ orderId: order.id, status: "Draft" });
    deliveryDb.notes = [first, second, invoiced, draft];
    server.use(
      http.post("*/api/v1/invoices/from-delivery-notes", async ({ request }) => {
        deliveryDb.invoiced.push((await request.json()) as { deliveryNoteIds: string[] });
        return HttpResponse.json({ id: "00000000-0000-4000-a000-00000000f002" }, { status: 201 });
      }),
      http.get("*/api/v1/invoices/:id", () => problem(404, "not_found", "Ressource introuvable.")),
    );
    const { user, router } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    const button = await screen.findByRole("button", { name: "Facturer les livraisons (2 bons)" });
    // Only numbered notes not invoiced yet can be ticked.
    expect(screen.getAllByRole("checkbox", { name: /^Facturer le bon/ })).toHaveLength(2);
    await user.click(screen.getByRole("checkbox", { name: "Facturer le bon BL-2026-00002" }));
    expect(screen.getByRole("button", { name: "Facturer la livraison (1 bon)" })).toBe(button);
    await user.click(button);

    await waitFor(() => expect(router.state.location.pathname).toBe("/invoices/00000000-0000-4000-a000-00000000f002"));
    expect(deliveryDb.invoiced).toEqual([{ deliveryNoteIds: [first.id] }]);
  });

  it("shows the server's refusal of the invoice above the button", async () => {
    const { order } = seedOrder();
    deliveryDb.notes = [createDeliveryNote({ orderId: order.id, number: "BL-2026-00001", status: "Delivered" })];
    server.use(
      http.post("*/api/v1/invoices/from-delivery-notes", () =>
        problem(409, "delivery_note_already_invoiced", "Ce bon de livraison est déjà facturé.", { "deliveryNoteIds[0]": ["Le bon BL-2026-00001 est déjà sur une facture."] }),
      ),
    );
    const { user } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Facturer la livraison (1 bon)" }));
    expect(await screen.findByText("Le bon BL-2026-00001 est déjà sur une facture.")).toBeInTheDocument();
  });
});

describe("Delivery notes → the note", () => {
  it("validates a draft, then marks it delivered with the date and who received it", async () => {
    const { order } = seedOrder();
    const note = createDeliveryNote({ orderId: order.id });
    deliveryDb.notes = [note];
    const { user } = renderApp(`/delivery-notes/${note.id}`, { user: createSalesAdmin() });

    expect(await screen.findByTestId("delivery-note-status")).toHaveTextContent("Brouillon");
    expect(screen.getByRole("button", { name: "Modifier" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Valider" }));
    const dialog = await screen.findByRole("dialog", { name: "Valider le bon de livraison" });
    await user.click(within(dialog).getByRole("button", { name: "Valider définitivement" }));

    expect(await screen.findByTestId("delivery-note-title")).toHaveTextContent("Bon de livraison BL-2026-00007");
    expect(screen.getByTestId("delivery-note-status")).toHaveTextContent("Validé");
    expect(screen.getByRole("button", { name: "Voir le PDF" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Envoyer" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Marquer comme livré" }));
    const deliver = await screen.findByRole("dialog", { name: "Livraison du bon BL-2026-00007" });
    await user.click(within(deliver).getByRole("button", { name: "Confirmer la livraison" }));
    // « Reçu par » is required: nothing is sent without it.
    expect(await within(deliver).findByText("Ce champ est obligatoire.")).toBeInTheDocument();
    await user.type(within(deliver).getByRole("textbox", { name: /Reçu par/ }), "M. Durand");
    await user.click(within(deliver).getByRole("button", { name: "Confirmer la livraison" }));

    expect(await screen.findByTestId("delivery-receipt")).toHaveTextContent("M. Durand");
    expect(screen.getByTestId("delivery-note-status")).toHaveTextContent("Livré");
  });

  it("cancels a numbered note with a reason, and never offers it once invoiced", async () => {
    const { order } = seedOrder();
    const note = createDeliveryNote({ orderId: order.id, number: "BL-2026-00004", status: "Validated", issueDate: "2026-12-02" });
    const billed = createDeliveryNote({ orderId: order.id, number: "BL-2026-00005", status: "Delivered", invoiceId: "00000000-0000-4000-a000-00000000f003", invoiceNumber: "FA-2026-00042" });
    deliveryDb.notes = [note, billed];
    const { user } = renderApp(`/delivery-notes/${note.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Annuler le bon" }));
    const dialog = await screen.findByRole("dialog", { name: "Annuler le bon de livraison" });
    await user.type(within(dialog).getByRole("textbox", { name: /Motif/ }), "Commande livrée par le transporteur du client");
    await user.click(within(dialog).getByRole("button", { name: "Annuler le bon" }));

    expect(await screen.findByText("Commande livrée par le transporteur du client")).toBeInTheDocument();
    expect(screen.getByTestId("delivery-note-status")).toHaveTextContent("Annulé");

    renderApp(`/delivery-notes/${billed.id}`, { user: createSalesAdmin() });
    expect(await screen.findByRole("link", { name: "Facture FA-2026-00042" })).toHaveAttribute("href", `/invoices/${billed.invoiceId}`);
    expect(screen.queryByRole("button", { name: "Annuler le bon" })).not.toBeInTheDocument();
  });
});
