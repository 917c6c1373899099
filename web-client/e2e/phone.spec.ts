import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// A phone (390 × 844, as an iPhone 14): the header fits, its account actions live in the menu, and the busiest pages
// never get wider than the screen (tables scroll inside their card).
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectInViewport(page: Page, name: string, box: { x: number; y: number; width: number; height: number } | null) {
  expect(box, name).not.toBeNull();
  const viewport = page.viewportSize()!;
  expect(box!.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name} ends on screen`).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height, `${name} is above the fold`).toBeLessThanOrEqual(viewport.height);
}

async function pageWidth(page: Page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

test("on a phone the header collapses into a menu holding the language switch and sign-out", async ({ page }) => {
  await signIn(page);
  const header = page.getByRole("banner");
  await expect(header.getByRole("button", { name: "Ouvrir le menu" })).toBeVisible();
  await expect(header.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);
  await expectInViewport(page, "company name", await page.getByTestId("company-name").boundingBox());
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);

  await header.getByRole("button", { name: "Ouvrir le menu" }).click();
  const signOut = page.getByRole("button", { name: "Se déconnecter" });
  await expect(signOut).toBeInViewport({ ratio: 1 });
  const english = page.getByText("EN", { exact: true });
  await expect(english).toBeInViewport({ ratio: 1 });
  await expectInViewport(page, "Se déconnecter", await signOut.boundingBox());
  await expectInViewport(page, "FR/EN", await english.boundingBox());

  await english.click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByText("FR", { exact: true }).click();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Adresse e-mail")).toBeVisible();
});

test("on a phone the orders, invoices, receivables and accounting pages fit the screen; tables scroll in their card", async ({ page }) => {
  await signIn(page);
  for (const [path, ready] of [
    ["/orders", page.getByRole("heading", { name: "Commandes", exact: true })],
    ["/invoices", page.getByRole("heading", { name: "Factures", exact: true })],
    ["/receivables", page.getByTestId("aging-total")],
    ["/accounting-export", page.getByRole("heading", { level: 2 }).first()],
  ] as const) {
    await page.goto(path);
    await expect(ready).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await pageWidth(page), `${path} is no wider than the phone`).toBeLessThanOrEqual(390);
  }

  await page.goto("/orders");
  const table = page.getByRole("table").first();
  await expect(table).toBeVisible();
  // The nearest ancestor that scrolls sideways holds the table: it fits the screen, the table inside is wider.
  const scroll = await table.evaluate((t) => {
    let box = t.parentElement;
    while (box && !(box.scrollWidth > box.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(box).overflowX))) box = box.parentElement;
    return box ? { right: box.getBoundingClientRect().right, inner: box.scrollWidth, outer: box.clientWidth } : null;
  });
  expect(scroll, "the table scrolls inside a container").not.toBeNull();
  expect(scroll!.right).toBeLessThanOrEqual(390);
  expect(scroll!.inner, "the table keeps its width and scrolls inside its card").toBeGreaterThan(scroll!.outer);
  await page.goto(await page.getByRole("link", { name: /^CO-/ }).first().getAttribute("href").then((h) => h!));
  await expect(page.getByTestId("order-title")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await pageWidth(page), "an order is no wider than the phone").toBeLessThanOrEqual(390);
});
