import type { Element, ElementKind, Stage, Workspace } from "../backend";
import { uniqueId } from "../model/ids";
import { KIND_LABEL } from "../model/layers";
import type { WorkspaceStore } from "../store/workspaceStore";

/** Where a new card goes: the selected stage, else the first one, else nowhere. */
export function targetStage(doc: Workspace, selected: string | null): string | null {
  if (selected && doc.stages.some((s) => s.id === selected)) return selected;
  return doc.stages[0]?.id ?? null;
}

/** Adds a card of `kind` and selects it so the inspector opens on it, the cursor in its name. */
export async function addCard(store: WorkspaceStore, kind: ElementKind): Promise<string | null> {
  const { current, selectedStage } = store.getState();
  if (!current) return null;
  const doc = current.doc;
  const name = `New ${KIND_LABEL[kind].toLowerCase()}`;
  const id = uniqueId(
    name,
    doc.elements.map((e) => e.id),
    kind,
  );
  const stage = targetStage(doc, selectedStage);
  const element: Element = { id, kind, name, stages: stage ? [stage] : [] };
  const ok = await store.edit({ type: "put_element", element });
  if (ok) store.selectElement(id, true);
  return ok ? id : null;
}

/** Adds a stage named `name` at the end of the narrative. */
export function addStage(store: WorkspaceStore, name: string) {
  const doc = store.getState().current?.doc;
  if (!doc) return Promise.resolve(null);
  const stage: Stage = {
    id: uniqueId(
      name,
      doc.stages.map((s) => s.id),
      "stage",
    ),
    name,
    emotion: 0,
    moment: "",
  };
  return store.edit({ type: "put_stage", stage, index: null });
}

/** Moves a stage one place left (-1) or right (+1). */
export function shiftStage(store: WorkspaceStore, id: string, by: -1 | 1) {
  const doc = store.getState().current?.doc;
  if (!doc) return Promise.resolve(null);
  const from = doc.stages.findIndex((s) => s.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= doc.stages.length) return Promise.resolve(null);
  return store.edit({ type: "move_stage", id, index: to });
}

/** Deletes the selected card, if any. */
export function deleteSelected(store: WorkspaceStore) {
  const id = store.getState().selectedElement;
  if (!id) return Promise.resolve(null);
  return store.edit({ type: "delete_element", id });
}
