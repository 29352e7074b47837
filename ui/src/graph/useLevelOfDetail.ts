import { useMemo, useRef, useState } from "react";
import { useKept } from "./useKept";
import { cardShown, LARGE_GRAPH, withHidden, type Detail } from "./detail";
import { unlessSame, type ElementNode as ElementNodeType, type HandoffEdge as HandoffEdgeType } from "./mapping";

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
  // An update that changes no item hands on the same array (`useKept`), so React Flow and
  // the label placement below see no change at all.
  const shownNodes = useKept(
    useMemo(() => {
      if (large) return withHidden(nodes, (n) => !cardShown(detail, n), nodeMemo.current);
      return detail.overview ? withHidden(nodes, () => true, nodeMemo.current) : nodes;
    }, [large, nodes, detail]),
    unlessSame,
  );
  // Which cards are out of the page: the same set after an edit that moved nothing (a rename),
  // so the handoffs (five per card) are not gone through again.
  const hidden = useKept(
    useMemo(() => new Set(large ? shownNodes.filter((n) => n.hidden).map((n) => n.id) : []), [large, shownNodes]),
    (last, next) => (sameSet(last, next) ? last : next),
  );
  const shownEdges = useKept(
    useMemo(() => {
      if (!large) return detail.overview ? withHidden(edges, () => true, edgeMemo.current) : edges;
      return withHidden(edges, (e) => detail.overview || hidden.has(e.source) || hidden.has(e.target), edgeMemo.current);
    }, [large, edges, hidden, detail.overview]),
    unlessSame,
  );
  const farEdges = useMemo(
    () => (large && !detail.overview ? shownEdges.filter((e) => e.hidden) : []),
    [large, shownEdges, detail.overview],
  );
  // What React Flow is given. In a large graph: only the cards and handoffs it draws, and
  // what is selected (a selection panned out of view stays selected). React Flow's work on
  // every change (its lookups, its scan for visible handoffs) grows with what it holds: a
  // rename on a map of 10,000 handoffs would otherwise cost a scan of all of them, twice.
  const flowNodes = useKept(
    useMemo(() => (large ? shownNodes.filter(drawnOrSelected) : shownNodes), [large, shownNodes]),
    unlessSame,
  );
  const flowEdges = useKept(
    useMemo(() => (large ? shownEdges.filter(drawnOrSelected) : shownEdges), [large, shownEdges]),
    unlessSame,
  );
  return { large, detail, setDetail, shownNodes, shownEdges, farEdges, flowNodes, flowEdges };
}

const drawnOrSelected = (item: { hidden?: boolean; selected?: boolean }) => !item.hidden || !!item.selected;

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of b) if (!a.has(x)) return false;
  return true;
}
