import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./sign-in";

// Runs against the real API with the demo data (see README: demo logins).
const admin = demoUsers.admin;
const viewer = demoUsers.viewer;

async function openCompanyProfile(page: Page) {
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Paramètres" }).click();
  await page.getByRole("tab", { name: "Profil de l'entreprise" }).click();
  await expect(page.getByLabel("Raison sociale")).toHaveValue(/Atelier Koban/);
}

test("an admin changes the RCS city and the share capital, and they persist", async ({ page }) => {
  await signIn(page, admin);
  await openCompanyProfile(page);

  const stamp = Date.now() % 100000;
  const city = `Lyon ${stamp}`;
  const capital = 10000 + (stamp % 1000) + 0.5; // two decimals on purpose

  await page.getByLabel("Ville du RCS").fill(city);
  const capitalInput = page.getByLabel("Capital social");
  await capitalInput.fill(String(capital).replace(".", ","));
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Profil enregistré")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Ville du RCS")).toHaveValue(city);
  const expected = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(capital);
  await expect(page.getByLabel("Capital social")).toHaveValue(`${expected} €`);
});

test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
  // Not a demo account: five wrong passwords lock an account for 15 minutes, and reruns would lock the admin.
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill("e2e-nobody@demo.koban.fr");
  await page.getByLabel(/^Mot de passe/).fill("not-the-password");
  await page.getByRole("button", { name: "Se connecter" }).click();

  await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("a viewer sees the company profile read-only", async ({ page }) => {
  await signIn(page, viewer);
  await openCompanyProfile(page);

  await expect(page.getByTestId("read-only-notice")).toBeVisible();
  await expect(page.getByRole("button", { name: "Enregistrer" })).toBeDisabled();
  await expect(page.getByLabel("Ville du RCS")).toBeDisabled();
});
