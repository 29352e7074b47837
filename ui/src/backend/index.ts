import { TauriBackend } from "./tauri";
import type { Backend } from "./types";

export * from "./types";

/**
 * The backend for this window. `?backend=fixture` loads an in-memory backend for
 * screenshots and browser checks; it lives under `src/testing/` and is only fetched then.
 */
export async function createBackend(search: string = window.location.search): Promise<Backend> {
  if (new URLSearchParams(search).get("backend") === "fixture") {
    const { createFixtureBackend } = await import("../testing/fixtureBackend");
    return createFixtureBackend(search);
  }
  return new TauriBackend();
}
