import { useState } from "react";
import type { SnapshotInfo } from "../backend";
import { toBackendError } from "../backend";
import { ConfirmDialog } from "../shell/ConfirmDialog";
import { useUi, useWorkspaceStore } from "../store/context";
import { shortTime } from "./format";
import { SnapshotIcon } from "./SnapshotIcon";
import { RestoreDialog } from "./RestoreDialog";
import { SnapshotDialog } from "./SnapshotDialog";
import { snapshotsChanged } from "./snapshotEvents";

interface Props {
  slug: string;
  snapshots: SnapshotInfo[];
  /** Compares the snapshot with the workspace as it is now. */
  onCompare: (label: string) => void;
}

/** The workspace's snapshots: take one, open one read-only, compare one with now, restore (undoable), export, delete. */
export function SnapshotsPanel({ slug, snapshots, onCompare }: Props) {
  const store = useWorkspaceStore();
  const [taking, setTaking] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const viewing = useUi((s) => s.viewing?.label ?? null);

  const attempt = async (what: string, task: () => Promise<void>) => {
    try {
      await task();
    } catch (e) {
      setMessage(`${what}: ${toBackendError(e).message}`);
    }
  };
  const restore = (label: string) =>
    attempt("Could not restore the snapshot", async () => {
      const state = await store.restoreSnapshot(label);
      if (!state) return;
      setMessage(
        state.undo ? `Restored “${label}”. Undo (Ctrl+Z) brings back what was there.` : `The workspace already equals “${label}”.`,
      );
    });
  const exportIt = (label: string) =>
    attempt("Could not export the snapshot", async () => {
      const name = store.getState().current?.summary.name ?? slug;
      const path = await store.backend.chooseExportPath(`${name} - ${label}`);
      if (!path) return;
      await store.backend.exportSnapshot(slug, label, path);
      setMessage(`Exported “${label}” to ${path}.`);
    });
  const remove = (label: string) =>
    attempt("Could not delete the snapshot", async () => {
      await store.backend.deleteSnapshot(slug, label);
      snapshotsChanged(slug);
    });

  return (
    <section className="versions-panel" aria-labelledby="snapshots-title" data-testid="snapshots-panel">
      <header className="versions-panel-head">
        <h2 id="snapshots-title">Snapshots</h2>
        <button type="button" className="primary" data-testid="snapshot-new" onClick={() => setTaking(true)} title="Ctrl+Shift+S">
          Take snapshot
        </button>
      </header>
      {message && (
        <p className="versions-message" role="status" data-testid="snapshot-message">
          {message}
        </p>
      )}
      {snapshots.length === 0 ? (
        <p className="muted small">No snapshot yet. Take one before a workshop to see later what changed.</p>
      ) : (
        <ul className="snapshot-list">
          {snapshots.map((s) => (
            <li key={s.label} className="snapshot" data-testid="snapshot" data-label={s.label}>
              <div className="snapshot-title">
                <SnapshotIcon /> <strong>{s.label}</strong>
              </div>
              <div className="muted small">
                {shortTime(s.at)} · {s.who} · {s.elements} cards
              </div>
              {s.note && <div className="small">{s.note}</div>}
              <div className="snapshot-actions">
                <button
                  type="button"
                  data-testid="snapshot-open"
                  aria-pressed={viewing === s.label}
                  onClick={() => void store.viewSnapshot(s.label)}
                  title="Look at the workspace as it was then, in every view, read-only"
                >
                  Open
                </button>
                <button type="button" data-testid="snapshot-compare" onClick={() => onCompare(s.label)}>
                  Compare with now
                </button>
                <button type="button" data-testid="snapshot-restore" onClick={() => setRestoring(s.label)}>
                  Restore…
                </button>
                <button type="button" data-testid="snapshot-export" onClick={() => void exportIt(s.label)}>
                  Export…
                </button>
                <button type="button" className="danger" data-testid="snapshot-delete" onClick={() => setDeleting(s.label)}>
                  Delete…
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {taking && <SnapshotDialog onClose={() => setTaking(false)} />}
      {restoring && <RestoreDialog label={restoring} onRestore={() => void restore(restoring)} onClose={() => setRestoring(null)} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete the snapshot “${deleting}”?`}
          confirmLabel="Delete snapshot"
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(null)}
        >
          <p>The workspace is not touched; only this saved state goes, and cannot be brought back.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
