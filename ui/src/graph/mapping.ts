import type { LabelPlace } from "./labelPlacement";
import type { Edge, Node, XYPosition } from "@xyflow/react";
import { actorName, actorsOf } from "../model/names";
import type { Element, ElementKind, Finding, Handoff, HandoffMode, Report, Severity, SubjectKind, Trigger } from "../backend";

/** The worst open (not waived) severity on one subject, and how many findings touch it. */
export interface Flag {
  severity: Severity | null;
  /** Open findings naming the subject. */
  open: number;
  /** Waived findings naming the subject. */
  waived: number;
}

export interface ElementNodeData extends Record<string, unknown> {
  name: string;
  kind: ElementKind;
  team: string | null;
  channel: string | null;
  severity: Severity | null;
  open: number;
  waived: number;
  renaming: boolean;
  /** Shown by a lens, not in the workspace: faded, never edited. */
  ghost: boolean;
}

export interface HandoffEdgeData extends Record<string, unknown> {
  /** The carried keys as shown on the edge: the first few and a count of the rest. */
  label: string;
  carries: number;
  invariant: number;
  mode: HandoffMode;
  trigger: Trigger;
  gate: boolean;
  severity: Severity | null;
  open: number;
  waived: number;
  /** Shown by a lens, not in the workspace: faded, never edited. */
  ghost: boolean;
  /** Where its label goes (`labelPlacement.ts`): unset is the middle, null left out. */
  place?: LabelPlace | null;
}

