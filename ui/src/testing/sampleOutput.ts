import type { LayerDiagnosis, ReadinessReport, Report, SessionSummary, TrendPoint, Workspace } from "../backend";
import generated from "./generated/sample.json";

/*
 * What the Rust libraries answer for the shared sample workspace
 * (`assets/sample/nexusflow.throughline.json`), written by `cargo test -p throughline-ui-cases`
 * into `generated/sample.json` and checked for staleness in CI. Test tooling: nothing here
 * computes a figure or runs a rule.
 */
interface SampleOutput {
  name: string;
  audit: Report;
  sessions: Record<string, SessionSummary>;
  latest_session: string | null;
  layers: LayerDiagnosis;
  trend: TrendPoint[];
  layers_not_rated: LayerDiagnosis;
}

const SAMPLE = generated as unknown as SampleOutput;

/** The sample workspace's name: the fixture backend answers for a document of this name. */
export const SAMPLE_NAME = SAMPLE.name;

/**
 * A report with the document's waivers applied the way the audit library applies them
 * (waiver code = finding code, waiver subject = finding key). Checked against the library
 * by `conformance.test.ts`.
 */
export function withWaivers(report: Report, doc: Workspace): Report {
  const summary = { error: 0, warning: 0, info: 0, waived: 0, due: 0, nothing_to_check: false };
  const findings = report.findings.map((f) => {
    const w = doc.waivers.find((x) => x.code === f.code && x.subject === f.key);
    const waived = w ? { reason: w.reason, who: w.who, when: w.when } : null;
    if (waived) summary.waived += 1;
    else summary[f.severity] += 1;
    return { ...f, waived };
  });
  return { findings, summary };
}

/** The audit library's report on the sample, with the document's current waivers. */
export function sampleAudit(doc: Workspace): Report {
  return withWaivers(SAMPLE.audit, doc);
}

/** The readiness report of the sample for `session` (by id; default the latest). */
export function sampleReadiness(_doc: Workspace, session: string | null): ReadinessReport {
  const id = session !== null && session in SAMPLE.sessions ? session : SAMPLE.latest_session;
  return { session: id === null ? null : SAMPLE.sessions[id], layers: SAMPLE.layers, trend: SAMPLE.trend };
}

/** The readiness report of a workspace with no session and no layer rated. */
export function notRatedReport(): ReadinessReport {
  return { session: null, layers: SAMPLE.layers_not_rated, trend: [] };
}
