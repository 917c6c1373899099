import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { billingOf, createLine, createOrder, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { fakePreview, previewRequests, setupSalesApi } from "@/testing/sales-handlers";
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
  it("offers the validated order's PDF (bon de commande) and its confirmation by e-mail, not a draft's preview", async () => {
    const order = seedValidated();
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    expect(await screen.findByRole("button", { name: "Voir le PDF" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Télécharger le PDF" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /confirmation de commande/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Aperçu PDF/ })).not.toBeInTheDocument();
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

  it("offers the VAT as a choice of the company's rates and exemptions, and a 0 % line sends its exemption", async () => {
    seedDraft();
    const { user } = renderApp(`/orders/${salesDb.orders[0]!.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByLabelText("Taux de TVA de la ligne 1", { selector: "input" }));
    expect(await screen.findByRole("option", { name: /5,5\s%.*art\. 278-0 bis du CGI/, hidden: true })).toBeInTheDocument();
    await user.click(screen.getByRole("option", { name: /Formation professionnelle continue.*art\. 261-4-4° a du CGI/, hidden: true }));

    await waitFor(() =>
      expect(previewRequests.at(-1)!.lines[0]).toMatchObject({ vatRate: 0, vatExemptionReason: "Exonération de TVA, article 261-4-4° a du CGI" }),
    );
    const saved: unknown[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.method === "PUT") void request.clone().json().then((b: unknown) => saved.push(b));
    });
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    server.events.removeAllListeners();
    expect(saved[0]).toMatchObject({ lines: [{ vatRate: 0, vatExemptionReason: "Exonération de TVA, article 261-4-4° a du CGI" }] });
  });

  it("writes numbers the French way in the inputs: « 1 250,5 » for 1250.5", async () => {
    seedDraft();
    const { user } = renderApp(`/orders/${salesDb.orders[0]!.id}`, { user: createSalesAdmin() });

    const price = await screen.findByLabelText("Prix unitaire de la ligne 1");
    expect(price).toHaveValue("375,5");
    await user.clear(price);
    await user.type(price, "1250,5");
    expect(price).toHaveValue("1\u202f250,5");
    await waitFor(() => expect(previewRequests.at(-1)!.lines[0]).toMatchObject({ unitPrice: 1250.5 }));
  });

  it("warns while editing when the total goes negative, before validation refuses it", async () => {
    seedDraft();
    server.use(
      http.post("*/api/v1/orders/preview", async ({ request }) => {
        const preview = fakePreview((await request.json()) as Parameters<typeof fakePreview>[0]);
        return HttpResponse.json({ ...preview, totals: { ...preview.totals, totalExcludingVat: -50, totalVat: -10, totalIncludingVat: -60 } });
      }),
    );
    renderApp(`/orders/${salesDb.orders[0]!.id}`, { user: createSalesAdmin() });

    expect(await screen.findByTestId("negative-total")).toHaveTextContent("Total TTC négatif : le document ne pourra pas être validé.");
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

  it("offers no line editor on a validated order and says why the lines are frozen", async () => {
    const order = seedValidated();
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    expect(await screen.findByTestId("lines-frozen")).toHaveTextContent("Commande validée : ses lignes sont figées");
    expect(screen.getByTestId("lines-frozen")).toHaveTextContent("corrigez par un avoir");
    expect(screen.queryByRole("button", { name: "Modifier les lignes" })).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Prix unitaire de la ligne 1")).not.toBeInTheDocument();
  });

  it("names the status of linked documents in French (a validated invoice is « Validé », never a raw code)", async () => {
    const order = seedValidated();
    order.linkedDocuments = [
      { id: "0b5f4a7e-6c1d-4e2f-9a3b-8c7d6e5f4a3b", kind: "Invoice", number: "FA-2026-00007", status: "Validated", date: "2026-11-30" },
      { id: "1c6a5b8f-7d2e-4f3a-8b4c-9d8e7f6a5b4c", kind: "CreditNote", number: null, status: "Draft", date: null },
    ];
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    expect(await screen.findByText("Facture FA-2026-00007")).toBeInTheDocument();
    expect(screen.getByText("Validé")).toBeInTheDocument();
    expect(screen.queryByText(/^Validated$/i)).not.toBeInTheDocument();
  });

  it("shows a fully invoiced order as « Facturée », not « En cours »", async () => {
    const order = seedValidated();
    order.billing = { ...billingOf(order), invoicedExcludingVat: order.totals.totalExcludingVat, leftToInvoiceExcludingVat: 0 };
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    expect(await screen.findByTestId("order-status")).toHaveTextContent("Facturée");
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
