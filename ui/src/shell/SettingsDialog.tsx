import { useState } from "react";
import { useUi, useWorkspaceStore } from "../store/context";
import { BackupsSection } from "./BackupsSection";
import { Dialog } from "./Dialog";

const SHORTCUTS: [string, string][] = [
  ["Ctrl+Z", "Undo"],
  ["Ctrl+Shift+Z or Ctrl+Y", "Redo"],
  ["Ctrl+N", "New touchpoint in the selected stage"],
  ["Delete", "Delete the selected card"],
  ["Alt+← / Alt+→", "Move the focused stage"],
  ["Escape", "Close the inspector or a dialog"],
];

/** Your display name (recorded with your changes), the library and its backups, and the keyboard shortcuts. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const store = useWorkspaceStore();
  const settings = useUi((s) => s.settings);
  const [name, setName] = useState(settings.display_name);
  return (
    <Dialog
      title="Settings"
      onClose={onClose}
      testId="settings-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="settings-form" className="primary" data-testid="settings-submit">
            Save
          </button>
        </>
      }
    >
      <form
        id="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void store.saveSettings({ ...settings, display_name: name.trim() });
          onClose();
        }}
      >
        <label className="field">
          <span>Your display name</span>
          <input data-testid="display-name-input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Alex Morgan" />
          <small className="muted">Recorded with the changes you make, so a team can see who changed what.</small>
        </label>
      </form>
      <BackupsSection onRestored={onClose} />
      <h3>Keyboard shortcuts</h3>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
