import { type Page, expect } from "@playwright/test";

/** The demo company's users (seeded by the API with Koban__Demo__Seed=true; see the README's demo logins). */
export const demoUsers = {
  admin: { email: "admin@demo.koban.fr", password: "Demo-Admin-2026!" },
  accountant: { email: "accountant@demo.koban.fr", password: "Demo-Compta-2026!" },
  viewer: { email: "viewer@demo.koban.fr", password: "Demo-Viewer-2026!" },
};

/** Signs in through the login form and waits for the application frame of the demo company. */
export async function signIn(page: Page, who: { email: string; password: string } = demoUsers.admin) {
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(who.email);
  await page.getByLabel(/^Mot de passe/).fill(who.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByTestId("company-name")).toContainText("Atelier Koban Démo SAS");
}
