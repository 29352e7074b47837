import { getNodesBounds, Panel, useReactFlow, useStore, type ReactFlowState } from "@xyflow/react";
import { useEffect, useMemo, useRef } from "react";
import { drawGraph, nextDetail, viewRect, type Detail, type Pen } from "./detail";
import type { ElementNode, HandoffEdge } from "./mapping";

const viewOf = (s: ReactFlowState) => s.transform;
const widthOf = (s: ReactFlowState) => s.width;
const heightOf = (s: ReactFlowState) => s.height;

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

interface LayerProps {
  nodes: ElementNode[];
  edges: HandoffEdge[];
  /** With cards shown: the handoffs whose cards are not all in the page. */
  farEdges: HandoffEdge[];
  detail: Detail;
  onDetail: (next: Detail) => void;
  selected: ReadonlySet<string>;
}

/**
 * Decides, as the view moves, which cards of a large graph stay in the page and when to show
 * the overview drawing instead. One canvas, the size of the view, draws that overview (every
 * element and handoff) or, under the cards, the handoffs that lead to cards not in the page:
 * as curves in the page they would span the whole graph and cost memory in proportion.
 */
export function DetailLayer({ nodes, edges, farEdges, detail, onDetail, selected }: LayerProps) {
  const transform = useStore(viewOf);
  const width = useStore(widthOf);
  const height = useStore(heightOf);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (width === 0 || height === 0) return;
    const next = nextDetail(detail, nodes, viewRect(transform, width, height));
    if (next !== detail) onDetail(next);
  }, [transform, width, height, nodes, detail, onDetail]);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const ready = prepare(canvas.current, width, height);
      if (!ready) return;
      const [x, y, zoom] = transform;
      const { pen, dpr } = ready;
      pen.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * x, dpr * y);
      const view = viewRect(transform, width, height);
      if (detail.overview) drawGraph(pen, nodes, edges, view, zoom, selected);
      else drawGraph(pen, nodes, farEdges, view, zoom, selected, false);
    });
    return () => cancelAnimationFrame(frame);
  }, [detail.overview, transform, width, height, nodes, edges, farEdges, selected]);

  if (!detail.overview) {
    return <canvas ref={canvas} className="graph-far-edges" data-testid="graph-far-edges" style={{ width, height }} aria-hidden="true" />;
  }
  return (
    <>
      <canvas ref={canvas} className="graph-overview" data-testid="graph-overview" style={{ width, height }}
        role="img" aria-label={`Overview of ${nodes.length} elements and ${edges.length} handoffs`} />
      <Panel position="top-left" className="graph-overview-note" data-testid="graph-overview-note">
        Overview of all {nodes.length.toLocaleString("en")} elements. Click a spot or zoom in to see and edit its cards.
      </Panel>
    </>
  );
}

const MAP = { width: 168, height: 112, pad: 6 };

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

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const ready = prepare(canvas.current, MAP.width, MAP.height);
      if (!ready || !bounds) return;
      const { pen, dpr } = ready;
      pen.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * ox, dpr * oy);
      drawGraph(pen, nodes, [], { x: -ox / scale, y: -oy / scale, width: MAP.width / scale, height: MAP.height / scale }, scale, new Set());
      if (width === 0 || height === 0) return;
      const v = viewRect(transform, width, height);
      pen.strokeStyle = "#1f2937";
      pen.lineWidth = 1.5 / scale;
      pen.strokeRect(v.x, v.y, v.width, v.height);
    });
    return () => cancelAnimationFrame(frame);
  }, [nodes, bounds, scale, ox, oy, transform, width, height]);

  const jump = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const gx = (e.clientX - box.left - ox) / scale;
    const gy = (e.clientY - box.top - oy) / scale;
    void rf.setCenter(gx, gy, { zoom: transform[2], duration: 250 });
  };

  return (
    <Panel position="bottom-right" className="graph-minimap">
      <canvas ref={canvas} data-testid="graph-minimap" style={{ width: MAP.width, height: MAP.height }} onClick={jump}
        role="img" aria-label="Overview of the graph; click to move the view there" />
    </Panel>
  );
}
