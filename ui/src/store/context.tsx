import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import type { UiState, WorkspaceStore } from "./workspaceStore";

/** The workspace store of the window; null outside a StoreProvider. */
export const StoreContext = createContext<WorkspaceStore | null>(null);

export function StoreProvider({ store, children }: { store: WorkspaceStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useWorkspaceStore(): WorkspaceStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useWorkspaceStore outside StoreProvider");
  return store;
}

/** A slice of the UI state; the component re-renders only when the slice changes. */
export function useUi<T>(select: (s: UiState) => T): T {
  const store = useWorkspaceStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
