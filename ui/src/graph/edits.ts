import type { Edit, Element, ElementKind, Handoff, Workspace } from "../backend";
import { uniqueId } from "../model/ids";
import { KIND_LABEL } from "../model/layers";
import { newHandoffId } from "./mapping";

/** Deleting a selection: its handoffs and every handoff of its elements, then the elements, as one undoable step. */
export function deleteSelectionEdit(doc: Workspace, nodeIds: string[], edgeIds: string[]): Edit | null {
  const nodes = new Set(nodeIds);
  const handoffs = new Set(edgeIds);
  for (const h of doc.handoffs) if (nodes.has(h.from) || nodes.has(h.to)) handoffs.add(h.id);
  const edits: Edit[] = [
    ...doc.handoffs.filter((h) => handoffs.has(h.id)).map((h): Edit => ({ type: "delete_handoff", id: h.id })),
    ...doc.elements.filter((e) => nodes.has(e.id)).map((e): Edit => ({ type: "delete_element", id: e.id })),
  ];
  if (edits.length === 0) return null;
  return edits.length === 1 ? edits[0] : { type: "batch", edits };
}

/** A handoff from `from` to `to` carrying nothing yet, with a fresh id. */
export function newHandoff(doc: Workspace, from: string, to: string): Handoff {
  return {
    id: newHandoffId(from, to, doc.handoffs.map((h) => h.id)),
    from, to, carries: [], invariant: [], may_vary: [], owner: null, source_of_truth: null,
    mode: "typed", gate: null, latency_hours: null, trigger: "always",
  };
}

/** A new element of `kind` named "New <kind>", with a fresh id. */
export function newElement(doc: Workspace, kind: ElementKind): Element {
  const name = `New ${KIND_LABEL[kind].toLowerCase()}`;
  return { id: uniqueId(name, doc.elements.map((e) => e.id), kind), kind, name };
}
