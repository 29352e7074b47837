import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The view named by the address's hash (`#assess` → "assess"); "stack" when there is none. */
export function useView(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash.replace(/^#/, "") || "stack");
}
