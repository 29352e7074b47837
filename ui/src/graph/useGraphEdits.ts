import type { Connection } from "@xyflow/react";
import { useCallback, useMemo, type RefObject } from "react";
import type { ElementKind, Finding, Workspace } from "../backend";
import { type ActorKind, newActor } from "../model/names";
import type { WorkspaceStore } from "../store/workspaceStore";
import type { GraphCallbacks } from "./context";
import { deleteSelectionEdit, newElement, newHandoff } from "./edits";
import { NODE_SIZE } from "./layout";
import type { usePositions } from "./usePositions";

interface Options {
  store: WorkspaceStore;
  docRef: RefObject<Workspace>;
  layout: ReturnType<typeof usePositions>;
  selection: { nodes: string[]; edges: string[] };
  select: (nodeIds: string[], edgeIds: string[]) => void;
  setRenaming: (id: string | null) => void;
  /** Where a new card goes, in flow coordinates. */
  middle: () => { x: number; y: number };
}

/** Every edit the graph makes: add, connect, rename, delete, waive, add a named actor; each one undoable step. */
export function useGraphEdits({ store, docRef, layout, selection, select, setRenaming, middle }: Options) {
  const { positions } = layout;

  const connect = useCallback(
    async (c: Connection) => {
      if (!c.source || !c.target || c.source === c.target) return;
      const h = newHandoff(docRef.current, c.source, c.target);
      if (await store.edit({ type: "put_handoff", handoff: h })) select([], [h.id]);
    },
    [store, docRef, select],
  );

  const addElement = useCallback(
    async (kind: ElementKind) => {
      const el = newElement(docRef.current, kind);
      const at = middle();
      positions.current.set(el.id, { x: at.x - NODE_SIZE.width / 2, y: at.y - NODE_SIZE.height / 2 });
      layout.scheduleSave();
      if (await store.edit({ type: "put_element", element: el })) {
        select([el.id], []);
        setRenaming(el.id);
      }
    },
    [store, docRef, positions, layout, select, setRenaming, middle],
  );

  const { nodes: selNodes, edges: selEdges } = selection;
  const deleteSelection = useCallback(() => {
    const e = deleteSelectionEdit(docRef.current, selNodes, selEdges);
    if (e) void store.edit(e);
  }, [store, docRef, selNodes, selEdges]);

  const waive = useCallback(
    (f: Finding, reason: string, review: string | null = null) => {
      void store.edit({
        type: "put_waiver",
        // The library records who waived it and when; the window sends only what the user wrote.
        waiver: { code: f.code, subject: f.key, reason, who: "", when: "", ...(review ? { review } : {}) },
      });
    },
    [store],
  );
  const unwaive = useCallback((f: Finding) => void store.edit({ type: "delete_waiver", code: f.code, subject: f.key }), [store]);
  /** Adds a team, person or partner called `name` (what an `unknown-owner` finding quotes). */
  const addActor = useCallback(
    (name: string, kind: ActorKind) => void store.edit({ type: "put_element", element: newActor(docRef.current, name, kind) }),
    [store, docRef],
  );

  /** What cards and edges ask of the graph (through context, so they do not re-render). */
  const callbacks = useMemo<GraphCallbacks>(
    () => ({
      rename: (id, name) => {
        const el = docRef.current.elements.find((e) => e.id === id);
        if (el && name !== el.name) void store.edit({ type: "put_element", element: { ...el, name } });
      },
      stopRenaming: () => setRenaming(null),
      selectEdge: (id) => select([], [id]),
    }),
    [store, docRef, select, setRenaming],
  );

  return { connect, addElement, deleteSelection, waive, unwaive, addActor, callbacks };
}
