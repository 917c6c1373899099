import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createContact, createCustomer, createViewer, db } from "@/testing/data";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

function seedCustomers() {
  const durand = createCustomer({ name: "Menuiserie Durand SARL", accountingCode: "411MENUISE", contacts: [createContact()] });
  const martin = createCustomer({
    name: "Boulangerie Martin",
    siren: "732829320",
    accountingCode: "411BOULANG",
    billingAddress: { line1: "1 rue du Four", line2: null, postalCode: "75001", city: "Paris", countryCode: "FR" },
  });
  db.customers = [durand, martin];
  return { durand, martin };
}

describe("Customers → list", () => {
  it("searches (debounced) with the query sent to the API and renders the matching rows", async () => {
    seedCustomers();
    const searches: (string | null)[] = [];
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      if (request.method === "GET" && url.pathname === "/api/v1/customers") searches.push(url.searchParams.get("search"));
    });
    const { user } = renderApp("/customers");

    const table = await screen.findByRole("table", { name: "Clients" });
    expect(within(table).getByText("Menuiserie Durand SARL")).toBeInTheDocument();
    expect(within(table).getByText("Boulangerie Martin")).toBeInTheDocument();
    expect(within(table).getByText("Claire Durand")).toBeInTheDocument();

    // Matches a contact's e-mail, not the customer's name.
    await user.type(screen.getByRole("textbox", { name: /^Rechercher/ }), "claire.durand");

    await waitFor(() => expect(within(screen.getByRole("table", { name: "Clients" })).queryByText("Boulangerie Martin")).not.toBeInTheDocument());
    expect(screen.getByText("Menuiserie Durand SARL")).toBeInTheDocument();
    server.events.removeAllListeners();
    // One request per settled search term, not one per keystroke.
    expect(searches).toEqual([null, "claire.durand"]);
  });

  it("sorts by accounting code and opens a customer on row click", async () => {
    const { durand } = seedCustomers();
    const sorts: (string | null)[] = [];
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname === "/api/v1/customers") sorts.push(url.searchParams.get("sort"));
    });
    const { user, router } = renderApp("/customers");
    await screen.findByRole("table", { name: "Clients" });

    await user.click(screen.getByRole("button", { name: "Code comptable" }));
    await waitFor(() => expect(sorts).toContain("accountingCode"));
    await user.click(screen.getByRole("button", { name: "Code comptable" }));
    await waitFor(() => expect(sorts).toContain("-accountingCode"));
    server.events.removeAllListeners();

    await user.click(screen.getByText("Menuiserie Durand SARL"));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/customers/${durand.id}`));
    expect(await screen.findByRole("heading", { name: "Menuiserie Durand SARL" })).toBeInTheDocument();
  });

  it("shows an empty state that invites to create the first customer", async () => {
    const { user, router } = renderApp("/customers");
    expect(await screen.findByText("Aucun client")).toBeInTheDocument();
    const empty = screen.getByTestId("empty-state");
    await user.click(within(empty).getByRole("button", { name: "Nouveau client" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/customers/new"));
  });

  it("is read-only for a viewer: no create, import, edit or delete", async () => {
    const { durand } = seedCustomers();
    renderApp("/customers", { user: createViewer() });
    await screen.findByRole("table", { name: "Clients" });
    expect(screen.queryByRole("button", { name: "Nouveau client" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Importer (CSV)" })).not.toBeInTheDocument();

    renderApp(`/customers/${durand.id}`, { user: createViewer() });
    expect(await screen.findByRole("heading", { name: "Menuiserie Durand SARL" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Modifier" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Supprimer" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Ajouter un contact" })).not.toBeInTheDocument();
  });
});

describe("Customers → import", () => {
  it("simulates then imports a CSV, and shows per line what was created, updated or refused and why", async () => {
    const calls: { dryRun: string | null; hasFile: boolean; idempotencyKey: string | null }[] = [];
    server.use(
      http.post("*/api/v1/customers/import", async ({ request }) => {
        const dryRun = new URL(request.url).searchParams.get("dryRun");
        const form = await request.formData();
        const part = form.get("file");
        calls.push({ dryRun, hasFile: part !== null && typeof part !== "string", idempotencyKey: request.headers.get("Idempotency-Key") });
        return HttpResponse.json({
          rows: 3,
          created: 1,
          updated: 1,
          refused: 1,
          dryRun: dryRun === "true",
          results: [
            { line: 2, outcome: "Created", label: "Menuiserie Durand SARL", id: crypto.randomUUID(), errors: [] },
            { line: 3, outcome: "Updated", label: "Boulangerie Martin", id: crypto.randomUUID(), errors: [] },
            {
              line: 4,
              outcome: "Refused",
              label: "Garage du Centre",
              id: null,
              errors: [{ field: "siren", code: "siren_invalid_check_digit", message: "Le SIREN est invalide (clé de contrôle)." }],
            },
          ],
        });
      }),
    );
    const { user } = renderApp("/customers");
    await user.click(await screen.findByRole("button", { name: "Importer (CSV)" }));
    const dialog = await screen.findByRole("dialog", { name: "Importer des clients (CSV)" });
    expect(within(dialog).getByRole("button", { name: "Simulation" })).toBeDisabled();

    const file = new File(["nom;siren\nMenuiserie Durand SARL;404833048\n"], "clients.csv", { type: "text/csv" });
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, file);
    await user.click(within(dialog).getByRole("button", { name: "Simulation" }));

    const report = await within(dialog).findByRole("table", { name: "Compte rendu de l'import" });
    expect(within(dialog).getByText("Simulation terminée — rien n'a été enregistré")).toBeInTheDocument();
    const rows = within(report).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText("Créé")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Mis à jour")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("Refusé")).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent("4");
    expect(rows[2]).toHaveTextContent("Garage du Centre");
    expect(rows[2]).toHaveTextContent("siren : Le SIREN est invalide (clé de contrôle).");

    await user.click(within(dialog).getByRole("button", { name: "Importer" }));
    await waitFor(() => expect(within(dialog).getByText("Import terminé")).toBeInTheDocument());
    expect(calls.map((c) => c.dryRun)).toEqual(["true", "false"]);
    expect(calls.every((c) => c.hasFile)).toBe(true);
    // The real import is a new submission: it must not replay the simulation's answer.
    expect(calls[0]!.idempotencyKey).not.toBe(calls[1]!.idempotencyKey);
  });
});

async function fillNewCustomer(user: ReturnType<typeof renderApp>["user"], name: string, siren: string) {
  await user.type(await screen.findByRole("textbox", { name: /^Nom ou raison sociale/ }), name);
  await user.type(screen.getByRole("textbox", { name: /^SIREN/ }), siren);
}

describe("Customers → create and edit", () => {
  it("creates a business customer with its first contact, an Idempotency-Key, then shows it", async () => {
    const posted: { key: string | null; body: Record<string, unknown> }[] = [];
    server.events.on("request:start", async ({ request }) => {
      if (request.method === "POST" && new URL(request.url).pathname === "/api/v1/customers") {
        posted.push({ key: request.headers.get("Idempotency-Key"), body: (await request.clone().json()) as Record<string, unknown> });
      }
    });
    const { user, router } = renderApp("/customers/new");
    await fillNewCustomer(user, "Garage du Centre", "404 833 048");
    await user.type(screen.getByRole("textbox", { name: "Prénom" }), "Paul");
    await user.type(screen.getByRole("textbox", { name: "E-mail" }), "paul@garage.fr");
    await user.click(screen.getByRole("button", { name: "Créer" }));

    expect(await screen.findByRole("heading", { name: "Garage du Centre" })).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/customers\/[0-9a-f-]{36}$/);
    expect(screen.getByText("Contact facturation")).toBeInTheDocument();
    server.events.removeAllListeners();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posted[0]!.body).toMatchObject({
      kind: "Business",
      name: "Garage du Centre",
      siren: "404833048",
      vatRegime: null,
      accountingCode: null,
      billingAddress: null,
      paymentTerms: null,
      contacts: [{ firstName: "Paul", lastName: null, email: "paul@garage.fr", isBilling: true }],
    });
  });

  it("asks the country once: the billing address is in the customer's country", async () => {
    const posted: Record<string, unknown>[] = [];
    server.events.on("request:start", async ({ request }) => {
      if (request.method === "POST" && new URL(request.url).pathname === "/api/v1/customers") posted.push((await request.clone().json()) as Record<string, unknown>);
    });
    const { user } = renderApp("/customers/new");
    await fillNewCustomer(user, "Garage du Centre", "404 833 048");
    expect(screen.getAllByText(/^Pays/, { selector: "label" }).map((l) => l.textContent)).toEqual(["Pays"]);
    await user.type(screen.getByRole("textbox", { name: "Adresse" }), "3 rue des Lilas");
    await user.type(screen.getByRole("textbox", { name: "Code postal" }), "69003");
    await user.type(screen.getByRole("textbox", { name: "Ville" }), "Lyon");
    await user.click(screen.getByRole("button", { name: "Créer" }));

    expect(await screen.findByRole("heading", { name: "Garage du Centre" })).toBeInTheDocument();
    server.events.removeAllListeners();
    expect(posted[0]!.billingAddress).toMatchObject({ line1: "3 rue des Lilas", postalCode: "69003", city: "Lyon", countryCode: "FR" });
  });

  it("creates the customer once corrected after a refusal: each submission has its own Idempotency-Key", async () => {
    // The server's rule: a key already used with another body is refused (422), so reusing it would block the form.
    const used = new Map<string, string>();
    const keys: string[] = [];
    server.use(
      http.post("*/api/v1/customers", async ({ request }) => {
        const key = request.headers.get("Idempotency-Key") ?? "";
        const text = await request.clone().text();
        keys.push(key);
        if (used.has(key) && used.get(key) !== text) return problem(422, "idempotency_key_reused", "Cette clé d'idempotence a déjà servi pour une autre requête.");
        used.set(key, text);
        const body = JSON.parse(text) as { siren: string | null };
        if (body.siren === "123456789") return problem(400, "validation_failed", "La requête contient des erreurs.", { siren: ["Le SIREN est invalide (clé de contrôle)."] });
        return undefined;
      }),
    );
    const { user } = renderApp("/customers/new");
    await fillNewCustomer(user, "Garage du Centre", "123456789");
    await user.click(screen.getByRole("button", { name: "Créer" }));
    const siren = await screen.findByRole("textbox", { name: /^SIREN/ });
    await waitFor(() => expect(siren).toHaveAttribute("aria-invalid", "true"));
    // The refused field gets the focus (the error is not left out of view with the focus on the button).
    await waitFor(() => expect(siren).toHaveFocus());

    await user.clear(siren);
    await user.type(siren, "404 833 048");
    await user.click(screen.getByRole("button", { name: "Créer" }));

    expect(await screen.findByRole("heading", { name: "Garage du Centre" })).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it("shows a server field error under SIREN and nested errors under their address fields", async () => {
    server.use(
      http.post("*/api/v1/customers", () =>
        problem(400, "validation_failed", "La requête contient des erreurs.", {
          siren: ["Le SIREN est invalide (clé de contrôle)."],
          "deliveryAddresses[0].address.postalCode": ["Code postal de livraison invalide."],
        }),
      ),
    );
    const { user } = renderApp("/customers/new");
    await fillNewCustomer(user, "Garage du Centre", "123456789");
    await user.click(screen.getByRole("button", { name: "Ajouter une adresse de livraison" }));
    await user.type(screen.getByRole("textbox", { name: /^Libellé/ }), "Atelier");
    await user.click(screen.getByRole("button", { name: "Créer" }));

    expect(await screen.findByText("Le SIREN est invalide (clé de contrôle).")).toBeInTheDocument();
    const siren = screen.getByRole("textbox", { name: /^SIREN/ });
    expect(siren).toHaveAttribute("aria-invalid", "true");
    expect(siren.getAttribute("aria-describedby") ?? "").toContain("error");
    expect(screen.getByText("Code postal de livraison invalide.")).toBeInTheDocument();
    const postalCodes = screen.getAllByRole("textbox", { name: "Code postal" });
    expect(postalCodes[1]).toHaveAttribute("aria-invalid", "true");
    expect(postalCodes[0]).not.toHaveAttribute("aria-invalid", "true");
  });

  it("keeps a billing address saved in another country than the customer's, with its own Pays field", async () => {
    const customer = createCustomer({
      name: "Brasserie Liégeoise",
      countryCode: "FR",
      billingAddress: { line1: "12 rue Léopold", line2: null, postalCode: "4000", city: "Liège", countryCode: "BE" },
    });
    db.customers = [customer];
    db.versions[customer.id] = 1;
    const put: Record<string, unknown>[] = [];
    server.events.on("request:start", async ({ request }) => {
      if (request.method === "PUT" && new URL(request.url).pathname === `/api/v1/customers/${customer.id}`) put.push((await request.clone().json()) as Record<string, unknown>);
    });
    const { user } = renderApp(`/customers/${customer.id}/edit`);
    const name = await screen.findByDisplayValue("Brasserie Liégeoise");
    expect(screen.getAllByText(/^Pays/, { selector: "label" })).toHaveLength(2);
    await user.type(name, " SA");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    await waitFor(() => expect(put).toHaveLength(1));
    server.events.removeAllListeners();
    expect(put[0]!.countryCode).toBe("FR");
    expect(put[0]!.billingAddress).toMatchObject({ city: "Liège", countryCode: "BE" });
  });

  it("explains a 412 on save and reloads the customer on request", async () => {
    const customer = createCustomer({ name: "Boulangerie Martin" });
    db.customers = [customer];
    db.versions[customer.id] = 3;
    const { user } = renderApp(`/customers/${customer.id}/edit`);
    const name = await screen.findByDisplayValue("Boulangerie Martin");
    // Someone else saves in between.
    db.versions[customer.id] = 4;
    db.customers = [{ ...customer, notes: "Modifié ailleurs" }];

    await user.type(name, " & Fils");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Quelqu'un d'autre a modifié cette fiche");
    await user.click(within(alert).getByRole("button", { name: "Recharger" }));
    expect(await screen.findByDisplayValue("Modifié ailleurs")).toBeInTheDocument();
  });
});

describe("Customers → detail", () => {
  it("adds contacts with If-Match set to the customer's current ETag, then uses the new one", async () => {
    const customer = createCustomer({ contacts: [createContact()] });
    db.customers = [customer];
    db.versions[customer.id] = 7;
    const ifMatch: (string | null)[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.method === "POST" && request.url.endsWith(`/customers/${customer.id}/contacts`)) ifMatch.push(request.headers.get("If-Match"));
    });
    const { user } = renderApp(`/customers/${customer.id}`);
    await screen.findByRole("heading", { name: "Menuiserie Durand SARL" });

    await user.click(screen.getByRole("button", { name: "Ajouter un contact" }));
    let dialog = await screen.findByRole("dialog", { name: "Ajouter un contact" });
    await user.type(within(dialog).getByRole("textbox", { name: "Prénom" }), "Marc");
    await user.type(within(dialog).getByRole("textbox", { name: "Nom" }), "Petit");
    await user.click(within(dialog).getByRole("checkbox", { name: "Contact de facturation" }));
    await user.click(within(dialog).getByRole("button", { name: "Ajouter" }));

    const contacts = await screen.findByRole("table", { name: "Contacts" });
    await waitFor(() => expect(within(contacts).getByText("Marc Petit")).toBeInTheDocument());
    // The billing flag moved to the new contact.
    const marcRow = within(contacts).getByText("Marc Petit").closest("tr")!;
    expect(within(marcRow).getByText("Contact facturation")).toBeInTheDocument();
    expect(within(contacts).getAllByText("Contact facturation")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Ajouter un contact" }));
    dialog = await screen.findByRole("dialog", { name: "Ajouter un contact" });
    await user.type(within(dialog).getByRole("textbox", { name: "Nom" }), "Leroy");
    await user.click(within(dialog).getByRole("button", { name: "Ajouter" }));
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Contacts" })).getByText("Leroy")).toBeInTheDocument());

    server.events.removeAllListeners();
    expect(ifMatch).toEqual(['"7"', '"8"']);
  });

  it("removes a contact after confirmation, with If-Match", async () => {
    const claire = createContact();
    const customer = createCustomer({ contacts: [claire, createContact({ firstName: "Marc", lastName: "Petit", isBilling: false })] });
    db.customers = [customer];
    let ifMatch: string | null = null;
    server.events.on("request:start", ({ request }) => {
      if (request.method === "DELETE") ifMatch = request.headers.get("If-Match");
    });
    const { user } = renderApp(`/customers/${customer.id}`);
    await user.click(await screen.findByRole("button", { name: "Retirer Claire Durand" }));
    const dialog = await screen.findByRole("dialog", { name: "Retirer le contact" });
    expect(dialog).toHaveTextContent("le plus ancien des autres contacts le deviendra");
    await user.click(within(dialog).getByRole("button", { name: "Retirer" }));

    await waitFor(() => expect(screen.queryByText("Claire Durand")).not.toBeInTheDocument());
    server.events.removeAllListeners();
    expect(ifMatch).toBe('"1"');
    expect(db.customers[0]!.contacts).toEqual([expect.objectContaining({ firstName: "Marc", isBilling: true })]);
  });

  it("explains why a referenced customer cannot be deleted and offers to archive it", async () => {
    const customer = createCustomer();
    db.customers = [customer];
    db.referenced.add(customer.id);
    const { user } = renderApp(`/customers/${customer.id}`);
    await user.click(await screen.findByRole("button", { name: "Supprimer" }));
    const dialog = await screen.findByRole("dialog", { name: "Supprimer le client" });
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));

    expect(await within(dialog).findByText("Ce client ne peut pas être supprimé")).toBeInTheDocument();
    expect(dialog).toHaveTextContent("Archivez-le plutôt");
    await user.click(within(dialog).getByRole("button", { name: "Archiver" }));

    await waitFor(() => expect(db.customers[0]!.isArchived).toBe(true));
    expect(await screen.findByText("Archivé")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Désarchiver" })).toBeInTheDocument();
  });

  it("deletes an unreferenced customer and returns to the list", async () => {
    const customer = createCustomer();
    db.customers = [customer];
    const { user, router } = renderApp(`/customers/${customer.id}`);
    await user.click(await screen.findByRole("button", { name: "Supprimer" }));
    const dialog = await screen.findByRole("dialog", { name: "Supprimer le client" });
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/customers"));
    expect(db.customers).toHaveLength(0);
  });
});
