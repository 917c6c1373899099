import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// Runs against the real API with the demo data: the demo company's templates have an accent colour, a footer and terms.

test("the template settings show a live PDF preview rendered by the server", async ({ page }) => {
  // The preview is a blob: document in a frame: the content security policy must let it load (no violation, the
  // frame really shows the blob, not Chromium's "blocked" error page).
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await signIn(page);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Paramètres" }).click();
  await page.getByRole("tab", { name: "Modèles de documents" }).click();

  const form = page.getByRole("form", { name: "Modèle : Facture" });
  await expect(form.getByLabel("Couleur principale")).toHaveValue("#7A1F3D");
  await expect(form.getByLabel("Texte de pied de page")).toHaveValue(/Atelier Koban Démo/);

  const previews: number[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/api/v1/document-templates/Invoice/preview") && r.request().method() === "POST") previews.push(r.status());
  });
  const preview = page.getByTitle("Aperçu");
  await expect(preview).toHaveAttribute("src", /^blob:/);
  const first = await preview.getAttribute("src");
  await expect.poll(() => page.frames().some((f) => f.url() === first)).toBe(true);
  expect(violations).toEqual([]);

  await form.getByLabel("Texte d'en-tête").fill("Merci de votre visite à l'atelier");
  await expect(preview).not.toHaveAttribute("src", first!);
  expect(previews.every((s) => s === 200)).toBe(true);
});

test("a quote's PDF button serves the PDF with its number", async ({ page }) => {
  await signIn(page);
  await page.goto("/quotes");
  await page.getByRole("link", { name: /^DE-/ }).first().click();
  // A numbered quote has the same PDF buttons as an invoice; "Voir le PDF" opens it in a new tab.
  const served = page.waitForResponse((r) => /\/api\/v1\/quotes\/[0-9a-f-]+\/pdf$/.test(r.url()));
  const popup = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Voir le PDF" }).click();
  const pdf = await served;
  await (await popup).close();
  expect(pdf.status()).toBe(200);

  const response = await page.request.get(pdf.url());
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/inline; filename=.*Devis/);
  expect(decodeURIComponent(response.headers()["content-disposition"] ?? "")).not.toContain("aperçu");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
});
