import { type RefObject, useEffect, useRef } from "react";

/**
 * Closes an open menu or popover the way every one in the app closes: Escape (wherever the
 * focus is) or a press outside `ref`. Escape is taken in the capture phase and stopped, so it
 * closes only the menu and not also what is behind it (the inspector, a selection).
 */
export function useDismiss(open: boolean, ref: RefObject<HTMLElement | null>, close: () => void) {
  const latest = useRef(close);
  latest.current = close;
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) latest.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      latest.current();
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey, true);
    };
  }, [open, ref]);
}
