import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const money = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
/** The page's text with its narrow and non-breaking spaces made plain, to compare amounts. */
const plain = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");
const euros = (amount: number) => plain(money.format(amount));

interface Dashboard {
  revenue: { currentMonth: number; last12Months: number; months: { month: string; amountExcludingVat: number }[] };
  leftToInvoice: { amountExcludingVat: number; orders: number };
  overdue: { totalOutstanding: number; count: number; oldest: { number: string }[] };
  milestones: { orderNumber: string }[];
  activity: { summary: string }[];
}

test("the owner's home page is the dashboard of the demo data, and a figure opens its filtered list", async ({ page }) => {
  await signIn(page);
  const response = await page.request.get("/api/v1/dashboard");
  expect(response.ok()).toBeTruthy();
  const data = (await response.json()) as Dashboard;
  // The demo has several months of invoices, some overdue, milestones ahead and activity.
  expect(data.revenue.months.filter((m) => m.amountExcludingVat !== 0).length).toBeGreaterThanOrEqual(2);
  expect(data.overdue.count).toBeGreaterThanOrEqual(1);
  expect(data.milestones.length).toBeGreaterThanOrEqual(1);

  await expect(page.getByTestId("dashboard-revenue-month")).toContainText("CA facturé ce mois-ci");
  expect(plain(await page.getByTestId("dashboard-revenue-month").textContent())).toContain(euros(data.revenue.currentMonth));
  expect(plain(await page.getByTestId("dashboard-revenue-12").textContent())).toContain(euros(data.revenue.last12Months));
  expect(plain(await page.getByTestId("dashboard-left-to-invoice").textContent())).toContain(euros(data.leftToInvoice.amountExcludingVat));
  expect(plain(await page.getByTestId("dashboard-overdue").textContent())).toContain(euros(data.overdue.totalOutstanding));
  const oldest = page.getByRole("table", { name: "Les plus anciennes factures en retard" });
  await expect(oldest.getByRole("link", { name: data.overdue.oldest[0]!.number })).toBeVisible();
  await expect(page.getByRole("link", { name: data.milestones[0]!.orderNumber }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: data.activity[0]!.summary }).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Chiffre d'affaires facturé HT/ }).or(page.locator(".recharts-wrapper"))).toBeVisible();

  await page.getByTestId("dashboard-overdue").click();
  await expect(page).toHaveURL(/\/invoices\?overdue=true$/);
  await expect(page.getByRole("checkbox", { name: "En retard uniquement" })).toBeChecked();
  const rows = page.getByRole("table", { name: "Factures" }).getByRole("row");
  await expect(rows).toHaveCount(data.overdue.count + 1);
  await expect(page.getByRole("table", { name: "Factures" })).toContainText(data.overdue.oldest[0]!.number);
});

test("the customer page shows its documents and a create button preselects the customer", async ({ page }) => {
  await signIn(page);
  await page.goto("/customers");
  await page.getByRole("button", { name: "Boulangerie Martin" }).first().click();
  await expect(page.getByRole("heading", { name: "Boulangerie Martin" }).first()).toBeVisible();

  const invoices = page.getByTestId("customer-invoices");
  await expect(invoices.getByRole("link", { name: /^FA-\d{4}-\d{5}$/ }).first()).toBeVisible();
  await expect(page.getByTestId("customer-quotes").getByRole("link", { name: /^DE-\d{4}-\d{5}$|^Brouillon$/ }).first()).toBeVisible();
  await invoices.getByRole("link", { name: "Tout voir" }).click();
  await expect(page).toHaveURL(/\/invoices\?customerId=/);
  const listed = page.getByRole("table", { name: "Factures" }).getByRole("row");
  await expect(listed.nth(1)).toContainText("Boulangerie Martin");
  for (const row of await listed.all()) {
    if ((await row.getByRole("cell").count()) > 0) await expect(row).toContainText("Boulangerie Martin");
  }

  await page.goBack();
  await page.getByRole("group", { name: "Créer pour ce client" }).getByRole("link", { name: "Nouvelle facture" }).click();
  await expect(page).toHaveURL(/\/invoices\/new-direct\?customerId=/);
  await expect(page.getByRole("combobox", { name: "Client", exact: true })).toHaveValue("Boulangerie Martin");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the dashboard is no wider than the screen", async ({ page }) => {
    await signIn(page);
    await expect(page.getByTestId("dashboard-overdue")).toBeVisible();
    await expect(page.getByRole("table", { name: "Balance âgée" })).toBeVisible();
    const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    expect(width).toBeLessThanOrEqual(390);
  });
});
