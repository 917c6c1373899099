import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { demoUsers, signIn } from "./sign-in";

// Runs against the real API with the demo data. The customer is created by the admin (an accountant cannot write
// customers); the accountant then issues two invoices through the API, records one payment spread over both through
// the UI, sees the receivables change and exports the month as FEC. Names carry a timestamp so reruns never collide.
const admin = demoUsers.admin;
const accountant = demoUsers.accountant;

async function call<T>(page: Page, method: "POST" | "PUT", path: string, body?: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((c) => c.name === "XSRF-TOKEN")?.value ?? "";
  const response = await page.request.fetch(path, {
    method,
    data: body ?? {},
    headers: { "X-XSRF-TOKEN": decodeURIComponent(xsrf), "Idempotency-Key": crypto.randomUUID(), "Content-Type": "application/json" },
  });
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

/** "1 531,00 €" with whatever spaces Intl puts in. */
const money = (text: string) => new RegExp(`${text.replace(/ /g, "\\s?")}\\s€`);

async function validatedInvoice(page: Page, customerId: string, description: string, unitPrice: number) {
  const draft = await call<{ id: string }>(page, "POST", "/api/v1/invoices", {
    customerId,
    lines: [
      { kind: "Free", productId: null, description, quantity: 1, unitCode: "C62", unitPrice, discountPercent: 0, vatRate: 20, nature: "Goods", vatExemptionReason: null },
    ],
  });
  return call<{ id: string; number: string }>(page, "POST", `/api/v1/invoices/${draft.id}/validate`, { issueDate: null });
}

test("a payment spread over two invoices → the receivables update → the month exported as FEC and downloaded", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = String(Date.now()).slice(-8);
  const name = `Client règlement e2e ${stamp}`;

  await signIn(page, admin);
  const customer = await call<{ id: string }>(page, "POST", "/api/v1/customers", {
    kind: "Individual",
    name,
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
  await page.context().clearCookies();

  await signIn(page, accountant);
  // 100 € + 20 % = 120,00 € and 250 € + 20 % = 300,00 € (the API computes them; the test only reads them back).
  const first = await validatedInvoice(page, customer.id, `Fourniture A ${stamp}`, 100);
  const second = await validatedInvoice(page, customer.id, `Fourniture B ${stamp}`, 250);

  // Receivables before the payment: the customer owes both invoices.
  await page.goto("/receivables");
  const row = page.getByTestId(`aging-row-${name}`);
  await expect(row).toContainText(money("420,00"));

  // Payment entry: 400,00 € spread automatically, oldest due first (same due date: the API's order).
  await page.goto(`/payments/new?customerId=${customer.id}&customerName=${encodeURIComponent(name)}`);
  const table = page.getByRole("table", { name: "Répartition sur les factures ouvertes" });
  await expect(table.getByRole("link", { name: first.number })).toBeVisible();
  await expect(table.getByRole("link", { name: second.number })).toBeVisible();
  await page.getByRole("textbox", { name: /^Montant/ }).first().fill("400,00");
  await page.getByRole("button", { name: "Répartir automatiquement" }).click();
  await expect(table.getByLabel(`Montant affecté à ${first.number}`)).toHaveValue("120,00");
  await expect(table.getByLabel(`Montant affecté à ${second.number}`)).toHaveValue("280,00");
  await expect(page.getByTestId("rest-as-credit")).toHaveText(money("0,00"));
  await page.getByLabel("Référence").fill(`VIR E2E ${stamp}`);
  await page.getByRole("button", { name: "Enregistrer le règlement" }).click();

  await expect(page.getByTestId("payment-title")).toContainText("Règlement de 400,00");
  await expect(page.getByTestId("payment-allocated")).toHaveText(money("400,00"));
  const allocations = page.getByRole("table", { name: "Affectations" });
  await expect(allocations).toContainText(first.number);
  await expect(allocations).toContainText(second.number);

  // The first invoice is paid, the second partly.
  await page.goto(`/invoices/${first.id}`);
  await expect(page.getByTestId("payment-status").first()).toHaveText("Payée");
  await page.goto(`/invoices/${second.id}`);
  await expect(page.getByTestId("invoice-outstanding")).toHaveText(money("20,00"));

  // Receivables after: 20,00 € left.
  await page.goto("/receivables");
  await expect(page.getByTestId(`aging-row-${name}`)).toContainText(money("20,00"));

  // Export the month as FEC, follow the progress, download the file.
  await page.goto("/accounting-export");
  await page.getByRole("button", { name: "Lancer l'export" }).click();
  await expect(page.getByTestId("export-progress")).toBeVisible();
  const link = page.getByTestId("export-download");
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("export-sha256")).toHaveText(/^[0-9a-f]{64}$/i);
  const downloadPromise = page.waitForEvent("download");
  await link.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^\d{9}FEC\d{8}\.txt$/);
  const content = (await readFile((await download.path())!)).toString("latin1");
  const lines = content.split(/\r?\n/).filter((l) => l.length > 0);
  expect(lines[0]!.split("\t").slice(0, 4)).toEqual(["JournalCode", "JournalLib", "EcritureNum", "EcritureDate"]);
  expect(lines[0]!.split("\t")).toHaveLength(18);
  expect(lines.length).toBeGreaterThan(1);
  // The sales entries of the two invoices and the payment's bank entry are in the file.
  expect(content).toContain(first.number);
  expect(lines.some((l) => l.startsWith("BQ\t"))).toBeTruthy();
});
