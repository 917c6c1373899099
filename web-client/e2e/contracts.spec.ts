import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Runs against the real API with the demo data. The customer is created through the API (session cookie + XSRF
// token); the contract is created, activated, invoiced and renewed through the UI. Names carry a timestamp so reruns
// never collide.

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

/** "1 200,00 €" with whatever spaces Intl puts in. */
const money = (text: string) => new RegExp(`${text.replace(/ /g, "\\s?")}\\s€`);

/** A day as the pages write it, "07/12/2026", from a local date. */
const shown = (d: Date) => `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
/** The label Mantine's calendar gives a day's button ("7 février 2026"). */
const dayLabel = (d: Date) => new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" }).format(d);
const addMonths = (d: Date, months: number) => {
  const r = new Date(d.getFullYear(), d.getMonth() + months, 1);
  r.setDate(Math.min(d.getDate(), new Date(r.getFullYear(), r.getMonth() + 1, 0).getDate()));
  return r;
};
const addDays = (d: Date, days: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);

test("a yearly contract billed in advance: created, activated, its period invoiced with the service dates, renewed with a 3 % revision", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = String(Date.now()).slice(-8);
  await signIn(page);
  const customerName = `Client abonnement e2e ${stamp}`;
  await call(page, page.request, "POST", "/api/v1/customers", {
    kind: "Individual",
    name: customerName,
    countryCode: "FR",
    vatRegime: null,
    siren: null,
    siret: null,
    vatNumber: null,
    billingAddress: { line1: "8 quai Saint-Antoine", line2: null, postalCode: "69002", city: "Lyon", countryCode: "FR" },
    deliveryAddresses: [],
    paymentTerms: null,
    accountingCode: null,
    notes: null,
    contacts: [{ firstName: "Paul", lastName: "Abonné", email: `abonne.${stamp}@e2e.koban.test`, isBilling: true }],
  });

  // The term starts ten months ago: its one yearly period is due (billed on its first day), and the term end is close
  // enough for the renewal to be open (the API opens it 90 days before the notice deadline).
  const today = new Date();
  const start = addMonths(today, -10);
  const termEnd = addDays(addMonths(start, 12), -1);
  const nextEnd = addDays(addMonths(start, 24), -1);

  // 1. The contract, directly for the customer: one free line of 1 200 € HT a year.
  await page.goto("/contracts");
  await page.getByRole("link", { name: "Nouveau contrat" }).click();
  await expect(page).toHaveURL(/\/contracts\/new$/);
  // The URL changes before the new page's code has loaded: until the form is there, the list (and its own "Client"
  // filter) is still on screen, so every field is looked for inside the form.
  const form = page.getByRole("form", { name: "Nouveau contrat" });
  await expect(form).toBeVisible();
  const customer = form.getByRole("combobox", { name: "Client" });
  await customer.click();
  await customer.fill(customerName);
  await page.getByRole("option", { name: customerName }).click();
  await page.getByRole("button", { name: /^Date de début/ }).click();
  const previous = page.locator("[data-dates-dropdown] button[data-direction='previous']");
  for (let i = 0; i < 10; i++) await previous.click();
  await page.getByRole("button", { name: dayLabel(start), exact: true }).click();
  await page.getByRole("combobox", { name: "Périodicité de facturation" }).click();
  await page.getByRole("option", { name: "Annuel" }).click();
  await page.getByRole("combobox", { name: "Révision au renouvellement" }).click();
  await page.getByRole("option", { name: "Pourcentage" }).click();
  await page.getByRole("textbox", { name: "Pourcentage de révision" }).fill("3");
  await page.getByRole("combobox", { name: "Type de la ligne 1" }).click();
  await page.getByRole("option", { name: "Libre" }).click();
  await page.getByLabel("Désignation de la ligne 1").fill(`Maintenance annuelle ${stamp}`);
  await page.getByLabel("Prix unitaire de la ligne 1").fill("1200");
  await page.getByRole("combobox", { name: "Taux de TVA de la ligne 1" }).click();
  await page.getByRole("option", { name: /^20\s%/ }).click();
  await page.getByRole("button", { name: "Créer le contrat" }).click();

  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("contract-status")).toHaveText("Brouillon");
  await expect(page.getByTestId("contract-periodicity")).toHaveText("Annuel");

  // 2. Activate.
  await page.getByRole("button", { name: "Activer" }).click();
  await page.getByRole("dialog", { name: "Activer le contrat" }).getByRole("button", { name: "Activer" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("Actif");
  await expect(page.getByTestId("current-term")).toHaveText(`du ${shown(start)} au ${shown(termEnd)}`);

  // 3. Invoice the due period: its invoice appears on the contract with the service period, and prints it on its lines.
  await page.getByRole("button", { name: "Facturer les périodes dues" }).click();
  await page.getByRole("dialog", { name: "Facturer les périodes dues" }).getByRole("button", { name: "Facturer les périodes dues" }).click();
  await expect(page.getByText("1 facture créée.")).toBeVisible();
  const period = page.getByTestId("period-row").filter({ hasText: `du ${shown(start)} au ${shown(termEnd)}` });
  await expect(period).toContainText(money("1 200,00"));
  const invoiceLink = period.getByRole("link");
  await expect(invoiceLink).toBeVisible();
  await invoiceLink.click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("service-period").first()).toHaveText(`Période du ${shown(start)} au ${shown(termEnd)}`);
  await page.goBack();

  // 4. Renew with a 3 % revision: the second term and the revised price appear.
  await page.getByRole("button", { name: "Renouveler", exact: true }).click();
  const renew = page.getByRole("dialog", { name: /^Renouveler le contrat/ });
  await expect(renew.getByRole("radio", { name: "Pourcentage" })).toBeChecked();
  await renew.getByRole("textbox", { name: "Pourcentage de révision" }).fill("3");
  await renew.getByRole("button", { name: "Renouveler", exact: true }).click();
  await expect(renew).toBeHidden();
  await expect(page.getByText("Contrat renouvelé.")).toBeVisible();
  const history = page.getByTestId("terms-history");
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history).toContainText(`du ${shown(addDays(termEnd, 1))} au ${shown(nextEnd)}`);
  await expect(history).toContainText(/\+3\s%/);
  await expect(page.getByTestId("amount-per-period")).toContainText(money("1 236,00"));
});

test("the demo company shows an active monthly contract with its periods, and a contract to renew", async ({ page }) => {
  await signIn(page);
  await page.goto("/contracts?status=Active");
  const table = page.getByRole("table", { name: "Contrats" });
  const monthly = table.getByRole("row").filter({ hasText: /Mensuel/ }).first();
  await expect(monthly).toContainText("Actif");
  await monthly.getByRole("link").click();
  // The demo invoiced its past months: periods are listed, and the invoiced ones link to their invoice.
  await expect(page.getByTestId("period-row").first()).toBeVisible();
  await expect(page.getByTestId("period-row").getByRole("link").first()).toBeVisible();

  await page.goto("/contracts/renewals");
  await expect(page.getByTestId("renewal-row").first()).toBeVisible();

  await page.goto("/");
  await expect(page.getByTestId("dashboard-recurring-revenue")).toContainText("Revenu récurrent");
  await expect(page.getByTestId("dashboard-contracts-to-renew").getByRole("link").nth(1)).toBeVisible();
});
