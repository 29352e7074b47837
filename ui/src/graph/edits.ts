import type { Edit, Element, ElementKind, Handoff, Workspace } from "../backend";
import { uniqueId } from "../model/ids";
import { KIND_LABEL } from "../model/layers";
import { newHandoffId } from "./mapping";

/**
 * Deleting a selection as one undoable step: its elements, then the selected handoffs that
 * are not theirs. The model removes an element's handoffs with it (`delete_element`), so the
 * graph does not work out that cascade itself.
 */
export function deleteSelectionEdit(doc: Workspace, nodeIds: string[], edgeIds: string[]): Edit | null {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  const edits: Edit[] = [
    ...doc.elements.filter((e) => nodes.has(e.id)).map((e): Edit => ({ type: "delete_element", id: e.id })),
    ...doc.handoffs
      .filter((h) => edges.has(h.id) && !nodes.has(h.from) && !nodes.has(h.to))
      .map((h): Edit => ({ type: "delete_handoff", id: h.id })),
  ];
  if (edits.length === 0) return null;
  return edits.length === 1 ? edits[0] : { type: "batch", edits };
}

/** A handoff from `from` to `to` carrying nothing yet, with a fresh id. */
export function newHandoff(doc: Workspace, from: string, to: string): Handoff {
  return {
    id: newHandoffId(
      from,
      to,
      doc.handoffs.map((h) => h.id),
    ),
    from,
    to,
    carries: [],
    invariant: [],
    may_vary: [],
    owner: null,
    source_of_truth: null,
    mode: "typed",
    gate: null,
    latency_hours: null,
    trigger: "always",
  };
}

/** A new element of `kind` named "New <kind>", with a fresh id. */
export function newElement(doc: Workspace, kind: ElementKind): Element {
  const name = `New ${KIND_LABEL[kind].toLowerCase()}`;
  return {
    id: uniqueId(
      name,
      doc.elements.map((e) => e.id),
      kind,
    ),
    kind,
    name,
  };
}
