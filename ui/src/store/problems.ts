import { useContext, useMemo, useSyncExternalStore } from "react";
import type { Problem, Workspace } from "../backend";
import { StoreContext } from "./context";

const NO_PROBLEMS: Problem[] = [];
const noop = () => () => {};

/**
 * The problems of the last refused change under `prefix` (`elements[3]`), by field:
 * `{ name: "the name cannot be empty" }`. Empty without a store (a component rendered on
 * its own) or a problem there. A field's problems are joined into one line.
 */
export function useFieldProblems(prefix: string | null): Record<string, string> {
  const store = useContext(StoreContext);
  const problems = useSyncExternalStore(store?.subscribe ?? noop, () => store?.getState().error?.problems ?? NO_PROBLEMS);
  return useMemo(() => fieldProblems(problems, prefix), [problems, prefix]);
}

/** The problems under `prefix`, keyed by the field that follows it. */
export function fieldProblems(problems: Problem[], prefix: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (prefix === null) return out;
  for (const p of problems) {
    if (!p.path.startsWith(`${prefix}.`)) continue;
    const field = /^[a-z_]+/.exec(p.path.slice(prefix.length + 1))?.[0];
    if (!field) continue;
    out[field] = out[field] ? `${out[field]}; ${p.message}` : p.message;
  }
  return out;
}

const COLLECTION: Record<string, { label: string; name: (ws: Workspace, i: number) => string | undefined }> = {
  stages: { label: "Stage", name: (ws, i) => ws.stages[i]?.name },
  elements: { label: "Card", name: (ws, i) => ws.elements[i]?.name },
  handoffs: { label: "Handoff", name: () => undefined },
  readiness: { label: "Session", name: (ws, i) => ws.readiness[i]?.name },
};

/**
 * A problem's path in words for the user: `stages[0].name` becomes `Stage “Discover”, name`
 * (the name read from `doc`); a path it cannot name is shown as it is.
 */
export function describePath(path: string, doc: Workspace | null): string {
  const m = /^([a-z_]+)\[(\d+)\]\.?(.*)$/.exec(path);
  const kind = m ? COLLECTION[m[1]] : undefined;
  if (!m || !kind) return path;
  const name = doc ? kind.name(doc, Number(m[2])) : undefined;
  const which = name ? `“${name}”` : `${Number(m[2]) + 1}`;
  const rest = m[3].replace(/_/g, " ").replace(/\[(\d+)\]/g, (_, i: string) => ` ${Number(i) + 1}`);
  return rest ? `${kind.label} ${which}, ${rest}` : `${kind.label} ${which}`;
}
