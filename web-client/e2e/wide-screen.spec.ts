import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// A 1440 px laptop screen: the invoices list shows every status badge whole.
test.use({ viewport: { width: 1440, height: 900 } });

test("the invoices list shows its badges whole at 1440 px (none cut with an ellipsis)", async ({ page }) => {
  await signIn(page);

  await page.goto("/invoices");
  const table = page.getByRole("table", { name: "Factures" });
  await expect(table).toBeVisible();
  const labels = table.locator(".mantine-Badge-label");
  await expect(labels.first()).toBeVisible();
  const cut = await labels.evaluateAll((elements) =>
    elements.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ""),
  );
  expect(cut).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
});
