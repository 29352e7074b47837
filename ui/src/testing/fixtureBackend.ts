import type { Backend } from "../backend";
import { nexusFlow, loyaltyApp } from "./fixtures";
import { MemoryBackend } from "./memoryBackend";

/** The in-browser backend of `?backend=fixture` (screenshots, manual checks). Test tooling. */
export function createFixtureBackend(): Backend {
  const backend = new MemoryBackend([nexusFlow(), loyaltyApp()], {
    display_name: "Facilitator",
    last_workspace: "nexusflow-first-30-days",
  });
  backend.importFixture = nexusFlow();
  return backend;
}
