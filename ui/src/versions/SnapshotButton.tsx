import { useEffect, useState } from "react";
import { SnapshotDialog } from "./SnapshotDialog";
import { SnapshotIcon } from "./SnapshotIcon";

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
        className="icon-button"
        data-testid="take-snapshot"
        onClick={() => setOpen(true)}
        aria-label="Take a snapshot"
        title="Take a snapshot of the workspace as it is now (Ctrl+Shift+S)"
      >
        <SnapshotIcon size={18} />
      </button>
      {open && <SnapshotDialog onClose={() => setOpen(false)} />}
    </>
  );
}
