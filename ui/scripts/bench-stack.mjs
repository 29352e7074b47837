// Measures the Coherence Stack with a large generated workspace, in Debian's chromium through
// playwright-core, on the built UI and its in-memory fixture backend (ui/dist-fixture).
//
// Usage: npm run build:fixture && node scripts/bench-stack.mjs [ELEMENTS=2000] [DIST...]
//
// Generates a workspace (touchpoints over eight stages and six channels, systems, rules,
// teams, people and partners, as the Rust generator mixes them), opens it at 1280 x 800 and
// prints, per build given (default: dist-fixture; give an older build first to compare before
// and after in one run): how long the stack takes to show, how tall the board is, how many
// cards are in the page, frame intervals while the board scrolls down and up every frame,
// the main thread's work per frame (chromium's counters), and how long a keystroke in the stack's search takes to reach the screen. It asserts
// nothing: it is a benchmark to read.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { here, startHarness } from "./harness.mjs";

const n = Number(process.argv[2] ?? 2000);
const dists = process.argv.slice(3).map((d) => resolve(d));
if (dists.length === 0) dists.push(join(here, "dist-fixture"));

/** A workspace of `n` elements in clusters of 100 (kinds in the Rust generator's proportions). */
function generate(n) {
  const stages = Array.from({ length: 8 }, (_, s) => ({ id: `s${s}`, name: `Stage ${s}`, emotion: 0, moment: "" }));
  const channels = ["web", "email", "app", "chat", "phone", "store"];
  const kindAt = (k) => (k < 50 ? "touchpoint" : k < 60 ? "system" : k < 65 ? "rule" : k < 80 ? "team" : k < 90 ? "person" : "partner");
  const elements = Array.from({ length: n }, (_, i) => {
    const kind = kindAt(i % 100);
    const cluster = Math.floor(i / 100);
    const e = { id: `e${i}`, kind, name: `Element ${i}` };
    if (kind === "touchpoint") {
      e.channel = channels[i % channels.length];
      const s = (i * 7) % 8;
      e.stages = [`s${s}`, ...(i % 5 === 0 && s < 7 ? [`s${s + 1}`] : [])];
      e.team = `e${cluster * 100 + 65 + (i % 15)}`;
      if (i % 9 === 0) e.description = "Sends the customer the next step, with the context the last step gathered.";
    } else if (kind === "system") {
      e.capability = "data";
      if (i % 3) e.stages = [`s${i % 8}`];
    }
    return e;
  });
  return {
    format: "throughline",
    version: 2,
    workspace: { name: `Generated ${n}`, vision: "A journey at scale." },
    stages,
    elements,
    handoffs: [],
  };
}

// Scrolls the board by a step every frame (down, then back up) for `ms` and reports the
// frame intervals the window achieved.
const FRAMES = async (ms) => {
  const board = document.querySelector(".board-scroll");
  const stamps = [];
  const handlers = [];
  let step = 60;
  const t0 = performance.now();
  await new Promise((done) => {
    const tick = (t) => {
      stamps.push(t);
      const s = performance.now();
      if (board.scrollTop + board.clientHeight >= board.scrollHeight - 1) step = -Math.abs(step);
      if (board.scrollTop <= 0) step = Math.abs(step);
      board.scrollTop += step; // the browser sends the scroll event itself, as for a wheel
      handlers.push(performance.now() - s);
      if (t - t0 < ms) requestAnimationFrame(tick);
      else done();
    };
    requestAnimationFrame(tick);
  });
  const gaps = stamps
    .slice(1)
    .map((s, k) => s - stamps[k])
    .sort((a, b) => a - b);
  const q = (p) => Math.round(gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))]);
  return {
    frames: gaps.length,
    fps: Math.round((1000 * gaps.length) / (stamps.at(-1) - stamps[0])),
    medianMs: q(0.5),
    p95Ms: q(0.95),
    maxMs: Math.round(gaps.at(-1)),
    scriptMedianMs: Math.round(handlers.sort((a, b) => a - b)[handlers.length >> 1]),
    scrolledPx: Math.round(board.scrollTop),
    cardsInDom: document.querySelectorAll("[data-testid=card]").length,
  };
};

// Types one character into the stack's search and reports how long until the frame after it.
const TYPE = async (ch) => {
  const input = document.querySelector("[data-testid=stack-search]");
  if (!input) return null;
  input.focus();
  const t0 = performance.now();
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  set.call(input, input.value + ch);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame((t) => r(t - t0))));
};

const doc = generate(n);
const results = [];
for (const dist of dists) {
  writeFileSync(join(dist, "bench-stack.json"), JSON.stringify(doc));
  const h = await startHarness({ dist });
  try {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    h.watch(page, dist);
    const t0 = Date.now();
    await page.goto(`${h.base}?backend=fixture&sample=/bench-stack.json`);
    await page.waitForSelector("[data-testid=card]", { timeout: 120000 });
    // BENCH_STACK_CSS='...' adds a style sheet, to find what a frame costs by changing parts of the page.
    if (process.env.BENCH_STACK_CSS) await page.addStyleTag({ content: process.env.BENCH_STACK_CSS });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const result = {
      build: dist,
      elements: doc.elements.length,
      stackShownS: (Date.now() - t0) / 1000,
      boardHeightPx: await page.evaluate(() => document.querySelector(".board-scroll").scrollHeight),
      cardsInDom: await page.evaluate(() => document.querySelectorAll("[data-testid=card]").length),
    };
    await page.waitForTimeout(1000);
    // The main thread's work per frame (chromium's own counters): what a frame costs apart
    // from waiting for a busy machine's CPU.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const m0 = await metrics();
    result.scroll = await page.evaluate(FRAMES, 4000);
    const m1 = await metrics();
    const per = (k) => Math.round(((1000 * (m1[k] - m0[k])) / result.scroll.frames) * 10) / 10;
    result.scroll.perFrameMs = {
      task: per("TaskDuration"),
      script: per("ScriptDuration"),
      layout: per("LayoutDuration"),
      style: per("RecalcStyleDuration"),
    };
    const keys = [];
    for (const ch of "element 1") {
      const ms = await page.evaluate(TYPE, ch);
      if (ms !== null) keys.push(ms);
      await page.waitForTimeout(150);
    }
    keys.sort((a, b) => a - b);
    result.keystrokeToScreenMs = keys.length ? { median: Math.round(keys[keys.length >> 1]), max: Math.round(keys.at(-1)) } : null;
    if (keys.length) result.matchCount = await page.evaluate(() => document.querySelector("[data-testid=stack-search-count]")?.textContent);
    results.push(result);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await h.close();
  }
}