export type ElementNode = Node<ElementNodeData, "element">;
export type HandoffEdge = Edge<HandoffEdgeData, "handoff">;

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The more serious of two severities; null means none. */
export function worse(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/** The map key of a subject: element and handoff ids live in separate namespaces. */
export function subjectKey(kind: SubjectKind, id: string): string {
  return `${kind}:${id}`;
}

/**
 * Every subject a finding names (not only the primary one) carries the finding: a
 * conflicting claim flags the handoff and both of its ends. Waived findings do not colour.
 */
export function flagsBySubject(report: Report | null): Map<string, Flag> {
  const flags = new Map<string, Flag>();
  if (!report) return flags;
  for (const f of report.findings) {
    const seen = new Set<string>();
    for (const s of f.subjects) {
      const key = subjectKey(s.kind, s.id);
      if (seen.has(key)) continue;
      seen.add(key);
      const flag = flags.get(key) ?? { severity: null, open: 0, waived: 0 };
      if (f.waived) flag.waived += 1;
      else {
        flag.open += 1;
        flag.severity = worse(flag.severity, f.severity);
      }
      flags.set(key, flag);
    }
  }
  return flags;
}

/** `prev` itself when `next` flags every subject as it does, else `next`. */
export function sameFlags(prev: Map<string, Flag>, next: Map<string, Flag>): Map<string, Flag> {
  if (prev.size !== next.size) return next;
  for (const [key, f] of next) {
    const p = prev.get(key);
    if (!p || p.severity !== f.severity || p.open !== f.open || p.waived !== f.waived) return next;
  }
  return prev;
}

/** "a, b +3": the first `max` carried keys and how many more there are. */
export function carriesLabel(carries: string[], max = 2): string {
  if (carries.length === 0) return "nothing carried yet";
  const shown = carries.slice(0, max).join(", ");
  return carries.length > max ? `${shown} +${carries.length - max}` : shown;
}

const NO_FLAG: Flag = { severity: null, open: 0, waived: 0 };

/** A node's data; `actors` (team, person and partner ids to names) turns a team id into its name. */
export function elementNodeData(
  e: Element,
  flag: Flag = NO_FLAG,
  renaming = false,
  ghost = false,
  actors: ReadonlyMap<string, string> = new Map(),
): ElementNodeData {
  return {
    name: e.name,
    kind: e.kind,
    team: actorName(actors, e.team),
    channel: e.channel ?? null,
    severity: flag.severity,
    open: flag.open,
    waived: flag.waived,
    renaming,
    ghost,
  };
}

export function handoffEdgeData(h: Handoff, flag: Flag = NO_FLAG, ghost = false): HandoffEdgeData {
  return {
    label: carriesLabel(h.carries),
    carries: h.carries.length,
    invariant: h.invariant.length,
    mode: h.mode,
    trigger: h.trigger,
    gate: !!h.gate,
    severity: flag.severity,
    open: flag.open,
    waived: flag.waived,
    ghost,
  };
}

/** The size a node is laid out with before React Flow has measured it. */
export const NODE_SIZE = { width: 220, height: 76 };

/** The grid pitch of nodes without a saved position: a node box plus its gaps. */
export const GRID_CELL = { width: 260, height: 140 };
/** The screen shape "zoom to fit" should find a grid in (wider than tall). */
const GRID_ASPECT = 1.6;
const KIND_ORDER: ElementKind[] = ["touchpoint", "system", "rule", "team", "person", "partner"];

/**
 * How many columns a grid of `count` nodes gets: at least 8, and for many nodes about as
 * wide as a screen is, relative to its height (columns × cell width ≈ aspect × rows × cell height).
 */
export function gridColumns(count: number): number {
  return Math.max(8, Math.ceil(Math.sqrt((count * GRID_CELL.height * GRID_ASPECT) / GRID_CELL.width)));
}

/** Where a node without a saved position goes: cell `index` of a grid below everything placed. */
export function fallbackPosition(index: number, below: number, columns = 8): XYPosition {
  return { x: (index % columns) * GRID_CELL.width, y: below + GRID_CELL.height + Math.floor(index / columns) * GRID_CELL.height };
}

/** Grid cells for the unplaced elements: grouped by kind, each kind starting a new row. */
function gridCells(unplaced: Element[]): Map<string, number> {
  const columns = gridColumns(unplaced.length);
  const byKind = new Map<ElementKind, Element[]>();
  for (const e of unplaced) {
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }
  const kinds = [...KIND_ORDER.filter((k) => byKind.has(k)), ...[...byKind.keys()].filter((k) => !KIND_ORDER.includes(k))];
  const cells = new Map<string, number>();
  let row = 0;
  for (const k of kinds) {
    const list = byKind.get(k) ?? [];
    list.forEach((e, i) => {
      cells.set(e.id, row * columns + i);
    });
    row += Math.ceil(list.length / columns);
  }
  return cells;
}

/** Nodes for every element, at their known positions (others on a grid below them, see `gridColumns`). */
export function toNodes(
  elements: Element[],
  flags: Map<string, Flag>,
  positions: ReadonlyMap<string, XYPosition>,
  renaming: string | null = null,
  ghosts: ReadonlySet<string> = new Set(),
  /**
   * The nodes of the last call by id: a node whose element, flag, place and team name are
   * as they were is handed back as it was, so an edit to one card of 2,000 builds one node.
   */
  memo?: Map<string, { element: Element; node: ElementNode }>,
): ElementNode[] {
  let bottom = -Infinity;
  for (const p of positions.values()) bottom = Math.max(bottom, p.y);
  if (bottom === -Infinity) bottom = -GRID_CELL.height;
  const unplaced = elements.filter((e) => !positions.has(e.id));
  const columns = gridColumns(unplaced.length);
  const cells = unplaced.length > 0 ? gridCells(unplaced) : new Map<string, number>();
  const actors = actorsOf({ elements });
  const seen = memo && new Set<string>();
  const nodes = elements.map((e): ElementNode => {
    const position = positions.get(e.id) ?? fallbackPosition(cells.get(e.id) ?? 0, bottom, columns);
    const ghost = ghosts.has(e.id);
    seen?.add(e.id);
    const kept = memo?.get(e.id);
    const last = kept?.node;
    if (kept && last && kept.element === e && last.position.x === position.x && last.position.y === position.y) {
      const flag = flags.get(subjectKey("element", e.id)) ?? NO_FLAG;
      const d = last.data;
      if (
        d.severity === flag.severity &&
        d.open === flag.open &&
        d.waived === flag.waived &&
        d.renaming === (renaming === e.id) &&
        d.ghost === ghost &&
        d.team === actorName(actors, e.team)
      )
        return last;
    }
    const node: ElementNode = {
      id: e.id,
      type: "element",
      position,
      ...(ghost ? { draggable: false, selectable: false, connectable: false, deletable: false } : {}),
      // The size before the card is measured, so a card never shown still counts in zoom to fit.
      initialWidth: NODE_SIZE.width,
      initialHeight: NODE_SIZE.height,
      data: elementNodeData(e, flags.get(subjectKey("element", e.id)), renaming === e.id, ghost, actors),
    };
    memo?.set(e.id, { element: e, node });
    return node;
  });
  if (memo && seen && memo.size > seen.size) for (const id of memo.keys()) if (!seen.has(id)) memo.delete(id);
  return nodes;
}

/** Edges for every handoff whose two ends exist. */
export function toEdges(
  handoffs: Handoff[],
  elementIds: ReadonlySet<string>,
  flags: Map<string, Flag>,
  ghosts: ReadonlySet<string> = new Set(),
): HandoffEdge[] {
  const edges: HandoffEdge[] = [];
  for (const h of handoffs) {
    if (!elementIds.has(h.from) || !elementIds.has(h.to)) continue;
    const ghost = ghosts.has(h.id);
    const data = handoffEdgeData(h, flags.get(subjectKey("handoff", h.id)), ghost);
    edges.push({
      id: h.id,
      type: "handoff",
      ...(ghost ? { selectable: false, deletable: false } : {}),
      source: h.from,
      target: h.to,
      data,
      className: data.severity ? `sev-${data.severity}` : undefined,
    });
  }
  return edges;
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

/**
 * The next nodes, reusing each previous node object whose data and position did not change
 * (React Flow then skips re-rendering and re-measuring it); selection and measurements survive.
 */
export function reconcileNodes(prev: ElementNode[], next: ElementNode[]): ElementNode[] {
  const old = new Map(prev.map((n) => [n.id, n]));
  return unlessSame(
    prev,
    next.map((n) => {
      const p = old.get(n.id);
      if (!p) return n;
      const samePos = p.position.x === n.position.x && p.position.y === n.position.y;
      if (samePos && sameData(p.data, n.data)) return p;
      return { ...p, position: n.position, data: sameData(p.data, n.data) ? p.data : n.data };
    }),
  );
}

/** As `reconcileNodes`, for edges. */
export function reconcileEdges(prev: HandoffEdge[], next: HandoffEdge[]): HandoffEdge[] {
  const old = new Map(prev.map((e) => [e.id, e]));
  return unlessSame(
    prev,
    next.map((e) => {
      const p = old.get(e.id);
      if (!p || !p.data || !e.data) return e;
      if (p.source === e.source && p.target === e.target && sameData(p.data, e.data)) return p;
      return { ...p, source: e.source, target: e.target, data: e.data, className: e.className };
    }),
  );
}

/**
 * `prev` itself when `next` holds the same objects in the same order: React Flow then gets
 * no update at all (a new array of 10,000 unchanged edges still makes it rebuild its lookups
 * and run every edge's selectors). An audit that changed no flag leaves the canvas alone.
 */
export function unlessSame<T>(prev: T[], next: T[]): T[] {
  if (prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) return next;
  return prev;
}

/** The findings whose subjects include `kind:id`, most serious first (as the report orders them). */
export function findingsOn(report: Report | null, kind: SubjectKind, id: string): Finding[] {
  if (!report) return [];
  return report.findings.filter((f) => f.subjects.some((s) => s.kind === kind && s.id === id));
}

/** A fresh handoff id `h-<from>-<to>`, suffixed `-2`, `-3`… when taken. */
export function newHandoffId(from: string, to: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = `h-${from}-${to}`.slice(0, 60);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
