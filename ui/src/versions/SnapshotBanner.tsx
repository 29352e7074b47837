import { useEffect, useRef, useState } from "react";
import { useSetLens } from "../lens/LensContext";
import { displayDateTime } from "../model/format";
import { useUi, useWorkspaceStore } from "../store/context";
import { baseSlug } from "../store/snapshotRef";
import { RestoreDialog } from "./RestoreDialog";
import { SnapshotIcon } from "./SnapshotIcon";
import "./versions.css";

/**
 * Says, under the top bar, that the window shows a snapshot and nothing can be changed:
 * its label, when it was taken and by whom, its note; and the ways out: back to now,
 * restore it (one undoable change), or export it.
 */
export function SnapshotBanner() {
  const store = useWorkspaceStore();
  const viewing = useUi((s) => s.viewing);
  const [restoring, setRestoring] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  // A lens drawn over the workspace now does not fit its snapshot, nor the other way round.
  const shown = useUi((s) => s.current?.summary.slug ?? null);
  const setLens = useSetLens();
  const was = useRef(shown);
  useEffect(() => {
    const before = was.current;
    was.current = shown;
    if (before !== null && shown !== null && before !== shown && baseSlug(before) === baseSlug(shown)) setLens(null);
  }, [shown, setLens]);
  if (!viewing) return null;
  const exportIt = async () => {
    setExported(null);
    const path = await store.exportWorkspace();
    if (path) setExported(path);
  };
  return (
    <div className="snapshot-banner" role="status" data-testid="snapshot-banner" aria-label={`Snapshot ${viewing.label}, read only`}>
      <SnapshotIcon size={20} />
      <div className="snapshot-banner-text">
        <div>
          <strong>Snapshot “{viewing.label}”</strong>
          <span className="snapshot-banner-when">
            {" "}
            · taken {displayDateTime(viewing.at)}
            {viewing.who ? ` by ${viewing.who}` : ""}
          </span>{" "}
          · <span className="snapshot-banner-readonly">read only</span>
        </div>
        {viewing.note && (
          <div className="snapshot-banner-note" data-testid="snapshot-banner-note">
            {viewing.note}
          </div>
        )}
        {exported && (
          <div className="small" data-testid="snapshot-banner-exported">
            Exported to {exported}.
          </div>
        )}
      </div>
      <div className="snapshot-banner-actions">
        <button type="button" className="primary" data-testid="snapshot-back" onClick={() => void store.backToNow()} title="Ctrl+Shift+N">
          Back to now
        </button>
        <button type="button" data-testid="snapshot-banner-restore" onClick={() => setRestoring(true)}>
          Restore this snapshot…
        </button>
        <button type="button" data-testid="snapshot-banner-export" onClick={() => void exportIt()}>
          Export…
        </button>
      </div>
      {restoring && (
        <RestoreDialog
          label={viewing.label}
          onRestore={() => void store.restoreSnapshot(viewing.label)}
          onClose={() => setRestoring(false)}
        />
      )}
    </div>
  );
}
