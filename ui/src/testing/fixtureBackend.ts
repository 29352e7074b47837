import type { Backend, Report, Workspace } from "../backend";
import { nexusReport } from "../graph/fixtures";
import { nexusFlow, loyaltyApp } from "./fixtures";
import { backupAt, MemoryBackend } from "./memoryBackend";
import { sixRaterReport, withSixRaters } from "./roomFixture";
import { notRatedReport, SAMPLE_NAME, sampleAudit, sampleReadiness } from "./sampleOutput";

/**
 * The in-browser backend of `?backend=fixture` (screenshots, manual checks). Test tooling.
 * `&fixture=empty` starts with no workspace; `&sample=<url>` loads a `*.throughline.json`;
 * `&big=<n>` starts with a generated workspace of n elements and 5n handoffs (scale checks);
 * `&fixture=damaged` starts on the recovery screen of a damaged library (a salvage saves one
 * workspace and loses one).
 * `&pdf=<url>` answers the playbook preview with that PDF (a real playbook, for screenshots).
 * `&report=<url>` answers every audit with that report (the audit library's JSON output for
 * the loaded sample: a real report's size, for profiling an edit's round trip).
 * `&unnamed=1` is a first launch (no name given yet); `&raters=6` adds a session of six raters
 * with long names (the score grid's stress case).
 */
export async function createFixtureBackend(search: string = window.location.search): Promise<Backend> {
  const params = new URLSearchParams(search);
  const who = params.get("unnamed") === "1" ? { display_name: "Someone", named: false } : { display_name: "Facilitator" };
  if (params.get("fixture") === "empty") return new MemoryBackend([], who);
  if (params.get("fixture") === "damaged") return damagedLibrary();
  let first = nexusFlow();
  const big = Number(params.get("big") ?? 0);
  if (big > 0) first = generatedWorkspace(Math.min(big, 20000));
  const sample = params.get("sample");
  if (sample) {
    const response = await fetch(sample);
    if (response.ok) first = (await response.json()) as Workspace;
  }
  const sixRaters = params.get("raters") === "6";
  if (sixRaters) first = withSixRaters(first);
  const backend = new MemoryBackend([first, loyaltyApp()], who);
  backend.importFixture = nexusFlow();
  const pdf = params.get("pdf");
  if (pdf) {
    const response = await fetch(pdf);
    if (response.ok) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      backend.pdfFor = () => bytes;
    }
  }
  const reportUrl = params.get("report");
  const reportText = reportUrl ? await fetch(reportUrl).then((r) => (r.ok ? r.text() : null)) : null;
  // The sample answers with the library's real output (generated); the built-in test
  // workspace with its test scenario; anything else with an empty report.
  const builtIn = nexusFlow().workspace.name;
  backend.auditFor = (doc) =>
    // Parsed again on every answer, as a report crossing from Rust is.
    reportText !== null
      ? (JSON.parse(reportText) as Report)
      : doc.workspace.name === SAMPLE_NAME
        ? sampleAudit(doc)
        : doc.workspace.name === builtIn
          ? nexusReport(doc)
          : { findings: [], summary: { error: 0, warning: 0, info: 0, waived: 0, due: 0, nothing_to_check: false } };
  backend.reportFor = (doc, session) => {
    const report = doc.workspace.name === SAMPLE_NAME ? sampleReadiness(doc, session) : notRatedReport();
    const six = doc.readiness.find((s) => s.id === "six-raters");
    return sixRaters && six && (session === null || session === six.id) ? sixRaterReport(report, six) : report;
  };
  return backend;
}

/** A generated workspace of `n` elements and 5n handoffs, with no saved layout. */
export function generatedWorkspace(n: number): Workspace {
  const kinds = ["touchpoint", "system", "rule", "team", "person", "partner"] as const;
  const base = nexusFlow();
  return {
    ...base,
    elements: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, kind: kinds[i % 6], name: `Element ${i}`, team: `Team ${i % 40}` })),
    handoffs: Array.from({ length: n * 5 }, (_, i) => ({
      id: `h${i}`,
      from: `e${i % n}`,
      to: `e${(i * 7 + 13) % n}`,
      carries: ["a.key", "b.key", "c.key"].slice(0, 1 + (i % 3)),
      invariant: [],
      may_vary: [],
      owner: null,
      source_of_truth: null,
      mode: "typed" as const,
      gate: null,
      latency_hours: null,
      trigger: "always" as const,
    })),
  };
}

/** A library whose file is damaged, with a good daily backup and one workspace a salvage cannot read. */
function damagedLibrary(): MemoryBackend {
  const backend = new MemoryBackend([nexusFlow()], { display_name: "Facilitator" });
  const daily = backupAt("2026-11-29T08:15:00Z", "daily", 3 * 1024 * 1024);
  backend.backups = [daily, backupAt("2026-11-20T17:02:00Z", "before_migration", 250 * 1024)];
  backend.backupContents.set(daily.path, [nexusFlow()]);
  backend.damage = {
    detail: "*** in database main ***\nPage 7: btreeInitPage() returns error code 11\nPage 9 is never used",
    newest_good_backup: daily,
    restore_command: `throughline restore ${daily.path}`,
  };
  backend.salvageable = [nexusFlow()];
  backend.unsalvageable = [
    { name: "Board offsite", slug: "board-offsite", reason: "its elements could not be read: database disk image is malformed" },
  ];
  return backend;
}
