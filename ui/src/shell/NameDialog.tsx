import { useState } from "react";
import { Dialog } from "./Dialog";

interface Props {
  title: string;
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (name: string) => void;
  onClose: () => void;
}

/** Asks for a workspace name (create and rename). */
export function NameDialog({ title, label, initial = "", submitLabel, onSubmit, onClose }: Props) {
  const [name, setName] = useState(initial);
  const trimmed = name.trim();
  const submit = () => {
    if (!trimmed) return;
    onSubmit(trimmed);
    onClose();
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="name-dialog" className="primary" disabled={!trimmed} data-testid="workspace-name-submit">
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id="name-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>{label}</span>
          <input
            data-testid="workspace-name-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Onboarding: first 30 days"
            maxLength={500}
          />
        </label>
      </form>
    </Dialog>
  );
}
