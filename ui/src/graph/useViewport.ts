import { useReactFlow } from "@xyflow/react";
import { useCallback, type RefObject } from "react";
import { countInView, nodeBox, viewRect, zoomInFrom, type Rect } from "./detail";
import type { ElementNode as ElementNodeType, HandoffEdge as HandoffEdgeType } from "./mapping";
import { fitViewport, freeArea, keepInView, showViewport } from "./readable";

/** What floats over the canvas and hides the graph under it. */
const COVERS = ".graph-inspector, .graph-minimap-box, .react-flow__controls";
/** The inspector's room on the canvas's right (graph.css `.graph-inspector`), before it opens. */
const INSPECTOR = { width: 380, margin: 12 };
const MOVE = { duration: 300 };

/** The box around `nodes` in graph units. */
export function boundsOf(nodes: readonly ElementNodeType[]): Rect | null {
  if (nodes.length === 0) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const b = nodeBox(n);
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The canvas's size and the part of it nothing covers (`freeArea`), in canvas pixels; with
 * `inspector`, room is kept for the inspector even before it has opened. Null before layout.
 */
function visibleArea(canvas: HTMLDivElement | null, inspector: boolean): { box: DOMRect; free: Rect } | null {
  if (!canvas) return null;
  const box = canvas.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  const covers: Rect[] = [];
  for (const el of canvas.querySelectorAll(COVERS)) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) covers.push({ x: r.left - box.left, y: r.top - box.top, width: r.width, height: r.height });
  }
  if (inspector && !canvas.querySelector(".graph-inspector") && box.width > 2 * INSPECTOR.width) {
    const m = INSPECTOR.margin;
    covers.push({ x: box.width - INSPECTOR.width - m, y: m, width: INSPECTOR.width, height: box.height - 2 * m });
  }
  return { box, free: freeArea({ x: 0, y: 0, width: box.width, height: box.height }, covers) };
}

/**
 * Moving the view: fit the whole graph, show a selection beside the inspector, keep a clicked
 * card out from under it, zoom in from the overview. Every one uses the visible part of the
 * canvas and the readable-zoom rule of `readable.ts`.
 */
export function useViewport(
  canvas: RefObject<HTMLDivElement | null>,
  /** Every card, measured where React Flow has drawn it (React Flow holds only those it draws). */
  allNodes: () => ElementNodeType[],
) {
  const rf = useReactFlow<ElementNodeType, HandoffEdgeType>();

  /** "Zoom to fit" (and the first view): see `fitViewport`. False when the canvas has no size yet. */
  const fitTo = useCallback(
    (nodes: readonly ElementNodeType[], animate = true): boolean => {
      const area = visibleArea(canvas.current, false);
      const bounds = boundsOf(nodes);
      if (!area || !bounds) return false;
      void rf.setViewport(fitViewport(bounds, area.free), animate ? MOVE : undefined);
      return true;
    },
    [rf, canvas],
  );
  const fit = useCallback(() => void fitTo(allNodes()), [allNodes, fitTo]);

  /** Brings nodes into the part of the canvas the inspector leaves free, readable. */
  const centre = useCallback(
    (ids: string[]) => {
      const wanted = new Set(ids);
      const area = visibleArea(canvas.current, true);
      const bounds = boundsOf(allNodes().filter((n) => wanted.has(n.id)));
      if (!area || !bounds) return;
      void rf.setViewport(showViewport(bounds, area.free, rf.getViewport().zoom), MOVE);
    },
    [rf, canvas, allNodes],
  );

  /** Pans the least that brings the nodes out from under the inspector and minimap. */
  const keep = useCallback(
    (ids: string[]) => {
      const wanted = new Set(ids);
      const area = visibleArea(canvas.current, true);
      const bounds = boundsOf(allNodes().filter((n) => wanted.has(n.id)));
      if (!area || !bounds) return;
      const { x, y, zoom } = rf.getViewport();
      const onScreen = { x: x + bounds.x * zoom, y: y + bounds.y * zoom, width: bounds.width * zoom, height: bounds.height * zoom };
      // Something wider or taller than the free area cannot be kept in it: leave the view be.
      if (onScreen.width > area.free.width || onScreen.height > area.free.height) return;
      const { dx, dy } = keepInView(onScreen, area.free);
      if (dx !== 0 || dy !== 0) void rf.setViewport({ x: x + dx, y: y + dy, zoom }, MOVE);
    },
    [rf, canvas, allNodes],
  );

  /** In the overview, a click zooms in on that spot far enough to show cards. */
  const zoomInAt = useCallback(
    (event: React.MouseEvent, nodes: ElementNodeType[]) => {
      const box = canvas.current?.getBoundingClientRect();
      if (!box) return;
      const { x, y, zoom } = rf.getViewport();
      const inView = countInView(nodes, viewRect([x, y, zoom], box.width, box.height));
      const at = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      void rf.setCenter(at.x, at.y, { zoom: zoomInFrom(zoom, inView), duration: 300 });
    },
    [rf, canvas],
  );

  /** The centre of the visible canvas, in flow coordinates (where a new card goes). */
  const middle = useCallback(() => {
    const box = canvas.current?.getBoundingClientRect();
    return box ? rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
  }, [rf, canvas]);

  return { fit, fitTo, centre, keep, zoomInAt, middle, measuredNodes: allNodes };
}
