import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createMe, createViewer, db } from "@/testing/data";
import { renderApp } from "@/testing/render";

const modules = [
  "Clients",
  "Produits",
  "Opportunités",
  "Devis",
  "Commandes",
  "Factures",
  "Avoirs",
  "Règlements",
  "Encours / Relances",
  "Bons de livraison",
  "Contrats",
  "Projets",
  "Comptabilité",
  "Paramètres",
];

describe("application frame", () => {
  it("shows a navigation link for every module", async () => {
    renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Navigation principale" });
    for (const name of modules) {
      expect(within(nav).getByRole("link", { name })).toBeInTheDocument();
    }
  });

  it("opens the delivery notes from the menu", async () => {
    const { user, router } = renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Navigation principale" });
    await user.click(within(nav).getByRole("link", { name: "Bons de livraison" }));

    expect(await screen.findByRole("heading", { name: "Bons de livraison" })).toBeInTheDocument();
    expect(await screen.findByText("Aucun bon de livraison")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Ce module arrive bientôt" })).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/delivery-notes");
  });

  it("hides modules the user's permissions do not allow", async () => {
    renderApp("/", { user: createMe({ role: "Sales", permissions: ["customers:write", "quotes:read", "company:read"] }) });
    const nav = await screen.findByRole("navigation", { name: "Navigation principale" });

    expect(within(nav).getByRole("link", { name: "Clients" })).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Devis" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Factures" })).not.toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Comptabilité" })).not.toBeInTheDocument();
  });

  it("switches the interface to English and remembers the choice", async () => {
    const { user } = renderApp("/", { user: createViewer() });
    await screen.findByTestId("company-name");
    expect(screen.getByText("Lecture seule")).toBeInTheDocument();

    await user.click(screen.getByText("EN"));

    const nav = await screen.findByRole("navigation", { name: "Main navigation" });
    expect(within(nav).getByRole("link", { name: "Credit notes" })).toBeInTheDocument();
    expect(screen.getByText("Read only")).toBeInTheDocument();
    expect(localStorage.getItem("koban.language")).toBe("en");
    await user.click(screen.getByText("FR"));
    await screen.findByRole("navigation", { name: "Navigation principale" });
  });

  it("signs out and returns to the sign-in page", async () => {
    const { user, router } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: "Se déconnecter" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(db.me).toBeNull();
  });

  it("goes to the sign-in page when the session expires (any 401)", async () => {
    const { user, router } = renderApp("/");
    await screen.findByTestId("company-name");
    db.me = null; // the session ends on the server

    const nav = screen.getByRole("navigation", { name: "Navigation principale" });
    await user.click(within(nav).getByRole("link", { name: "Paramètres" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(router.state.location.search).toBe("?next=%2Fsettings%2Fcompany");
  });

  it("starts every page with a skip link: two key presses reach the page's content", async () => {
    const { user } = renderApp("/");
    await screen.findByTestId("company-name");

    await user.tab();
    const skip = screen.getByRole("link", { name: "Aller au contenu" });
    expect(skip).toHaveFocus();
    expect(skip).toHaveAttribute("href", "#main-content");
    await user.keyboard("{Enter}");
    expect(document.getElementById("main-content")).toHaveAttribute("tabindex", "-1");
  });

  it("shows notifications at the bottom of the screen, away from the page's action buttons", async () => {
    const { user } = renderApp("/", { user: createViewer() });
    await screen.findByTestId("company-name");
    const { notifications } = await import("@mantine/notifications");
    notifications.show({ message: "Enregistré." });
    const toast = await screen.findByText("Enregistré.");
    expect(toast.closest("[data-position]")).toHaveAttribute("data-position", "bottom-right");
    await user.keyboard("{Escape}");
  });
});
