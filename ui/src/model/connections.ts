import type { Workspace } from "../backend";

/** What a selected element connects to across the layers of the stack. */
export interface Connections {
  /** Elements linked by a handoff, a rule covering it, or covered by it. */
  elements: Set<string>;
  /** The stages the element serves. */
  stages: Set<string>;
}

export function connectionsOf(doc: Workspace, id: string): Connections {
  const elements = new Set<string>();
  const self = doc.elements.find((e) => e.id === id);
  for (const h of doc.handoffs) {
    if (h.from === id) elements.add(h.to);
    if (h.to === id) elements.add(h.from);
  }
  for (const e of doc.elements) {
    if (e.covers?.includes(id)) elements.add(e.id);
  }
  for (const c of self?.covers ?? []) elements.add(c);
  if (self?.team) {
    // A team element named as owner connects to what it owns.
    const team = doc.elements.find((e) => e.id === self.team || e.name === self.team);
    if (team && team.kind === "team") elements.add(team.id);
  }
  elements.delete(id);
  return { elements, stages: new Set(self?.stages ?? []) };
}
