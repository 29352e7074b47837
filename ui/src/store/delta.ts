import type { EntityChange, Workspace } from "../backend";

/*
 * Patching a document with what the store says an edit changed (`WorkspaceDelta.changes`):
 * the port of `apply_changes` in crates/model/src/change.rs. `conformance.test.ts` runs it
 * on the changes the real store gives for every generated edit case, so the two cannot drift.
 */

export type Kind = EntityChange["kind"];

/** The document's list that holds each kind of entity, and the key an entity is stored under. */
export const COLLECTIONS: Record<Exclude<Kind, "info">, { list: keyof Workspace; key: (item: Record<string, unknown>) => string }> = {
  stage: { list: "stages", key: (x) => String(x.id) },
  element: { list: "elements", key: (x) => String(x.id) },
  handoff: { list: "handoffs", key: (x) => String(x.id) },
  principle: { list: "principles", key: (x) => String(x.id) },
  session: { list: "readiness", key: (x) => String(x.id) },
  layer_score: { list: "layer_scores", key: (x) => `${String(x.layer).toLowerCase()}@${String(x.date)}` },
  waiver: { list: "waivers", key: (x) => `${String(x.code)}|${String(x.subject)}` },
  metric: { list: "metrics", key: (x) => String(x.id) },
  reading: { list: "readings", key: (x) => `${String(x.metric)}@${String(x.date)}` },
  review: { list: "reviews", key: (x) => String(x.id) },
};

/** The kinds in the order a document lists them (the order `apply_changes` visits them). */
export const ORDER: Kind[] = [
  "info",
  "stage",
  "element",
  "handoff",
  "principle",
  "session",
  "layer_score",
  "waiver",
  "metric",
  "reading",
  "review",
];

/**
 * `doc` with every entity moved to its `after` state: absent entities removed, the others
 * put at their new positions. Returns a new document; untouched lists are shared with `doc`.
 */
export function applyChanges(doc: Workspace, changes: EntityChange[]): Workspace {
  if (changes.length === 0) return doc;
  const out: Workspace = { ...doc };
  for (const kind of ORDER) {
    const mine = changes.filter((c) => c.kind === kind);
    if (mine.length === 0) continue;
    if (kind === "info") {
      for (const c of mine) if (c.after) out.workspace = c.after.value as Workspace["workspace"];
      continue;
    }
    const { list, key } = COLLECTIONS[kind];
    const touched = new Set(mine.map((c) => c.key));
    const items = ((out[list] as Record<string, unknown>[] | undefined) ?? []).filter((x) => !touched.has(key(x)));
    const placed = mine.flatMap((c) => (c.after ? [c.after] : [])).sort((a, b) => a.index - b.index);
    for (const p of placed) items.splice(Math.min(p.index, items.length), 0, p.value as Record<string, unknown>);
    (out as Record<string, unknown>)[list] = items;
  }
  return out;
}
