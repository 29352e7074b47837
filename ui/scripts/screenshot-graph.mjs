// Screenshots of the handoff graph view (ui/dist-fixture) on the fixture backend with the shared sample.
// Usage: npm run build:fixture && node scripts/screenshot-graph.mjs [outDir]
import { join } from "node:path";
import { outDir, startHarness } from "./harness.mjs";

const out = outDir(process.argv[2]);
const h = await startHarness();
const { browser } = h;
const url = `${h.base}?backend=fixture&sample=/sample.json#graph`;
try {
  const shoot = async (name, width, height, act) => {
    const page = await browser.newPage({ viewport: { width, height } });
    h.watch(page, name);
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
  await h.close();
}
