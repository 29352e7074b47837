import { newHandoff } from "../graph/edits";
import type { Finding, Handoff, Replay, Severity, Workspace } from "../backend";
import { addMark, emptyLens, type Lens, type MarkTone } from "../lens/lens";

/** The id a shadow handoff from `from` to `to` has as a ghost on the graph. */
export function shadowId(from: string, to: string): string {
  return `shadow:${from}>${to}`;
}

/** Hours as the lens shows them: minutes under an hour, hours under two days, else days. */
export function formatHours(h: number | null): string {
  if (h === null || !Number.isFinite(h)) return "–";
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 48) return `${h < 10 ? h.toFixed(1) : Math.round(h)} h`;
  return `${(h / 24).toFixed(1)} d`;
}

/** The fitness as a percentage, or "n/a" without transitions. */
export function formatFitness(fitness: number | null): string {
  return fitness === null ? "n/a" : `${(fitness * 100).toFixed(1)}%`;
}

const tone = (severity: Severity): MarkTone => (severity === "error" ? "bad" : severity === "warning" ? "warning" : "info");

function live(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code && !f.waived);
}

/** The handoff a shadow-handoff finding would become when adopted into the map. */
export function adoptedHandoff(doc: Workspace, from: string, to: string): Handoff {
  const taken = new Set(doc.handoffs.map((h) => h.id));
  const base = `${from}-${to}`;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  // The same empty handoff the graph adds, under the id the log names it by.
  return { ...newHandoff(doc, from, to), id };
}

/**
 * The reality lens of one replay over `doc`: handoff widths from traffic, each used
 * handoff labelled with its p90 (warning or bad on a breach), unused handoffs marked, shadow
 * handoffs drawn as ghosts, rework loops and heroes marked on elements. Waived findings draw
 * no mark; the panel still lists them.
 */
export function realityLens(doc: Workspace, replay: Replay): Lens {
  const findings = replay.report.findings;
  const lens = emptyLens("reality", `Reality: “${replay.log}”, fitness ${formatFitness(replay.fitness)}`);
  lens.legend = [
    { tone: "good", label: "p90 within target" },
    { tone: "warning", label: "p90 over target" },
    { tone: "bad", label: "p50 over target" },
    { tone: "info", label: "Unused" },
    { tone: "added", label: "Shadow handoff" },
  ];
  const handoffs = new Map(doc.handoffs.map((h) => [h.id, h]));
  const elements = new Set(doc.elements.map((e) => e.id));
  const breach = new Map(live(findings, "latency-breach").map((f) => [f.key, f]));
  const most = Math.max(1, ...replay.pairs.map((p) => p.transitions));

  for (const p of replay.pairs) {
    if (!p.handoff || !handoffs.has(p.handoff)) continue;
    lens.weights[p.handoff] = p.transitions / most;
    const target = handoffs.get(p.handoff)?.latency_hours ?? null;
    const b = breach.get(p.handoff);
    const detail = `${p.transitions} transitions in ${p.cases} cases; p50 ${formatHours(p.p50_hours)}, p90 ${formatHours(p.p90_hours)}, max ${formatHours(p.max_hours)}${target !== null ? `; target ${formatHours(target)}` : ""}`;
    addMark(lens, "handoffs", p.handoff, {
      tone: b ? tone(b.severity) : target !== null ? "good" : "info",
      label: `p90 ${formatHours(p.p90_hours)}`,
      detail,
    });
  }
  for (const f of live(findings, "unused-handoff")) {
    addMark(lens, "handoffs", f.key, { tone: "info", label: "Unused", detail: f.message });
  }
  for (const f of live(findings, "shadow-handoff")) {
    const [from, to] = f.key.split(">");
    if (!from || !to || !elements.has(from) || !elements.has(to)) continue;
    const id = shadowId(from, to);
    const pair = replay.pairs.find((p) => p.from === from && p.to === to);
    lens.ghosts.handoffs.push({ ...adoptedHandoff(doc, from, to), id });
    lens.weights[id] = (pair?.transitions ?? 0) / most;
    addMark(lens, "handoffs", id, {
      tone: tone(f.severity),
      label: `Shadow · ${pair?.cases ?? "?"} cases`,
      detail: f.message,
    });
  }
  for (const f of live(findings, "rework-loop")) {
    addMark(lens, "elements", f.key, { tone: tone(f.severity), label: "Rework", detail: f.message });
  }
  for (const f of live(findings, "actual-single-point")) {
    for (const s of f.subjects) {
      if (s.kind === "element") addMark(lens, "elements", s.id, { tone: tone(f.severity), label: `Hero: ${f.key}`, detail: f.message });
    }
  }
  return lens;
}
