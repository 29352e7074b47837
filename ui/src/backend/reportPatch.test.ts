import { describe, expect, it } from "vitest";
import type { Finding, Report } from "./types";
import { applyReportPatch, ReportCache } from "./reportPatch";

function finding(key: string, message = `About ${key}`): Finding {
  return {
    code: "unowned-handoff",
    severity: "warning",
    key,
    subjects: [{ kind: "handoff", id: key }],
    message,
    evidence: [],
    fix: "Name an owner.",
    waived: null,
  };
}

const summary = (warning: number): Report["summary"] => ({ error: 0, warning, info: 0, waived: 0, due: 0, nothing_to_check: false });

describe("report patches", () => {
  const base: Report = { findings: [finding("a"), finding("b"), finding("c"), finding("d")], summary: summary(4) };

  it("rebuilds the new report from kept runs and new findings, sharing the kept objects", () => {
    const changed = finding("c", "About the renamed c");
    const report = applyReportPatch(base, {
      summary: summary(4),
      runs: [
        { kind: "keep", from: 0, count: 2 },
        { kind: "new", findings: [changed] },
        { kind: "keep", from: 3, count: 1 },
      ],
    });
    expect(report.findings.map((f) => f.message)).toEqual(["About a", "About b", "About the renamed c", "About d"]);
    expect(report.findings[0]).toBe(base.findings[0]);
    expect(report.findings[3]).toBe(base.findings[3]);
  });

  it("refuses a patch that keeps findings the earlier report does not have", () => {
    expect(() => applyReportPatch(base, { summary: summary(1), runs: [{ kind: "keep", from: 3, count: 2 }] })).toThrow(
      "keeps findings 3..5, but the earlier report has 4",
    );
  });

  it("keeps the reports it was sent by number and says which one it holds", () => {
    const cache = new ReportCache(2);
    expect(cache.known()).toBeNull();
    expect(cache.take({ kind: "full", number: 1, report: base })).toBe(base);
    expect(cache.known()).toBe(1);
    const next = cache.take({
      kind: "patch",
      number: 2,
      base: 1,
      patch: { summary: summary(1), runs: [{ kind: "keep", from: 1, count: 1 }] },
    });
    expect(next?.findings).toEqual([base.findings[1]]);
    expect(cache.known()).toBe(2);
    // A third report pushes the first out: a patch against it cannot be read, and the
    // cache then asks for a whole report.
    cache.take({ kind: "full", number: 3, report: base });
    expect(cache.take({ kind: "patch", number: 4, base: 1, patch: { summary: summary(0), runs: [] } })).toBeNull();
    expect(cache.known()).toBeNull();
  });
});
