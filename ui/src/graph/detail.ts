// Level of detail for large graphs. A window full of thousands of cards and curves is neither
// readable nor fast, so a large graph keeps only the cards near the view in the page, and when
// more elements are in view than anyone can read it draws the whole map on one canvas instead.
import type { Severity } from "../backend";
import { NODE_SIZE, type ElementNode, type HandoffEdge } from "./mapping";
import { curvePoint } from "./labelPlacement";
import { MINIMAP_COLOR } from "./minimap";
import { cardsReadable, READABLE_ZOOM } from "./readable";

/** Graphs with more elements than this get level of detail; smaller ones are all cards, always. */
export const LARGE_GRAPH = 300;
/**
 * More elements in view than this switch to the overview drawing. By then (about zoom 0.35 in
 * a grid) a card's text is 4 pixels high, and the fewer cards come into the page at once when
 * zooming in, the shorter the pause: with software painting, about 1 s with this at 300 and
 * 0.5 s at 160 (scripts/bench-graph)…
 */
export const OVERVIEW_ENTER = 160;
/** …and fewer than this switch back to cards (the gap keeps it from flickering at the edge). */
export const OVERVIEW_LEAVE = 110;
/** How many elements zooming in from the overview aims to show: well inside the cards view. */
export const ZOOM_IN_TARGET = 80;
/** The cards kept in the page reach this share of the view beyond each of its sides. */
const COVER_MARGIN = 0.25;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the canvas shows: every element as a card, or the overview drawing. */
export interface Detail {
  overview: boolean;
  /** The part of the graph whose cards are in the page; null before the view is known. */
  cover: Rect | null;
}

interface Placed {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
}

export function nodeBox(n: Placed): Rect {
  return {
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width || NODE_SIZE.width,
    height: n.measured?.height || NODE_SIZE.height,
  };
}

