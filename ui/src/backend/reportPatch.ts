import type { AuditAnswer_Serialize, ReportPatch_Serialize } from "../bindings";
import type { Report } from "./types";

/**
 * The reports a window was last sent, by the number each came with, so that the next audit
 * can be answered as changes to one of them (`audit_workspace`'s `known`). Kept reports are
 * shared: a finding the patch keeps is the same object as before, so a list of findings
 * re-renders only the ones that changed.
 */
export class ReportCache {
  private readonly kept = new Map<number, Report>();
  private newest: number | null = null;

  constructor(private readonly size = 4) {}

  /** The number to tell the backend: the newest report held, if any. */
  known(): number | null {
    return this.newest;
  }

  /**
   * The report `answer` tells; null when it is a patch against a report no longer held (the
   * caller asks again for the whole report).
   */
  take(answer: AuditAnswer_Serialize): Report | null {
    let report: Report;
    if (answer.kind === "full") report = answer.report;
    else {
      const base = this.kept.get(answer.base);
      if (!base) {
        this.newest = null;
        return null;
      }
      report = applyReportPatch(base, answer.patch);
    }
    this.kept.set(answer.number, report);
    this.newest = answer.number;
    for (const n of this.kept.keys()) if (this.kept.size > this.size) this.kept.delete(n);
    return report;
  }
}

/** The report a patch tells, given the report it was made against. */
export function applyReportPatch(base: Report, patch: ReportPatch_Serialize): Report {
  const findings: Report["findings"] = [];
  for (const run of patch.runs) {
    if (run.kind === "new") findings.push(...run.findings);
    else {
      if (run.from + run.count > base.findings.length) {
        throw new Error(
          `the report patch keeps findings ${run.from}..${run.from + run.count}, but the earlier report has ${base.findings.length}`,
        );
      }
      for (let i = run.from; i < run.from + run.count; i++) findings.push(base.findings[i]);
    }
  }
  return { findings, summary: patch.summary };
}
