import { Dialog } from "../shell/Dialog";

interface Props {
  label: string;
  onRestore: () => void;
  onClose: () => void;
}

/** Asks before the workspace becomes what it was in the snapshot `label` (one undoable change). */
export function RestoreDialog({ label, onRestore, onClose }: Props) {
  return (
    <Dialog
      title={`Restore “${label}”?`}
      onClose={onClose}
      testId="restore-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            data-testid="restore-confirm"
            onClick={() => {
              onClose();
              onRestore();
            }}
          >
            Restore
          </button>
        </>
      }
    >
      <p>The workspace becomes what it was in this snapshot. This is one ordinary change: Undo (Ctrl+Z) brings back what is there now.</p>
    </Dialog>
  );
}
