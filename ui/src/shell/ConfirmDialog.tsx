import type { ReactNode } from "react";
import { Dialog } from "./Dialog";

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  /** The button that changes nothing; "Keep it" unless the question needs other words. */
  cancelLabel?: string;
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, cancelLabel = "Keep it" }: Props) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="primary" onClick={onClose}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className="danger"
            data-testid="confirm"
            onClick={() => {
              onConfirm();
              onClose();
            }}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
