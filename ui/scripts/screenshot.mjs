// Screenshots of the built UI (ui/dist-fixture) running on the in-memory fixture backend.
// Usage: npm run build:fixture && node scripts/screenshot.mjs [outDir]
// Uses Debian's chromium through playwright-core; never downloads a browser.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { outDir, sample, startHarness } from "./harness.mjs";

const out = outDir(process.argv[2]);
const h = await startHarness();
const { base, browser } = h;
const query = existsSync(sample) ? "?backend=fixture&sample=/sample.json" : "?backend=fixture";
console.log(existsSync(sample) ? "using the shared sample" : "using the built-in NexusFlow fixture");
try {
  const shoot = async (name, width, height, url, act) => {
    const page = await browser.newPage({ viewport: { width, height } });
    h.watch(page, name);
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
  // The Playbook view's real pages: a playbook rendered by the library, copied into the build.
  const pdf = join(h.dist, "playbook.pdf");
  if (existsSync(pdf)) {
    await shoot("playbook-1280x800", 1280, 800, `${query}&pdf=/playbook.pdf#playbook`, async (page) => {
      await page.waitForSelector("[data-testid=pdf-pages] [data-drawn=yes]", { timeout: 20000 });
    });
  }
  await shoot("empty-1280x800", 1280, 800, "?backend=fixture&fixture=empty");
  await shoot("new-workspace-1280x800", 1280, 800, "?backend=fixture&fixture=empty", async (page) => {
    await page.getByTestId("empty-new-workspace").click();
    await page.getByTestId("workspace-name-input").fill("Loyalty relaunch");
    await page.getByTestId("workspace-name-submit").click();
    await page.waitForSelector("[data-testid=add-stage]");
  });
} finally {
  await h.close();
}
