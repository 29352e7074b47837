/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Tauri serves the built files from disk and expects the dev server on a fixed port.
// `__TEST_HOOKS__` switches on what exists only for tests and screenshots (the
// `?backend=fixture` in-memory backend): on in the dev server, in vitest and in
// `vite build --mode fixture`; off in the production build, which drops that code.
export default defineConfig(({ mode }) => ({
  base: "./",
  plugins: [react()],
  define: { __TEST_HOOKS__: JSON.stringify(mode !== "production") },
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  preview: { port: 4173, strictPort: false },
  build: { target: "es2022", outDir: mode === "fixture" ? "dist-fixture" : "dist" },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    setupFiles: ["src/testing/setup.ts"],
    // Layout tests read the style sheets' text (`?raw`) to check the rules jsdom cannot apply.
    css: { include: [/\.css\?raw$/] },
    // Whole-app tests take about a second alone; on a 2-core machine busy with a Rust build
    // they can take several. A slow machine is not a failure.
    testTimeout: 20_000,
  },
}));
