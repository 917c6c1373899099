import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { createOpportunity, createOrder, createQuoteSummary, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";
import { server } from "@/testing/server";

setupSalesApi();

describe("Opportunities", () => {
  it("asks which accepted quote becomes the order, sends it and opens the new draft order", async () => {
    const first = createQuoteSummary({ number: "DE-2026-00012", totalExcludingVat: 1535 });
    const second = createQuoteSummary({ number: "DE-2026-00013", totalExcludingVat: 1800 });
    const opportunity = createOpportunity({ quotes: [first, second] });
    salesDb.opportunities = [opportunity];
    salesDb.orders = [createOrder({ id: "order-from-win" })];
    const bodies: unknown[] = [];
    server.events.on("request:start", async ({ request }) => {
      if (request.url.endsWith("/win")) bodies.push(await request.clone().json());
    });
    const { user, router } = renderApp(`/opportunities/${opportunity.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Gagner" }));
    const dialog = await screen.findByRole("dialog", { name: "Gagner l'opportunité" });
    expect(within(dialog).getByRole("checkbox", { name: "Créer la commande" })).toBeChecked();
    expect(within(dialog).getByText("Plusieurs devis sont acceptés : lequel devient la commande ?")).toBeInTheDocument();
    const confirm = within(dialog).getByRole("button", { name: "Gagner" });
    expect(confirm).toBeDisabled();

    await user.click(within(dialog).getByRole("radio", { name: /DE-2026-00013/ }));
    await user.click(confirm);

    await waitFor(() => expect(router.state.location.pathname).toBe("/orders/order-from-win"));
    server.events.removeAllListeners();
    expect(bodies).toEqual([{ quoteId: second.id, createOrder: true }]);
  });

  it("wins with one accepted quote without asking", async () => {
    const opportunity = createOpportunity({ quotes: [createQuoteSummary({ number: "DE-2026-00012" })] });
    salesDb.opportunities = [opportunity];
    const { user } = renderApp(`/opportunities/${opportunity.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Gagner" }));
    const dialog = await screen.findByRole("dialog", { name: "Gagner l'opportunité" });
    expect(within(dialog).queryByRole("radio")).not.toBeInTheDocument();
    expect(within(dialog).getByText(/DE-2026-00012/)).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Gagner" })).toBeEnabled();
  });

  it("lists its quotes with an expired one shown as « Expiré », and hides actions from a viewer", async () => {
    const opportunity = createOpportunity({
      quotes: [createQuoteSummary({ number: "DE-2026-00010", status: "Sent", isExpired: true })],
    });
    salesDb.opportunities = [opportunity];
    renderApp(`/opportunities/${opportunity.id}`, { user: createSalesAdmin({ permissions: ["opportunities:read", "quotes:read"] }) });

    const table = await screen.findByRole("table", { name: "Devis de l'opportunité" });
    expect(within(table).getByText("Expiré")).toBeInTheDocument();
    expect(within(table).getByRole("link", { name: "DE-2026-00010" })).toHaveAttribute("href", expect.stringContaining("/quotes/"));
    expect(screen.queryByRole("button", { name: "Gagner" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Nouveau devis" })).not.toBeInTheDocument();
  });
});
