import { useState } from "react";
import { useUi, useWorkspaceStore } from "../store/context";
import { BackupsSection } from "./BackupsSection";
import { Dialog } from "./Dialog";
import { SHORTCUT_GROUPS } from "./shortcuts";

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
          <small className="muted">
            Recorded with the changes you make and signed on the findings you waive, so a team can see who changed or accepted what.
          </small>
        </label>
      </form>
      <BackupsSection onRestored={onClose} />
      <h3>Keyboard shortcuts</h3>
      {SHORTCUT_GROUPS.map((g) => (
        <section key={g.title} className="shortcut-group" aria-label={g.title}>
          <h4>{g.title}</h4>
          <dl className="shortcuts">
            {g.keys.map(([keys, what]) => (
              <div key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
