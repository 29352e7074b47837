// Screenshots of how the handoff graph is viewed (issue #13): the sample opened and fitted, a
// selection with the inspector open, a finding's "Why?" opened, and a generated 2,000-element
// graph, at 1280 × 800 and 1600 × 1000, on the fixture backend (ui/dist-fixture).
// Usage: npm run build:fixture && node scripts/screenshot-graph-view.mjs [outDir]
import { join } from "node:path";
import { outDir, startHarness } from "./harness.mjs";

const out = outDir(process.argv[2]);
const h = await startHarness();
const { browser } = h;
const sampleUrl = `${h.base}?backend=fixture&sample=/sample.json#graph`;
const bigUrl = `${h.base}?backend=fixture&big=2000#graph`;

/** What the view shows: its zoom, how many cards, and where the labels went. */
const facts = (page) =>
  page.evaluate(() => {
    const t = document.querySelector(".react-flow__viewport")?.style.transform ?? "";
    const places = {};
    for (const l of document.querySelectorAll("[data-testid=graph-edge-label]"))
      places[l.dataset.place] = (places[l.dataset.place] ?? 0) + 1;
    return {
      transform: t,
      cards: document.querySelectorAll(".react-flow__node:not([style*='visibility: hidden'])").length,
      overview: !!document.querySelector("[data-testid=graph-overview]"),
      labels: places,
    };
  });

try {
  for (const [width, height] of [
    [1280, 800],
    [1600, 1000],
  ]) {
    const tag = `${width}x${height}`;
    const page = await browser.newPage({ viewport: { width, height } });
    h.watch(page, tag);
    await page.goto(sampleUrl);
    await page.waitForSelector("[data-testid=finding]", { timeout: 15000 });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, `${tag}-sample-open.png`) });
    console.log(tag, "open", JSON.stringify(await facts(page)));
    await page.getByTestId("graph-fit").click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, `${tag}-sample-fitted.png`) });
    console.log(tag, "fitted", JSON.stringify(await facts(page)));
    // A selection from search: the card lands beside the inspector.
    await page.getByTestId("graph-search").fill("Onboarding wizard");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(900);
    await page.screenshot({ path: join(out, `${tag}-sample-search.png`) });
    // A finding's subject with the inspector open, then the last finding's Why?.
    const f = page.locator("[data-testid=finding]").first();
    await f.locator(".finding-main").click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: join(out, `${tag}-sample-selection.png`) });
    console.log(tag, "selection", JSON.stringify(await facts(page)));
    const last = page.locator("[data-testid=finding]").last();
    await last.getByTestId("finding-why").click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: join(out, `${tag}-sample-why.png`) });
    const why = await page.evaluate(() => {
      const ev = [...document.querySelectorAll("[data-testid=finding-evidence]")].at(-1);
      const list = document.querySelector("[data-testid=findings-panel]");
      const r = ev.getBoundingClientRect();
      return { bottom: r.bottom, panelBottom: list.getBoundingClientRect().bottom, window: window.innerHeight };
    });
    console.log(tag, "why", JSON.stringify(why));
    await page.close();

    const big = await browser.newPage({ viewport: { width, height } });
    h.watch(big, `${tag}-big`);
    await big.goto(bigUrl);
    await big.waitForSelector("[data-testid=graph-overview], .react-flow__node", { timeout: 60000 });
    await big.waitForTimeout(2500);
    await big.screenshot({ path: join(out, `${tag}-big-open.png`) });
    console.log(tag, "big", JSON.stringify(await facts(big)));
    await big.mouse.click(width / 3, height / 2);
    await big.waitForTimeout(1500);
    await big.screenshot({ path: join(out, `${tag}-big-zoomed-in.png`) });
    console.log(tag, "big zoomed in", JSON.stringify(await facts(big)));
    await big.close();
  }
} finally {
  await h.close();
}
