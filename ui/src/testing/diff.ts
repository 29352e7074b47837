import type { EntityChange, Workspace } from "../backend";
import { COLLECTIONS, type Kind, ORDER } from "../store/delta";

/*
 * The test double's port of `diff` (crates/model/src/change.rs): what the memory backend
 * answers an edit with. `conformance.test.ts` compares it with the store's own changes.
 */

/** Every entity of `doc` as [kind, key, index, value], in document order (`entities` in Rust). */
function entities(doc: Workspace): [Kind, string, number, unknown][] {
  const out: [Kind, string, number, unknown][] = [["info", "workspace", 0, doc.workspace]];
  for (const kind of ORDER) {
    if (kind === "info") continue;
    const { list, key } = COLLECTIONS[kind];
    const items = (doc[list] as Record<string, unknown>[] | undefined) ?? [];
    for (const [i, item] of items.entries()) out.push([kind, key(item), i, item]);
  }
  return out;
}

/** A value as JSON compares it: absent, null and empty lists and maps are the same. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) continue;
      out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The entity-level difference from `before` to `after`, as the store reports it: every
 * entity added, removed, changed or moved, by kind in document order, then by key
 * (`diff` in crates/model/src/change.rs). Values are compared canonically.
 */
export function diffDocs(before: Workspace, after: Workspace): EntityChange[] {
  const index = (doc: Workspace) => {
    const map = new Map<string, { index: number; value: unknown; json: string }>();
    for (const [kind, key, i, value] of entities(doc)) {
      map.set(`${kind}\u0000${key}`, { index: i, value, json: JSON.stringify(canonical(value)) });
    }
    return map;
  };
  const b = index(before);
  const a = index(after);
  const changes: EntityChange[] = [];
  for (const kind of ORDER) {
    const prefix = `${kind}\u0000`;
    const keys = new Set<string>();
    for (const k of [...b.keys(), ...a.keys()]) if (k.startsWith(prefix)) keys.add(k.slice(prefix.length));
    for (const key of [...keys].sort(byteOrder)) {
      const was = b.get(prefix + key);
      const now = a.get(prefix + key);
      if (was && now && was.index === now.index && was.json === now.json) continue;
      changes.push({
        kind,
        key,
        before: was ? { index: was.index, value: structuredClone(was.value) } : null,
        after: now ? { index: now.index, value: structuredClone(now.value) } : null,
      } as EntityChange);
    }
  }
  return changes;
}
