import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createCustomer, createMe, db } from "@/testing/data";
import { dashboardDb } from "@/testing/dashboard-handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

const euro = (text: string | null | undefined) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

describe("Customers → page: the customer's documents", () => {
  it("lists each kind of document of the customer, links to the document and to the filtered list, and offers each creation", async () => {
    const customer = createCustomer({ name: "Menuiserie Durand SARL" });
    db.customers = [customer];
    const invoiceId = "00000000-0000-4000-b000-0000000000a1";
    server.use(
      http.get("*/api/v1/invoices", ({ request }) => {
        dashboardDb.requests.push(new URL(request.url));
        return HttpResponse.json({
          items: [
            {
              id: invoiceId,
              kind: "Direct",
              status: "Validated",
              number: "FA-2026-00042",
              customerId: customer.id,
              customerName: customer.name,
              orderId: null,
              orderNumber: null,
              issueDate: "2026-11-15",
              dueDate: "2026-12-15",
              totalExcludingVat: 1019.13,
              totalIncludingVat: 1222.96,
              amountDue: 1222.96,
              isOverdue: false,
              updatedAt: "2026-11-15T10:00:00Z",
              paymentStatus: "Unpaid",
              disputed: false,
            },
          ],
          nextCursor: null,
          hasMore: false,
        });
      }),
    );
    renderApp(`/customers/${customer.id}`);

    const invoices = await screen.findByTestId("customer-invoices");
    expect(await within(invoices).findByRole("link", { name: "FA-2026-00042" })).toHaveAttribute("href", `/invoices/${invoiceId}`);
    expect(euro(invoices.textContent)).toContain("1 222,96 €");
    expect(within(invoices).getByRole("link", { name: "Tout voir" })).toHaveAttribute("href", `/invoices?customerId=${customer.id}`);
    expect(within(await screen.findByTestId("customer-quotes")).getByRole("link", { name: "Tout voir" })).toHaveAttribute("href", `/quotes?customerId=${customer.id}`);
    expect(within(screen.getByTestId("customer-orders")).getByText("Aucune commande.")).toBeInTheDocument();
    expect(screen.getByTestId("customer-credit-notes")).toBeInTheDocument();
    expect(screen.getByTestId("customer-payments")).toBeInTheDocument();
    await waitFor(() =>
      expect(dashboardDb.requests.map((u) => `${u.pathname}:${u.searchParams.get("customerId")}`)).toEqual(
        expect.arrayContaining(["/api/v1/invoices", "/api/v1/quotes", "/api/v1/orders", "/api/v1/credit-notes"].map((p) => `${p}:${customer.id}`)),
      ),
    );

    const create = screen.getByRole("group", { name: "Créer pour ce client" });
    const named = `customerId=${customer.id}&customerName=Menuiserie%20Durand%20SARL`;
    expect(within(create).getByRole("link", { name: "Nouveau devis" })).toHaveAttribute("href", `/quotes/new?${named}`);
    expect(within(create).getByRole("link", { name: "Nouvelle commande" })).toHaveAttribute("href", `/orders/new?${named}`);
    expect(within(create).getByRole("link", { name: "Nouvelle facture" })).toHaveAttribute("href", `/invoices/new-direct?${named}`);
    expect(within(create).getByRole("link", { name: "Nouvel avoir" })).toHaveAttribute("href", `/credit-notes/new?${named}`);
    expect(within(create).getByRole("link", { name: "Enregistrer un paiement" })).toHaveAttribute("href", `/payments/new?${named}`);
  });

  it("shows only the lists the role may read and the creations it may make", async () => {
    const customer = createCustomer({ name: "Boulangerie Martin" });
    db.customers = [customer];
    renderApp(`/customers/${customer.id}`, {
      user: createMe({ role: "Sales", permissions: ["customers:read", "customers:write", "quotes:read", "quotes:write", "orders:read", "orders:write"] }),
    });
    expect(await screen.findByTestId("customer-quotes")).toBeInTheDocument();
    expect(screen.queryByTestId("customer-invoices")).not.toBeInTheDocument();
    expect(screen.queryByTestId("customer-payments")).not.toBeInTheDocument();
    const create = screen.getByRole("group", { name: "Créer pour ce client" });
    expect(within(create).getAllByRole("link").map((l) => l.textContent)).toEqual(["Nouveau devis", "Nouvelle commande"]);
  });
});
