import { describe, expect, it } from "vitest";
import { marksOn } from "../lens/lens";
import { driftReport, measuredNexus } from "./fixtures";
import { monitorLens } from "./monitorLens";

describe("the monitor lens", () => {
  it("marks each measured stage with its value and gap, toned by the gap's size", () => {
    const doc = measuredNexus();
    const report = driftReport(doc, null);
    report.stages = report.stages.map((s) =>
      s.id === "discover"
        ? { ...s, measured: 1.3, gap: 0.3, grade: "good" }
        : s.id === "evaluate"
          ? { ...s, measured: 1.3, gap: -0.7, grade: "warning" }
          : s,
    );
    const lens = monitorLens(report, doc);
    expect(lens.kind).toBe("monitor");
    expect(marksOn(lens, "stages", "discover").map((m) => [m.tone, m.label])).toEqual([["good", "+1.3 (gap +0.3)"]]);
    expect(marksOn(lens, "stages", "evaluate").map((m) => m.tone)).toEqual(["warning"]);
    expect(marksOn(lens, "stages", "set-up").map((m) => m.tone)).toEqual(["bad"]);
    expect(marksOn(lens, "stages", "get-help"), "not measured: no mark").toHaveLength(0);
    expect(lens.arc).toEqual({ label: "Measured", values: { discover: 1.3, evaluate: 1.3, "set-up": 0.2 } });
  });

  it("marks touchpoints whose metrics miss their target or drifted, and nothing for met targets", () => {
    const doc = measuredNexus();
    const report = driftReport(doc, null);
    expect(marksOn(monitorLens(report, doc), "elements", "wizard").map((m) => m.label)).toEqual(["missed", "drift"]);
    const met = driftReport(doc, "2026-02-28");
    met.report.findings = [];
    met.metrics = met.metrics.map((m) => ({ ...m, meets_target: m.id === "wizard-csat" ? true : m.meets_target }));
    expect(marksOn(monitorLens(met, doc), "elements", "wizard")).toHaveLength(0);
  });

  it("leaves out a waived drift", () => {
    const doc = measuredNexus();
    const report = driftReport(doc, null);
    report.report.findings = report.report.findings.map((f) => ({
      ...f,
      waived: { reason: "known", who: "Dana", when: "2026-04-01T00:00:00Z" },
    }));
    expect(marksOn(monitorLens(report, doc), "elements", "wizard").map((m) => m.label)).toEqual(["missed"]);
  });
});
