import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Runs against the real API with the demo data. Names carry a timestamp so reruns never collide.

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

function nav(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name });
}

test("an admin creates a product and a business customer with a contact, finds it, then archives it", async ({ page }) => {
  const stamp = String(Date.now()).slice(-8);
  const productCode = `E2E-${stamp}`;
  const productName = `Prestation e2e ${stamp}`;
  const customerName = `Client e2e ${stamp}`;
  const siren = sirenFrom(stamp.replace(/^0/, "1"));

  await signIn(page);

  // Product
  await nav(page, "Produits").click();
  await page.getByRole("button", { name: "Nouveau produit" }).first().click();
  await page.getByLabel(/^Code/).fill(productCode);
  await page.getByLabel(/^Désignation/).fill(productName);
  await page.getByLabel(/^Prix unitaire HT/).fill("65,5");
  await page.getByRole("button", { name: "Créer" }).click();
  await expect(page.getByRole("heading", { name: productName })).toBeVisible();
  await expect(page.getByLabel(/^Prix unitaire HT/)).toHaveValue("65,5 €");

  // Customer with its first contact
  await nav(page, "Clients").click();
  await page.getByRole("button", { name: "Nouveau client" }).first().click();
  await page.getByLabel(/^Nom ou raison sociale/).fill(customerName);
  await page.getByLabel(/^SIREN/).fill(siren);
  await page.getByLabel("Adresse", { exact: true }).first().fill("8 quai Saint-Vincent");
  await page.getByLabel("Code postal", { exact: true }).first().fill("69001");
  await page.getByLabel("Ville", { exact: true }).first().fill("Lyon");
  await page.getByLabel("Prénom").fill("Claire");
  await page.getByLabel("Nom", { exact: true }).fill(`Durand ${stamp}`);
  await page.getByLabel("E-mail").fill(`claire.${stamp}@example.fr`);
  await page.getByRole("button", { name: "Créer" }).click();

  await expect(page.getByRole("heading", { name: customerName })).toBeVisible();
  const contacts = page.getByRole("table", { name: "Contacts" });
  await expect(contacts.getByRole("row", { name: /Claire Durand/ })).toContainText("Contact facturation");

  // Found in the list by a search on the contact's e-mail
  await page.getByRole("link", { name: /Tous les clients/ }).click();
  await page.getByRole("textbox", { name: /^Rechercher/ }).fill(`claire.${stamp}`);
  const list = page.getByRole("table", { name: "Clients" });
  await expect(list.getByRole("row")).toHaveCount(2);
  await expect(list).toContainText(customerName);
  await expect(list).toContainText(siren);

  // Archive it
  await list.getByText(customerName).click();
  await page.getByRole("button", { name: "Archiver" }).click();
  await expect(page.getByText("Client archivé.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Désarchiver" })).toBeVisible();

  // It leaves the default list.
  await page.getByRole("link", { name: /Tous les clients/ }).click();
  await page.getByRole("textbox", { name: /^Rechercher/ }).fill(customerName);
  await expect(page.getByText("Aucun client ne correspond à ces critères.")).toBeVisible();
});
