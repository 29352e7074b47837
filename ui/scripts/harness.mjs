// Shared by the browser scripts: serves a built UI (ui/dist-fixture) on loopback with the shared
// sample at /sample.json, launches Debian's chromium through playwright-core (never a
// downloaded browser), and collects page errors so a script fails when the page does.
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { chromium } from "playwright-core";

/** The ui/ folder. */
export const here = resolve(import.meta.dirname, "..");
/** The NexusFlow sample the fixture backend can load from /sample.json. */
export const sample = resolve(here, "../assets/sample/nexusflow.throughline.json");
const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

/** Where screenshots go: the given folder, else ui/screenshots; created if missing. */
export function outDir(arg) {
  const out = resolve(arg ?? join(here, "screenshots"));
  mkdirSync(out, { recursive: true });
  return out;
}

/** Serves the fixture build (`npm run build:fixture`: the `?backend=fixture` switch is not in the production build), starts chromium; `close()` stops both and reports page errors. */
export async function startHarness({ dist = join(here, "dist-fixture") } = {}) {
  dist = resolve(dist);
  if (!existsSync(join(dist, "index.html"))) throw new Error(`${dist} has no build: run \`npm run build:fixture\` first`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = path === "/sample.json" ? sample : join(dist, path === "/" ? "index.html" : path);
    if (!file.startsWith(dist) && file !== sample) return res.writeHead(403).end();
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const errors = [];
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    dist,
    browser,
    errors,
    /** Records the page's uncaught errors and console errors under `name`. */
    watch(page, name) {
      page.on("pageerror", (e) => errors.push(`${name}: ${e.message}`));
      page.on("console", (m) => m.type() === "error" && errors.push(`${name}: ${m.text()}`));
    },
    async close() {
      await browser.close();
      server.close();
      if (errors.length) {
        console.error(`page errors:\n${errors.join("\n")}`);
        process.exitCode = 1;
      }
    },
  };
}
