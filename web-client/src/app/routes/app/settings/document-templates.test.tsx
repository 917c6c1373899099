import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createViewer } from "@/testing/data";
import { logoUploads, previewBodies, setupTemplatesApi, templateUpdates } from "@/testing/document-templates-handlers";
import { renderApp } from "@/testing/render";

setupTemplatesApi();

describe("Settings → document templates", () => {
  it("shows the invoice template and a live preview of the PDF", async () => {
    renderApp("/settings/document-templates");

    const form = await screen.findByRole("form", { name: "Modèle : Facture" });
    expect(screen.getByRole("tab", { name: "Modèles de documents" })).toHaveAttribute("aria-selected", "true");
    expect(within(form).getByLabelText("Couleur principale")).toHaveValue("#1F4E79");
    expect(within(form).getByLabelText("Afficher les coordonnées bancaires (IBAN, BIC)")).toBeChecked();
    expect(within(form).getByTestId("logo-source")).toHaveTextContent("Logo utilisé : logo de l'entreprise");
    expect(within(form).getByTestId("placeholders")).toHaveTextContent("{number}, {amount}, {dueDate}, {customerName}, {companyName}");

    const preview = await screen.findByTitle("Aperçu");
    expect(preview).toHaveAttribute("src", "blob:preview-1");
    expect(previewBodies).toEqual([{ kind: "Invoice", body: expect.objectContaining({ accentColor: "#1F4E79", showBankDetails: true }) as unknown }]);
  });

  it("re-renders the preview from the unsaved form once typing pauses", async () => {
    const { user } = renderApp("/settings/document-templates");
    const form = await screen.findByRole("form", { name: "Modèle : Facture" });
    await screen.findByTitle("Aperçu");

    const footer = "Atelier ouvert le samedi";
    await user.type(within(form).getByLabelText("Texte de pied de page"), footer);
    await waitFor(() => expect(previewBodies.at(-1)?.body.footerText).toBe(footer));
    await waitFor(() => expect(screen.getByTitle("Aperçu")).toHaveAttribute("src", `blob:preview-${previewBodies.length}`));
    // Debounced: a request when typing pauses, not one per key.
    expect(previewBodies.length).toBeLessThan(footer.length / 2);
    expect(templateUpdates).toHaveLength(0);
  });

  it("saves with If-Match and shows a 422 on the field it names", async () => {
    const { user } = renderApp("/settings/document-templates");
    const form = await screen.findByRole("form", { name: "Modèle : Facture" });
    const body = within(form).getByLabelText("Message");
    await user.clear(body);
    await user.type(body, "Bonjour {{client}");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));

    expect(await within(form).findByText("Le texte contient une variable inconnue {client}.")).toBeInTheDocument();
    expect(templateUpdates.at(-1)).toMatchObject({ kind: "Invoice", ifMatch: '"12"', body: { emailBody: "Bonjour {client}" } });

    await user.clear(body);
    await user.type(body, "Bonjour {{customerName}");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Modèle enregistré.")).toBeInTheDocument();
    expect(templateUpdates.at(-1)).toMatchObject({ ifMatch: '"12"', body: { emailBody: "Bonjour {customerName}", accentColor: "#1F4E79" } });
  });

  it("switches document type and uploads a logo for that type only", async () => {
    const { user } = renderApp("/settings/document-templates");
    await screen.findByRole("form", { name: "Modèle : Facture" });
    await user.click(screen.getByRole("radio", { name: "Devis" }));
    const form = await screen.findByRole("form", { name: "Modèle : Devis" });
    expect(within(form).getByLabelText("Afficher les coordonnées bancaires (IBAN, BIC)")).not.toBeChecked();

    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "logo.png", { type: "image/png" }));
    expect(await screen.findByText("Logo enregistré.")).toBeInTheDocument();
    expect(logoUploads).toEqual(["Quote"]);
    expect(await screen.findByText("Logo utilisé : logo propre à ce modèle")).toBeInTheDocument();
  });

  it("is read-only for a viewer, who still sees the preview", async () => {
    renderApp("/settings/document-templates", { user: createViewer() });
    const form = await screen.findByRole("form", { name: "Modèle : Facture" });
    expect(screen.getByTestId("templates-read-only")).toBeInTheDocument();
    expect(within(form).queryByRole("button", { name: "Enregistrer" })).not.toBeInTheDocument();
    expect(within(form).getByLabelText("Texte de pied de page")).toBeDisabled();
    expect(await screen.findByTitle("Aperçu")).toHaveAttribute("src", "blob:preview-1");
  });
});
