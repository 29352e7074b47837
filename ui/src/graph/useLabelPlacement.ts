import { useMemo, useRef } from "react";
import { nodeBox } from "./detail";
import { useKept } from "./useKept";
import { labelRank, placeLabels, type LabelPlace, type LabelSpec } from "./labelPlacement";
import { unlessSame, type ElementNode as ElementNodeType, type HandoffEdge as HandoffEdgeType } from "./mapping";

/** Pixels a label's marks take beside its text: the flag, the lock, the gate. */
function extraOf(d: HandoffEdgeType["data"]): number {
  if (!d) return 0;
  return (d.severity ? 14 : 0) + (d.invariant > 0 ? 12 : 0) + (d.gate ? 36 : 0);
}

const same = (a: LabelPlace | null | undefined, b: LabelPlace | null | undefined) =>
  a === b || (!!a && !!b && a.t === b.t && a.short === b.short);

/**
 * The shown handoffs with their labels placed clear of cards and of each other
 * (`placeLabels`). Unchanged handoffs keep their objects, so only the edges whose label moved
 * re-render. Nothing is placed while the overview is drawn.
 */
export function useLabelPlacement(nodes: ElementNodeType[], edges: HandoffEdgeType[], overview: boolean): HandoffEdgeType[] {
  const memo = useRef(new Map<string, { from: HandoffEdgeType; out: HandoffEdgeType }>());
  // The last array handed on is handed on again when no label moved (see `useKept`).
  const placed = useMemo(() => {
    if (overview) return edges;
    const boxes = new Map<string, ReturnType<typeof nodeBox>>();
    for (const n of nodes) if (!n.hidden) boxes.set(n.id, nodeBox(n));
    const specs: LabelSpec[] = [];
    for (const e of edges) {
      const from = boxes.get(e.source);
      const to = boxes.get(e.target);
      if (e.hidden || !from || !to || !e.data) continue;
      specs.push({ id: e.id, from, to, text: e.data.label, rank: labelRank(!!e.selected, e.data.severity), extra: extraOf(e.data) });
    }
    const places = placeLabels(specs, [...boxes.values()]);
    const seen = new Set<string>();
    const out = edges.map((e) => {
      if (!places.has(e.id) || !e.data) return e;
      seen.add(e.id);
      const place = places.get(e.id) ?? null;
      const last = memo.current.get(e.id);
      if (last && last.from === e && same(last.out.data?.place, place)) return last.out;
      const next = { ...e, data: { ...e.data, place } };
      memo.current.set(e.id, { from: e, out: next });
      return next;
    });
    for (const id of memo.current.keys()) if (!seen.has(id)) memo.current.delete(id);
    return out;
  }, [nodes, edges, overview]);
  return useKept(placed, unlessSame);
}
