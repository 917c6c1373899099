// See README.md. Loads /login in a fresh Chromium context RUNS times, unthrottled then on an emulated slow 3G
// link (Chrome DevTools Protocol Network.emulateNetworkConditions), and prints the bytes transferred for the
// HTML, JavaScript and CSS of the first load and the time until the login form's e-mail field is visible.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [baseUrl, webClient] = process.argv.slice(2);
const runs = Number(process.env.RUNS ?? 3);
const require = createRequire(pathToFileURL(path.join(webClient, "package.json")));
const { chromium } = require("playwright-core");

const slow3g = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const kinds = { Document: "html", Script: "js", Stylesheet: "css" };

async function load(browser, throttle) {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle) await cdp.send("Network.emulateNetworkConditions", throttle);
  const types = new Map();
  const bytes = { html: 0, js: 0, css: 0 };
  const decoded = { html: 0, js: 0, css: 0 };
  const files = { html: 0, js: 0, css: 0 };
  cdp.on("Network.responseReceived", (e) => {
    const kind = kinds[e.type];
    if (kind) types.set(e.requestId, kind);
  });
  cdp.on("Network.dataReceived", (e) => {
    const kind = types.get(e.requestId);
    if (kind) decoded[kind] += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const kind = types.get(e.requestId);
    if (kind) {
      bytes[kind] += e.encodedDataLength;
      files[kind] += 1;
    }
  });
  const t0 = performance.now();
  await page.goto(`${baseUrl}/login`, { waitUntil: "commit", timeout: 300_000 });
  await page.getByLabel("Adresse e-mail").waitFor({ state: "visible", timeout: 300_000 });
  const seconds = (performance.now() - t0) / 1000;
  await page.waitForLoadState("networkidle", { timeout: 300_000 });
  await context.close();
  return { seconds, bytes, decoded, files };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1);

const browser = await chromium.launch({
  executablePath: process.env.KOBAN_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
console.log(`chromium ${browser.version()}, ${runs} runs per profile, ${baseUrl}/login`);
for (const [name, throttle] of [["unthrottled", null], ["slow 3G (400 kbit/s, 400 ms RTT)", slow3g]]) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await load(browser, throttle));
  const last = results.at(-1);
  const total = last.bytes.html + last.bytes.js + last.bytes.css;
  const totalDecoded = last.decoded.html + last.decoded.js + last.decoded.css;
  console.log(
    `${name}: login form visible after ${median(results.map((r) => r.seconds)).toFixed(2)} s median ` +
      `(runs: ${results.map((r) => r.seconds.toFixed(2)).join(", ")})`,
  );
  console.log(
    `  transferred ${kb(total)} KiB (html ${kb(last.bytes.html)}, js ${kb(last.bytes.js)} in ${last.files.js} files, ` +
      `css ${kb(last.bytes.css)} in ${last.files.css} files); uncompressed ${kb(totalDecoded)} KiB`,
  );
}
await browser.close();
