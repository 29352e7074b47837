import { TauriBackend } from "./tauri";
import type { Backend } from "./types";

export * from "./types";

/**
 * The backend for this window. In development and test builds only, `?backend=fixture`
 * loads an in-memory backend for screenshots and browser checks (`npm run build:fixture`);
 * a production build has neither the switch nor the fixture code (`__TEST_HOOKS__` is
 * false there, so the bundler drops the branch and its chunk).
 */
export async function createBackend(search: string = window.location.search): Promise<Backend> {
  if (__TEST_HOOKS__ && new URLSearchParams(search).get("backend") === "fixture") {
    const { createFixtureBackend } = await import("../testing/fixtureBackend");
    return createFixtureBackend(search);
  }
  return new TauriBackend();
}
