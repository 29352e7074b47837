import type { Finding, Report, RuleCode, Severity, Subject, Workspace } from "../backend";
import { withWaivers } from "../testing/sampleOutput";

const el = (id: string): Subject => ({ kind: "element", id });
const ho = (id: string): Subject => ({ kind: "handoff", id });

/** A finding as the audit library would report it (tests give the report; nothing is computed). */
export function finding(code: RuleCode, severity: Severity, subjects: Subject[], more: Partial<Finding> = {}): Finding {
  return {
    code,
    severity,
    key: subjects[0]?.id ?? "",
    subjects,
    message: `${code} on ${subjects[0]?.id ?? "?"}`,
    evidence: [],
    fix: "Do the right thing.",
    waived: null,
    ...more,
  };
}

export function report(findings: Finding[]): Report {
  const summary = { error: 0, warning: 0, info: 0, waived: 0, due: 0, nothing_to_check: false };
  for (const f of findings) {
    if (f.waived) summary.waived += 1;
    else summary[f.severity] += 1;
  }
  return { findings, summary };
}

/**
 * A test scenario for the `nexusFlow()` test workspace: a conflicting claim and an unowned
 * handoff, with the document's waivers applied. Scenario data for the findings panel, not
 * library output.
 */
export function nexusReport(doc?: Workspace): Report {
  const scenario = report([
    finding("conflicting-claim", "error", [ho("website-wizard"), el("website"), el("wizard")], {
      message: "Product website and Onboarding wizard state different values for setup.effort, which must not vary.",
      evidence: [
        { subject: el("website"), field: "claims.setup.effort", value: "No setup needed", note: null },
        { subject: el("wizard"), field: "claims.setup.effort", value: "Connect a data source and configure API keys", note: null },
      ],
      fix: "Agree one wording for setup.effort and state it on both sides.",
    }),
    finding("unowned-handoff", "warning", [ho("demo-wizard"), el("demo"), el("wizard")], {
      message: "Nobody owns the handoff from Sales demo to Onboarding wizard.",
      evidence: [{ subject: ho("demo-wizard"), field: "owner", value: null, note: "missing" }],
      fix: "Name the team that answers for what this handoff carries.",
    }),
  ]);
  return doc ? withWaivers(scenario, doc) : scenario;
}
