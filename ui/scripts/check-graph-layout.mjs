// Auto-layout of a large generated graph in Chromium: time, responsiveness during it, screenshots.
// Usage: npm run build && node scripts/check-graph-layout.mjs [n=2000] [outDir]
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { chromium } from "playwright-core";

const here = resolve(import.meta.dirname, "..");
const dist = join(here, "dist");
const n = Number(process.argv[2] ?? 2000);
const out = resolve(process.argv[3] ?? join(here, "screenshots"));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".woff": "font/woff", ".json": "application/json", ".svg": "image/svg+xml" };
mkdirSync(out, { recursive: true });
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = join(dist, path === "/" ? "index.html" : path);
  if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/?backend=fixture&big=${n}#graph`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await page.waitForSelector(".react-flow__node", { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.getByTestId("graph-fit").click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, `layout-${n}-before.png`) });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask", buffered: false });
  });
  const t0 = Date.now();
  await page.getByTestId("graph-layout").click();
  const rtts = [];
  let zooms = 0;
  let shotDuring = false;
  for (;;) {
    const a = Date.now();
    const text = await page.evaluate(() => document.querySelector("[data-testid=graph-layout]")?.textContent ?? "");
    rtts.push(Date.now() - a);
    if (!text.includes("Arranging")) break;
    const b = Date.now();
    zooms += await page.evaluate(() => { const z = document.querySelector(".react-flow__controls-zoomin"); if (z instanceof HTMLElement) { z.click(); return 1; } return 0; });
    rtts.push(Date.now() - b);
    if (!shotDuring && Date.now() - t0 > 1500) { await page.screenshot({ path: join(out, `layout-${n}-during.png`) }); shotDuring = true; }
    if (Date.now() - t0 > 300000) throw new Error("layout did not finish in 5 minutes");
    await page.waitForTimeout(200);
  }
  const total = Date.now() - t0;
  await page.waitForTimeout(1500);
  const long = await page.evaluate(() => window.__long);
  const note = await page.locator("[data-testid=graph-layout-note]").textContent().catch(() => null);
  await page.screenshot({ path: join(out, `layout-${n}-after.png`) });
  rtts.sort((x, y) => x - y);
  console.log(JSON.stringify({ n, layoutMs: total, probes: rtts.length, zoomClicksDuring: zooms, rttMedianMs: rtts[rtts.length >> 1], rttMaxMs: rtts.at(-1), longTasksMs: long.map(Math.round), note }));
} finally {
  await browser.close();
  server.close();
}
if (errors.length) { console.error("page errors:\n" + errors.join("\n")); process.exitCode = 1; }
