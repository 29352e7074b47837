import { useEffect, useState } from "react";
import { SnapshotDialog } from "./SnapshotDialog";

/** The top bar's "Snapshot" button, and its shortcut Ctrl+Shift+S. */
export function SnapshotButton() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector("[role=dialog]")) return;
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === "s") {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        data-testid="take-snapshot"
        onClick={() => setOpen(true)}
        title="Take a snapshot of the workspace as it is now (Ctrl+Shift+S)"
      >
        <span aria-hidden="true">⎘</span> Snapshot
      </button>
      {open && <SnapshotDialog onClose={() => setOpen(false)} />}
    </>
  );
}
