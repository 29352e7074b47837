// Screenshots of the handoff graph view (ui/dist) on the fixture backend with the shared sample.
// Usage: npm run build && node scripts/screenshot-graph.mjs [outDir]
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
const url = `http://127.0.0.1:${server.address().port}/?backend=fixture&sample=/sample.json#graph`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
const errors = [];
try {
  const shoot = async (name, width, height, act) => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on("pageerror", (e) => errors.push(`${name}: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && errors.push(`${name}: ${m.text()}`));
    await page.goto(url);
    await page.waitForSelector("[data-testid=finding]", { timeout: 15000 });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(1200);
    if (act) await act(page);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log("wrote", join(out, `${name}.png`));
    await page.close();
  };
  await shoot("graph-1280x800", 1280, 800);
  await shoot("graph-1920x1080", 1920, 1080);
  await shoot("graph-why-1920x1080", 1920, 1080, async (page) => {
    const f = page.locator("[data-testid=finding][data-code=conflicting-claim]").first();
    await f.locator(".finding-main").click();
    await f.getByTestId("finding-why").click();
    await page.waitForTimeout(600);
  });
  await shoot("graph-waive-1280x800", 1280, 800, async (page) => {
    const f = page.locator("[data-testid=finding][data-code=unowned-handoff]").first();
    await f.getByTestId("finding-waive").click();
    await page.getByTestId("waive-reason-input").fill("Product and Support agreed release notes go through the weekly sync");
    await page.getByTestId("waive-submit").click();
    await page.waitForSelector("[data-testid=finding][data-code=unowned-handoff][data-waived=true]");
  });
} finally {
  await browser.close();
  server.close();
}
if (errors.length) { console.error("page errors:\n" + errors.join("\n")); process.exitCode = 1; }
