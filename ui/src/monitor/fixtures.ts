import type { Finding, Metric, MonitorReport, Reading, ReadingsPreview, Workspace } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { plainMonitor } from "../testing/memoryBackend";

/** Setup satisfaction on the onboarding wizard: 1 to 5, target 4, owned by the CX team. */
export const wizardCsat: Metric = {
  id: "wizard-csat",
  name: "Setup satisfaction",
  kind: "sentiment",
  min: 1,
  max: 5,
  direction: "higher",
  target: 4,
  owner: "CX team",
  scope: "element:wizard",
  leading: true,
};

/** Journey NPS, -100 to 100, target 30, with no owner. */
export const journeyNps: Metric = {
  id: "nps",
  name: "Journey NPS",
  kind: "nps",
  min: -100,
  max: 100,
  direction: "higher",
  target: 30,
  scope: "journey",
  leading: false,
};

export const wizardReadings: Reading[] = [
  { metric: "wizard-csat", date: "2026-01-31", value: 4.3 },
  { metric: "wizard-csat", date: "2026-02-28", value: 4.1 },
  { metric: "wizard-csat", date: "2026-03-31", value: 3.2, n: 140 },
];

/** NexusFlow with the two metrics; the wizard's readings only when `readings`. */
export function measuredNexus(readings = true): Workspace {
  const ws = nexusFlow();
  ws.metrics = [wizardCsat, journeyNps];
  ws.readings = readings ? structuredClone(wizardReadings) : [];
  return ws;
}

const drift: Finding = {
  code: "metric-drift",
  severity: "warning",
  key: "wizard-csat",
  subjects: [{ kind: "metric", id: "wizard-csat" }],
  message: "Metric “Setup satisfaction” has drifted: it met its target of 4 on 2026-02-28 (4.1) and misses it on 2026-03-31 (3.2).",
  evidence: [{ subject: { kind: "metric", id: "wizard-csat" }, field: "target", value: "4", note: "latest 3.2" }],
  fix: "Look at the touchpoint layer first: what changed in the onboarding wizard since February?",
  waived: null,
  layer: "touchpoint",
};

const gap: Finding = {
  code: "promise-gap",
  severity: "warning",
  key: "set-up",
  subjects: [{ kind: "stage", id: "set-up" }],
  message: "Stage “Set up” feels +2.2 away from what the narrative promises.",
  evidence: [{ subject: { kind: "stage", id: "set-up" }, field: "emotion", value: "-2", note: "measured 0.2" }],
  fix: "Either the story undersells this stage or the plan is out of date: rewrite the moment, or move the planned feeling.",
  waived: null,
  layer: "narrative",
};

/**
 * What the monitor library says of `measuredNexus()` (checked by hand against docs/monitor.md):
 * the wizard's 3.2 on 1 to 5 normalises to +0.2 against the planned -2 of "Set up" (gap +2.2);
 * it met its target in February and misses it in March, so it drifted.
 */
export function driftReport(doc: Workspace, asOf: string | null): MonitorReport {
  const plain = plainMonitor(doc, asOf);
  const measured = (doc.readings ?? []).some((r) => r.metric === "wizard-csat");
  if (!measured) return plain;
  return {
    ...plain,
    stages: plain.stages.map((s) =>
      s.id === "set-up"
        ? { ...s, measured: 0.2, gap: 2.2, grade: "bad", consistency: null, sentiments: [["wizard-csat", 0.2]], metrics: ["wizard-csat"] }
        : s,
    ),
    report: { findings: [drift, gap], summary: { error: 0, warning: 2, info: 0, waived: 0, due: 0, nothing_to_check: false } },
  };
}

/** A readings preview as the library gives it, with `patch` over a clean one-row file. */
export function previewOf(patch: Partial<ReadingsPreview>): ReadingsPreview {
  return {
    path: "/tmp/readings.csv",
    headers: ["metric", "date", "value", "n"],
    columns: { metric: "metric", date: "date", value: "value", n: "n" },
    rows: 1,
    to_write: 1,
    added: 1,
    unchanged: 0,
    errors: [],
    error_count: 0,
    conflicts: [],
    conflict_count: 0,
    replace: false,
    sample: [],
    problem: null,
    ready: true,
    ...patch,
  };
}
