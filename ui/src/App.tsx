import { useEffect } from "react";
import { ErrorBanner } from "./shell/ErrorBanner";
import { NoWorkspace } from "./shell/NoWorkspace";
import { TopBar } from "./shell/TopBar";
import { useShortcuts } from "./shell/useShortcuts";
import { StackEditor } from "./stack/StackEditor";
import { useUi, useWorkspaceStore } from "./store/context";

/** The window: top bar, messages, and the current view. */
export function App() {
  const store = useWorkspaceStore();
  const ready = useUi((s) => s.ready);
  const hasWorkspace = useUi((s) => s.current !== null);

  useEffect(() => {
    void store.init();
  }, [store]);
  useShortcuts(store, hasWorkspace);

  return (
    <div className="app">
      <TopBar />
      <ErrorBanner />
      {!ready ? (
        <main className="empty-page" aria-busy="true"><p className="muted">Opening your workspaces…</p></main>
      ) : hasWorkspace ? (
        <StackEditor />
      ) : (
        <NoWorkspace />
      )}
    </div>
  );
}
