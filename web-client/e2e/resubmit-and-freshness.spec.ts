import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Runs against the real API with the demo data. Names carry a timestamp so reruns never collide.
// 1. A form refused by the server, corrected, is accepted on the next submit (a new Idempotency-Key per attempt:
//    the server refuses a key reused with another body).
// 2. Right after an invoice is validated, the payment form of that customer lists it without a reload (the
//    validation refreshes the customer's account through the invalidation map).

async function call<T>(page: Page, path: string, body: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((c) => c.name === "XSRF-TOKEN")?.value ?? "";
  const response = await page.request.fetch(path, {
    method: "POST",
    data: body,
    headers: { "X-XSRF-TOKEN": decodeURIComponent(xsrf), "Idempotency-Key": crypto.randomUUID(), "Content-Type": "application/json" },
  });
  expect(response.ok(), `POST ${path} → ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

/** Moves inside the single-page app without reloading it (what a click on a link does): the query cache stays. */
async function navigateInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState({}, "", to);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** A valid SIREN (Luhn key) built from 8 digits, so each run has its own (SIRENs are unique per company). */
function sirenFrom(eightDigits: string): string {
  const sum = (digits: string) =>
    [...digits].reverse().reduce((acc, d, i) => {
      let n = Number(d);
      if (i % 2 === 1) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      return acc + n;
    }, 0);
  for (let key = 0; key <= 9; key++) {
    if (sum(eightDigits + key) % 10 === 0) return eightDigits + key;
  }
  throw new Error("unreachable");
}

test("a customer refused by the server, then corrected, is created on the next submit", async ({ page }) => {
  const stamp = String(Date.now()).slice(-8);
  const name = `Client corrigé e2e ${stamp}`;
  const valid = sirenFrom(stamp.replace(/^0/, "2"));
  // Nine digits with a wrong Luhn key: only the server knows it is invalid.
  const invalid = valid.slice(0, 8) + String((Number(valid[8]) + 1) % 10);

  await signIn(page);
  await page.goto("/customers/new");
  await page.getByRole("textbox", { name: /^Nom ou raison sociale/ }).fill(name);
  const siren = page.getByRole("textbox", { name: /^SIREN/ });
  await siren.fill(invalid);
  await page.getByRole("button", { name: "Créer" }).click();

  await expect(siren).toHaveAttribute("aria-invalid", "true");
  // The refused field is brought into view and focused.
  await expect(siren).toBeFocused();
  await expect(siren).toBeInViewport();

  await siren.fill(valid);
  await page.getByRole("button", { name: "Créer" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Cette clé d'idempotence a déjà servi")).toHaveCount(0);
});

test("right after an invoice is validated, the customer's payment form lists it without a reload", async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = String(Date.now()).slice(-8);
  const name = `Client paiement frais e2e ${stamp}`;
  await signIn(page);
  const customer = await call<{ id: string }>(page, "/api/v1/customers", {
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
  const line = (description: string, unitPrice: number) => ({
    kind: "Free",
    productId: null,
    description,
    quantity: 1,
    unitCode: "C62",
    unitPrice,
    discountPercent: 0,
    vatRate: 20,
    nature: "Goods",
    vatExemptionReason: null,
  });
  const firstDraft = await call<{ id: string }>(page, "/api/v1/invoices", { customerId: customer.id, lines: [line(`Fourniture A ${stamp}`, 100)] });
  const first = await call<{ id: string; number: string }>(page, `/api/v1/invoices/${firstDraft.id}/validate`, { issueDate: null });
  const second = await call<{ id: string }>(page, "/api/v1/invoices", { customerId: customer.id, lines: [line(`Fourniture B ${stamp}`, 250)] });

  // The payment form reads the customer's open invoices: only the first one so far.
  const paymentForm = `/payments/new?customerId=${customer.id}&customerName=${encodeURIComponent(name)}`;
  await page.goto(paymentForm);
  const table = page.getByRole("table", { name: "Répartition sur les factures ouvertes" });
  await expect(table.getByRole("link", { name: first.number })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);

  // The second invoice is validated in the app…
  await navigateInApp(page, `/invoices/${second.id}`);
  await page.getByRole("button", { name: "Valider", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Valider la facture" });
  await dialog.getByRole("button", { name: "Valider définitivement" }).click();
  await expect(dialog).toBeHidden();
  const heading = page.getByRole("heading", { name: /^Facture / });
  await expect(heading).toBeVisible();
  // the page shows the draft's title until the validated invoice is read back: wait for the number
  await expect(heading).not.toContainText("brouillon");
  const secondNumber = ((await heading.textContent()) ?? "").replace(/^Facture\s+/, "").trim();
  expect(secondNumber).not.toBe("");

  // …and the payment form, reached without reloading the page, lists it with the amount due.
  await navigateInApp(page, paymentForm);
  await expect(table.getByRole("link", { name: secondNumber })).toBeVisible();
  await expect(table.getByRole("link", { name: first.number })).toBeVisible();
});
