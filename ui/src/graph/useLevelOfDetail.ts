import { useMemo, useRef, useState } from "react";
import { cardShown, LARGE_GRAPH, withHidden, type Detail } from "./detail";
import type { ElementNode as ElementNodeType, HandoffEdge as HandoffEdgeType } from "./mapping";

/**
 * Level of detail: at a zoom where cards' text would be too small to read, any graph is drawn
 * as the overview instead (see `readable.ts`). A large graph also keeps only the cards near
 * the view in the page, and takes the overview when more is in view than the page can hold
 * (see `detail.ts`). A small graph at a readable zoom shows everything as it is.
 */
export function useLevelOfDetail(elementCount: number, nodes: ElementNodeType[], edges: HandoffEdgeType[]) {
  const large = elementCount > LARGE_GRAPH;
  const [detail, setDetail] = useState<Detail>({ overview: false, cover: null });
  const nodeMemo = useRef(new Map<string, { from: ElementNodeType; out: ElementNodeType }>());
  const edgeMemo = useRef(new Map<string, { from: HandoffEdgeType; out: HandoffEdgeType }>());
  const shownNodes = useMemo(() => {
    if (large) return withHidden(nodes, (n) => !cardShown(detail, n), nodeMemo.current);
    return detail.overview ? withHidden(nodes, () => true, nodeMemo.current) : nodes;
  }, [large, nodes, detail]);
  const shownEdges = useMemo(() => {
    if (!large) return detail.overview ? withHidden(edges, () => true, edgeMemo.current) : edges;
    const hidden = new Set(shownNodes.filter((n) => n.hidden).map((n) => n.id));
    return withHidden(edges, (e) => detail.overview || hidden.has(e.source) || hidden.has(e.target), edgeMemo.current);
  }, [large, edges, shownNodes, detail.overview]);
  const farEdges = useMemo(
    () => (large && !detail.overview ? shownEdges.filter((e) => e.hidden) : []),
    [large, shownEdges, detail.overview],
  );
  return { large, detail, setDetail, shownNodes, shownEdges, farEdges };
}
