import { defineConfig } from "@playwright/test";

// Runs against a real Koban API (which serves the built SPA) with the demo data loaded.
// Debian's Chromium is used; never download a browser.
const baseURL = process.env.KOBAN_E2E_URL ?? "http://127.0.0.1:5080";

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Safety nets, not expectations: web-first assertions retry until they hold, so a passing test never waits for these,
  // and a loaded 2-core machine (the API, PostgreSQL and Chromium share it) is many times slower than a quiet one.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  outputDir: "./test-results/e2e-artifacts",
  reporter: [["list"], ["junit", { outputFile: "./test-results/e2e-junit.xml" }]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.KOBAN_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
