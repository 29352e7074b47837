import type { Element, Workspace } from "../backend";
import { uniqueId } from "./ids";

/** The kinds of element a team, owner or gate field can name. */
export const ACTOR_KINDS: readonly Element["kind"][] = ["team", "person", "partner"];

/**
 * How a team, owner or gate value reads on screen: a value that is the id of a team, person
 * or partner element shows that element's name ("support-team" becomes "Customer support");
 * any other value is free text and shows as it is.
 */
export function actorName(actors: ReadonlyMap<string, string>, value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  return actors.get(v) ?? v;
}

/** The workspace's team, person and partner elements, id to display name. */
export function actorsOf(doc: Pick<Workspace, "elements">): Map<string, string> {
  return new Map(doc.elements.filter((e) => ACTOR_KINDS.includes(e.kind)).map((e) => [e.id, e.name]));
}

/** The kinds of actor a name can be added as. */
export type ActorKind = "team" | "person" | "partner";

/**
 * A new team, person or partner element called `name`, with an id made from the name that no
 * element of `doc` has: what a name typed in an actor field, or one an `unknown-owner` finding
 * quotes, becomes when the user chooses to add it.
 */
export function newActor(doc: Pick<Workspace, "elements">, name: string, kind: ActorKind = "team"): Element {
  const id = uniqueId(
    name,
    doc.elements.map((e) => e.id),
    kind,
  );
  return { id, kind, name };
}
