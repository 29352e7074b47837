import type { Choice, MergeConflict, Workspace } from "../backend";
import { COLLECTIONS } from "./versionsDouble";

/*
 * The test double's three-way merge: a small port of `throughline_versions::merge_choosing`
 * for the component tests. Items merge one by one, fields by dotted path; a field changed
 * two ways, or an item deleted on one side and changed on the other, is a conflict that keeps
 * ours unless the user chose theirs. The library's repair of dangling references is not
 * ported: the double's cases never leave one.
 */

type Item = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isObject = (v: unknown): v is Item => typeof v === "object" && v !== null && !Array.isArray(v);

function mergeFields(
  base: unknown,
  ours: unknown,
  theirs: unknown,
  path: string,
  conflict: (path: string, b: unknown, o: unknown, t: unknown) => boolean,
): unknown {
  if (same(ours, theirs) || same(theirs, base)) return ours;
  if (same(ours, base)) return theirs;
  if ((isObject(ours) || ours == null) && (isObject(theirs) || theirs == null) && (isObject(ours) || isObject(theirs))) {
    const b = isObject(base) ? base : {};
    const o = (ours ?? {}) as Item;
    const t = (theirs ?? {}) as Item;
    const out: Item = {};
    for (const k of new Set([...Object.keys(o), ...Object.keys(t)])) {
      const v = mergeFields(b[k], o[k], t[k], path ? `${path}.${k}` : k, conflict);
      if (v !== null && v !== undefined) out[k] = v;
    }
    return out;
  }
  return conflict(path || "value", base, ours, theirs) ? theirs : ours;
}

/** Merges `theirs` into `ours` from `base`, settling the conflicts named in `choices`. */
export function mergeDocs(
  base: Workspace,
  ours: Workspace,
  theirs: Workspace,
  choices: Choice[],
): { workspace: Workspace; conflicts: MergeConflict[] } {
  const conflicts: MergeConflict[] = [];
  const takeTheirs = (collection: string, id: string, field: string | null) =>
    choices.some((c) => c.collection === collection && c.id === id && c.field === field && c.take === "theirs");
  const out = structuredClone(ours) as unknown as Record<string, unknown>;
  for (const col of COLLECTIONS) {
    const [b, o, t] = [base, ours, theirs].map((ws) => col.items(ws));
    const byKey = (items: Item[]) => new Map(items.map((x) => [col.key(x), x]));
    const [bk, tk] = [byKey(b), byKey(t)];
    const ok = byKey(o);
    const record = (id: string, field: string | null, bv: unknown, ov: unknown, tv: unknown) => {
      conflicts.push({ collection: col.name, id, field, base: bv ?? null, ours: ov ?? null, theirs: tv ?? null } as MergeConflict);
      return takeTheirs(col.name, id, field);
    };
    const merged: Item[] = [];
    for (const item of o) {
      const key = col.key(item);
      const [bi, ti] = [bk.get(key), tk.get(key)];
      if (ti) merged.push(mergeFields(bi, item, ti, "", (p, x, y, z) => record(key, p, x, y, z)) as Item);
      else if (!bi || same(bi, item)) {
        if (!bi) merged.push(item);
      } else if (!record(key, null, bi, item, null)) merged.push(item);
    }
    for (const item of t) {
      const key = col.key(item);
      if (ok.has(key)) continue;
      const bi = bk.get(key);
      if (!bi) merged.push(item);
      else if (!same(bi, item) && record(key, null, bi, null, item)) merged.push(item);
    }
    if (col.name === "workspace") out.workspace = merged[0] ?? ours.workspace;
    else out[col.name] = merged;
  }
  return { workspace: out as unknown as Workspace, conflicts };
}
