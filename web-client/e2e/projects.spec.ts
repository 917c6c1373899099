import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// A week of time entered on the timesheet with the keyboard, seen against the project's budget, then invoiced: the
// draft invoice's lines are the hours at the project's rate and the entries become invoiced and locked. The project is
// set up through the API (session cookie + XSRF token) with a timestamped name, so reruns never collide.

async function post<T>(page: Page, path: string, body: unknown): Promise<T> {
  const xsrf = (await page.context().cookies()).find((c) => c.name === "XSRF-TOKEN")?.value ?? "";
  const response = await page.request.post(path, {
    data: body,
    headers: { "X-XSRF-TOKEN": decodeURIComponent(xsrf), "Idempotency-Key": crypto.randomUUID(), "Content-Type": "application/json" },
  });
  expect(response.ok(), `POST ${path} → ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

async function get<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.ok(), `GET ${path} → ${response.status()}`).toBeTruthy();
  return (await response.json()) as T;
}

/** "1 531,00 €" / "33 h" with whatever spaces Intl puts in. */
const spaced = (text: string) => new RegExp(text.replace(/ /g, "\\s?"));

test("a week of time entered on the timesheet, seen against the budget and invoiced", async ({ page }) => {
  await signIn(page);
  const me = await get<{ userId: string }>(page, "/api/v1/auth/me");
  const customers = await get<{ items: { id: string }[] }>(page, "/api/v1/customers?limit=1");
  const name = `Agencement atelier ${Date.now()}`;
  const project = await post<{ id: string }>(page, "/api/v1/projects", {
    name,
    customerId: customers.items[0]!.id,
    budgetHours: 30,
    hourlyRate: 80,
    memberIds: [me.userId],
  });

  // Last week, so that every day typed is before today and "Facturer le temps" (up to today) takes them all.
  await page.goto("/projects");
  await page.getByRole("link", { name: "Feuille de temps" }).click();
  const thisWeek = await page.getByTestId("week-label").textContent();
  await page.getByRole("button", { name: "Semaine précédente" }).click();
  await expect(page.getByTestId("week-label")).not.toHaveText(thisWeek ?? "");

  // The project's row is added from the keyboard; the focus then lands on its Monday.
  const addRow = page.getByPlaceholder("Ajouter un projet");
  await addRow.click();
  await addRow.pressSequentially(name.slice(0, 30));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const row = page.getByTestId("timesheet-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  const monday = row.getByRole("textbox").first();
  await expect(monday).toBeFocused();

  // Monday to Friday: 7 + 7,5 + 6:30 + 8 + 4 = 33 h, three over the 30 h budget.
  await page.keyboard.type("7");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("7,5");
  await page.keyboard.press("Tab");
  await page.keyboard.type("6:30");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("8");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("4");
  await expect(row.getByTestId("row-total")).toHaveText(spaced("33 h"));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Semaine enregistrée.")).toBeVisible();

  // The project: time against budget, and the overrun said in words.
  await page.goto(`/projects/${project.id}`);
  const budget = page.getByTestId("budget-progress");
  await expect(budget).toContainText(spaced("33 h sur 30 h"));
  await expect(budget.getByTestId("over-budget")).toHaveText(spaced("Budget dépassé de 3 h"));
  await expect(page.getByTestId("time-entry")).toHaveCount(5);

  // "Facturer le temps": 33 h × 80,00 € = 2 640,00 € HT on a new draft invoice.
  await page.getByRole("button", { name: "Facturer le temps" }).click();
  const dialog = page.getByRole("dialog", { name: "Facturer le temps" });
  await expect(dialog.getByTestId("invoice-time-summary")).toContainText(spaced("2 640,00 € HT"));
  await dialog.getByRole("button", { name: "Créer les lignes de facture" }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByText(`Projet ${name}`).first()).toBeVisible();
  await expect(page.getByTestId("total-ht")).toHaveText(spaced("2 640,00 €"));

  // Back on the project: the entries are invoiced and locked, nothing is left to invoice.
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByTestId("invoiced-badge")).toHaveCount(5);
  await expect(page.getByTestId("entry-locked")).toHaveCount(5);
  await expect(page.getByRole("button", { name: /Modifier le temps/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Facturer le temps" })).toHaveCount(0);
});
