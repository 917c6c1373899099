import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createViewer } from "@/testing/data";
import { numberingDb, numberingUpdates, setupNumberingApi } from "@/testing/numbering-handlers";
import { renderApp } from "@/testing/render";

setupNumberingApi();

function rowOf(label: string) {
  const cell = screen.getByRole("cell", { name: label });
  return cell.closest("tr")!;
}

describe("Settings → numbering", () => {
  it("lists each document type with its example number and the lock badge", async () => {
    renderApp("/settings/numbering");

    const table = await screen.findByRole("table", { name: "Numérotation des documents" });
    expect(screen.getByRole("tab", { name: "Numérotation" })).toHaveAttribute("aria-selected", "true");
    expect(within(table).getAllByRole("row")).toHaveLength(6);

    const invoice = rowOf("Facture");
    expect(within(invoice).getByText("FA-2026-00001")).toBeInTheDocument();
    expect(within(invoice).getByText("Verrouillée")).toBeInTheDocument();
    expect(within(invoice).getByRole("button", { name: "Modifier la numérotation : Facture" })).toBeDisabled();

    const quote = rowOf("Devis");
    expect(within(quote).getByText("DE-2026-00001")).toBeInTheDocument();
    expect(within(quote).queryByText("Verrouillée")).not.toBeInTheDocument();
    expect(within(quote).getByRole("button", { name: "Modifier la numérotation : Devis" })).toBeEnabled();
    expect(within(rowOf("Bon de livraison")).getByText("BL-2026-00001")).toBeInTheDocument();
    expect(screen.getByTestId("locked-notice")).toHaveTextContent(/ne peut plus changer une fois qu'un numéro a été attribué/);
  });

  it("saves with If-Match from the GET and refreshes the list", async () => {
    const { user } = renderApp("/settings/numbering");
    await user.click(await screen.findByRole("button", { name: "Modifier la numérotation : Devis" }));
    const dialog = await screen.findByRole("dialog");
    const prefix = await within(dialog).findByLabelText("Préfixe");
    await user.clear(prefix);
    await user.type(prefix, "DV");
    await user.click(within(dialog).getByRole("button", { name: "Enregistrer" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(numberingUpdates).toEqual([
      {
        documentType: "Quote",
        ifMatch: '"3"',
        body: { prefix: "DV", year: "FourDigits", separator: "-", padding: 5, resetYearly: true, firstNumber: 1 },
      },
    ]);
    expect(await within(rowOf("Devis")).findByText("DV2026-00001")).toBeInTheDocument();
  });

  it("shows the server's 409 numbering_locked message when a number was issued meanwhile", async () => {
    const { user } = renderApp("/settings/numbering");
    await user.click(await screen.findByRole("button", { name: "Modifier la numérotation : Commande" }));
    const dialog = await screen.findByRole("dialog");
    await within(dialog).findByLabelText("Préfixe");
    // Someone issues the first order while the modal is open.
    numberingDb.settings = numberingDb.settings.map((s) => (s.documentType === "Order" ? { ...s, locked: true } : s));
    await user.click(within(dialog).getByRole("button", { name: "Enregistrer" }));

    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("La numérotation ne peut plus être modifiée : un numéro a déjà été attribué.");
    expect(numberingUpdates).toHaveLength(1);
    expect(numberingUpdates[0]!.ifMatch).toBe('"7"');
  });

  it("keeps editing off without company:write", async () => {
    renderApp("/settings/numbering", { user: createViewer() });
    await screen.findByRole("table", { name: "Numérotation des documents" });
    expect(screen.getByTestId("read-only-notice")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Modifier la numérotation : Devis" })).toBeDisabled();
  });
});
