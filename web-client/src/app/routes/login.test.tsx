import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HttpResponse, http } from "msw";
import { createMe, db } from "@/testing/data";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("sign-in", () => {
  it("signs in and shows the application frame with the company name", async () => {
    const { user, router } = renderApp("/login", { user: null });

    await user.type(await screen.findByLabelText(/adresse e-mail/i), "admin@demo.koban.fr");
    await user.type(screen.getByLabelText(/^mot de passe/i), "Demo-Admin-2026!");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    expect(await screen.findByTestId("company-name")).toHaveTextContent("Atelier Koban Démo SAS");
    expect(screen.getByTestId("user-name")).toHaveTextContent("Alice Admin");
    expect(screen.getByText("Administrateur")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/");
  });

  it("shows an error and stays on the sign-in page when the password is wrong", async () => {
    const { user, router } = renderApp("/login", { user: null });

    await user.type(await screen.findByLabelText(/adresse e-mail/i), "admin@demo.koban.fr");
    await user.type(screen.getByLabelText(/^mot de passe/i), "wrong-password");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Adresse e-mail ou mot de passe incorrect.");
    expect(router.state.location.pathname).toBe("/login");
    expect(screen.queryByTestId("company-name")).not.toBeInTheDocument();
  });

  it("sends a signed-out visitor of a page to the sign-in page", async () => {
    const { router } = renderApp("/settings/company", { user: null });

    expect(await screen.findByRole("button", { name: "Se connecter" })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
  });

  it("forces a user with a temporary password to change it before anything else", async () => {
    server.use(
      http.post("*/api/v1/auth/login", () => {
        db.me = createMe({ mustChangePassword: true });
        return HttpResponse.json(db.me);
      }),
    );
    const { user, router } = renderApp("/login", { user: null });

    await user.type(await screen.findByLabelText(/adresse e-mail/i), "new@demo.koban.fr");
    await user.type(screen.getByLabelText(/^mot de passe/i), "Temp-Password-2026");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    expect(await screen.findByText(/votre mot de passe est provisoire/i)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/change-password");

    // The frame refuses to open while the password is still temporary.
    await router.navigate("/settings/company");
    await waitFor(() => expect(router.state.location.pathname).toBe("/change-password"));
  });
});
