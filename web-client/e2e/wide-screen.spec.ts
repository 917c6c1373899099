import { expect, test } from "@playwright/test";

// A 1440 px laptop screen: the invoices list shows every status badge whole.
test.use({ viewport: { width: 1440, height: 900 } });

const admin = { email: "admin@demo.koban.fr", password: "Demo-Admin-2026!" };

test("the invoices list shows its badges whole at 1440 px (none cut with an ellipsis)", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(admin.email);
  await page.getByLabel(/^Mot de passe/).fill(admin.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByTestId("company-name")).toContainText("Atelier Koban Démo SAS");

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