/** The part of the graph a viewport `[x, y, zoom]` of `width` × `height` pixels shows. */
export function viewRect([x, y, zoom]: View, width: number, height: number): Rect {
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

/** A React Flow viewport: `[x, y, zoom]`. */
export type View = readonly [number, number, number];

/**
 * The CSS transform (origin top left) that moves a drawing made at viewport `from` to where
 * its content belongs at viewport `to`: while the view moves, a canvas is moved and scaled
 * like an image, and drawn afresh only once the view rests.
 */
export function follow(from: View, to: View): string {
  const k = to[2] / from[2];
  return `translate(${to[0] - from[0] * k}px, ${to[1] - from[1] * k}px) scale(${k})`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function grow(r: Rect, share: number): Rect {
  const dx = r.width * share;
  const dy = r.height * share;
  return { x: r.x - dx, y: r.y - dy, width: r.width + 2 * dx, height: r.height + 2 * dy };
}

/** How many nodes overlap `view`, counting no further than `stopAt`. */
export function countInView(nodes: readonly Placed[], view: Rect, stopAt = Infinity): number {
  let n = 0;
  for (const node of nodes) {
    if (overlaps(nodeBox(node), view)) {
      n += 1;
      if (n >= stopAt) break;
    }
  }
  return n;
}

/**
 * The detail for a view at `zoom`, given the previous one, which is returned as it is when
 * nothing changes. A large graph draws cards only where their text is readable
 * (`cardsReadable`); further out, the overview. A large graph also takes the overview when more cards are in view
 * than the page can hold (with hysteresis), and keeps only the cards near the view in the
 * page: its cover moves only when the view leaves it (so panning re-renders cards now and
 * then, not every frame). A small graph keeps every card, so it has no cover.
 */
export function nextDetail(prev: Detail, nodes: readonly Placed[], view: Rect, zoom: number, large = true): Detail {
  // A small graph keeps its cards whatever the zoom: "zoom to fit" and showing a selection
  // already go to a readable zoom, and a person who zooms further out sees the whole map.
  let overview = large && !cardsReadable(zoom);
  if (!overview && large) {
    const inView = countInView(nodes, view, OVERVIEW_ENTER + 1);
    overview = prev.overview ? inView > OVERVIEW_LEAVE : inView > OVERVIEW_ENTER;
  }
  if (overview) return prev.overview ? prev : { overview, cover: null };
  if (!large) return !prev.overview && prev.cover === null ? prev : { overview, cover: null };
  if (!prev.overview && prev.cover && inside(prev.cover, view)) return prev;
  return { overview, cover: grow(view, COVER_MARGIN) };
}

/**
 * The zoom that shows about `ZOOM_IN_TARGET` elements, from a view that shows `inView` at
 * `zoom` (what is in view shrinks with the square of the zoom); at least twice as close, and
 * close enough for cards to be readable.
 */
export function zoomInFrom(zoom: number, inView: number): number {
  const z = zoom * Math.sqrt(Math.max(inView, 1) / ZOOM_IN_TARGET);
  return Math.min(1, Math.max(zoom * 2, z, READABLE_ZOOM));
}

/** Whether a node's card stays in the page. */
export function cardShown(detail: Detail, node: Placed): boolean {
  return !detail.overview && detail.cover !== null && overlaps(detail.cover, nodeBox(node));
}

/**
 * `items` with `hidden` set where `hide` says so, reusing the objects from the previous call
 * (kept in `memo`) for items that did not change, so React Flow re-renders only what did.
 */
export function withHidden<T extends { id: string; hidden?: boolean }>(
  items: readonly T[],
  hide: (item: T) => boolean,
  memo: Map<string, { from: T; out: T }>,
): T[] {
  const seen = new Set<string>();
  const out = items.map((item) => {
    seen.add(item.id);
    const hidden = hide(item);
    const last = memo.get(item.id);
    if (last && last.from === item && !!last.out.hidden === hidden) return last.out;
    const next = !!item.hidden === hidden ? item : { ...item, hidden };
    memo.set(item.id, { from: item, out: next });
    return next;
  });
  if (memo.size > seen.size) for (const id of memo.keys()) if (!seen.has(id)) memo.delete(id);
  return out;
}

const EDGE_COLOR: Record<Severity | "none", string> = { none: "#94a3b8", info: "#94a3b8", warning: "#d97706", error: "#b91c1c" };
const SELECTED = "#2563eb";

/** The part of a 2D context the drawings use (a test can record it). */
export type Pen = Pick<
  CanvasRenderingContext2D,
  | "setTransform"
  | "clearRect"
  | "beginPath"
  | "moveTo"
  | "lineTo"
  | "stroke"
  | "fillRect"
  | "strokeRect"
  | "setLineDash"
  | "fillStyle"
  | "strokeStyle"
  | "lineWidth"
  | "globalAlpha"
>;

/** Lines per path: one path of thousands of crossing lines takes a software rasteriser seconds. */
const LINES_PER_PATH = 32;

/** Strokes the lines given to `line` in paths of `LINES_PER_PATH`; `done` strokes the rest. */
function lineBatch(pen: Pen) {
  let lines = 0;
  return {
    line(ax: number, ay: number, bx: number, by: number) {
      if (lines % LINES_PER_PATH === 0) pen.beginPath();
      pen.moveTo(ax, ay);
      pen.lineTo(bx, by);
      lines += 1;
      if (lines % LINES_PER_PATH === 0) pen.stroke();
    },
    /** The parts of the polyline `xy` (x0, y0, x1, y1, …) inside `view`, as one line. */
    polyline(xy: readonly number[], view: Rect) {
      let open = false;
      let endX = Number.NaN;
      let endY = Number.NaN;
      for (let i = 2; i < xy.length; i += 2) {
        const seg = clipSegment(xy[i - 2], xy[i - 1], xy[i], xy[i + 1], view);
        if (!seg) continue;
        if (!open) {
          if (lines % LINES_PER_PATH === 0) pen.beginPath();
          open = true;
        }
        if (seg[0] !== endX || seg[1] !== endY) pen.moveTo(seg[0], seg[1]);
        pen.lineTo(seg[2], seg[3]);
        endX = seg[2];
        endY = seg[3];
      }
      if (!open) return;
      lines += 1;
      if (lines % LINES_PER_PATH === 0) pen.stroke();
    },
    done() {
      if (lines % LINES_PER_PATH !== 0) pen.stroke();
      lines = 0;
    },
  };
}

/** A box holding the curve between two handle points (its control points included). */
function curveBox(ax: number, ay: number, bx: number, by: number): Rect {
  const reach = Math.abs(bx - ax) * 0.5 + 25 * Math.sqrt(Math.max(ax - bx, 0)) * 0.25;
  const x0 = Math.min(ax, bx) - reach;
  const y0 = Math.min(ay, by) - 1;
  return { x: x0, y: y0, width: Math.abs(bx - ax) + 2 * reach, height: Math.abs(by - ay) + 2 };
}

/** Straight pieces a far handoff's curve is drawn with. */
const CURVE_PIECES = 12;

/** The curve React Flow draws between two handle points, as `CURVE_PIECES` straight pieces. */
export function curvePolyline(ax: number, ay: number, bx: number, by: number): number[] {
  const xy: number[] = [];
  for (let i = 0; i <= CURVE_PIECES; i++) xy.push(...curvePoint(ax, ay, bx, by, i / CURVE_PIECES));
  return xy;
}

/**
 * The part of the segment a→b inside `r` (Liang–Barsky), or null when it misses `r`: a
 * handoff to a distant card is a line thousands of pixels long, cut to what can be seen.
 */
export function clipSegment(ax: number, ay: number, bx: number, by: number, r: Rect): [number, number, number, number] | null {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, ax - r.x],
    [dx, r.x + r.width - ax],
    [-dy, ay - r.y],
    [dy, r.y + r.height - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy];
}

/**
 * Draws the parts of `edges` inside `view` as straight lines in the overview and as the
 * cards' curves among cards (flagged ones on top, in their
 * severity's colour) and, with `blocks`, every element in view as a block in its kind's or
 * worst finding's colour. Severity is never colour alone: in the overview warning lines are
 * dashed, and a block with an error is crossed out, one with a warning struck through once (with `marks`;
 * a minimap is too small for them). The pen's transform must already map graph coordinates
 * to pixels at `zoom` pixels per unit.
 */
export function drawGraph(
  pen: Pen,
  nodes: readonly ElementNode[],
  edges: readonly HandoffEdge[],
  view: Rect,
  zoom: number,
  selected: ReadonlySet<string>,
  blocks = true,
  marks = blocks,
): void {
  const boxes = new Map<string, Rect>();
  for (const n of nodes) boxes.set(n.id, nodeBox(n));
  const px = 1 / zoom;
  const groups: [string, number, number[], (e: HandoffEdge) => boolean][] = [
    [EDGE_COLOR.none, 1, [], (e) => !e.data?.severity || e.data.severity === "info"],
    // Dashed only in the overview: among cards a dashed handoff means a conditional trigger.
    [EDGE_COLOR.warning, 1.5, blocks ? [6 * px, 4 * px] : [], (e) => e.data?.severity === "warning"],
    [EDGE_COLOR.error, 2, [], (e) => e.data?.severity === "error"],
    [SELECTED, 2.5, [], (e) => selected.has(e.id)],
  ];
  for (const [color, width, dash, pick] of groups) {
    pen.strokeStyle = color;
    pen.lineWidth = width * px;
    pen.setLineDash(dash);
    // Under cards, plain lines stay faint so the cards read first.
    pen.globalAlpha = color !== EDGE_COLOR.none ? 0.9 : blocks ? 0.45 : 0.25;
    const batch = lineBatch(pen);
    for (const e of edges) {
      if (!pick(e)) continue;
      const a = boxes.get(e.source);
      const b = boxes.get(e.target);
      if (!a || !b) continue;
      const [ax, ay, bx, by] = [a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2];
      if (blocks) {
        const seg = clipSegment(ax, ay, bx, by, view);
        if (seg) batch.line(...seg);
        // Among cards, a far handoff curves like the ones drawn as cards' handoffs.
      } else if (overlaps(curveBox(ax, ay, bx, by), view)) batch.polyline(curvePolyline(ax, ay, bx, by), view);
    }
    batch.done();
  }
  pen.globalAlpha = 1;
  pen.setLineDash([]);
  if (!blocks) return;
  const crossed: Rect[] = [];
  const struck: Rect[] = [];
  for (const n of nodes) {
    const b = boxes.get(n.id);
    if (!b || !overlaps(b, view)) continue;
    pen.fillStyle = MINIMAP_COLOR(n.data);
    pen.fillRect(b.x, b.y, b.width, b.height);
    if (!marks) continue;
    if (n.data?.severity === "error") crossed.push(b);
    else if (n.data?.severity === "warning") struck.push(b);
  }
  pen.strokeStyle = "#ffffff";
  pen.lineWidth = 1.5 * px;
  const strokes = lineBatch(pen);
  for (const b of crossed) {
    strokes.line(b.x, b.y, b.x + b.width, b.y + b.height);
    strokes.line(b.x, b.y + b.height, b.x + b.width, b.y);
  }
  for (const b of struck) strokes.line(b.x, b.y + b.height, b.x + b.width, b.y);
  strokes.done();
  pen.strokeStyle = SELECTED;
  pen.lineWidth = 3 * px;
  for (const n of nodes) {
    if (!selected.has(n.id)) continue;
    const b = boxes.get(n.id);
    if (b) pen.strokeRect(b.x - 2 * px, b.y - 2 * px, b.width + 4 * px, b.height + 4 * px);
  }
}
