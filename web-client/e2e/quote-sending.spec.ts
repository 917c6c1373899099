import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Issue 11: a draft is previewed before anything irreversible, a quote is numbered only after a confirmation and
// e-mailed with its PDF like an invoice, its acceptance is confirmed, and the opportunity follows it to "Gagnée"
// without a reload. Set-up through the API (session cookie + XSRF token), the flow itself through the UI.

async function call<T>(page: Page, method: "POST" | "PUT", path: string, body?: unknown): Promise<T> {
  const xsrf = (await page.context().cookies()).find((c) => c.name === "XSRF-TOKEN")?.value ?? "";
  const response = await page.request.fetch(path, {
    method,
    data: body ?? {},
    headers: { "X-XSRF-TOKEN": decodeURIComponent(xsrf), "Idempotency-Key": crypto.randomUUID(), "Content-Type": "application/json" },
  });
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

const line = { nature: "Service", vatExemptionReason: null, discountPercent: null, unitCode: "HUR", productId: null };

async function customerWithBillingContact(page: Page, stamp: string) {
  return call<{ id: string }>(page, "POST", "/api/v1/customers", {
    kind: "Individual",
    name: `Claire Durand e2e ${stamp}`,
    countryCode: "FR",
    vatRegime: null,
    siren: null,
    siret: null,
    vatNumber: null,
    billingAddress: { line1: "8 avenue Jean Jaurès", line2: null, postalCode: "69007", city: "Lyon", countryCode: "FR" },
    deliveryAddresses: [],
    paymentTerms: null,
    accountingCode: null,
    notes: null,
    contacts: [{ firstName: "Claire", lastName: `Durand ${stamp}`, email: `claire.${stamp}@durand.example`, phone: null, jobTitle: null, isBilling: true }],
  });
}

test("a draft invoice's PDF preview is marked as such and shows unsaved edits once saved", async ({ page }) => {
  const stamp = String(Date.now()).slice(-8);
  await signIn(page);
  const customer = await customerWithBillingContact(page, stamp);
  const invoice = await call<{ id: string }>(page, "POST", "/api/v1/invoices", {
    customerId: customer.id,
    lines: [{ ...line, kind: "Free", description: `Audit e2e ${stamp}`, quantity: 1, unitPrice: 640, vatRate: 20 }],
  });

  await page.goto(`/invoices/${invoice.id}`);
  await expect(page.getByTestId("invoice-title")).toHaveText("Facture (brouillon)");

  // A pending edit: the preview saves it first, so the PDF shows the screen.
  await page.getByLabel("Référence de commande client").fill(`BC-${stamp}`);
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/invoices/${invoice.id}`) && r.request().method() === "PUT");
  const pdf = page.waitForResponse((r) => r.url().endsWith(`/api/v1/invoices/${invoice.id}/pdf`));
  const popup = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Enregistrer et voir l'aperçu" }).click();
  expect((await saved).ok()).toBeTruthy();
  const response = await pdf;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/pdf");
  expect(decodeURIComponent(response.headers()["content-disposition"] ?? "")).toContain("brouillon (aperçu).pdf");
  const bytes = await (await page.request.get(`/api/v1/invoices/${invoice.id}/pdf`)).body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  await (await popup).close();

  // Nothing was numbered: the invoice is still a draft, its edit saved, and the button is the plain preview again.
  await expect(page.getByRole("button", { name: "Aperçu PDF" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("invoice-title")).toHaveText("Facture (brouillon)");
  await expect(page.getByLabel("Référence de commande client")).toHaveValue(`BC-${stamp}`);
});

test("send a quote after confirming, e-mail it, accept it after confirming, make its order: the opportunity shows Gagnée", async ({ page }) => {
  const stamp = String(Date.now()).slice(-8);
  await signIn(page);
  const customer = await customerWithBillingContact(page, stamp);
  const opportunity = await call<{ id: string }>(page, "POST", "/api/v1/opportunities", {
    customerId: customer.id,
    title: `Cuisine e2e ${stamp}`,
    expectedAmount: 5000,
    expectedCloseDate: null,
    ownerUserId: null,
  });
  const quote = await call<{ id: string }>(page, "POST", "/api/v1/quotes", {
    customerId: customer.id,
    opportunityId: opportunity.id,
    validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    lines: [{ ...line, kind: "Free", description: `Pose cuisine ${stamp}`, quantity: 10, unitPrice: 65, vatRate: 20 }],
  });

  // The opportunity is open; its quote is reached inside the application (no reload from here on).
  await page.goto(`/opportunities/${opportunity.id}`);
  await expect(page.getByText("En cours", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Brouillon" }).click();
  await expect(page).toHaveURL(new RegExp(`/quotes/${quote.id}$`));
  await expect(page.getByRole("button", { name: "Aperçu PDF" })).toBeVisible();

  // "Envoyer" asks first, and says the quote will be numbered and frozen; cancelling changes nothing.
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  let confirm = page.getByRole("dialog", { name: "Envoyer le devis ?" });
  await expect(confirm).toContainText("numéro définitif");
  await expect(confirm).toContainText("figé");
  await confirm.getByRole("button", { name: "Annuler" }).click();
  await expect(page.getByRole("heading", { name: "Devis brouillon" })).toBeVisible();
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  confirm = page.getByRole("dialog", { name: "Envoyer le devis ?" });
  await confirm.getByRole("button", { name: "Numéroter et envoyer" }).click();

  // Then the e-mail dialog of invoices, prefilled: the billing contact, the subject with the new number.
  const mail = page.getByRole("dialog", { name: /^Envoyer le devis DE-\d{4}-\d+ par e-mail$/ });
  await expect(mail).toBeVisible();
  const number = ((await page.getByRole("heading", { name: /^DE-\d{4}-\d+$/ }).textContent()) ?? "").trim();
  await expect(mail.getByText(`claire.${stamp}@durand.example`)).toBeVisible();
  await expect(mail.getByLabel("Objet")).toHaveValue(`Devis ${number}`);
  await expect(mail.getByLabel("Message")).toHaveValue(/Veuillez trouver ci-joint notre devis/);
  await mail.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(mail).toBeHidden();
  // The e2e API has no SMTP server: the e-mail is listed on the quote as queued (or already sent where one is configured).
  const emails = page.getByTestId("document-email");
  await expect(emails.first()).toContainText(`claire.${stamp}@durand.example`);
  await expect(emails.first()).toContainText(`Devis ${number}`);
  await expect(page.getByRole("heading", { name: number })).toBeVisible();

  // "Accepter" asks first, then the quote is accepted.
  await page.getByRole("button", { name: "Accepter", exact: true }).click();
  const accept = page.getByRole("dialog", { name: "Enregistrer l'acceptation du client ?" });
  await expect(accept).toContainText("L'opportunité liée est gagnée");
  await accept.getByRole("button", { name: "Accepter" }).click();
  await expect(accept).toBeHidden();
  await expect(page.getByText("Accepté", { exact: true })).toBeVisible();

  // The order of the accepted quote.
  await page.getByRole("button", { name: "Créer la commande" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-title")).toHaveText("Commande brouillon");

  // Back to the opportunity through the application: "Gagnée", its amount is the quote's, the order is linked.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/quotes/${quote.id}$`));
  await page.getByRole("link", { name: "Voir l'opportunité" }).click();
  await expect(page.getByText("Gagnée", { exact: true })).toBeVisible();
  await expect(page.getByText("650,00 €").first()).toBeVisible();
  await expect(page.getByTestId("opportunity-order-link")).toBeVisible();
  await expect(page.getByRole("button", { name: "Gagner" })).toHaveCount(0);
});
