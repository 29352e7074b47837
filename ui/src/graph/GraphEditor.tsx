import type { Connection, Node } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Edit, Finding, Workspace } from "../backend";
import { Inspector } from "../inspector/Inspector";
import { useReadOnly } from "../store/readOnly";
import type { WorkspaceStore } from "../store/workspaceStore";
import { GraphContext } from "./context";
import { findingId, FindingsPanel } from "./FindingsPanel";
import { GraphCanvas } from "./GraphCanvas";
import { GraphToolbar } from "./GraphToolbar";
import { HandoffInspector } from "./HandoffInspector";
import { findingsOn } from "./mapping";
import { useAudit } from "./useAudit";
import { useAutoLayout } from "./useAutoLayout";
import { useGraphEdits } from "./useGraphEdits";
import { useGraphItems } from "./useGraphItems";
import { useGraphKeys } from "./useGraphKeys";
import { useLabelPlacement } from "./useLabelPlacement";
import { useLevelOfDetail } from "./useLevelOfDetail";
import { usePositions } from "./usePositions";
import { useViewport } from "./useViewport";

interface Props {
  store: WorkspaceStore;
  slug: string;
  doc: Workspace;
  revision: number;
}

/**
 * The canvas, its toolbar, the inspector of the selection and the findings panel. Each concern
 * lives in its own hook: the items and selection (`useGraphItems`), level of detail
 * (`useLevelOfDetail`), the view (`useViewport`), auto-layout (`useAutoLayout`), edits and
 * waivers (`useGraphEdits`) and keys (`useGraphKeys`); this component wires them together.
 */
