import { useEffect, useRef } from "react";
import type { ElementKind } from "../backend";
import { inTextField } from "./keys";

interface Handlers {
  hasSelection: boolean;
  /** A snapshot is shown: the keys that change the graph do nothing. */
  readOnly: boolean;
  onDelete: () => void;
  onRename: () => void;
  onSearch: () => void;
  onLayout: () => void;
  onFit: () => void;
  onClear: () => void;
  onAdd: (kind: ElementKind) => void;
  /** Whether Ctrl+Z (redo: Ctrl+Shift+Z / Ctrl+Y) is the graph's own: taking back a layout. */
  canUndoLayout: (redo: boolean) => boolean;
  onUndoLayout: (redo: boolean) => void;
}

/**
 * The graph's keys. Listened for in the capture phase, before the app-wide shortcuts, so
 * that Delete, Escape and Ctrl+N act on the graph's selection while this view is open.
 */
export function useGraphKeys(handlers: Handlers): void {
  const h = useRef(handlers);
  h.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // An open dialog or menu has the keys (a menu closes on Escape: `useDismiss`).
      if (e.defaultPrevented || document.querySelector("[role=dialog], [role=menu]")) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const typing = inTextField(e.target);
      const take = (run: () => void) => {
        e.preventDefault();
        e.stopPropagation();
        run();
      };
      const redo = mod && !e.altKey && ((key === "z" && e.shiftKey) || (key === "y" && !e.shiftKey));
      const undo = mod && !e.altKey && !e.shiftKey && key === "z";
      const edits = !h.current.readOnly;
      if ((undo || redo) && !typing && h.current.canUndoLayout(redo)) take(() => h.current.onUndoLayout(redo));
      else if (mod && !e.altKey && !e.shiftKey && key === "f") take(h.current.onSearch);
      else if (mod && !e.altKey && e.shiftKey && key === "l") {
        if (edits) take(h.current.onLayout);
      } else if (mod && !e.altKey && !e.shiftKey && key === "n") {
        if (edits) take(() => h.current.onAdd("touchpoint"));
      } else if (typing || mod || e.altKey) return;
      else if ((e.key === "Delete" || e.key === "Backspace") && h.current.hasSelection) {
        if (edits) take(h.current.onDelete);
      } else if (e.key === "F2" && h.current.hasSelection) {
        if (edits) take(h.current.onRename);
      } else if (key === "f" && !e.shiftKey) take(h.current.onFit);
      else if (e.key === "Escape" && h.current.hasSelection) take(h.current.onClear);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}
