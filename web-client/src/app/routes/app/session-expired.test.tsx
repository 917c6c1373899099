import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createMe, db } from "@/testing/data";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("Session expired during a submission", () => {
  it("says 'Session expirée', signs in again in place and sends the form as typed", async () => {
    const me = createMe();
    server.use(
      http.post("*/api/v1/auth/login", () => {
        db.me = me;
        return HttpResponse.json(me);
      }),
    );
    const { user, router } = renderApp("/settings/company", { user: me });
    const city = await screen.findByLabelText("Ville du RCS");
    await user.clear(city);
    await user.type(city, "Villeurbanne");
    db.me = null; // the session ends on the server

    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    const dialog = await screen.findByRole("dialog", { name: "Session expirée" });
    expect(router.state.location.pathname).toBe("/settings/company");
    expect(within(dialog).getByLabelText(/^Adresse e-mail/)).toHaveValue(me.email);
    await user.type(within(dialog).getByLabelText(/^Mot de passe/), "Demo-Admin-2026!");
    await user.click(within(dialog).getByRole("button", { name: "Se connecter" }));

    // The save that met the end of the session is sent again: nothing typed is lost.
    await waitFor(() => expect(db.company.rcsCity).toBe("Villeurbanne"));
    expect(screen.queryByRole("dialog", { name: "Session expirée" })).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/settings/company");
  });
});
