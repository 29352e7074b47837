import type { MonitorReport, Workspace } from "../backend";
import { addMark, emptyLens, type Lens, type LensFollow } from "../lens/lens";
import { fmt, signed } from "./format";

/**
 * The Monitor lens: each measured stage marked with its measured feeling and gap to the plan
 * (graded by the library: good within half a step, warning within one, bad beyond), each touchpoint with the targets
 * its metrics missed and the drift found on them, and the measured arc drawn over the plan.
 * With `follow`, the lens is rebuilt whenever the workspace moves past that revision
 * (`MonitorLensFollower`).
 */
export function monitorLens(report: MonitorReport, doc: Workspace, follow?: LensFollow): Lens {
  const lens = emptyLens("monitor", `Monitor as of ${report.as_of ?? "no reading yet"}`);
  if (follow) lens.follow = follow;
  lens.legend = [
    { tone: "good", label: "On plan", detail: "measured within half a step of the promised feeling" },
    { tone: "warning", label: "Gap", detail: "measured half a step to one step away from the plan" },
    { tone: "bad", label: "Missed", detail: "a gap of one step or more, or a metric below its target" },
  ];
  const values: Record<string, number> = {};
  for (const s of report.stages) {
    if (s.measured === null || s.gap === null || !s.grade) continue;
    values[s.id] = s.measured;
    const consistency = s.consistency === null ? "" : `; consistency ${fmt(s.consistency)}`;
    addMark(lens, "stages", s.id, {
      tone: s.grade,
      label: `${signed(s.measured)} (gap ${signed(s.gap)})`,
      detail: `Measured ${signed(s.measured)} against the promised ${signed(s.planned)}: gap ${signed(s.gap)}${consistency}`,
    });
  }
  lens.arc = { label: "Measured", values };
  const elementIds = new Set(doc.elements.map((e) => e.id));
  for (const m of report.metrics) {
    if (!m.scope.startsWith("element:")) continue;
    const id = m.scope.slice(8);
    if (!elementIds.has(id) || m.meets_target !== false || !m.latest) continue;
    addMark(lens, "elements", id, {
      tone: "bad",
      label: "missed",
      detail: `${m.name}: ${fmt(m.latest.value)} on ${m.latest.date}, target ${fmt(m.target)}`,
    });
  }
  for (const f of report.report.findings) {
    if (f.code !== "metric-drift" || f.waived) continue;
    const m = report.metrics.find((x) => x.id === f.key);
    if (!m?.scope.startsWith("element:")) continue;
    const id = m.scope.slice(8);
    if (elementIds.has(id)) addMark(lens, "elements", id, { tone: "warning", label: "drift", detail: f.message });
  }
  return lens;
}
