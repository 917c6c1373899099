import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Runs against the real API with the demo data: the customer, the deliverable product and the validated order are set up
// through the API (session cookie + XSRF token); the deliveries and their invoice go through the UI. Names carry a
// timestamp so reruns never collide.

async function call<T>(page: Page, request: APIRequestContext, method: "POST" | "PUT", path: string, body?: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((c) => c.name === "XSRF-TOKEN")?.value ?? "";
  const response = await request.fetch(path, {
    method,
    data: body ?? {},
    headers: { "X-XSRF-TOKEN": decodeURIComponent(xsrf), "Idempotency-Key": crypto.randomUUID(), "Content-Type": "application/json" },
  });
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

/** "200,00 €" with whatever spaces Intl puts in. */
const money = (text: string) => new RegExp(`^${text.replace(/ /g, "\\s?")}\\s€$`);

/** Today as the page shows it (the browser runs in Europe/Paris, like the demo company). */
const today = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" }).format(new Date());

/** From the order page: a note of `quantity` shelves, validated, then delivered to `receiver`. Returns its number. */
async function deliver(page: Page, orderId: string, proposed: string, quantity: string, receiver: string): Promise<string> {
  await page.getByRole("link", { name: "Créer un bon de livraison" }).click();
  await expect(page).toHaveURL(new RegExp(`/delivery-notes/new\\?orderId=${orderId}$`));
  const field = page.getByLabel(/^Quantité à livrer : Étagère e2e/);
  // The quantity proposed is what is left to deliver.
  await expect(field).toHaveValue(proposed);
  await field.fill(quantity);
  await page.getByRole("button", { name: "Créer le bon de livraison" }).click();
  await expect(page.getByTestId("delivery-note-title")).toHaveText("Bon de livraison (brouillon)");
  await expect(page.getByTestId("delivery-note-line")).toContainText(quantity);

  await page.getByRole("button", { name: "Valider", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Valider le bon de livraison" });
  await expect(dialog.getByTestId("irreversible-warning")).toContainText("Cette opération est irréversible");
  await dialog.getByRole("button", { name: "Valider définitivement" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("delivery-note-status")).toHaveText("Validé");
  const number = (await page.getByTestId("delivery-note-number").textContent())!;
  expect(number).not.toBe("Brouillon");

  await page.getByRole("button", { name: "Marquer comme livré" }).click();
  const delivery = page.getByRole("dialog", { name: `Livraison du bon ${number}` });
  await delivery.getByLabel(/^Reçu par/).fill(receiver);
  await delivery.getByRole("button", { name: "Confirmer la livraison" }).click();
  await expect(delivery).toBeHidden();
  await expect(page.getByTestId("delivery-note-status")).toHaveText("Livré");
  await expect(page.getByTestId("delivered-on")).toHaveText(today);
  await expect(page.getByTestId("delivery-receipt")).toContainText(receiver);

  // The PDF of the numbered note is served.
  const id = page.url().split("/").pop()!;
  const pdf = await page.request.get(`/api/v1/delivery-notes/${id}/pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByRole("link", { name: /^Commande \S+$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  return number;
}

test("an order delivered in two notes, then invoiced on its delivered quantities with the delivery date as the date of sale", async ({ page }) => {
  const stamp = String(Date.now()).slice(-8);
  await signIn(page);
  const request = page.request;

  const customer = await call<{ id: string }>(page, request, "POST", "/api/v1/customers", {
    kind: "Individual",
    name: `Client livraison e2e ${stamp}`,
    countryCode: "FR",
    vatRegime: null,
    siren: null,
    siret: null,
    vatNumber: null,
    billingAddress: { line1: "3 rue Mercière", line2: null, postalCode: "69002", city: "Lyon", countryCode: "FR" },
    deliveryAddresses: [],
    paymentTerms: null,
    accountingCode: null,
    notes: null,
    contacts: [],
  });
  const product = await call<{ id: string }>(page, request, "POST", "/api/v1/products", {
    code: `LIV-${stamp}`,
    name: `Étagère e2e ${stamp}`,
    description: null,
    unitCode: "C62",
    unitPrice: 40,
    vatRate: 20,
    vatExemptionReason: null,
    nature: "Goods",
    forSale: true,
    deliverable: true,
    isContract: false,
    contractPeriodicity: null,
    contractTermMonths: null,
  });
  const order = await call<{ id: string; number: string }>(page, request, "POST", "/api/v1/orders", {
    customerId: customer.id,
    lines: [{ kind: "Product", productId: product.id, description: null, quantity: 5, unitPrice: null, vatRate: null, nature: null, vatExemptionReason: null, discountPercent: null, unitCode: null }],
  });
  await call(page, request, "POST", `/api/v1/orders/${order.id}/validate`);

  // Nothing delivered yet: the order offers its first note.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId("left-to-deliver")).toHaveText("5");

  // 1. Two shelves out of five.
  const first = await deliver(page, order.id, "5", "2", "Claire Réception");
  await expect(page.getByTestId("order-delivery-status").first()).toHaveText("Partiellement livrée");
  await expect(page.getByTestId("delivered-quantity")).toHaveText("2");
  await expect(page.getByTestId("left-to-deliver")).toHaveText("3");

  // 2. The three left.
  const second = await deliver(page, order.id, "3", "3", "Marc Quai");
  expect(second).not.toBe(first);
  await expect(page.getByTestId("order-delivery-status").first()).toHaveText("Livrée");
  await expect(page.getByTestId("left-to-deliver")).toHaveText("0");
  await expect(page.getByRole("button", { name: "Créer un bon de livraison" })).toBeDisabled();
  // The order's billing ledger counts the delivered quantity too ("Qté livrée").
  const perLine = page.getByRole("table", { name: "Reste à facturer par ligne" });
  await expect(perLine.getByRole("row").nth(1).getByRole("cell").nth(2)).toHaveText("5");
  await expect(page.getByTestId("delivery-refusal")).toHaveText("Tout est livré");

  // 3. Both notes on one invoice: the draft bills the 5 delivered shelves and dates the sale on the delivery.
  await expect(page.getByTestId("order-delivery-note")).toHaveCount(2);
  await page.getByRole("button", { name: "Facturer les livraisons (2 bons)" }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("invoice-title")).toHaveText(/\(brouillon\)$/);
  await expect(page.getByTestId("total-ht")).toHaveText(money("200,00"));
  await expect(page.getByTestId("sale-date")).toHaveText(today);
  await expect(page.getByLabel("Commentaire", { exact: true })).toHaveValue(new RegExp(`Livraisons : ${first} du ${today}, ${second} du ${today}`));

  // The notes now point at the invoice and are invoiced once only.
  await page.getByRole("link", { name: /^Commande \S+$/ }).first().click();
  await expect(page.getByRole("button", { name: /^Facturer (la|les) livraison/ })).toHaveCount(0);
  await expect(page.getByTestId("order-delivery-note").first().getByRole("link", { name: "Facturé" })).toBeVisible();
});
