// Screenshots of the built UI (ui/dist) running on the in-memory fixture backend.
// Usage: npm run build && node scripts/screenshot.mjs [outDir]
// Uses Debian's chromium through playwright-core; never downloads a browser.
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { chromium } from "playwright-core";

const here = resolve(import.meta.dirname, "..");
const dist = join(here, "dist");
const out = resolve(process.argv[2] ?? join(here, "screenshots"));
const sample = resolve(here, "../assets/sample/nexusflow.throughline.json");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".woff": "font/woff", ".json": "application/json", ".svg": "image/svg+xml" };

if (!existsSync(join(dist, "index.html"))) throw new Error("ui/dist is missing: run `npm run build` first");
mkdirSync(out, { recursive: true });

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = path === "/sample.json" ? sample : join(dist, path === "/" ? "index.html" : path);
  if (!file.startsWith(dist) && file !== sample) return res.writeHead(403).end();
  if (!existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;
const query = existsSync(sample) ? "?backend=fixture&sample=/sample.json" : "?backend=fixture";
console.log(existsSync(sample) ? "using the shared sample" : "using the built-in NexusFlow fixture");

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const errors = [];
try {
  const shoot = async (name, width, height, url, act) => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on("pageerror", (e) => errors.push(`${name}: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && errors.push(`${name}: ${m.text()}`));
    await page.goto(base + url);
    await page.waitForSelector("[data-testid=save-state], .empty-card", { timeout: 10000 });
    await page.evaluate(() => document.fonts.ready);
    if (act) await act(page);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log("wrote", join(out, `${name}.png`));
    await page.close();
  };
  await shoot("stack-1280x800", 1280, 800, query);
  await shoot("stack-1920x1080", 1920, 1080, query);
  await shoot("selected-1920x1080", 1920, 1080, query, async (page) => {
    await page.locator("[data-testid=card][data-card-id=wizard]").first().click();
    await page.waitForSelector("[data-testid=inspector]");
  });
  await shoot("selected-1280x800", 1280, 800, query, async (page) => {
    await page.locator("[data-testid=card][data-card-id=chatbot]").first().click();
  });
  await shoot("switcher-1280x800", 1280, 800, query, async (page) => {
    await page.getByTestId("workspace-switcher").click();
  });
  await shoot("empty-1280x800", 1280, 800, "?backend=fixture&fixture=empty");
  await shoot("new-workspace-1280x800", 1280, 800, "?backend=fixture&fixture=empty", async (page) => {
    await page.getByTestId("empty-new-workspace").click();
    await page.getByTestId("workspace-name-input").fill("Loyalty relaunch");
    await page.getByTestId("workspace-name-submit").click();
    await page.waitForSelector("[data-testid=add-stage]");
  });
} finally {
  await browser.close();
  server.close();
}
if (errors.length) {
  console.error("page errors:\n" + errors.join("\n"));
  process.exitCode = 1;
}
