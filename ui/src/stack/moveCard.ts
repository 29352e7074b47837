import type { Element, Stage } from "../backend";
import type { DropTarget } from "./Lane";

/**
 * The element after its card segment `run` was dropped on `target`. `grabbed` is the stage
 * of the run the pointer held: a multi-stage run shifts by the distance it was dragged.
 * Returns null when nothing changes.
 */
export function moveCard(element: Element, run: string[], grabbed: string | null, target: DropTarget, stages: Stage[]): Element | null {
  const order = (id: string) => stages.findIndex((s) => s.id === id);
  const current = element.stages ?? [];
  const others = current.filter((s) => !run.includes(s));
  let moved: string[];
  if (target.stageId === null) {
    moved = [];
  } else if (run.length === 0) {
    moved = [target.stageId];
  } else {
    const from = order(grabbed ?? run[0]);
    const first = order(run[0]);
    const last = order(run[run.length - 1]);
    const delta = Math.max(-first, Math.min(stages.length - 1 - last, order(target.stageId) - from));
    moved = run.map((s) => stages[order(s) + delta].id);
  }
  const next = [...new Set([...others, ...moved])].sort((a, b) => order(a) - order(b));
  const channel = target.channel === undefined || element.kind !== "touchpoint" ? element.channel : target.channel;
  const sameStages = next.length === current.length && next.every((s, i) => s === current[i]);
  if (sameStages && (channel ?? null) === (element.channel ?? null)) return null;
  const out: Element = { ...element, stages: next };
  if (channel) out.channel = channel;
  else delete out.channel;
  return out;
}
