import type { Report, Workspace } from "../backend";
import { nexusReport } from "../graph/fixtures";
import { NEXUSFLOW_SAMPLE_AUDIT } from "./nexusflowAudit";

/**
 * A canned report with the document's waivers applied the way the audit library applies
 * them (code and key). The findings themselves are fixed: this double runs no rules.
 */
export function withWaivers(report: Report, doc: Workspace): Report {
  const summary = { error: 0, warning: 0, info: 0, waived: 0 };
  const findings = report.findings.map((f) => {
    const w = doc.waivers.find((x) => x.code === f.code && x.subject === f.key);
    const waived = w ? { reason: w.reason, who: w.who, when: w.when } : null;
    if (waived) summary.waived += 1;
    else summary[f.severity] += 1;
    return { ...f, waived };
  });
  return { findings, summary };
}

/** The fixture backend's audit: the real report of the shared sample, or the built-in fixture's. */
export function fixtureAudit(doc: Workspace): Report {
  if (doc.elements.some((e) => e.id === "sales-demo")) return withWaivers(NEXUSFLOW_SAMPLE_AUDIT, doc);
  if (doc.elements.some((e) => e.id === "wizard")) return nexusReport(doc);
  return { findings: [], summary: { error: 0, warning: 0, info: 0, waived: 0 } };
}
