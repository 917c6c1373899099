import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { createQuote, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";

setupSalesApi();

describe("Quotes", () => {
  it("lists quotes with their status, « Expiré » for a sent quote past its date", async () => {
    salesDb.quotes = [createQuote({ number: "DE-2026-00001", status: "Sent", isExpired: true }), createQuote()];
    renderApp("/quotes", { user: createSalesAdmin() });

    const row = (await screen.findByRole("link", { name: "DE-2026-00001" })).closest("tr")!;
    expect(within(row).getByText("Expiré")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Brouillon" })).toBeInTheDocument();
  });

  it("shows a sent quote read-only with the server's totals and its actions", async () => {
    const quote = createQuote({ number: "DE-2026-00002", status: "Sent" });
    salesDb.quotes = [quote];
    renderApp(`/quotes/${quote.id}`, { user: createSalesAdmin() });

    expect(await screen.findByRole("heading", { name: "DE-2026-00002" })).toBeInTheDocument();
    expect(screen.queryByLabelText("Quantité de la ligne 1")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Accepter" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refuser" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Envoyer" })).not.toBeInTheDocument();
    expect(screen.getByTestId("total-ht").textContent?.replace(/[\u202f\u00a0]/g, " ")).toBe("675,90 €");
  });

  it("offers a sent quote's PDF, rendered by the server, and its sending by e-mail", async () => {
    const quote = createQuote({ number: "DE-2026-00003", status: "Sent" });
    salesDb.quotes = [quote];
    renderApp(`/quotes/${quote.id}`, { user: createSalesAdmin() });

    expect(await screen.findByRole("button", { name: "Voir le PDF" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Télécharger le PDF" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Envoyer par e-mail/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Aperçu PDF/ })).not.toBeInTheDocument();
  });

  it("edits a draft with the line editor", async () => {
    const quote = createQuote();
    salesDb.quotes = [quote];
    renderApp(`/quotes/${quote.id}`, { user: createSalesAdmin() });

    expect(await screen.findByLabelText("Quantité de la ligne 1")).toHaveValue("2");
    expect(screen.getByRole("button", { name: "Envoyer" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Supprimer" })).toBeInTheDocument();
  });
});