export function GraphEditor({ store, slug, doc, revision }: Props) {
  const readOnly = useReadOnly();
  const { report, status, revision: auditedRevision } = useAudit(store, slug, revision);
  const layout = usePositions(store.backend, slug);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [selFinding, setSelFinding] = useState<string | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const docRef = useRef(doc);
  docRef.current = doc;

  const items = useGraphItems(doc, report, layout, renaming);
  const { selection, select } = items;
  const lod = useLevelOfDetail(doc.elements.length, items.nodes, items.edges);
  const placedEdges = useLabelPlacement(lod.flowNodes, lod.flowEdges, lod.detail.overview);
  // Every card as this view holds it (React Flow holds only the ones it draws, see `useLevelOfDetail`).
  const allNodes = useRef(items.nodes);
  allNodes.current = items.nodes;
  const view = useViewport(
    canvas,
    useCallback(() => allNodes.current, []),
  );
  const { laying, layoutNote, runLayout, cancelLayout, canUndoLayout, undoLayout } = useAutoLayout({
    slug,
    docRef,
    layout,
    elementCount: doc.elements.length,
    measuredNodes: view.measuredNodes,
    onApplied: view.fit,
  });
  const edits = useGraphEdits({ store, docRef, layout, selection, select, setRenaming, middle: view.middle });

  const { positions } = layout;
  const onNodeDragStop = useCallback(
    (_: unknown, _node: Node, dragged: Node[]) => {
      for (const n of dragged) positions.current.set(n.id, { x: n.position.x, y: n.position.y });
      layout.scheduleSave();
    },
    [positions, layout],
  );

  // The first view: the graph fitted (see `fitViewport`) once its cards and the canvas are there.
  const { fitTo } = view;
  const fitted = useRef(false);
  useEffect(() => {
    if (!fitted.current && items.nodes.length > 0) fitted.current = fitTo(items.nodes, false);
  }, [items.nodes, fitTo]);

  // A selection made on the canvas is kept out from under the inspector and the minimap; one
  // made from search, a finding or a list is centred beside the inspector instead.
  const centred = useRef(false);
  const { centre, keep } = view;
  const shownSelection = selection.element?.id ?? selection.handoff?.id ?? null;
  const ends = selection.handoff ? [selection.handoff.from, selection.handoff.to] : null;
  const endsKey = ends?.join("\u0000");
  useEffect(() => {
    if (!shownSelection) return;
    if (centred.current) {
      centred.current = false;
      return;
    }
    keep(endsKey ? endsKey.split("\u0000") : [shownSelection]);
  }, [shownSelection, endsKey, keep]);
  const find = useCallback(
    (id: string) => {
      centred.current = true;
      select([id], []);
      centre([id]);
    },
    [select, centre],
  );

  const selectFinding = useCallback(
    (f: Finding) => {
      setSelFinding(findingId(f));
      const s = f.subjects.find((x) => x.kind !== "stage");
      if (!s) return;
      if (s.kind === "element") find(s.id);
      else {
        const h = docRef.current.handoffs.find((x) => x.id === s.id);
        centred.current = true;
        select([], [s.id]);
        if (h) centre([h.from, h.to]);
      }
    },
    [find, select, centre],
  );

  useGraphKeys({
    readOnly,
    hasSelection: selection.nodes.length + selection.edges.length > 0,
    onDelete: edits.deleteSelection,
    onRename: () => selection.nodes.length === 1 && selection.edges.length === 0 && setRenaming(selection.nodes[0]),
    onSearch: () => search.current?.focus(),
    onLayout: () => void runLayout(),
    onFit: view.fit,
    onClear: () => select([], []),
    onAdd: (k) => void edits.addElement(k),
    canUndoLayout,
    onUndoLayout: undoLayout,
  });

  const { element, handoff } = selection;
  const close = useCallback(() => select([], []), [select]);
  const onEdit = useCallback((e: Edit) => void store.edit(e), [store]);
  // The canvas's props keep their identity from one render to the next (see `GraphCanvas`).
  const overview = lod.detail.overview;
  const { zoomInAt } = view;
  const onPaneClick = useCallback(
    (event: React.MouseEvent) => {
      if (overview) zoomInAt(event, allNodes.current);
    },
    [overview, zoomInAt],
  );
  const { connect } = edits;
  const onConnect = useCallback((c: Connection) => void connect(c), [connect]);
  const shown = useMemo(
    () => ({ nodes: lod.flowNodes, edges: placedEdges, farEdges: lod.farEdges }),
    [lod.flowNodes, placedEdges, lod.farEdges],
  );
  const { large, detail, setDetail } = lod;
  const lodShown = useMemo(() => ({ large, detail, setDetail }), [large, detail, setDetail]);

  return (
    <main className="graph-page">
      <GraphToolbar
        ref={search}
        elements={doc.elements}
        laying={laying}
        onAdd={(k) => void edits.addElement(k)}
        onFind={find}
        onLayout={() => void runLayout()}
        onCancelLayout={cancelLayout}
        onFit={view.fit}
      />
      {layout.problem && (
        <p className="graph-problem" role="alert">
          {layout.problem}
        </p>
      )}
      {layoutNote && (
        <p className="graph-problem" role="status" data-testid="graph-layout-note">
          {layoutNote}
        </p>
      )}
      <div className="graph-body">
        <div className="graph-canvas" ref={canvas} data-testid="graph-canvas">
          <GraphContext.Provider value={edits.callbacks}>
            <GraphCanvas
              nodes={items.nodes}
              edges={items.edges}
              shown={shown}
              lod={lodShown}
              selectedIds={selection.ids}
              onNodesChange={items.onNodesChange}
              onEdgesChange={items.onEdgesChange}
              onNodeDragStop={onNodeDragStop}
              onSelectionChange={items.onSelectionChange}
              onConnect={onConnect}
              onRename={setRenaming}
              onPaneClick={onPaneClick}
              readOnly={readOnly}
            />
          </GraphContext.Provider>
          {doc.elements.length === 0 && (
            <div className="graph-empty">
              <p>
                <strong>No elements yet.</strong> Add the teams, people, systems, partners, rules and touchpoints that pass work to each
                other, then drag between them to record each handoff.
              </p>
            </div>
          )}
          {element && (
            <div className="graph-inspector">
              <Inspector element={element} doc={doc} onChange={onEdit} onClose={close} />
            </div>
          )}
          {handoff && (
            <div className="graph-inspector">
              <HandoffInspector
                handoff={handoff}
                doc={doc}
                findings={findingsOn(report, "handoff", handoff.id)}
                onChange={onEdit}
                onClose={close}
              />
            </div>
          )}
        </div>
        <FindingsPanel
          report={report}
          doc={doc}
          status={status}
          revision={auditedRevision}
          selected={selFinding}
          onSelect={selectFinding}
          onWaive={edits.waive}
          onUnwaive={edits.unwaive}
          onAddActor={edits.addActor}
        />
      </div>
    </main>
  );
}
