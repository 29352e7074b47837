import { useEffect } from "react";
import { useLens, useSetLens } from "../lens/LensContext";
import { useUi, useWorkspaceStore } from "../store/context";
import { monitorLens } from "./monitorLens";

/** How long to wait after a change before asking the library again: a burst of edits asks once. */
const DEBOUNCE_MS = 120;

/**
 * Keeps the Monitor lens true while it is on: when the workspace changes (a reading or a
 * metric edited, an import, an undo), the library's monitor report is asked again for the same
 * "as of" and the marks and the measured arc are redrawn from it; another workspace drops the
 * lens. An answer that arrives after a newer change is dropped.
 */
export function MonitorLensFollower() {
  const store = useWorkspaceStore();
  const lens = useLens();
  const setLens = useSetLens();
  const slug = useUi((s) => s.current?.summary.slug ?? null);
  const revision = useUi((s) => s.current?.revision ?? null);
  const follow = lens?.kind === "monitor" ? lens.follow : undefined;

  useEffect(() => {
    if (!follow || slug === null || revision === null) return;
    if (slug !== follow.slug) {
      setLens(null);
      return;
    }
    if (revision === follow.revision) return;
    let live = true;
    const timer = window.setTimeout(() => {
      store.backend.monitorReport(slug, follow.asOf).then(
        (report) => {
          const current = store.getState().current;
          if (!live || !current || current.summary.slug !== slug || current.revision !== revision) return;
          setLens(monitorLens(report, current.doc, { slug, revision, asOf: follow.asOf }));
        },
        // The lens keeps its last marks; the Monitor view shows the library's error.
        () => {},
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [store, follow, slug, revision, setLens]);
  return null;
}
