import type { Element, Handoff, Stage, Workspace } from "../backend";

/**
 * A lens lays marks over the stack and the graph without copying either view: Compare marks
 * what changed, Monitor what drifted, Reality what the event logs show. A view reads the active
 * lens and draws the marks, the ghosts and the weights it names; nothing else changes.
 */

/** What a mark says. Each tone has its own icon and word, so no mark relies on colour alone. */
export type MarkTone = "added" | "removed" | "changed" | "moved" | "good" | "warning" | "bad" | "info";

export interface Mark {
  tone: MarkTone;
  /** A short word or figure shown on the item ("Changed", "p90 3.2 d", "missed"). */
  label: string;
  /** The longer explanation, shown on hover and read by screen readers. */
  detail?: string;
}

/** The items a mark can sit on; ids are those of the workspace (handoffs by their id). */
export type MarkTarget = "stages" | "elements" | "handoffs";

export interface Lens {
  /** Which lens this is: one at a time is shown. */
  kind: "compare" | "monitor" | "reality";
  /** What the lens shows, as the lens bar says it ("Compared with “Before workshop 2”"). */
  title: string;
  /** One entry per kind of mark the lens uses, for the legend. */
  legend: Mark[];
  stages: Record<string, Mark[]>;
  elements: Record<string, Mark[]>;
  handoffs: Record<string, Mark[]>;
  /**
   * Items that are not in the workspace but belong in the picture: removed items (Compare),
   * handoffs that happen but are not drawn (Reality). Drawn faded, never edited.
   */
  ghosts: {
    elements: Element[];
    handoffs: Handoff[];
    /** Removed stages (Compare), each with the number of kept stages that stood before it. */
    stages?: { stage: Stage; index: number }[];
  };
  /** Relative traffic of a handoff, 0 to 1, drawn as the edge's width (Reality). */
  weights: Record<string, number>;
  /**
   * A second emotional arc the stack draws over the planned one, dashed: a value from -2 to
   * +2 per stage id (Monitor: the measured arc). Stages without a value are skipped.
   */
  arc?: LensArc;
  /**
   * What a lens that follows the workspace was built from, so that it can be built again when
   * the workspace changes (Monitor: the "as of" asked for, null for the newest reading).
   */
  follow?: LensFollow;
}

export interface LensFollow {
  slug: string;
  /** The workspace revision the lens shows. */
  revision: number;
  asOf: string | null;
}

export interface LensArc {
  /** What the curve is, as its legend says it ("Measured"). */
  label: string;
  values: Record<string, number>;
}

export const TONE_ICON: Record<MarkTone, string> = {
  added: "+",
  removed: "−",
  changed: "✎",
  moved: "⇄",
  good: "✓",
  warning: "!",
  bad: "✕",
  info: "i",
};

/** A lens with nothing on it yet; builders fill its maps. */
export function emptyLens(kind: Lens["kind"], title: string): Lens {
  return { kind, title, legend: [], stages: {}, elements: {}, handoffs: {}, ghosts: { elements: [], handoffs: [] }, weights: {} };
}

/** Adds `mark` to the item `id` of `target` on `lens`. */
export function addMark(lens: Lens, target: MarkTarget, id: string, mark: Mark): void {
  const list = lens[target][id];
  if (list) list.push(mark);
  else lens[target][id] = [mark];
}

/** The stroke width of a handoff of relative traffic `weight` (0 to 1): 1.5 px to 8.5 px. */
export function weightWidth(weight: number): number {
  return 1.5 + 7 * Math.max(0, Math.min(1, Number.isFinite(weight) ? weight : 0));
}

const NO_MARKS: readonly Mark[] = Object.freeze([]);

/** The marks on one item; the same empty list when there are none (safe for memoised views). */
export function marksOn(lens: Lens | null, target: MarkTarget, id: string): readonly Mark[] {
  return lens?.[target][id] ?? NO_MARKS;
}

export interface LensedDoc {
  /** The workspace with the lens's ghosts appended (ghosts whose id the workspace holds are left out). */
  doc: Workspace;
  /** Ids of the ghost stages, elements and handoffs, to draw them faded and keep them out of edits. */
  ghosts: ReadonlySet<string>;
}

const NO_GHOSTS: ReadonlySet<string> = new Set();

/** The document a view draws under `lens`: the workspace plus the lens's ghosts. */
export function lensedDoc(doc: Workspace, lens: Lens | null): LensedDoc {
  const stageGhosts = lens?.ghosts.stages ?? [];
  if (!lens || (lens.ghosts.elements.length === 0 && lens.ghosts.handoffs.length === 0 && stageGhosts.length === 0))
    return { doc, ghosts: NO_GHOSTS };
  const elementIds = new Set(doc.elements.map((e) => e.id));
  const handoffIds = new Set(doc.handoffs.map((h) => h.id));
  const stageIds = new Set(doc.stages.map((s) => s.id));
  const ghostElements = lens.ghosts.elements.filter((e) => !elementIds.has(e.id));
  const ghostHandoffs = lens.ghosts.handoffs.filter((h) => !handoffIds.has(h.id));
  const ghostStages = stageGhosts.filter((g) => !stageIds.has(g.stage.id)).sort((a, b) => a.index - b.index);
  // Each removed stage goes back where it stood: after the kept stages that stood before it
  // (`index`), and after the removed ones already put back before it.
  const stages = [...doc.stages];
  ghostStages.forEach((g, placed) => {
    stages.splice(Math.min(g.index + placed, stages.length), 0, g.stage);
  });
  const ghosts = new Set([...ghostStages.map((g) => g.stage.id), ...ghostElements.map((e) => e.id), ...ghostHandoffs.map((h) => h.id)]);
  return {
    doc: { ...doc, stages, elements: [...doc.elements, ...ghostElements], handoffs: [...doc.handoffs, ...ghostHandoffs] },
    ghosts,
  };
}
