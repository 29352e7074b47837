import { useMemo, useRef, useState } from "react";
import { cardShown, LARGE_GRAPH, withHidden, type Detail } from "./detail";
import type { ElementNode as ElementNodeType, HandoffEdge as HandoffEdgeType } from "./mapping";

/**
 * Level of detail: a large graph keeps only the cards near the view in the page, and draws
 * an overview instead when more is in view than can be read (see `detail.ts`). A small graph
 * shows everything as it is.
 */
export function useLevelOfDetail(elementCount: number, nodes: ElementNodeType[], edges: HandoffEdgeType[]) {
  const large = elementCount > LARGE_GRAPH;
  const [detail, setDetail] = useState<Detail>({ overview: false, cover: null });
  const nodeMemo = useRef(new Map<string, { from: ElementNodeType; out: ElementNodeType }>());
  const edgeMemo = useRef(new Map<string, { from: HandoffEdgeType; out: HandoffEdgeType }>());
  const shownNodes = useMemo(
    () => (large ? withHidden(nodes, (n) => !cardShown(detail, n), nodeMemo.current) : nodes),
    [large, nodes, detail],
  );
  const shownEdges = useMemo(() => {
    if (!large) return edges;
    const hidden = new Set(shownNodes.filter((n) => n.hidden).map((n) => n.id));
    return withHidden(edges, (e) => detail.overview || hidden.has(e.source) || hidden.has(e.target), edgeMemo.current);
  }, [large, edges, shownNodes, detail.overview]);
  const farEdges = useMemo(
    () => (large && !detail.overview ? shownEdges.filter((e) => e.hidden) : []),
    [large, shownEdges, detail.overview],
  );
  return { large, detail, setDetail, shownNodes, shownEdges, farEdges };
}
