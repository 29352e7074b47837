import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange, type OnSelectionChangeParams } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Element, Report, Workspace } from "../backend";
import {
  flagsBySubject,
  reconcileEdges,
  sameFlags,
  reconcileNodes,
  toEdges,
  toNodes,
  type ElementNode as ElementNodeType,
  type HandoffEdge as HandoffEdgeType,
} from "./mapping";
import { useLensedDoc } from "../lens/LensContext";
import { useKept } from "./useKept";
import type { usePositions } from "./usePositions";

/**
 * The canvas's nodes and edges, derived from the document, the audit's flags and the saved
 * positions, and reconciled with React Flow's own state (drag, measure, select) so that an
 * unchanged card keeps its object. Also the selection: which cards and handoffs are selected.
 */
export function useGraphItems(doc: Workspace, report: Report | null, layout: ReturnType<typeof usePositions>, renaming: string | null) {
  // A new report that colours every card and handoff as the last one did (a rename, most
  // edits) keeps the last flags, so nothing on the canvas is derived again.
  const flags = useKept(
    useMemo(() => flagsBySubject(report), [report]),
    sameFlags,
  );
  const { positions, version } = layout;
  // The active lens's ghosts (removed cards, handoffs seen only in the logs) are drawn too.
  const { doc: drawn, ghosts } = useLensedDoc(doc);
  const nodeMemo = useRef(new Map<string, { element: Element; node: ElementNodeType }>());
  const derivedNodes = useMemo(
    () => (layout.ready ? toNodes(drawn.elements, flags, positions.current, renaming, ghosts, nodeMemo.current) : []),
    // `version` stands for the positions in the ref.
    [drawn.elements, flags, renaming, version, layout.ready, ghosts],
  );
  // The edges depend on which elements exist, not on what they say: renaming a card leaves
  // the 10,000 handoffs of a large map untouched (the ids, joined, stand for the set).
  const elementIds = useMemo(() => drawn.elements.map((e) => e.id).join("\n"), [drawn.elements]);
  const derivedEdges = useMemo(
    () => (layout.ready ? toEdges(drawn.handoffs, new Set(elementIds.split("\n")), flags, ghosts) : []),
    [drawn.handoffs, elementIds, flags, layout.ready, ghosts],
  );
  const [nodes, setNodes] = useState<ElementNodeType[]>([]);
  const [edges, setEdges] = useState<HandoffEdgeType[]>([]);
  useEffect(() => setNodes((prev) => reconcileNodes(prev, derivedNodes)), [derivedNodes]);
  useEffect(() => setEdges((prev) => reconcileEdges(prev, derivedEdges)), [derivedEdges]);

  const [selNodes, setSelNodes] = useState<string[]>([]);
  const [selEdges, setSelEdges] = useState<string[]>([]);

  const select = useCallback((nodeIds: string[], edgeIds: string[]) => {
    const n = new Set(nodeIds);
    const e = new Set(edgeIds);
    setNodes((ns) => ns.map((x) => (!!x.selected === n.has(x.id) ? x : { ...x, selected: n.has(x.id) })));
    setEdges((es) => es.map((x) => (!!x.selected === e.has(x.id) ? x : { ...x, selected: e.has(x.id) })));
    setSelNodes(nodeIds);
    setSelEdges(edgeIds);
  }, []);

  // Deleting goes through the backend, never through React Flow's own removal.
  const onNodesChange = useCallback((changes: NodeChange<ElementNodeType>[]) => {
    setNodes((ns) =>
      applyNodeChanges(
        changes.filter((c) => c.type !== "remove"),
        ns,
      ),
    );
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<HandoffEdgeType>[]) => {
    setEdges((es) =>
      applyEdgeChanges(
        changes.filter((c) => c.type !== "remove"),
        es,
      ),
    );
  }, []);
  const onSelectionChange = useCallback(({ nodes: n, edges: e }: OnSelectionChangeParams) => {
    setSelNodes(n.map((x) => x.id));
    setSelEdges(e.map((x) => x.id));
  }, []);

  const selectedIds = useMemo(() => new Set([...selNodes, ...selEdges]), [selNodes, selEdges]);
  const element = selNodes.length === 1 && selEdges.length === 0 ? doc.elements.find((e) => e.id === selNodes[0]) : undefined;
  const handoff = selEdges.length === 1 && selNodes.length === 0 ? doc.handoffs.find((h) => h.id === selEdges[0]) : undefined;

  return {
    nodes,
    edges,
    onNodesChange,
    onEdgesChange,
    selection: { nodes: selNodes, edges: selEdges, ids: selectedIds, element, handoff },
    select,
    onSelectionChange,
  };
}
