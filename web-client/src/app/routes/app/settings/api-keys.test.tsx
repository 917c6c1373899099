import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createApiKey, db } from "@/testing/data";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("Settings → API keys", () => {
  it("creates a key, shows the secret once with a copy button, and never again", async () => {
    const idempotencyKeys: (string | null)[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.method === "POST" && request.url.endsWith("/api/v1/api-keys")) idempotencyKeys.push(request.headers.get("Idempotency-Key"));
    });
    const { user } = renderApp("/settings/api-keys");

    expect(await screen.findByText("Aucune clé d'API")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Nouvelle clé d'API" }));

    const dialog = await screen.findByRole("dialog", { name: "Nouvelle clé d'API" });
    await user.type(within(dialog).getByLabelText(/^Nom/), "Boutique en ligne");
    await user.click(await within(dialog).findByRole("checkbox", { name: "Clients · lecture" }));
    await user.click(within(dialog).getByRole("button", { name: "Créer" }));

    const secretDialog = await screen.findByRole("dialog", { name: "Clé d'API créée" });
    expect(within(secretDialog).getByTestId("api-key-secret")).toHaveTextContent("kbn_9f3a.s3cr3t-value-shown-once");
    expect(within(secretDialog).getByText(/elle ne sera plus jamais affichée/)).toBeInTheDocument();
    expect(within(secretDialog).getByRole("button", { name: "Copier" })).toBeInTheDocument();
    server.events.removeAllListeners();
    expect(idempotencyKeys).toHaveLength(1);
    expect(idempotencyKeys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(db.apiKeys[0]).toMatchObject({ name: "Boutique en ligne", scopes: ["customers:read"] });

    await user.click(within(secretDialog).getByRole("button", { name: "J'ai copié la clé" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Clé d'API créée" })).not.toBeInTheDocument());

    // The list shows the key by its prefix only.
    const table = await screen.findByRole("table");
    expect(within(table).getByText("Boutique en ligne")).toBeInTheDocument();
    expect(within(table).getByText("kbn_9f3a…")).toBeInTheDocument();
    expect(screen.queryByText(/s3cr3t-value-shown-once/)).not.toBeInTheDocument();
  });

  it("asks for confirmation before revoking a key", async () => {
    db.apiKeys = [createApiKey({ name: "Ancien connecteur" })];
    const { user } = renderApp("/settings/api-keys");

    await user.click(await screen.findByRole("button", { name: "Révoquer" }));
    const dialog = await screen.findByRole("dialog", { name: "Révoquer la clé d'API" });
    expect(dialog).toHaveTextContent("« Ancien connecteur » cessera immédiatement de fonctionner");
    await user.click(within(dialog).getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("names scopes in French and offers none for modules that do not exist yet", async () => {
    server.use(http.get("*/api/v1/api-keys/scopes", () => HttpResponse.json(["customers:read", "invoices:write", "delivery-notes:read", "webhooks:write"])));
    db.apiKeys = [createApiKey({ name: "Connecteur", scopes: ["customers:read", "invoices:write"] })];
    const { user } = renderApp("/settings/api-keys");

    const table = await screen.findByRole("table");
    expect(within(table).getByText("Clients · lecture, Factures · écriture")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Nouvelle clé d'API" }));
    const dialog = await screen.findByRole("dialog", { name: "Nouvelle clé d'API" });
    expect(await within(dialog).findByRole("checkbox", { name: "Factures · écriture" })).toBeInTheDocument();
    expect(within(dialog).getAllByRole("checkbox")).toHaveLength(2);
    expect(within(dialog).queryByText(/delivery-notes|webhooks|:read|:write/)).not.toBeInTheDocument();
  });
});
