import { useState } from "react";
import { toBackendError } from "../backend";
import { Dialog } from "../shell/Dialog";
import { useWorkspaceStore } from "../store/context";
import { baseSlug } from "../store/snapshotRef";
import { snapshotsChanged } from "./snapshotEvents";

/** Asks for a label (and a note) and takes a snapshot of the open workspace. */
export function SnapshotDialog({ onClose }: { onClose: () => void }) {
  const store = useWorkspaceStore();
  const [label, setLabel] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = label.trim();
  const submit = async () => {
    const shown = store.getState().current?.summary.slug;
    const slug = shown === undefined ? undefined : baseSlug(shown);
    if (!trimmed || !slug || busy) return;
    setBusy(true);
    try {
      await store.backend.createSnapshot(slug, trimmed, note.trim() || null);
      snapshotsChanged(slug);
      onClose();
    } catch (e) {
      setError(toBackendError(e).message);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Take a snapshot"
      onClose={onClose}
      testId="snapshot-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="snapshot-form" className="primary" disabled={!trimmed || busy} data-testid="snapshot-submit">
            Take snapshot
          </button>
        </>
      }
    >
      <form
        id="snapshot-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted small">A snapshot keeps the workspace as it is now, read-only, to compare with or come back to later.</p>
        <label className="field">
          <span>Label</span>
          <input
            data-testid="snapshot-label"
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              setError(null);
            }}
            placeholder="e.g. Post-workshop baseline"
            maxLength={200}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="field">
          <span>Note (optional)</span>
          <textarea data-testid="snapshot-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
        </label>
        {error && (
          <p className="field-problem" role="alert" data-testid="snapshot-error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
