import type { Comparison, Element, Handoff, ItemChangeKind, Stage, VersionChange, Workspace } from "../backend";
import { addMark, emptyLens, type Lens, type Mark, type MarkTarget } from "../lens/lens";
import { ordinal, showValue } from "./format";

const WORD: Record<ItemChangeKind, string> = { added: "Added", removed: "Removed", changed: "Changed", moved: "Moved" };

const TARGET: Record<string, MarkTarget> = { stages: "stages", elements: "elements", handoffs: "handoffs" };

/** The changed fields of an item, one per line: `claims.setup.effort: low → medium`. */
export function fieldsDetail(change: VersionChange): string {
  return Object.entries(change.fields ?? {})
    .map(([path, f]) => `${path}: ${showValue(f.before)} → ${showValue(f.after)}`)
    .join("\n");
}

/** The marks a change puts on its item: what happened, and a move as well when a changed item moved. */
export function changeMarks(change: VersionChange): Mark[] {
  const moved = change.position
    ? { tone: "moved" as const, label: WORD.moved, detail: `from ${ordinal(change.position.before)} to ${ordinal(change.position.after)}` }
    : null;
  switch (change.change) {
    case "added":
      return [{ tone: "added", label: WORD.added, detail: "Not in the older state" }];
    case "removed":
      return [{ tone: "removed", label: WORD.removed, detail: "Only in the older state" }];
    case "moved":
      return moved ? [moved] : [{ tone: "moved", label: WORD.moved }];
    case "changed":
      return [{ tone: "changed", label: WORD.changed, detail: fieldsDetail(change) || "Changed" }, ...(moved ? [moved] : [])];
  }
}

/**
 * The Compare lens: the newer state's stages, cards and handoffs marked added, changed or moved
 * (the changed fields in the mark's detail), removed stages, cards and handoffs drawn as ghosts
 * marked "Removed" (a stage where it stood in the older state). `doc` is the workspace the views draw (the newer state): a removed handoff is
 * ghosted only when both its ends are drawn.
 */
export function compareLens(comparison: Comparison, doc: Workspace): Lens {
  const lens = emptyLens("compare", `Changes from ${comparison.from} to ${comparison.to}`);
  const tones = new Set<ItemChangeKind>();
  const ghostElements: Element[] = [];
  const removedHandoffs: Handoff[] = [];
  const ghostStages: { stage: Stage; index: number }[] = [];
  for (const change of comparison.changes) {
    const target = TARGET[change.collection];
    if (!target) continue;
    for (const mark of changeMarks(change)) {
      addMark(lens, target, change.id, mark);
      tones.add(mark.tone as ItemChangeKind);
    }
    if (change.change === "removed" && change.before) {
      if (target === "elements") ghostElements.push(change.before as unknown as Element);
      if (target === "handoffs") removedHandoffs.push(change.before as unknown as Handoff);
      if (target === "stages")
        ghostStages.push({ stage: change.before as unknown as Stage, index: change.position?.after ?? doc.stages.length });
    }
  }
  const drawn = new Set([...doc.elements.map((e) => e.id), ...ghostElements.map((e) => e.id)]);
  lens.ghosts = {
    elements: ghostElements,
    handoffs: removedHandoffs.filter((h) => drawn.has(h.from) && drawn.has(h.to)),
    stages: ghostStages,
  };
  lens.legend = (["added", "changed", "moved", "removed"] as const).filter((t) => tones.has(t)).map((t) => ({ tone: t, label: WORD[t] }));
  return lens;
}
