import {
  applyEdgeChanges, applyNodeChanges, Background, Controls, getViewportForBounds, MarkerType, MiniMap, ReactFlow, useReactFlow,
  type Connection, type EdgeChange, type Node, type NodeChange, type OnSelectionChangeParams,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Edit, ElementKind, Finding, Workspace } from "../backend";
import { Inspector } from "../inspector/Inspector";
import type { WorkspaceStore } from "../store/workspaceStore";
import { GraphContext, type GraphCallbacks } from "./context";
import { cardShown, countInView, LARGE_GRAPH, viewRect, withHidden, zoomInFrom, type Detail } from "./detail";
import { DetailLayer, OverviewMiniMap } from "./DetailLayer";
import { deleteSelectionEdit, newElement, newHandoff } from "./edits";
import { ElementNode } from "./ElementNode";
import { findingId, FindingsPanel } from "./FindingsPanel";
import { GraphToolbar } from "./GraphToolbar";
import { HandoffInspector } from "./HandoffInspector";
import { HandoffEdge } from "./HandoffEdge";
import { LayoutRunner, NODE_SIZE } from "./layout";
import {
  findingsOn, flagsBySubject, reconcileEdges, reconcileNodes, toEdges, toNodes,
  type ElementNode as ElementNodeType, type HandoffEdge as HandoffEdgeType,
} from "./mapping";
import { MINIMAP_COLOR } from "./minimap";
import { useAudit } from "./useAudit";
import { useGraphKeys } from "./useGraphKeys";
import { usePositions } from "./usePositions";

