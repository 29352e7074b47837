// Where each handoff's label goes. Drawn at the middle of every curve, labels of handoffs
// between the same columns pile on each other and sit under cards; this pass places them one
// by one, the most important first, at the first spot along their curve that collides with no
// card and no label already placed, shortened when only a short one fits, and left out when
// none does (the full label still shows on hover and when the handoff is selected).
import type { Rect } from "./detail";

/** Where a handoff's label sits: `t` along its curve (0 at the source), whole or shortened. */
export interface LabelPlace {
  t: number;
  short: boolean;
}

/** One label to place: the boxes of its two cards, its text and how it ranks. */
export interface LabelSpec {
  id: string;
  from: Rect;
  to: Rect;
  /** The label's text (what the handoff carries). */
  text: string;
  /** Lower is placed first: see `labelRank`. */
  rank: number;
  /** Pixels taken by marks beside the text (flag, lock, gate). */
  extra: number;
}

/** Label height and the widths the CSS allows (graph.css: `.glabel`, `.glabel.short`). */
export const LABEL = { height: 20, maxWidth: 220, shortWidth: 110, padding: 18, charWidth: 6.6 };
/** The spots tried along a curve, the middle first. */
export const SPOTS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.14, 0.86];
/** Room kept clear around cards (their handles stick out 5 units) and between labels, in graph units. */
const GAP = 6;

/** Selected handoffs first, then by their worst open finding, then the rest. */
export function labelRank(selected: boolean, severity: string | null | undefined): number {
  if (selected) return 0;
  if (severity === "error") return 1;
  if (severity === "warning") return 2;
  if (severity === "info") return 3;
  return 4;
}

/** The label's width in graph units, whole or shortened. */
export function labelWidth(text: string, extra: number, short: boolean): number {
  const whole = Math.min(LABEL.maxWidth, LABEL.padding + extra + text.length * LABEL.charWidth);
  return short ? Math.min(whole, LABEL.shortWidth) : whole;
}

/** React Flow's control offset for a bezier edge (curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/**
 * The point `t` along the curve React Flow draws from a right-hand source handle at (sx, sy)
 * to a left-hand target handle at (tx, ty) (`getBezierPath`; its label sits at t = 0.5).
 */
export function curvePoint(sx: number, sy: number, tx: number, ty: number, t: number): [number, number] {
  const c1x = sx + controlOffset(tx - sx);
  const c2x = tx - controlOffset(tx - sx);
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * sx + b * c1x + c * c2x + d * tx, a * sy + b * sy + c * ty + d * ty];
}

/** The handle points of a handoff between two cards: the source's right side, the target's left. */
export function endsOf(from: Rect, to: Rect): [number, number, number, number] {
  return [from.x + from.width, from.y + from.height / 2, to.x, to.y + to.height / 2];
}

/** Rectangles bucketed on a grid, to ask cheaply whether a new one overlaps any. */
class Grid {
  private cells = new Map<string, Rect[]>();
  constructor(private size = 240) {}
  private keys(r: Rect): string[] {
    const out: string[] = [];
    const x0 = Math.floor(r.x / this.size);
    const x1 = Math.floor((r.x + r.width) / this.size);
    const y0 = Math.floor(r.y / this.size);
    const y1 = Math.floor((r.y + r.height) / this.size);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(`${x},${y}`);
    return out;
  }
  add(r: Rect) {
    for (const k of this.keys(r)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(r);
      else this.cells.set(k, [r]);
    }
  }
  hits(r: Rect): boolean {
    for (const k of this.keys(r)) {
      for (const o of this.cells.get(k) ?? []) {
        if (r.x < o.x + o.width && o.x < r.x + r.width && r.y < o.y + o.height && o.y < r.y + r.height) return true;
      }
    }
    return false;
  }
}

const around = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });

/**
 * Places `labels` clear of `cards` and of each other: in rank order (then as given), each
 * takes the first of `SPOTS` along its curve where it fits whole, else where it fits
 * shortened, else it is left out (null). A rank-0 (selected) label is always shown, whole,
 * at its first free spot or the middle.
 */
export function placeLabels(labels: readonly LabelSpec[], cards: readonly Rect[]): Map<string, LabelPlace | null> {
  const taken = new Grid();
  for (const c of cards) taken.add(around(c, GAP));
  const order = labels.map((l, i) => [l, i] as const).sort((a, b) => a[0].rank - b[0].rank || a[1] - b[1]);
  const out = new Map<string, LabelPlace | null>();
  for (const [l] of order) {
    const [sx, sy, tx, ty] = endsOf(l.from, l.to);
    const boxAt = (t: number, short: boolean): Rect => {
      const [x, y] = curvePoint(sx, sy, tx, ty, t);
      const w = labelWidth(l.text, l.extra, short);
      return { x: x - w / 2, y: y - LABEL.height / 2, width: w, height: LABEL.height };
    };
    let place: LabelPlace | null = null;
    for (const short of [false, true]) {
      if (short && l.rank === 0) break;
      for (const t of SPOTS) {
        const box = boxAt(t, short);
        if (taken.hits(box)) continue;
        place = { t, short };
        break;
      }
      if (place) break;
    }
    if (!place && l.rank === 0) place = { t: 0.5, short: false };
    if (place) taken.add(around(boxAt(place.t, place.short), GAP / 2));
    out.set(l.id, place);
  }
  return out;
}
