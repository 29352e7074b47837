// Screenshots of the Assess view and its presenter mode on the fixture backend.
// Usage: npm run build:fixture && node scripts/screenshot-assess.mjs [outDir]
// Uses Debian's chromium through playwright-core; never downloads a browser.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { here, outDir, sample, startHarness } from "./harness.mjs";

const out = outDir(process.argv[2]);
const h = await startHarness({ dist: process.env.ASSESS_DIST ?? join(here, "dist") });
const { base, browser } = h;
const query = existsSync(sample) ? "?backend=fixture&sample=/sample.json#assess" : "?backend=fixture#assess";
try {
  const shoot = async (name, width, height, url, act, full = false) => {
    const page = await browser.newPage({ viewport: { width, height } });
    h.watch(page, name);
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
    await page.evaluate(() => {
      window.location.hash = "#assess";
    });
    await page.waitForSelector("[data-testid=assess-empty]");
  });
} finally {
  await h.close();
}
