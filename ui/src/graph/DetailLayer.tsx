import { getNodesBounds, Panel, useReactFlow, useStore, type ReactFlowState } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, type RefObject } from "react";
import { count } from "../model/format";
import { useKept } from "./useKept";
import { drawGraph, follow, nextDetail, viewRect, type Detail, type Pen, type View } from "./detail";
import type { ElementNode, HandoffEdge } from "./mapping";

const viewOf = (s: ReactFlowState) => s.transform;
const widthOf = (s: ReactFlowState) => s.width;
const heightOf = (s: ReactFlowState) => s.height;

/** How long the view must rest before a canvas that follows it is drawn afresh. */
export const REST_MS = 120;

/** A canvas sized to `width` × `height` CSS pixels at the screen's density, and its pen. */
function prepare(canvas: HTMLCanvasElement | null, width: number, height: number): { pen: Pen; dpr: number } | null {
  if (!canvas) return null;
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  // Unaccelerated: WebKitGTK's GPU canvas crashes its web process on software GL (Mesa swrast).
  const pen = canvas.getContext("2d", { willReadFrequently: true });
  if (!pen) return null;
  pen.setTransform(1, 0, 0, 1, 0, 0);
  pen.clearRect(0, 0, w, h);
  return { pen, dpr };
}

/**
 * Keeps a view-sized canvas in step with the view. `draw` paints it for a viewport; it runs
 * on the next frame whenever it or the size changes, so it must be memoized on what is drawn.
 * While the view moves, the last drawing is only moved and scaled with CSS, which costs a
 * software renderer next to nothing; it is drawn afresh once the view has rested `REST_MS`.
 */
export function useFollowingCanvas(
  canvas: RefObject<HTMLCanvasElement | null>,
  width: number,
  height: number,
  view: View,
  draw: (pen: Pen, dpr: number, view: View) => void,
): void {
  const latest = useRef(view);
  latest.current = view;
  const drawnAt = useRef<{ canvas: HTMLCanvasElement; view: View } | null>(null);

  const paint = useCallback(() => {
    const c = canvas.current;
    const ready = prepare(c, width, height);
    if (!c || !ready) return;
    draw(ready.pen, ready.dpr, latest.current);
    c.style.transform = "";
    drawnAt.current = { canvas: c, view: latest.current };
  }, [canvas, width, height, draw]);

  useEffect(() => {
    const frame = requestAnimationFrame(paint);
    return () => cancelAnimationFrame(frame);
  }, [paint]);

  useEffect(() => {
    const at = drawnAt.current;
    if (!at || at.canvas !== canvas.current) return;
    if (at.view[0] === view[0] && at.view[1] === view[1] && at.view[2] === view[2]) return;
    at.canvas.style.transform = follow(at.view, view);
    const timer = setTimeout(paint, REST_MS);
    return () => clearTimeout(timer);
  }, [canvas, view, paint]);
}

interface LayerProps {
  nodes: ElementNode[];
  edges: HandoffEdge[];
  /** With cards shown: the handoffs whose cards are not all in the page. */
  farEdges: HandoffEdge[];
  detail: Detail;
  onDetail: (next: Detail) => void;
  selected: ReadonlySet<string>;
  /** A large graph keeps only the cards near the view in the page; a small one all of them. */
  large: boolean;
}

/**
 * Decides, as the view moves, which cards of a large graph stay in the page and when to show
 * the overview drawing instead. One canvas, the size of the view, draws that overview (every
 * element and handoff) or, under the cards, the handoffs that lead to cards not in the page:
 * as curves in the page they would span the whole graph and cost memory in proportion.
 */
export function DetailLayer({ nodes, edges, farEdges, detail, onDetail, selected, large }: LayerProps) {
  const transform = useStore(viewOf);
  const width = useStore(widthOf);
  const height = useStore(heightOf);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (width === 0 || height === 0) return;
    const next = nextDetail(detail, nodes, viewRect(transform, width, height), transform[2], large);
    if (next !== detail) onDetail(next);
  }, [transform, width, height, nodes, detail, onDetail, large]);

  // The far handoffs depend on where cards are, not on what they say: a rename redraws nothing.
  const placed = useKept(nodes, (last, next) => (samePlaces(last, next) ? last : next));
  const drawn = detail.overview ? nodes : placed;
  const draw = useCallback(
    (pen: Pen, dpr: number, at: View) => {
      const [x, y, zoom] = at;
      pen.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * x, dpr * y);
      const view = viewRect(at, width, height);
      if (detail.overview) drawGraph(pen, drawn, edges, view, zoom, selected);
      else drawGraph(pen, drawn, farEdges, view, zoom, selected, false);
    },
    [detail.overview, width, height, drawn, edges, farEdges, selected],
  );
  useFollowingCanvas(canvas, width, height, transform, draw);

  if (!detail.overview) {
    if (!large) return null;
    return <canvas ref={canvas} className="graph-far-edges" data-testid="graph-far-edges" style={{ width, height }} aria-hidden="true" />;
  }
  return (
    <>
      <canvas
        ref={canvas}
        className="graph-overview"
        data-testid="graph-overview"
        style={{ width, height }}
        role="img"
        aria-label={`Overview of ${nodes.length} elements and ${edges.length} handoffs`}
      />
      <Panel position="top-left" className="graph-overview-note" data-testid="graph-overview-note">
        <span>
          Overview of all {count(nodes.length)} elements: cards would be too small to read at this zoom. Click a spot or zoom in to see and
          edit its cards.
        </span>
        <span className="graph-overview-legend">
          <span className="legend-error">✖ Error</span>: red, crossed-out block or solid red line ·{" "}
          <span className="legend-warning">⚠ Warning</span>: amber, struck-through block or dashed line
        </span>
      </Panel>
    </>
  );
}

