import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { Comparison, VersionRef } from "../backend";
import { toBackendError } from "../backend";
import { useLens, useSetLens } from "../lens/LensContext";
import { useUi, useWorkspaceStore } from "../store/context";
import { baseSlug } from "../store/snapshotRef";
import type { WorkspaceStore } from "../store/workspaceStore";
import { compareLens } from "./compareLens";

/** The window's current comparison: which two states, and what the library answered. */
export interface CompareSession {
  slug: string;
  from: VersionRef;
  to: VersionRef;
  comparison: Comparison | null;
  /** The workspace revision the comparison was made at (it is redone when "Now" moves on). */
  revision: number;
  busy: boolean;
  error: string | null;
}

interface Holder {
  session: CompareSession | null;
  listeners: Set<() => void>;
}

// One comparison per window: kept beside the workspace store so it outlives the Versions
// view (the lens it drew stays on while the user looks at the stack and the graph).
const holders = new WeakMap<WorkspaceStore, Holder>();

function holder(store: WorkspaceStore): Holder {
  let h = holders.get(store);
  if (!h) {
    h = { session: null, listeners: new Set() };
    holders.set(store, h);
  }
  return h;
}

function put(store: WorkspaceStore, session: CompareSession | null): void {
  const h = holder(store);
  h.session = session;
  for (const l of h.listeners) l();
}

/** The comparison of the window, and the ways to run or drop it. */
export function useCompare() {
  const store = useWorkspaceStore();
  const setLens = useSetLens();
  const session = useSyncExternalStore(
    (l) => {
      const h = holder(store);
      h.listeners.add(l);
      return () => h.listeners.delete(l);
    },
    () => holder(store).session,
  );

  /** Compares `from` (older) with `to` (newer) and lays the marks over the views when `to` is now. */
  const run = useCallback(
    async (from: VersionRef, to: VersionRef) => {
      const current = store.getState().current;
      if (!current) return;
      // The session belongs to what is shown (a snapshot shown is another state); versions to the workspace.
      const slug = current.summary.slug;
      const base = { slug, from, to, revision: current.revision };
      put(store, { ...base, comparison: holder(store).session?.comparison ?? null, busy: true, error: null });
      try {
        const comparison = await store.backend.compareVersions(baseSlug(slug), from, to);
        put(store, { ...base, comparison, busy: false, error: null });
        // The views draw the workspace as it is now: marks fit them only when the newer state is now.
        // A snapshot shown is not now: no marks then.
        const { current: shown, viewing } = store.getState();
        const doc = shown?.doc;
        setLens(to.kind === "current" && doc && !viewing ? compareLens(comparison, doc) : null);
      } catch (e) {
        put(store, { ...base, comparison: null, busy: false, error: toBackendError(e).message });
      }
    },
    [store, setLens],
  );

  const clear = useCallback(() => {
    put(store, null);
    setLens(null);
  }, [store, setLens]);

  return { session, run, clear };
}

/**
 * Keeps the Compare lens true while it is on: when "Now" is the newer state and the workspace
 * changes (an edit, an undo, a restore), the comparison is made again; another workspace drops it.
 */
export function CompareFollower() {
  const { session, run, clear } = useCompare();
  const lens = useLens();
  const slug = useUi((s) => s.current?.summary.slug ?? null);
  const revision = useUi((s) => s.current?.revision ?? null);
  useEffect(() => {
    if (!session || session.busy) return;
    if (slug !== session.slug) {
      clear();
      return;
    }
    const stale = revision !== null && revision !== session.revision;
    // Only a lens on screen is redone; a closed one stays closed (the view offers "Compare again").
    if (stale && lens?.kind === "compare" && session.to.kind === "current") void run(session.from, session.to);
  }, [session, slug, revision, lens, run, clear]);
  return null;
}
