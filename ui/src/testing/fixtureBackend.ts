import type { Backend, Workspace } from "../backend";
import { fixtureAudit } from "./auditFixture";
import { nexusFlow, loyaltyApp } from "./fixtures";
import { MemoryBackend } from "./memoryBackend";
import { sampleReport } from "./readinessFixture";

/**
 * The in-browser backend of `?backend=fixture` (screenshots, manual checks). Test tooling.
 * `&fixture=empty` starts with no workspace; `&sample=<url>` loads a `*.throughline.json`.
 */
export async function createFixtureBackend(search: string = window.location.search): Promise<Backend> {
  const params = new URLSearchParams(search);
  if (params.get("fixture") === "empty") return new MemoryBackend([], { display_name: "Facilitator" });
  let first = nexusFlow();
  const sample = params.get("sample");
  if (sample) {
    const response = await fetch(sample);
    if (response.ok) first = (await response.json()) as Workspace;
  }
  const backend = new MemoryBackend([first, loyaltyApp()], { display_name: "Facilitator" });
  backend.importFixture = nexusFlow();
  backend.auditFor = fixtureAudit;
  backend.reportFor = sampleReport;
  return backend;
}
