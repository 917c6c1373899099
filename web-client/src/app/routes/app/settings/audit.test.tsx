import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { db } from "@/testing/data";
import { accountingSettings } from "@/testing/payments-handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("Settings → audit log", () => {
  it("says in French who changed which field from what to what, never event codes or JSON", async () => {
    db.auditEvents = [
      {
        id: "3c9e2f1a-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
        occurredAt: "2026-11-27T14:05:00Z",
        actorId: "7d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a",
        actorName: "Alice Admin",
        action: "product.updated",
        entityType: "product",
        entityId: "9f8e7d6c-5b4a-3c2d-1e0f-a9b8c7d6e5f4",
        before: { code: "POSE", unitPrice: 65, vatRate: 20, forSale: true },
        after: { code: "POSE", unitPrice: 1250.5, vatRate: 5.5, forSale: false },
      },
    ];
    renderApp("/settings/audit");

    const table = await screen.findByRole("table");
    const row = within(table).getAllByRole("row")[1]!;
    expect(row).toHaveTextContent("Alice Admin");
    expect(row).toHaveTextContent("Produit modifié");
    const change = within(row).getByTestId("audit-change");
    expect(change).toHaveTextContent(/Prix unitaire : 65 → 1\s250,5/);
    expect(change).toHaveTextContent("Taux de TVA : 20 → 5,5");
    expect(change).toHaveTextContent("En vente : Oui → Non");
    expect(change).not.toHaveTextContent("Code");
    expect(row).not.toHaveTextContent("product.updated");
    expect(row).not.toHaveTextContent("{");
  });

  it("names a unit and a bank account as the user knows them, not by their codes (C62, BQ1)", async () => {
    server.use(http.get("*/api/v1/accounting/settings", () => HttpResponse.json(accountingSettings, { headers: { ETag: '"1"' } })));
    db.auditEvents = [
      {
        id: "4c9e2f1a-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
        occurredAt: "2026-11-27T15:05:00Z",
        actorId: null,
        actorName: "Anne Comptable",
        action: "payment.recorded",
        entityType: "payment",
        entityId: "8f8e7d6c-5b4a-3c2d-1e0f-a9b8c7d6e5f4",
        before: null,
        after: { bankAccountCode: "BQ1", method: "BankTransfer", direction: "Receipt", description: "Title", lines: [{ unitCode: "C62" }] },
      },
    ];
    renderApp("/settings/audit");

    const change = await screen.findByTestId("audit-change");
    expect(await within(change).findByText(/Compte bancaire : Banque/)).toBeInTheDocument();
    expect(await within(change).findByText(/Unité : unité/)).toBeInTheDocument();
    expect(change).not.toHaveTextContent("BQ1");
    expect(change).not.toHaveTextContent("C62");
    // enumeration values by their French labels (any text that is not a documented value stays as typed)
    expect(change).toHaveTextContent("Virement");
    expect(change).toHaveTextContent("Encaissement");
    expect(change).not.toHaveTextContent("BankTransfer");
    expect(screen.getByRole("table")).toHaveTextContent("Règlement enregistré");
  });
});
