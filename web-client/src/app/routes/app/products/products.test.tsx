import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createProduct, createViewer, db } from "@/testing/data";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

async function choose(user: ReturnType<typeof renderApp>["user"], label: RegExp, option: RegExp) {
  await user.click(screen.getByLabelText(label, { selector: "input" }));
  await user.click(await screen.findByRole("option", { name: option, hidden: true }));
}

describe("Products → list", () => {
  it("shows prices with the French formatter (up to 4 decimals), the VAT rate and the unit", async () => {
    db.products = [
      createProduct({ code: "POSE", name: "Pose et réglage", unitPrice: 65, vatRate: 20, unitLabel: "heure" }),
      createProduct({ code: "VIS", name: "Vis inox", unitPrice: 12.3456, vatRate: 5.5, unitLabel: "unité", nature: "Goods" }),
    ];
    renderApp("/products");
    const table = await screen.findByRole("table", { name: "Produits" });
    const [, pose, vis] = within(table).getAllByRole("row");
    expect(pose).toHaveTextContent("65,00 €");
    expect(pose).toHaveTextContent("20 %");
    expect(pose).toHaveTextContent("heure");
    expect(vis).toHaveTextContent("12,3456 €");
    expect(vis).toHaveTextContent("5,5 %");
    expect(vis).toHaveTextContent("Bien");
  });

  it("sends the filters and the sort to the API", async () => {
    db.products = [createProduct({ code: "A", forSale: true }), createProduct({ code: "B", name: "Ancien", forSale: false })];
    const seen: URLSearchParams[] = [];
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname === "/api/v1/products") seen.push(url.searchParams);
    });
    const { user } = renderApp("/products");
    await screen.findByText("Ancien");
    await user.click(screen.getByRole("switch", { name: "En vente" }));
    await waitFor(() => expect(screen.queryByText("Ancien")).not.toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "Prix unitaire HT" }));
    await waitFor(() => expect(seen.at(-1)?.get("sort")).toBe("unitPrice"));
    server.events.removeAllListeners();
    expect(seen.at(-1)?.get("forSale")).toBe("true");
    expect(seen[0]?.get("forSale")).toBeNull();
  });

  it("shows no 'Nouveau produit' or import button to a viewer, and the product read-only", async () => {
    const product = createProduct();
    db.products = [product];
    renderApp("/products", { user: createViewer() });
    await screen.findByRole("table", { name: "Produits" });
    expect(screen.queryByRole("button", { name: "Nouveau produit" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Importer (CSV)" })).not.toBeInTheDocument();

    renderApp(`/products/${product.id}`, { user: createViewer() });
    expect(await screen.findByTestId("read-only-notice")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Enregistrer" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Supprimer" })).not.toBeInTheDocument();
  });
});

describe("Products → form", () => {
  it("requires an exemption reason at 0 % before sending anything, then creates the product", async () => {
    let posts = 0;
    let body: Record<string, unknown> = {};
    server.events.on("request:start", async ({ request }) => {
      if (request.method === "POST" && new URL(request.url).pathname === "/api/v1/products") {
        posts += 1;
        body = (await request.clone().json()) as Record<string, unknown>;
      }
    });
    const { user, router } = renderApp("/products/new");
    await user.type(await screen.findByRole("textbox", { name: /^Code/ }), "FORM-01");
    await user.type(screen.getByRole("textbox", { name: /^Désignation/ }), "Formation");
    await user.type(screen.getByRole("textbox", { name: /^Prix unitaire HT/ }), "12,3456");
    expect(screen.queryByRole("textbox", { name: /^Motif d'exonération/ })).not.toBeInTheDocument();
    await choose(user, /^Taux de TVA/, /^0\s%$/);

    await user.click(screen.getByRole("button", { name: "Créer" }));
    const reason = await screen.findByRole("textbox", { name: /^Motif d'exonération/ });
    expect(await screen.findByText("Indiquez le motif d'exonération (obligatoire à 0 %).")).toBeInTheDocument();
    expect(reason).toHaveAttribute("aria-invalid", "true");
    expect(posts).toBe(0);

    await user.type(reason, "Exonération art. 261-4-4° du CGI");
    await user.click(screen.getByRole("button", { name: "Créer" }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/products\/[0-9a-f-]{36}$/));
    server.events.removeAllListeners();
    expect(posts).toBe(1);
    expect(body).toMatchObject({ code: "FORM-01", unitPrice: 12.3456, vatRate: 0, vatExemptionReason: "Exonération art. 261-4-4° du CGI" });
  });

  it("shows the server's field errors under their fields", async () => {
    server.use(
      http.post("*/api/v1/products", () =>
        problem(400, "product_code_taken", "La requête contient des erreurs.", { code: ["Ce code est déjà utilisé par un autre produit."] }),
      ),
    );
    const { user } = renderApp("/products/new");
    await user.type(await screen.findByRole("textbox", { name: /^Code/ }), "POSE");
    await user.type(screen.getByRole("textbox", { name: /^Désignation/ }), "Pose");
    await user.type(screen.getByRole("textbox", { name: /^Prix unitaire HT/ }), "65");
    await user.click(screen.getByRole("button", { name: "Créer" }));

    expect(await screen.findByText("Ce code est déjà utilisé par un autre produit.")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /^Code/ })).toHaveAttribute("aria-invalid", "true");
  });

  it("shows the contract fields only for a contract and sends them", async () => {
    const product = createProduct({ name: "Maintenance" });
    db.products = [product];
    const { user } = renderApp(`/products/${product.id}`);
    await screen.findByDisplayValue("Maintenance");
    expect(screen.queryByRole("textbox", { name: /^Durée d'engagement/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "Contrat" }));
    await choose(user, /^Périodicité/, /^Annuel$/);
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(db.products[0]).toMatchObject({ isContract: true, contractPeriodicity: "Yearly", contractTermMonths: 12 }));
  });

  it("offers to archive a product that a document references instead of deleting it", async () => {
    const product = createProduct({ name: "Pose" });
    db.products = [product];
    db.referenced.add(product.id);
    server.use(http.get("*/api/v1/products/units", () => HttpResponse.json([{ code: "HUR", label: "heure" }])));
    const { user } = renderApp(`/products/${product.id}`);
    await user.click(await screen.findByRole("button", { name: "Supprimer" }));
    const dialog = await screen.findByRole("dialog", { name: "Supprimer le produit" });
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    expect(await within(dialog).findByText("Ce produit ne peut pas être supprimé")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Archiver" }));
    await waitFor(() => expect(db.products[0]!.isArchived).toBe(true));
    expect(await screen.findByRole("button", { name: "Désarchiver" })).toBeInTheDocument();
  });
});
