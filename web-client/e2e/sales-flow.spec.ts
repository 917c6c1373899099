import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Runs against the real API with the demo data: the set-up goes through the API (session cookie + XSRF token)
// to keep it short, the sales flow itself through the UI. Names carry a timestamp so reruns never collide.

/** POST/PUT through the page's session: the CSRF double submit wants the XSRF-TOKEN cookie echoed. */
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

test("opportunity won → draft order with the quote's lines → validated, frozen prices explained, free field saved", async ({ page }) => {
  const stamp = String(Date.now()).slice(-8);
  await signIn(page);
  const request = page.request;

  const customer = await call<{ id: string }>(page, request, "POST", "/api/v1/customers", {
    kind: "Individual",
    name: `Client ventes e2e ${stamp}`,
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
    code: `VTE-${stamp}`,
    name: `Pose e2e ${stamp}`,
    description: null,
    unitCode: "HUR",
    unitPrice: 65,
    vatRate: 20,
    vatExemptionReason: null,
    nature: "Service",
    forSale: true,
    deliverable: false,
    isContract: false,
    contractPeriodicity: null,
    contractTermMonths: null,
  });
  const opportunity = await call<{ id: string }>(page, request, "POST", "/api/v1/opportunities", {
    customerId: customer.id,
    title: `Agencement e2e ${stamp}`,
    expectedAmount: 2000,
    expectedCloseDate: null,
    ownerUserId: null,
  });
  const line = { nature: null, vatExemptionReason: null, discountPercent: null, unitCode: null };
  const quote = await call<{ id: string }>(page, request, "POST", "/api/v1/quotes", {
    customerId: customer.id,
    opportunityId: opportunity.id,
    validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    lines: [
      { ...line, kind: "Product", productId: product.id, description: null, quantity: 12, unitPrice: null, vatRate: null },
      { ...line, kind: "Free", productId: null, description: `Étagère chêne ${stamp}`, quantity: 2, unitCode: "C62", unitPrice: 375.5, vatRate: 20 },
    ],
  });
  await call(page, request, "POST", `/api/v1/quotes/${quote.id}/send`);
  await call(page, request, "POST", `/api/v1/quotes/${quote.id}/accept`);

  // Accepting the quote won the opportunity; its page offers the accepted quote's order → the draft order opens with its two lines.
  await page.goto(`/opportunities/${opportunity.id}`);
  await expect(page.getByText("Gagnée", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Créer la commande" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-title")).toHaveText("Commande brouillon");
  await expect(page.getByLabel("Désignation de la ligne 2")).toHaveValue(`Étagère chêne ${stamp}`);
  await expect(page.getByLabel("Quantité de la ligne 1")).toHaveValue("12");
  await expect(page.getByTestId("total-ht")).not.toBeEmpty();

  // Valider → the number appears.
  await page.getByRole("button", { name: "Valider" }).click();
  await page.getByRole("dialog", { name: "Valider la commande" }).getByRole("button", { name: "Valider et numéroter" }).click();
  await expect(page.getByTestId("order-title")).toHaveText(/^Commande CO-\d{4}-\d+$/);

  // Frozen lines: no editor is offered, the page says why.
  await expect(page.getByTestId("lines-frozen")).toContainText("ses lignes sont figées");
  await expect(page.getByRole("button", { name: "Modifier les lignes" })).toHaveCount(0);
  await expect(page.getByLabel("Prix unitaire de la ligne 2")).toHaveCount(0);

  // A free field still saves.
  await page.getByLabel("Référence de commande client").fill(`BC-${stamp}`);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText("Commande enregistrée.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Référence de commande client")).toHaveValue(`BC-${stamp}`);
});
