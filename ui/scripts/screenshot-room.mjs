// Screenshots for the room at 1280x800 on the fixture backend: the first-launch name prompt,
// the "New workspace" template picker, and Assess with six raters (long names).
// Usage: npm run build:fixture && node scripts/screenshot-room.mjs [outDir]
import { existsSync } from "node:fs";
import { join } from "node:path";
import { outDir, sample, startHarness } from "./harness.mjs";

const out = outDir(process.argv[2]);
const h = await startHarness();
const { base, browser } = h;
const withSample = existsSync(sample) ? "&sample=/sample.json" : "";
try {
  const shoot = async (name, url, act) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    h.watch(page, name);
    await page.goto(base + url);
    await page.waitForSelector("[data-testid=workspace-switcher]", { timeout: 10000 });
    await page.evaluate(() => document.fonts.ready);
    if (act) await act(page);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log("wrote", join(out, `${name}.png`));
    await page.close();
  };
  await shoot("room-first-run-1280x800", `?backend=fixture&unnamed=1${withSample}`, (page) =>
    page.waitForSelector("[data-testid=first-run-name]"),
  );
  await shoot("room-templates-1280x800", `?backend=fixture${withSample}`, async (page) => {
    await page.getByTestId("workspace-switcher").click();
    await page.getByTestId("new-workspace").click();
    await page.waitForSelector("[data-testid=template-option]");
    await page.locator("[data-template=rising-intent]").click();
  });
  await shoot("room-templates-empty-library-1280x800", "?backend=fixture&fixture=empty", async (page) => {
    await page.getByTestId("empty-new-workspace").click();
    await page.waitForSelector("[data-testid=template-option]");
  });
  const sixRaters = `?backend=fixture&raters=6${withSample}#assess`;
  await shoot("room-assess-6-raters-1280x800", sixRaters, (page) => page.waitForSelector("[data-testid=readiness-total]"));
  await shoot("room-assess-6-raters-grid-1280x800", sixRaters, async (page) => {
    await page.waitForSelector("[data-testid=readiness-total]");
    await page.evaluate(() => document.querySelector(".room-row")?.scrollIntoView({ block: "center" }));
  });
  await shoot("room-assess-layers-1280x800", sixRaters, async (page) => {
    await page.waitForSelector("[data-testid=readiness-total]");
    await page.evaluate(() => document.querySelector(".assess-bottom")?.scrollIntoView({ block: "start" }));
  });
  await shoot("room-presenter-anonymous-1280x800", sixRaters, async (page) => {
    await page.waitForSelector("[data-testid=readiness-total]");
    await page.getByTestId("presenter-toggle").click();
    await page.getByTestId("presenter-anonymous").check();
  });
  await shoot("room-empty-audit-1280x800", "?backend=fixture&fixture=empty", async (page) => {
    await page.getByTestId("empty-new-workspace").click();
    await page.getByTestId("workspace-name-input").fill("Fresh start");
    await page.getByTestId("workspace-name-submit").click();
    await page.evaluate(() => {
      window.location.hash = "#graph";
    });
    await page.waitForSelector("[data-testid=findings-panel]");
  });
} finally {
  await h.close();
}
