import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/schema";
import { createViewer } from "@/testing/data";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

type Settings = components["schemas"]["AccountingSettingsDto"];

describe("Settings → accounting", () => {
  it("adds, edits and removes rows, saves with If-Match, and puts the server's errors on the row they name", async () => {
    const sent: { body: Settings; ifMatch: string | null }[] = [];
    server.use(
      http.put("*/api/v1/accounting/settings", async ({ request }) => {
        const body = (await request.json()) as Settings;
        sent.push({ body, ifMatch: request.headers.get("If-Match") });
        if (sent.length === 1)
          return problem(422, "validation_failed", "La requête contient des erreurs.", { "vatRules[0].collectedAccount": ["Un compte de TVA collectée commence par 4457."] });
        return HttpResponse.json(body, { headers: { ETag: '"2"' } });
      }),
    );
    const { user } = renderApp("/settings/accounting");
    await screen.findByDisplayValue("411000");

    const banks = screen.getByRole("table", { name: "Comptes bancaires" });
    await user.click(screen.getByRole("button", { name: "Ajouter un compte" }));
    const newBank = within(banks).getAllByRole("row")[2]!;
    expect(within(newBank).getByLabelText("Compte")).toHaveValue("512");
    await user.type(within(newBank).getByLabelText("Code"), "BQ2");
    await user.type(within(newBank).getByLabelText("Libellé"), "Crédit Agricole");
    await user.type(within(newBank).getByLabelText("Compte"), "100");
    // the first account goes: the new one takes its place
    await user.click(within(within(banks).getAllByRole("row")[1]!).getByRole("button", { name: "Supprimer" }));
    expect(within(banks).getAllByRole("row")).toHaveLength(2);

    const vat = screen.getByRole("table", { name: "Comptes de TVA par taux" });
    await user.click(screen.getAllByRole("button", { name: "Ajouter une règle" })[0]!);
    await user.type(within(vat).getByLabelText("TVA collectée"), "401");
    await user.type(within(vat).getByLabelText("TVA en attente"), "445742");

    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await within(vat).findByText("Un compte de TVA collectée commence par 4457.")).toBeInTheDocument();
    expect(sent[0]!.ifMatch).toBe('"1"');
    expect(sent[0]!.body.bankAccounts).toEqual([{ code: "BQ2", label: "Crédit Agricole", account: "512100", iban: null }]);
    expect(sent[0]!.body.vatRules).toEqual([{ vatRate: 20, collectedAccount: "401", pendingAccount: "445742" }]);
    expect(sent[0]!.body.writeOffLimit).toBe(5);

    const collected = within(vat).getByLabelText("TVA collectée");
    await user.clear(collected);
    await user.type(collected, "445711");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Paramètres comptables enregistrés.")).toBeInTheDocument();
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.body.vatRules).toEqual([{ vatRate: 20, collectedAccount: "445711", pendingAccount: "445742" }]);
    expect(screen.queryByText("Un compte de TVA collectée commence par 4457.")).not.toBeInTheDocument();
  });

  it("is read-only without accounting:write", async () => {
    renderApp("/settings/accounting", { user: createViewer() });
    await screen.findByDisplayValue("411000");
    expect(screen.queryByRole("button", { name: "Enregistrer" })).not.toBeInTheDocument();
    expect(screen.getByDisplayValue("411000")).toBeDisabled();
  });
});
