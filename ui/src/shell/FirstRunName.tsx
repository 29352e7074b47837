import { useState } from "react";
import { useUi, useWorkspaceStore } from "../store/context";
import { Dialog } from "./Dialog";

/**
 * On first launch (the library has no name for the user yet): asks for the name recorded
 * with the user's changes and signed on their waivers. "Later" asks again next launch.
 */
export function FirstRunName({ onLater }: { onLater: () => void }) {
  const store = useWorkspaceStore();
  const settings = useUi((s) => s.settings);
  const [name, setName] = useState("");
  const trimmed = name.trim();
  return (
    <Dialog
      title="Welcome to Throughline"
      onClose={onLater}
      testId="first-run-name"
      footer={
        <>
          <button type="button" onClick={onLater} data-testid="first-run-later">
            Later
          </button>
          <button type="submit" form="first-run-form" className="primary" disabled={!trimmed} data-testid="first-run-submit">
            Continue
          </button>
        </>
      }
    >
      <form
        id="first-run-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) void store.saveSettings({ ...settings, display_name: trimmed });
        }}
      >
        <label className="field">
          <span>What is your name?</span>
          <input
            data-testid="first-run-name-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Alex Morgan"
            maxLength={200}
            autoComplete="name"
          />
          <small className="muted">
            It is recorded with the changes you make and signs the findings you waive, so the room can see who accepted what. You can change
            it later in Settings.
          </small>
        </label>
      </form>
    </Dialog>
  );
}
