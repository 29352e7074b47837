import { useMemo, useRef, useState } from "react";
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
  // The last arrays handed on: an update that changes no item hands on the same array, so
  // React Flow and the label placement below see no change at all.
  const lastNodes = useRef<ElementNodeType[]>([]);
  const lastEdges = useRef<HandoffEdgeType[]>([]);
  const shownNodes = useMemo(() => {
    const next = large
      ? withHidden(nodes, (n) => !cardShown(detail, n), nodeMemo.current)
      : detail.overview
        ? withHidden(nodes, () => true, nodeMemo.current)
        : nodes;
    lastNodes.current = unlessSame(lastNodes.current, next);
    return lastNodes.current;
  }, [large, nodes, detail]);
  // Which cards are out of the page: the same set after an edit that moved nothing (a rename),
  // so the handoffs (five per card) are not gone through again.
  const lastHidden = useRef<Set<string>>(new Set());
  const hidden = useMemo(() => {
    const next = new Set<string>();
    if (large) for (const n of shownNodes) if (n.hidden) next.add(n.id);
    if (!sameSet(lastHidden.current, next)) lastHidden.current = next;
    return lastHidden.current;
  }, [large, shownNodes]);
  const shownEdges = useMemo(() => {
    let next: HandoffEdgeType[];
    if (!large) next = detail.overview ? withHidden(edges, () => true, edgeMemo.current) : edges;
    else next = withHidden(edges, (e) => detail.overview || hidden.has(e.source) || hidden.has(e.target), edgeMemo.current);
    lastEdges.current = unlessSame(lastEdges.current, next);
    return lastEdges.current;
  }, [large, edges, hidden, detail.overview]);
  const farEdges = useMemo(
    () => (large && !detail.overview ? shownEdges.filter((e) => e.hidden) : []),
    [large, shownEdges, detail.overview],
  );
  // What React Flow is given. In a large graph: only the cards and handoffs it draws, and
  // what is selected (a selection panned out of view stays selected). React Flow's work on
  // every change (its lookups, its scan for visible handoffs) grows with what it holds: a
  // rename on a map of 10,000 handoffs would otherwise cost a scan of all of them, twice.
  const lastFlowNodes = useRef<ElementNodeType[]>([]);
  const lastFlowEdges = useRef<HandoffEdgeType[]>([]);
  const flowNodes = useMemo(() => {
    lastFlowNodes.current = unlessSame(lastFlowNodes.current, large ? shownNodes.filter(drawnOrSelected) : shownNodes);
    return lastFlowNodes.current;
  }, [large, shownNodes]);
  const flowEdges = useMemo(() => {
    lastFlowEdges.current = unlessSame(lastFlowEdges.current, large ? shownEdges.filter(drawnOrSelected) : shownEdges);
    return lastFlowEdges.current;
  }, [large, shownEdges]);
  return { large, detail, setDetail, shownNodes, shownEdges, farEdges, flowNodes, flowEdges };
}

const drawnOrSelected = (item: { hidden?: boolean; selected?: boolean }) => !item.hidden || !!item.selected;

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of b) if (!a.has(x)) return false;
  return true;
}
