import { screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { problem } from "@/testing/handlers";
import { server } from "@/testing/server";

/** Records the JSON bodies posted to one API path. */
function capture(path: string, respond: (body: Record<string, unknown>) => Response) {
  const bodies: Record<string, unknown>[] = [];
  server.use(
    http.post(`*/api/v1${path}`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      return respond(body);
    }),
  );
  return bodies;
}

describe("forgotten password", () => {
  it("goes from the sign-in page to the request form with the address typed so far, and never says whether it exists", async () => {
    const bodies = capture("/auth/password-reset", () => new HttpResponse(null, { status: 202 }));
    const { user, router } = renderApp("/login", { user: null });

    await user.type(await screen.findByLabelText(/adresse e-mail/i), "paul@exemple.fr");
    await user.click(screen.getByRole("link", { name: "Mot de passe oublié ?" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/forgot-password"));
    // the route is loaded lazily: the sign-in page stays on screen until the request form replaces it
    await screen.findByRole("button", { name: "Recevoir un lien de réinitialisation" });
    expect(screen.getByLabelText(/adresse e-mail/i)).toHaveValue("paul@exemple.fr");

    await user.click(screen.getByRole("button", { name: "Recevoir un lien de réinitialisation" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Si un compte existe pour paul@exemple.fr, un e-mail avec un lien valable 1 heure");
    expect(bodies).toEqual([{ email: "paul@exemple.fr" }]);
    expect(screen.queryByLabelText(/adresse e-mail/i)).not.toBeInTheDocument();
  });

  it("checks the address before asking the API", async () => {
    const bodies = capture("/auth/password-reset", () => new HttpResponse(null, { status: 202 }));
    const { user } = renderApp("/forgot-password", { user: null });

    await user.type(await screen.findByLabelText(/adresse e-mail/i), "pas-une-adresse");
    await user.click(screen.getByRole("button", { name: "Recevoir un lien de réinitialisation" }));

    expect(await screen.findByText("Saisissez une adresse e-mail valide.")).toBeInTheDocument();
    expect(bodies).toEqual([]);
  });

  it("shows the wait time when too many requests were sent", async () => {
    capture("/auth/password-reset", () => problem(429, "rate_limited", "Trop de requêtes : réessayez dans quelques instants.", undefined, { "Retry-After": "42" }));
    const { user } = renderApp("/forgot-password", { user: null });

    await user.type(await screen.findByLabelText(/adresse e-mail/i), "paul@exemple.fr");
    await user.click(screen.getByRole("button", { name: "Recevoir un lien de réinitialisation" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("42");
  });
});

describe("reset link", () => {
  it("sets the new password with the token of the link, then offers sign-in with the address filled in", async () => {
    const bodies = capture("/auth/password-reset/confirm", () => HttpResponse.json({ email: "paul@exemple.fr" }));
    const { user, router } = renderApp("/reset-password#token=abc_DEF-123", { user: null });

    await user.type(await screen.findByLabelText(/^nouveau mot de passe/i), "Nouveau-Secret-2026");
    await user.type(screen.getByLabelText(/^confirmer/i), "Nouveau-Secret-2026");
    await user.click(screen.getByRole("button", { name: "Enregistrer le mot de passe" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(bodies).toEqual([{ token: "abc_DEF-123", newPassword: "Nouveau-Secret-2026" }]);
    expect(await screen.findByRole("status")).toHaveTextContent("Votre mot de passe a été changé");
    expect(screen.getByLabelText(/adresse e-mail/i)).toHaveValue("paul@exemple.fr");
  });

  it("refuses two different passwords without calling the API", async () => {
    const bodies = capture("/auth/password-reset/confirm", () => HttpResponse.json({ email: "x@y.fr" }));
    const { user } = renderApp("/reset-password#token=abc", { user: null });

    await user.type(await screen.findByLabelText(/^nouveau mot de passe/i), "Nouveau-Secret-2026");
    await user.type(screen.getByLabelText(/^confirmer/i), "Autre-Secret-2026");
    await user.click(screen.getByRole("button", { name: "Enregistrer le mot de passe" }));

    expect(await screen.findByText("Les deux mots de passe ne correspondent pas.")).toBeInTheDocument();
    expect(bodies).toEqual([]);
  });

  it("explains an expired link and offers to ask for a new one", async () => {
    capture("/auth/password-reset/confirm", () =>
      problem(422, "token_expired", "Ce lien a expiré : demandez-en un nouveau.", { token: ["Ce lien a expiré : demandez-en un nouveau."] }),
    );
    const { user, router } = renderApp("/reset-password#token=old", { user: null });

    await user.type(await screen.findByLabelText(/^nouveau mot de passe/i), "Nouveau-Secret-2026");
    await user.type(screen.getByLabelText(/^confirmer/i), "Nouveau-Secret-2026");
    await user.click(screen.getByRole("button", { name: "Enregistrer le mot de passe" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Ce lien a expiré. Demandez un nouveau lien.");
    expect(screen.queryByLabelText(/^nouveau mot de passe/i)).not.toBeInTheDocument();
    await user.click(screen.getByRole("link", { name: "Recevoir un lien de réinitialisation" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/forgot-password"));
  });

  it("says a link without its token is not valid", async () => {
    renderApp("/reset-password", { user: null });
    expect(await screen.findByRole("alert")).toHaveTextContent("Ce lien n'est pas valable");
  });
});

describe("invitation link", () => {
  it("lets the invited user choose a password and sends them to sign in", async () => {
    const bodies = capture("/auth/invitation/accept", () => HttpResponse.json({ email: "lea@exemple.fr" }));
    const { user, router } = renderApp("/accept-invitation#token=invite-42", { user: null });

    expect(await screen.findByRole("heading", { name: "Bienvenue sur Koban" })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^nouveau mot de passe/i), "Lea-Choisit-2026");
    await user.type(screen.getByLabelText(/^confirmer/i), "Lea-Choisit-2026");
    await user.click(screen.getByRole("button", { name: "Créer mon mot de passe" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(bodies).toEqual([{ token: "invite-42", password: "Lea-Choisit-2026" }]);
    expect(await screen.findByRole("status")).toHaveTextContent("Votre mot de passe est enregistré");
    expect(screen.getByLabelText(/adresse e-mail/i)).toHaveValue("lea@exemple.fr");
  });

  it("tells the user of a used invitation to ask an administrator", async () => {
    capture("/auth/invitation/accept", () =>
      problem(422, "token_used", "Ce lien a déjà servi ou a été remplacé par un lien plus récent.", { token: ["Ce lien a déjà servi."] }),
    );
    const { user } = renderApp("/accept-invitation#token=used", { user: null });

    await user.type(await screen.findByLabelText(/^nouveau mot de passe/i), "Lea-Choisit-2026");
    await user.type(screen.getByLabelText(/^confirmer/i), "Lea-Choisit-2026");
    await user.click(screen.getByRole("button", { name: "Créer mon mot de passe" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Demandez à un administrateur de votre entreprise de vous renvoyer l'invitation.");
  });

  it("shows a too weak password next to the field", async () => {
    capture("/auth/invitation/accept", () =>
      problem(400, "validation_failed", "La requête contient des valeurs invalides.", {
        password: ["Le mot de passe doit comporter au moins 12 caractères, dont une majuscule, une minuscule et un chiffre."],
      }),
    );
    const { user } = renderApp("/accept-invitation#token=t", { user: null });

    await user.type(await screen.findByLabelText(/^nouveau mot de passe/i), "sanschiffres-ni-majuscule");
    await user.type(screen.getByLabelText(/^confirmer/i), "sanschiffres-ni-majuscule");
    await user.click(screen.getByRole("button", { name: "Créer mon mot de passe" }));

    expect(await screen.findByText(/dont une majuscule, une minuscule et un chiffre/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^nouveau mot de passe/i)).toBeInTheDocument();
  });
});

describe("in English", () => {
  it("offers the forgotten-password page and its texts", async () => {
    const { user } = renderApp("/login", { user: null });
    await user.click(await screen.findByText("EN"));
    await user.click(await screen.findByRole("link", { name: "Forgot your password?" }));
    expect(await screen.findByRole("heading", { name: "Forgotten password" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Send me a reset link" })).toBeInTheDocument();
    await user.click(screen.getByText("FR"));
    await screen.findByRole("heading", { name: "Mot de passe oublié" });
  });
});
