import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createViewer, db } from "@/testing/data";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

async function openForm() {
  const app = renderApp("/settings/company");
  await screen.findByDisplayValue("Atelier Koban Démo SAS");
  return app;
}

describe("Settings → company profile", () => {
  it("loads the profile into the form", async () => {
    await openForm();

    expect(screen.getByLabelText(/^SIREN/)).toHaveValue("732829320");
    expect(screen.getByLabelText("Ville du RCS")).toHaveValue("Lyon");
    expect(screen.getByLabelText(/^Code postal/)).toHaveValue("69002");
    expect(screen.getByLabelText("Capital social")).toHaveValue("10\u202f000,00 €");
    expect(screen.getByLabelText("IBAN")).toHaveValue("FR7630006000011234567890189");
    expect(screen.getByRole("tab", { name: "Profil de l'entreprise" })).toHaveAttribute("aria-selected", "true");
  });

  it("saves with If-Match, the CSRF header and the UI language, then shows a notification", async () => {
    const seen: { ifMatch: string | null; csrf: string | null; language: string | null; body: Record<string, unknown> }[] = [];
    server.events.on("request:start", async ({ request }) => {
      if (request.method === "PUT" && request.url.endsWith("/api/v1/company")) {
        seen.push({
          ifMatch: request.headers.get("If-Match"),
          csrf: request.headers.get("X-XSRF-TOKEN"),
          language: request.headers.get("Accept-Language"),
          body: (await request.clone().json()) as Record<string, unknown>,
        });
      }
    });
    const { user } = await openForm();

    const city = screen.getByLabelText("Ville du RCS");
    await user.clear(city);
    await user.type(city, "Paris");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByText("Profil enregistré")).toBeInTheDocument();
    server.events.removeAllListeners();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ ifMatch: '"1"', csrf: "csrf-token-1", language: "fr" });
    expect(seen[0]!.body).toMatchObject({ rcsCity: "Paris", siren: "732829320", shareCapital: 10000, address: { city: "Lyon", line2: null } });
    expect(db.company.rcsCity).toBe("Paris");

    // The new ETag is used for the next save: a second save must not be refused as stale.
    await user.type(city, "-Est");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(db.company.rcsCity).toBe("Paris-Est"));
  });

  it("shows a server validation error under the SIREN field", async () => {
    server.use(
      http.put("*/api/v1/company", () =>
        problem(400, "validation_failed", "La requête contient des erreurs.", { siren: ["Le SIREN est invalide (clé de contrôle)."] }),
      ),
    );
    const { user } = await openForm();

    const siren = screen.getByLabelText(/^SIREN/);
    await user.clear(siren);
    await user.type(siren, "123456789");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByText("Le SIREN est invalide (clé de contrôle).")).toBeInTheDocument();
    await waitFor(() => expect(siren).toHaveAttribute("aria-invalid", "true"));
    expect(siren.getAttribute("aria-describedby") ?? "").toContain("error");
    expect(screen.queryByText("Profil enregistré")).not.toBeInTheDocument();
  });

  it("maps nested field errors (address.postalCode) to their field", async () => {
    server.use(
      http.put("*/api/v1/company", () =>
        problem(400, "validation_failed", "La requête contient des erreurs.", { "address.postalCode": ["Code postal invalide."] }),
      ),
    );
    const { user } = await openForm();
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByText("Code postal invalide.")).toBeInTheDocument();
    expect(screen.getByLabelText(/^Code postal/)).toHaveAttribute("aria-invalid", "true");
  });

  it("explains a stale record (412) and reloads it on request", async () => {
    const { user } = await openForm();
    // Someone else saves in between.
    db.companyVersion = 7;
    db.company = { ...db.company, rcsCity: "Marseille" };

    const city = screen.getByLabelText("Ville du RCS");
    await user.clear(city);
    await user.type(city, "Paris");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Quelqu'un d'autre a modifié cette fiche");
    expect(db.company.rcsCity).toBe("Marseille");

    await user.click(within(alert).getByRole("button", { name: "Recharger" }));
    await waitFor(() => expect(screen.getByLabelText("Ville du RCS")).toHaveValue("Marseille"));

    // After the reload the form holds the current version, so saving works again.
    await user.clear(screen.getByLabelText("Ville du RCS"));
    await user.type(screen.getByLabelText("Ville du RCS"), "Paris");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(db.company.rcsCity).toBe("Paris"));
  });

  it("tells the user to wait when the API rate-limits (429 with Retry-After)", async () => {
    server.use(http.put("*/api/v1/company", () => problem(429, "rate_limited", "Trop de requêtes.", undefined, { "Retry-After": "12" })));
    const { user } = await openForm();
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Réessayez dans 12 secondes.");
  });

  it("is read-only for a viewer", async () => {
    renderApp("/settings/company", { user: createViewer() });
    await screen.findByDisplayValue("Atelier Koban Démo SAS");

    expect(screen.getByTestId("read-only-notice")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Enregistrer" })).toBeDisabled();
    expect(screen.getByLabelText("Ville du RCS")).toBeDisabled();
    // Users and API keys are admin matters: their tabs are hidden.
    expect(screen.queryByRole("tab", { name: "Utilisateurs" })).not.toBeInTheDocument();
    expect(screen.queryByRole("tab", { name: "Clés d'API" })).not.toBeInTheDocument();
  });

  it("shows an error state with a retry when the profile cannot be loaded", async () => {
    let calls = 0;
    server.use(
      http.get("*/api/v1/company", () => {
        calls += 1;
        return calls === 1
          ? problem(403, "forbidden", "Accès refusé à ce profil.")
          : HttpResponse.json(db.company, { headers: { ETag: '"1"' } });
      }),
    );
    const { user } = renderApp("/settings/company");

    expect(await screen.findByRole("alert")).toHaveTextContent("Accès refusé à ce profil.");
    await user.click(screen.getByRole("button", { name: "Réessayer" }));
    expect(await screen.findByDisplayValue("Atelier Koban Démo SAS")).toBeInTheDocument();
  });
});
