import type { Metric, MetricKind, MetricStatus, Reading, Workspace } from "../backend";

/** A figure as the Monitor view prints it: at most two decimals, no trailing zeros. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return String(Math.round(v * 100) / 100);
}

/** A signed figure on the emotion scale, one decimal: "+1.2", "-0.5", "0.0". */
export function signed(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const r = Math.round(v * 10) / 10;
  return `${r > 0 ? "+" : ""}${r.toFixed(1)}`;
}

export const KIND_LABEL: Record<MetricKind, string> = {
  completion: "Completion",
  sentiment: "Sentiment",
  recall: "Narrative recall",
  nps: "NPS",
  churn: "Churn",
  contacts: "Support contacts",
  custom: "Custom",
};

/** A sensible scale and direction for a new metric of `kind`. */
export function defaultsFor(kind: MetricKind): Pick<Metric, "min" | "max" | "direction"> {
  switch (kind) {
    case "sentiment":
      return { min: 1, max: 5, direction: "higher" };
    case "nps":
      return { min: -100, max: 100, direction: "higher" };
    case "churn":
      return { min: 0, max: 100, direction: "lower" };
    case "contacts":
      return { min: 0, max: 1000, direction: "lower" };
    default:
      return { min: 0, max: 100, direction: "higher" };
  }
}

/** Where a metric's lane is: above the stages (journey), under one or more stages, or with the rest. */
export type Placement = { kind: "journey" } | { kind: "stages"; stages: string[] } | { kind: "other" };

/** Where `metric` goes among the lanes: stage metrics under their stage, touchpoint metrics under each stage the touchpoint serves. */
export function placement(doc: Workspace, scope: string): Placement {
  if (scope === "journey") return { kind: "journey" };
  if (scope.startsWith("stage:")) {
    const id = scope.slice(6);
    return doc.stages.some((s) => s.id === id) ? { kind: "stages", stages: [id] } : { kind: "other" };
  }
  if (scope.startsWith("element:")) {
    const e = doc.elements.find((x) => x.id === scope.slice(8));
    const stages = (e?.stages ?? []).filter((s) => doc.stages.some((st) => st.id === s));
    return stages.length > 0 ? { kind: "stages", stages } : { kind: "other" };
  }
  return { kind: "other" };
}

/** The scope in words: "Whole journey", "Stage “Set up”", "Touchpoint “Setup wizard”". */
export function scopeText(doc: Workspace, scope: string): string {
  if (scope === "journey") return "Whole journey";
  if (scope.startsWith("stage:")) {
    const id = scope.slice(6);
    return `Stage “${doc.stages.find((s) => s.id === id)?.name ?? id}”`;
  }
  if (scope.startsWith("element:")) {
    const id = scope.slice(8);
    const e = doc.elements.find((x) => x.id === id);
    return `${e?.kind === "touchpoint" ? "Touchpoint" : "Element"} “${e?.name ?? id}”`;
  }
  return scope;
}

/** A metric's readings on or before `asOf` (null: all), oldest first. */
export function seriesOf(doc: Workspace, metric: string, asOf: string | null): Reading[] {
  return (doc.readings ?? [])
    .filter((r) => r.metric === metric && (asOf === null || r.date <= asOf))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Met, missed or no verdict, as icon and word (never colour alone). */
export function verdict(status: MetricStatus | undefined): { tone: "good" | "bad" | "none"; icon: string; word: string } {
  if (!status || status.meets_target === null)
    return { tone: "none", icon: "–", word: status?.target == null ? "no target" : "no reading" };
  return status.meets_target ? { tone: "good", icon: "✓", word: "met" } : { tone: "bad", icon: "✕", word: "missed" };
}
