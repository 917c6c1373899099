import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Runs against the real API with the demo data: the customer, product and validated order are set up through the
// API (session cookie + XSRF token), the invoicing itself goes through the UI. Names carry a timestamp so reruns
// never collide. Not covered yet: the PDF and "Envoyer" buttons (their endpoints are not in this branch's API).

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

/** "1 531,00 €" with whatever spaces Intl puts in. */
const money = (text: string) => new RegExp(`^${text.replace(/ /g, "\\s?")}\\s€$`);

/** A choice of a Mantine SegmentedControl: its radio input is visually hidden, its label takes the click. */
async function pick(page: Page, label: string) {
  await page.locator("label", { hasText: new RegExp(`^${label}$`) }).click();
  await expect(page.getByRole("radio", { name: label })).toBeChecked();
}

/** "2026-12-06" → "06/12/2026", and the label Mantine gives that day's button ("6 décembre 2026"). */
const shown = (iso: string) => iso.split("-").reverse().join("/");
const dayLabel = (iso: string) => new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The date picker offers exactly the server's range: from the month it opens on (today's) back to the month of the
 * earliest date, the day before that date is disabled (or, on the 1st, the month before cannot be shown). */
async function expectServerDateRange(page: Page, dialog: ReturnType<Page["getByRole"]>, documentType: "Invoice" | "CreditNote") {
  const range = (await (await page.request.get(`/api/v1/numbering/${documentType}/issue-date-range`)).json()) as { earliest: string; latest: string };
  await expect(dialog.getByTestId("issue-date-range")).toContainText(`Au plus tôt le ${shown(range.earliest)}`);
  await dialog.getByRole("button", { name: /Date du document/ }).click();
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  const previous = page.locator("[data-dates-dropdown] button[data-direction='previous']");
  for (let i = month(range.earliest); i < month(range.latest); i++) await previous.click();
  await expect(page.getByRole("button", { name: dayLabel(range.earliest), exact: true })).toBeEnabled();
  const before = dayBefore(range.earliest);
  if (month(before) === month(range.earliest)) await expect(page.getByRole("button", { name: dayLabel(before), exact: true })).toBeDisabled();
  else await expect(previous).toBeDisabled();
  await dialog.getByText("Confirmez-vous la validation ?").click(); // closes the calendar, no date chosen: today
  await expect(page.locator("[data-dates-dropdown]")).toBeHidden();
}

async function validateDocument(page: Page, dialogName: string) {
  await page.getByRole("button", { name: "Valider", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: dialogName });
  await expect(dialog.getByTestId("irreversible-warning")).toContainText("Cette opération est irréversible");
  await expect(dialog).toContainText(dialogName.includes("facture") ? "uniquement par un avoir" : "ni modifié ni supprimé");
  await expectServerDateRange(page, dialog, dialogName.includes("facture") ? "Invoice" : "CreditNote");
  await dialog.getByRole("button", { name: "Valider définitivement" }).click();
  await expect(dialog).toBeHidden();
}

