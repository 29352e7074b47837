// Auto-layout of a large generated graph in Chromium: time, responsiveness during it, screenshots.
// Usage: npm run build:fixture && node scripts/check-graph-layout.mjs [n=2000] [outDir]
import { join } from "node:path";
import { outDir, startHarness } from "./harness.mjs";

const n = Number(process.argv[2] ?? 2000);
const out = outDir(process.argv[3]);
const h = await startHarness();
const { browser } = h;
const url = `${h.base}?backend=fixture&big=${n}#graph`;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  h.watch(page, "layout");
  await page.goto(url);
  await page.waitForSelector(".react-flow__node", { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.getByTestId("graph-fit").click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, `layout-${n}-before.png`) });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
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
    zooms += await page.evaluate(() => {
      const z = document.querySelector(".react-flow__controls-zoomin");
      if (z instanceof HTMLElement) {
        z.click();
        return 1;
      }
      return 0;
    });
    rtts.push(Date.now() - b);
    if (!shotDuring && Date.now() - t0 > 1500) {
      await page.screenshot({ path: join(out, `layout-${n}-during.png`) });
      shotDuring = true;
    }
    if (Date.now() - t0 > 300000) throw new Error("layout did not finish in 5 minutes");
    await page.waitForTimeout(200);
  }
  const total = Date.now() - t0;
  await page.waitForTimeout(1500);
  const long = await page.evaluate(() => window.__long);
  const note = await page
    .locator("[data-testid=graph-layout-note]")
    .textContent()
    .catch(() => null);
  await page.screenshot({ path: join(out, `layout-${n}-after.png`) });
  rtts.sort((x, y) => x - y);
  console.log(
    JSON.stringify({
      n,
      layoutMs: total,
      probes: rtts.length,
      zoomClicksDuring: zooms,
      rttMedianMs: rtts[rtts.length >> 1],
      rttMaxMs: rtts.at(-1),
      longTasksMs: long.map(Math.round),
      note,
    }),
  );
} finally {
  await h.close();
}
