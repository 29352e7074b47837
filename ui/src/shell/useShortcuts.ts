import { useEffect } from "react";
import { addCard, deleteSelected } from "../stack/actions";
import type { WorkspaceStore } from "../store/workspaceStore";

/** True when the key belongs to a text field (its own undo, Delete and Escape). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "range", "submit"].includes(target.type);
  }
  return false;
}

/**
 * App-wide keys: undo/redo, new card, delete card, close the inspector, and back to now
 * from a snapshot. While a snapshot is shown the edit keys do nothing.
 */
export function useShortcuts(store: WorkspaceStore, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector("[role=dialog]")) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const typing = inTextField(e.target);
      const readOnly = store.isReadOnly();
      if (mod && !e.altKey && e.shiftKey && key === "n") {
        if (!readOnly) return;
        e.preventDefault();
        void store.backToNow();
      } else if (readOnly && (mod || e.key === "Delete") && ["z", "y", "n", "delete"].includes(key)) {
        // Nothing to undo, redo, add or delete in a snapshot.
      } else if (mod && !e.altKey && ((key === "z" && e.shiftKey) || (key === "y" && !e.shiftKey))) {
        if (typing) return;
        e.preventDefault();
        void store.redo();
      } else if (mod && !e.altKey && key === "z") {
        if (typing) return;
        e.preventDefault();
        void store.undo();
      } else if (mod && !e.altKey && !e.shiftKey && key === "n") {
        e.preventDefault();
        void addCard(store, "touchpoint");
      } else if (e.key === "Delete" && !mod && !typing) {
        if (!store.getState().selectedElement) return;
        e.preventDefault();
        void deleteSelected(store);
      } else if (e.key === "Escape" && !typing) {
        if (store.getState().selectedElement) store.selectElement(null);
        else if (store.getState().selectedStage) store.selectStage(null);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, enabled]);
}
