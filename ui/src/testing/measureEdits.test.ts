import { describe, expect, it } from "vitest";
import { BackendError } from "../backend";
import { measuredNexus } from "../monitor/fixtures";
import { applyEdit } from "./applyEdit";
import { labelOf } from "./labels";

describe("the test double's metric, reading and review edits", () => {
  it("upserts readings by metric and date, and names the change as the store does", () => {
    const doc = measuredNexus();
    const edit = {
      type: "put_readings" as const,
      readings: [
        { metric: "wizard-csat", date: "2026-03-31", value: 3.5 },
        { metric: "nps", date: "2026-03-31", value: 12 },
      ],
    };
    const next = applyEdit(doc, edit);
    expect(next.readings?.map((r) => `${r.metric}@${r.date}=${r.value}`)).toEqual([
      "wizard-csat@2026-01-31=4.3",
      "wizard-csat@2026-02-28=4.1",
      "wizard-csat@2026-03-31=3.5",
      "nps@2026-03-31=12",
    ]);
    expect(labelOf(doc, edit)).toBe("Record 2 readings");
    expect(labelOf(doc, { type: "put_readings", readings: [edit.readings[0]] })).toBe("Record 3.5 for “Setup satisfaction” on 2026-03-31");
  });

  it("refuses a reading off its metric's scale or of no metric", () => {
    const doc = measuredNexus();
    expect(() => applyEdit(doc, { type: "put_readings", readings: [{ metric: "wizard-csat", date: "2026-04-30", value: 6 }] })).toThrow(
      "readings[3].value: 6 is outside the scale 1 to 5",
    );
    expect(() => applyEdit(doc, { type: "put_readings", readings: [{ metric: "csat", date: "2026-04-30", value: 3 }] })).toThrow(
      BackendError,
    );
  });

  it("drops a metric's readings with it, and a touchpoint's metrics with the touchpoint", () => {
    const doc = measuredNexus();
    const noMetric = applyEdit(doc, { type: "delete_metric", id: "wizard-csat" });
    expect(noMetric.metrics?.map((m) => m.id)).toEqual(["nps"]);
    expect(noMetric.readings).toEqual([]);
    const noWizard = applyEdit(doc, { type: "delete_element", id: "wizard" });
    expect(noWizard.metrics?.map((m) => m.id)).toEqual(["nps"]);
    expect(noWizard.readings).toEqual([]);
  });
});
