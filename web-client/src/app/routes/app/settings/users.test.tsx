import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/schema";
import { createUser, db } from "@/testing/data";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

type InviteBody = components["schemas"]["InviteUserRequest"];

describe("Settings → Users → invitations", () => {
  it("invites a user by e-mail and shows the invitation as pending", async () => {
    const posted: { body: InviteBody; idempotencyKey: string | null }[] = [];
    server.use(
      http.post("*/api/v1/users/invitations", async ({ request }) => {
        const body = (await request.json()) as InviteBody;
        posted.push({ body, idempotencyKey: request.headers.get("Idempotency-Key") });
        const invited = createUser({ email: body.email, displayName: body.displayName, role: body.role, invitationPending: true });
        db.users = [...db.users, invited];
        return HttpResponse.json(invited, { status: 201 });
      }),
    );
    const { user } = renderApp("/settings/users");

    await user.click(await screen.findByRole("button", { name: "Inviter" }));
    const dialog = await screen.findByRole("dialog", { name: "Inviter" });
    expect(dialog).toHaveTextContent("valable 7 jours");
    await user.type(within(dialog).getByLabelText(/^Adresse e-mail/), " lea.petit@exemple.fr ");
    await user.type(within(dialog).getByLabelText(/^Nom affiché/), "Léa Petit");
    await user.click(within(dialog).getByLabelText("Rôle", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Comptable", hidden: true }));
    await user.click(within(dialog).getByRole("button", { name: "Envoyer l'invitation" }));

    expect(await screen.findByText("Invitation envoyée à lea.petit@exemple.fr.")).toBeInTheDocument();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toEqual({ email: "lea.petit@exemple.fr", displayName: "Léa Petit", role: "Accountant" });
    expect(posted[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Inviter" })).not.toBeInTheDocument());

    const row = (await screen.findByText("Léa Petit")).closest("tr")!;
    expect(within(row).getByText("Invitation en attente")).toBeInTheDocument();
    expect(within(row).getByRole("button", { name: "Renvoyer l'invitation à Léa Petit" })).toBeInTheDocument();
  });

  it("shows an address already in use next to the field", async () => {
    server.use(
      http.post("*/api/v1/users/invitations", () =>
        problem(400, "email_already_used", "Cette adresse e-mail est déjà utilisée.", { email: ["Cette adresse e-mail est déjà utilisée."] }),
      ),
    );
    const { user } = renderApp("/settings/users");

    await user.click(await screen.findByRole("button", { name: "Inviter" }));
    const dialog = await screen.findByRole("dialog", { name: "Inviter" });
    await user.type(within(dialog).getByLabelText(/^Adresse e-mail/), "admin@demo.koban.fr");
    await user.type(within(dialog).getByLabelText(/^Nom affiché/), "Doublon");
    await user.click(within(dialog).getByRole("button", { name: "Envoyer l'invitation" }));

    expect(await within(dialog).findByText("Cette adresse e-mail est déjà utilisée.")).toBeInTheDocument();
  });

  it("focuses the first field the browser or the server refused, so the error is never out of view", async () => {
    let sent = 0;
    server.use(
      http.post("*/api/v1/users/invitations", () => {
        sent += 1;
        return problem(400, "email_already_used", "Cette adresse e-mail est déjà utilisée.", { email: ["Cette adresse e-mail est déjà utilisée."] });
      }),
    );
    const { user } = renderApp("/settings/users");

    await user.click(await screen.findByRole("button", { name: "Inviter" }));
    const dialog = await screen.findByRole("dialog", { name: "Inviter" });
    const email = within(dialog).getByLabelText(/^Adresse e-mail/);
    await user.click(within(dialog).getByRole("button", { name: "Envoyer l'invitation" }));
    await waitFor(() => expect(email).toHaveFocus());
    expect(sent).toBe(0);

    await user.type(email, "admin@demo.koban.fr");
    await user.type(within(dialog).getByLabelText(/^Nom affiché/), "Doublon");
    await user.click(within(dialog).getByRole("button", { name: "Envoyer l'invitation" }));
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    await waitFor(() => expect(email).toHaveFocus());
    expect(sent).toBe(1);
  });

  it("sends a pending invitation again", async () => {
    const pending = createUser({ displayName: "Paul Attente", email: "paul@exemple.fr", invitationPending: true });
    db.users = [...db.users, pending];
    const resent: string[] = [];
    server.use(
      http.post("*/api/v1/users/:id/invitation", ({ params }) => {
        resent.push(String(params.id));
        return HttpResponse.json(pending);
      }),
    );
    const { user } = renderApp("/settings/users");

    await user.click(await screen.findByRole("button", { name: "Renvoyer l'invitation à Paul Attente" }));

    expect(await screen.findByText("Invitation envoyée à paul@exemple.fr.")).toBeInTheDocument();
    expect(resent).toEqual([pending.id]);
    // Users who already chose a password have no such action.
    expect(screen.queryByRole("button", { name: "Renvoyer l'invitation à Alice Admin" })).not.toBeInTheDocument();
  });
});