const nodeTypes = { element: ElementNode };
const edgeTypes = { handoff: HandoffEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
/** Above this many elements a first layout is a grid: ELK would keep the window busy too long. */
const AUTO_LAYOUT_LIMIT = 400;
/** The width the floating inspector covers on the canvas's right, with its margin. */
const INSPECTOR_ROOM = 400;
/** Zoom to fit takes in hidden cards too: a large graph keeps only those near the view in the page. */
const FIT = { padding: 0.12, duration: 300, includeHiddenNodes: true };
const FIRST_FIT = { padding: 0.12, includeHiddenNodes: true };

/** What a layout depends on: which elements exist and which handoffs join them (not names or details). */
function structureKey(d: Workspace): string {
  return `${d.elements.map((e) => e.id).join("\u0000")}\u0001${d.handoffs.map((h) => `${h.id}\u0000${h.from}\u0000${h.to}`).join("\u0000")}`;
}

interface Props {
  store: WorkspaceStore;
  slug: string;
  doc: Workspace;
  revision: number;
  displayName: string;
}

/** The canvas, its toolbar, the inspector of the selection and the findings panel. */
export function GraphEditor({ store, slug, doc, revision, displayName }: Props) {
  const rf = useReactFlow<ElementNodeType, HandoffEdgeType>();
  const { report, status } = useAudit(store.backend, slug, revision);
  const layout = usePositions(store.backend, slug);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [selNodes, setSelNodes] = useState<string[]>([]);
  const [selEdges, setSelEdges] = useState<string[]>([]);
  const [selFinding, setSelFinding] = useState<string | null>(null);
  const [laying, setLaying] = useState(false);
  const [layoutNote, setLayoutNote] = useState<string | null>(null);
  const runner = useRef<LayoutRunner | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const docRef = useRef(doc);
  docRef.current = doc;

  const flags = useMemo(() => flagsBySubject(report), [report]);
  const { positions, version } = layout;
  const derivedNodes = useMemo(
    () => (layout.ready ? toNodes(doc.elements, flags, positions.current, renaming) : []),
    // `version` stands for the positions in the ref.
    [doc.elements, flags, renaming, version, layout.ready],
  );
  const derivedEdges = useMemo(
    () => (layout.ready ? toEdges(doc.handoffs, new Set(doc.elements.map((e) => e.id)), flags) : []),
    [doc.handoffs, doc.elements, flags, layout.ready],
  );
  const [nodes, setNodes] = useState<ElementNodeType[]>([]);
  const [edges, setEdges] = useState<HandoffEdgeType[]>([]);
  useEffect(() => setNodes((prev) => reconcileNodes(prev, derivedNodes)), [derivedNodes]);
  useEffect(() => setEdges((prev) => reconcileEdges(prev, derivedEdges)), [derivedEdges]);

  // Level of detail: a large graph keeps only the cards near the view in the page, and draws
  // an overview instead when more is in view than can be read (see `detail.ts`).
  const large = doc.elements.length > LARGE_GRAPH;
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
  const farEdges = useMemo(() => (large && !detail.overview ? shownEdges.filter((e) => e.hidden) : []), [large, shownEdges, detail.overview]);
  const fit = useCallback(() => void rf.fitView(FIT), [rf]);

  const edit = useCallback((e: Edit) => store.edit(e), [store]);

  const select = useCallback((nodeIds: string[], edgeIds: string[]) => {
    const n = new Set(nodeIds);
    const e = new Set(edgeIds);
    setNodes((ns) => ns.map((x) => (!!x.selected === n.has(x.id) ? x : { ...x, selected: n.has(x.id) })));
    setEdges((es) => es.map((x) => (!!x.selected === e.has(x.id) ? x : { ...x, selected: e.has(x.id) })));
    setSelNodes(nodeIds);
    setSelEdges(edgeIds);
  }, []);

  /** Brings nodes into view in the part of the canvas the inspector leaves free. */
  const centre = useCallback((ids: string[]) => {
    const box = canvas.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    const free = box.width > 800 ? box.width - INSPECTOR_ROOM : box.width;
    const vp = getViewportForBounds(rf.getNodesBounds(ids), free, box.height, 0.3, 1.1, ids.length > 1 ? 0.25 : 0.6);
    void rf.setViewport(vp, { duration: 300 });
  }, [rf]);

  // One layout runner (and worker) per open workspace.
  useEffect(() => {
    const r = new LayoutRunner();
    runner.current = r;
    return () => {
      r.dispose();
      if (runner.current === r) runner.current = null;
    };
  }, [slug]);

  const runLayout = useCallback(async () => {
    const r = runner.current;
    if (!r || r.busy) return;
    const d = docRef.current;
    const shape = structureKey(d);
    setLaying(true);
    setLayoutNote(null);
    const measured = new Map(rf.getNodes().map((n: Node) => [n.id, n.measured]));
    const outcome = await r.start(
      d.elements.map((e) => ({ id: e.id, width: measured.get(e.id)?.width ?? NODE_SIZE.width, height: measured.get(e.id)?.height ?? NODE_SIZE.height })),
      d.handoffs.map((h) => ({ id: h.id, source: h.from, target: h.to })),
      { stillValid: () => runner.current === r && structureKey(docRef.current) === shape },
    );
    if (runner.current !== r) return;
    setLaying(r.busy);
    if (outcome.kind === "done") {
      layout.replace(outcome.positions);
      requestAnimationFrame(fit);
    } else if (outcome.kind === "stale") {
      setLayoutNote("The graph changed while it was being arranged; the layout was not applied. Run Auto-layout again.");
    } else if (outcome.kind === "failed") {
      setLayoutNote(outcome.message);
    }
  }, [rf, layout, fit]);

  const cancelLayout = useCallback(() => runner.current?.cancel(), []);

  // A workspace seen for the first time gets a layered layout once; its positions are then saved.
  const firstLayout = useRef(false);
  useEffect(() => {
    if (!layout.ready || !layout.wasEmpty || firstLayout.current || doc.elements.length === 0) return;
    firstLayout.current = true;
    if (doc.elements.length <= AUTO_LAYOUT_LIMIT) void runLayout();
  }, [layout.ready, layout.wasEmpty, doc.elements.length, runLayout]);

  const onNodesChange = useCallback((changes: NodeChange<ElementNodeType>[]) => {
    setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), ns));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<HandoffEdgeType>[]) => {
    setEdges((es) => applyEdgeChanges(changes.filter((c) => c.type !== "remove"), es));
  }, []);
  const onNodeDragStop = useCallback((_: unknown, _node: Node, dragged: Node[]) => {
    for (const n of dragged) positions.current.set(n.id, { x: n.position.x, y: n.position.y });
    layout.scheduleSave();
  }, [positions, layout]);
  const onSelectionChange = useCallback(({ nodes: n, edges: e }: OnSelectionChangeParams) => {
    setSelNodes(n.map((x) => x.id));
    setSelEdges(e.map((x) => x.id));
  }, []);
  const onConnect = useCallback(async (c: Connection) => {
    if (!c.source || !c.target || c.source === c.target) return;
    const h = newHandoff(docRef.current, c.source, c.target);
    if (await store.edit({ type: "put_handoff", handoff: h })) select([], [h.id]);
  }, [store, select]);

  const addElement = useCallback(async (kind: ElementKind) => {
    const el = newElement(docRef.current, kind);
    const box = canvas.current?.getBoundingClientRect();
    const at = box
      ? rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    positions.current.set(el.id, { x: at.x - NODE_SIZE.width / 2, y: at.y - NODE_SIZE.height / 2 });
    layout.scheduleSave();
    if (await store.edit({ type: "put_element", element: el })) {
      select([el.id], []);
      setRenaming(el.id);
    }
  }, [rf, store, positions, layout, select]);

  const deleteSelection = useCallback(() => {
    const e = deleteSelectionEdit(docRef.current, selNodes, selEdges);
    if (e) void store.edit(e);
  }, [store, selNodes, selEdges]);

  const find = useCallback((id: string) => {
    select([id], []);
    centre([id]);
  }, [select, centre]);

  const selectFinding = useCallback((f: Finding) => {
    setSelFinding(findingId(f));
    const s = f.subjects.find((x) => x.kind !== "stage");
    if (!s) return;
    if (s.kind === "element") find(s.id);
    else {
      const h = docRef.current.handoffs.find((x) => x.id === s.id);
      select([], [s.id]);
      if (h) centre([h.from, h.to]);
    }
  }, [find, select, centre]);

  const waive = useCallback((f: Finding, reason: string) => {
    void store.edit({ type: "put_waiver", waiver: { code: f.code, subject: f.key, reason, who: displayName.trim() || "Unnamed facilitator", when: new Date().toISOString() } });
  }, [store, displayName]);
  const unwaive = useCallback((f: Finding) => void store.edit({ type: "delete_waiver", code: f.code, subject: f.key }), [store]);

  useGraphKeys({
    hasSelection: selNodes.length + selEdges.length > 0,
    onDelete: deleteSelection,
    onRename: () => selNodes.length === 1 && selEdges.length === 0 && setRenaming(selNodes[0]),
    onSearch: () => search.current?.focus(),
    onLayout: () => void runLayout(),
    onFit: fit,
    onClear: () => select([], []),
    onAdd: (k) => void addElement(k),
  });

  const callbacks = useMemo<GraphCallbacks>(() => ({
    rename: (id, name) => {
      const el = docRef.current.elements.find((e) => e.id === id);
      if (el && name !== el.name) void store.edit({ type: "put_element", element: { ...el, name } });
    },
    stopRenaming: () => setRenaming(null),
    selectEdge: (id) => select([], [id]),
  }), [store, select]);

  const element = selNodes.length === 1 && selEdges.length === 0 ? doc.elements.find((e) => e.id === selNodes[0]) : undefined;
  const handoff = selEdges.length === 1 && selNodes.length === 0 ? doc.handoffs.find((h) => h.id === selEdges[0]) : undefined;
  const close = () => select([], []);
  const selectedIds = useMemo(() => new Set([...selNodes, ...selEdges]), [selNodes, selEdges]);

  /** In the overview, a click zooms in on that spot far enough to show cards. */
  const onPaneClick = (event: React.MouseEvent) => {
    const box = canvas.current?.getBoundingClientRect();
    if (!detail.overview || !box) return;
    const { x, y, zoom } = rf.getViewport();
    const inView = countInView(nodes, viewRect([x, y, zoom], box.width, box.height));
    const at = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    void rf.setCenter(at.x, at.y, { zoom: zoomInFrom(zoom, inView), duration: 300 });
  };

  return (
    <main className="graph-page">
      <GraphToolbar ref={search} elements={doc.elements} laying={laying} onAdd={(k) => void addElement(k)} onFind={find}
        onLayout={() => void runLayout()} onCancelLayout={cancelLayout} onFit={fit} />
      {layout.problem && <p className="graph-problem" role="alert">{layout.problem}</p>}
      {layoutNote && <p className="graph-problem" role="status" data-testid="graph-layout-note">{layoutNote}</p>}
      <div className="graph-body">
        <div className="graph-canvas" ref={canvas} data-testid="graph-canvas">
          <GraphContext.Provider value={callbacks}>
            <ReactFlow<ElementNodeType, HandoffEdgeType>
              nodes={shownNodes} edges={shownEdges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} defaultEdgeOptions={defaultEdgeOptions}
              onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onNodeDragStop={onNodeDragStop}
              onSelectionChange={onSelectionChange} onConnect={(c) => void onConnect(c)}
              onNodeDoubleClick={(_, n) => setRenaming(n.id)} onPaneClick={onPaneClick}
              onlyRenderVisibleElements deleteKeyCode={null} multiSelectionKeyCode={["Shift", "Meta", "Control"]}
              minZoom={0.05} maxZoom={2} fitView fitViewOptions={FIRST_FIT} proOptions={{ hideAttribution: true }}
            >
              {large && <DetailLayer nodes={nodes} edges={edges} farEdges={farEdges} detail={detail} onDetail={setDetail} selected={selectedIds} />}
              <Background gap={24} size={1.2} color="#c9ced8" />
              <Controls showInteractive={false} position="bottom-left" />
              {large ? (
                <OverviewMiniMap nodes={nodes} />
              ) : (
                <MiniMap pannable zoomable position="bottom-right" style={{ width: 168, height: 112 }} ariaLabel="Overview of the graph"
                  nodeColor={(n) => MINIMAP_COLOR(n.data as ElementNodeType["data"])} nodeStrokeWidth={3} />
              )}
            </ReactFlow>
          </GraphContext.Provider>
          {doc.elements.length === 0 && (
            <div className="graph-empty">
              <p><strong>No elements yet.</strong> Add the teams, people, systems, partners, rules and touchpoints that pass work to each other, then drag between them to record each handoff.</p>
            </div>
          )}
          {element && (
            <div className="graph-inspector">
              <Inspector element={element} doc={doc} onChange={(e) => void edit(e)} onClose={close} />
            </div>
          )}
          {handoff && (
            <div className="graph-inspector">
              <HandoffInspector handoff={handoff} doc={doc} findings={findingsOn(report, "handoff", handoff.id)} onChange={(e) => void edit(e)} onClose={close} />
            </div>
          )}
        </div>
        <FindingsPanel report={report} doc={doc} status={status} selected={selFinding}
          onSelect={selectFinding} onWaive={waive} onUnwaive={unwaive} />
      </div>
    </main>
  );
}