test("validated order → 30 % deposit → balance deducting it → partial correction credit note, each validated with its number", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = String(Date.now()).slice(-8);
  await signIn(page);
  const request = page.request;

  const customer = await call<{ id: string }>(page, request, "POST", "/api/v1/customers", {
    kind: "Individual",
    name: `Client facturation e2e ${stamp}`,
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
    contacts: [{ firstName: "Claire", lastName: "Facturation", email: `compta.${stamp}@e2e.koban.test`, isBilling: true }],
  });
  const product = await call<{ id: string }>(page, request, "POST", "/api/v1/products", {
    code: `FAC-${stamp}`,
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
  const line = { nature: null, vatExemptionReason: null, discountPercent: null, unitCode: null };
  const order = await call<{ id: string }>(page, request, "POST", "/api/v1/orders", {
    customerId: customer.id,
    lines: [
      { ...line, kind: "Product", productId: product.id, description: null, quantity: 12, unitPrice: null, vatRate: null },
      { ...line, kind: "Free", productId: null, description: `Étagère chêne ${stamp}`, quantity: 2, unitCode: "C62", unitPrice: 375.5, vatRate: 20 },
    ],
  });
  await call(page, request, "POST", `/api/v1/orders/${order.id}/validate`);
  // 12 × 65 + 2 × 375,50 = 1 531,00 € HT, 306,20 € VAT, 1 837,20 € TTC.

  // 1. Deposit of 30 % from the order page: the server's preview, then the draft, then validation.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId("left-to-invoice")).toHaveText(money("1 531,00"));
  await page.getByRole("link", { name: "Facturer" }).click();
  await expect(page).toHaveURL(new RegExp(`/invoices/new\\?orderId=${order.id}$`));
  await pick(page, "Acompte");
  await page.getByLabel("Pourcentage de la commande").fill("30");
  await expect(page.getByTestId("total-ht")).toHaveText(money("459,30"));
  await expect(page.getByTestId("total-ttc")).toHaveText(money("551,16"));
  await page.getByRole("button", { name: "Créer la facture (brouillon)" }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("invoice-title")).toHaveText("Facture d'acompte (brouillon)");
  await validateDocument(page, "Valider la facture");
  await expect(page.getByTestId("invoice-title")).toHaveText(/^Facture d'acompte \S+\d$/);
  const depositNumber = (await page.getByTestId("invoice-number").textContent())!;
  const depositId = page.url().split("/").pop()!;
  expect(depositNumber).not.toBe("Brouillon");
  await expect(page.getByTestId("fingerprint")).not.toBeEmpty();
  await expect(page.getByTestId("snapshot-buyer")).toContainText(`Client facturation e2e ${stamp}`);

  // 2. Balance: everything left, the deposit deducted at its exact VAT.
  await page.getByRole("link", { name: /^Commande \S+$/ }).first().click();
  await expect(page.getByTestId("left-to-invoice")).toHaveText(money("1 071,70"));
  await page.getByRole("link", { name: "Facturer" }).click();
  await pick(page, "Solde");
  await expect(page.getByTestId("deduction-line")).toContainText(depositNumber);
  await expect(page.getByTestId("total-ht")).toHaveText(money("1 071,70"));
  await expect(page.getByTestId("total-ttc")).toHaveText(money("1 286,04"));
  await page.getByRole("button", { name: "Créer la facture (brouillon)" }).click();
  await expect(page.getByTestId("invoice-title")).toHaveText("Facture (brouillon)");
  await validateDocument(page, "Valider la facture");
  await expect(page.getByTestId("invoice-title")).toHaveText(/^Facture \S+\d$/);
  const balanceNumber = (await page.getByTestId("invoice-number").textContent())!;
  expect(balanceNumber).not.toBe(depositNumber);
  await expect(page.getByTestId("amount-due")).toHaveText(money("1 286,04"));
  const balanceId = page.url().split("/").pop()!;

  // Both PDFs are downloadable: the archived bytes, named after the number.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Télécharger le PDF" }).click();
  expect((await download).suggestedFilename()).toContain(balanceNumber);
  for (const id of [depositId, balanceId]) {
    const pdf = await page.request.get(`/api/v1/invoices/${id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  }

  // Send the balance to the billing contact: the e-mail is queued in the outbox with the PDF.
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Envoyer par e-mail" });
  await expect(dialog).toContainText(`compta.${stamp}@e2e.koban.test`);
  await dialog.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.getByText("Document envoyé.")).toBeVisible();
  await expect(page.getByTestId("document-email").first()).toContainText(`compta.${stamp}@e2e.koban.test`);
  const emails = (await (await page.request.get(`/api/v1/invoices/${balanceId}/emails`)).json()) as { to: string[]; attachments: string[] }[];
  expect(emails).toHaveLength(1);
  expect(emails[0].to).toEqual([`compta.${stamp}@e2e.koban.test`]);
  expect(emails[0].attachments[0]).toContain(balanceNumber);

  // 3. Credit one shelf of the balance (line 2, quantity 1) as a correction.
  await page.getByRole("link", { name: "Créer un avoir" }).click();
  await expect(page.getByTestId("corrected-invoice")).toContainText(balanceNumber);
  await pick(page, "Des lignes");
  await page.getByLabel("Quantité à créditer de la ligne 2").fill("1");
  await expect(page.getByTestId("reason-effect")).toContainText("Seule une correction rend du reste à facturer");
  await page.getByLabel("Explication (imprimée sur l'avoir)").fill("Une étagère livrée en moins");
  await page.getByRole("button", { name: "Créer l'avoir (brouillon)" }).click();
  await expect(page).toHaveURL(/\/credit-notes\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("credit-note-title")).toHaveText("Avoir (brouillon)");
  await expect(page.getByTestId("total-ht")).toHaveText(money("375,50"));
  await expect(page.getByTestId("total-ttc")).toHaveText(money("450,60"));
  await validateDocument(page, "Valider l'avoir");
  await expect(page.getByTestId("credit-note-title")).toHaveText(/^Avoir \S+\d$/);
  await expect(page.getByTestId("applied-to-invoice")).toHaveText(money("450,60"));

  // The balance now owes the difference; the correction gave the order back one shelf to invoice.
  await page.getByTestId("corrected-invoice-link").click();
  await expect(page.getByTestId("amount-due")).toHaveText(money("835,44"));
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId("left-to-invoice")).toHaveText(money("375,50"));

  // Both invoices are in the list with their numbers; the chain is intact.
  await page.goto("/invoices");
  await page.getByLabel("Rechercher (numéro, commande, client)").fill(`Client facturation e2e ${stamp}`);
  await expect(page.getByRole("link", { name: depositNumber })).toBeVisible();
  await expect(page.getByRole("link", { name: balanceNumber })).toBeVisible();
  await page.goto("/settings/compliance");
  await expect(page.getByTestId("chain-status")).toContainText("Chaîne intacte");
});
