import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// Issue 11: "no skip link, 19 Tab presses to the invoice editor's first field". With the skip link, four key presses
// (Tab, Enter, Tab to the page's back link, Tab) reach the first field of the invoice editor, past the header and the navigation.
test("the invoice editor's first field is four key presses away, through the skip link", async ({ page }) => {
  await signIn(page);
  await page.goto("/invoices/new");
  const firstField = page.locator("#main-content").locator("input, textarea, select").first();
  await expect(firstField).toBeVisible();

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /Retour aux factures/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(firstField).toBeFocused();
});
