import { getViewportForBounds, useReactFlow } from "@xyflow/react";
import { useCallback, type RefObject } from "react";
import { countInView, viewRect, zoomInFrom } from "./detail";
import type { ElementNode as ElementNodeType, HandoffEdge as HandoffEdgeType } from "./mapping";

/** The width the floating inspector covers on the canvas's right, with its margin. */
const INSPECTOR_ROOM = 400;
/** Zoom to fit takes in hidden cards too: a large graph keeps only those near the view in the page. */
const FIT = { padding: 0.12, duration: 300, includeHiddenNodes: true };

/** Moving the view: fit the whole graph, centre on cards, zoom in from the overview. */
export function useViewport(canvas: RefObject<HTMLDivElement | null>) {
  const rf = useReactFlow<ElementNodeType, HandoffEdgeType>();
  const fit = useCallback(() => void rf.fitView(FIT), [rf]);

  /** Brings nodes into view in the part of the canvas the inspector leaves free. */
  const centre = useCallback(
    (ids: string[]) => {
      const box = canvas.current?.getBoundingClientRect();
      if (!box || box.width === 0) return;
      const free = box.width > 800 ? box.width - INSPECTOR_ROOM : box.width;
      const vp = getViewportForBounds(rf.getNodesBounds(ids), free, box.height, 0.3, 1.1, ids.length > 1 ? 0.25 : 0.6);
      void rf.setViewport(vp, { duration: 300 });
    },
    [rf, canvas],
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

  const measuredNodes = useCallback(() => rf.getNodes(), [rf]);

  return { fit, centre, zoomInAt, middle, measuredNodes };
}