const MAP = { width: 168, height: 112, pad: 6 };
/** How long after a change of the cards the minimap draws them again. */
const MINIMAP_DELAY_MS = 120;

/** Whether two lists hold the same cards at the same places and sizes, drawn the same way. */
function samePlaces(a: readonly ElementNode[], b: readonly ElementNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [p, q] = [a[i], b[i]];
    if (p === q) continue;
    if (p.id !== q.id || p.position.x !== q.position.x || p.position.y !== q.position.y) return false;
    if (p.measured?.width !== q.measured?.width || p.measured?.height !== q.measured?.height) return false;
    if (!!p.hidden !== !!q.hidden || !!p.selected !== !!q.selected || p.data.ghost !== q.data.ghost) return false;
  }
  return true;
}

/**
 * The minimap of a large graph: every element (the built-in minimap would show only the cards
 * in the page) and the part in view; a click centres the view there.
 */
export function OverviewMiniMap({ nodes }: { nodes: ElementNode[] }) {
  const rf = useReactFlow();
  const transform = useStore(viewOf);
  const width = useStore(widthOf);
  const height = useStore(heightOf);
  const canvas = useRef<HTMLCanvasElement>(null);
  const bounds = useMemo(() => (nodes.length > 0 ? getNodesBounds(nodes) : null), [nodes]);
  const scale = bounds
    ? Math.min((MAP.width - 2 * MAP.pad) / Math.max(bounds.width, 1), (MAP.height - 2 * MAP.pad) / Math.max(bounds.height, 1))
    : 1;
  // Graph point (gx, gy) sits at map pixel (ox + gx·scale, oy + gy·scale), the graph centred.
  const ox = bounds ? (MAP.width - bounds.width * scale) / 2 - bounds.x * scale : 0;
  const oy = bounds ? (MAP.height - bounds.height * scale) / 2 - bounds.y * scale : 0;

  // The elements are drawn when they change; the view's frame is an element on top, moved as the view moves.
  // Drawn a moment after a change, not in the frame that shows it: an edit reaches the
  // screen first, and a run of changes (typing, a drag) draws the map once.
  useEffect(() => {
    const frame = setTimeout(() => {
      const ready = prepare(canvas.current, MAP.width, MAP.height);
      if (!ready || !bounds) return;
      const { pen, dpr } = ready;
      pen.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * ox, dpr * oy);
      drawGraph(
        pen,
        nodes,
        [],
        { x: -ox / scale, y: -oy / scale, width: MAP.width / scale, height: MAP.height / scale },
        scale,
        new Set(),
        true,
        false,
      );
    }, MINIMAP_DELAY_MS);
    return () => clearTimeout(frame);
  }, [nodes, bounds, scale, ox, oy]);
  const v = width > 0 && height > 0 ? viewRect(transform, width, height) : null;

  const jump = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const gx = (e.clientX - box.left - ox) / scale;
    const gy = (e.clientY - box.top - oy) / scale;
    void rf.setCenter(gx, gy, { zoom: transform[2], duration: 250 });
  };

  return (
    <Panel position="bottom-right" className="graph-minimap">
      <div className="graph-minimap-box" style={{ width: MAP.width, height: MAP.height }}>
        <canvas
          ref={canvas}
          data-testid="graph-minimap"
          style={{ width: MAP.width, height: MAP.height }}
          onClick={jump}
          role="img"
          aria-label="Overview of the graph; click to move the view there"
        />
        {v && (
          <div
            className="graph-minimap-view"
            data-testid="graph-minimap-view"
            aria-hidden="true"
            style={{ left: ox + v.x * scale, top: oy + v.y * scale, width: v.width * scale, height: v.height * scale }}
          />
        )}
      </div>
    </Panel>
  );
}
