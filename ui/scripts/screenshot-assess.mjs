// Screenshots of the Assess view and its presenter mode on the fixture backend.
// Usage: npm run build && node scripts/screenshot-assess.mjs [outDir]
// Uses Debian's chromium through playwright-core; never downloads a browser.
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { chromium } from "playwright-core";

const here = resolve(import.meta.dirname, "..");
const dist = resolve(process.env.ASSESS_DIST ?? join(here, "dist"));
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
const query = existsSync(sample) ? "?backend=fixture&sample=/sample.json#assess" : "?backend=fixture#assess";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const errors = [];
try {
  const shoot = async (name, width, height, url, act, full = false) => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on("pageerror", (e) => errors.push(`${name}: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && errors.push(`${name}: ${m.text()}`));
    await page.goto(base + url);
    await page.waitForSelector("[data-testid=save-state], .empty-card", { timeout: 10000 });
    await page.evaluate(() => document.fonts.ready);
    if (act) await act(page);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: full });
    console.log("wrote", join(out, `${name}.png`));
    await page.close();
  };
  const ready = (page) => page.waitForSelector("[data-testid=readiness-total]", { timeout: 10000 });
  const present = async (page) => {
    await ready(page);
    await page.getByTestId("presenter-toggle").click();
    await page.waitForSelector("[data-testid=presenter]");
  };
  await shoot("assess-1280x800", 1280, 800, query, ready);
  await shoot("assess-1920x1080", 1920, 1080, query, ready);
  const scrollTo = (selector) => async (page) => {
    await ready(page);
    await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: "start" }), selector);
  };
  await shoot("assess-results-1280x800", 1280, 800, query, scrollTo(".assess-results"));
  await shoot("assess-bottom-1280x800", 1280, 800, query, scrollTo(".assess-bottom"));
  await shoot("assess-bottom-1920x1080", 1920, 1080, query, scrollTo(".assess-bottom"));
  await shoot("presenter-1280x800", 1280, 800, query, present);
  await shoot("presenter-1920x1080", 1920, 1080, query, present);
  await shoot("assess-typing-1280x800", 1280, 800, query, async (page) => {
    await ready(page);
    await page.locator("[data-testid=score-cell][data-dimension=data]").first().click();
    await page.keyboard.press("8");
  });
  await shoot("assess-empty-1280x800", 1280, 800, "?backend=fixture&fixture=empty", async (page) => {
    await page.getByTestId("empty-new-workspace").click();
    await page.getByTestId("workspace-name-input").fill("Loyalty relaunch");
    await page.getByTestId("workspace-name-submit").click();
    await page.evaluate(() => { window.location.hash = "#assess"; });
    await page.waitForSelector("[data-testid=assess-empty]");
  });
} finally {
  await browser.close();
  server.close();
}
if (errors.length) {
  console.error("page errors:\n" + errors.join("\n"));
  process.exitCode = 1;
}
