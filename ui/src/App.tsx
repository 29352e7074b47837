import { useEffect, useState } from "react";
import { GraphView } from "./graph/GraphView";
import { ErrorBanner } from "./shell/ErrorBanner";
import { FirstRunName } from "./shell/FirstRunName";
import { NoWorkspace } from "./shell/NoWorkspace";
import { RecoveryScreen } from "./shell/RecoveryScreen";
import { SalvageReport } from "./shell/SalvageReport";
import { TopBar } from "./shell/TopBar";
import { useShortcuts } from "./shell/useShortcuts";
import { useView } from "./shell/useView";
import { AssessView } from "./assess/AssessView";
import { MonitorLensFollower } from "./monitor/monitorFollower";
import { MonitorView } from "./monitor/MonitorView";
import { PlaybookView } from "./playbook/PlaybookView";
import { RealityView } from "./reality/RealityView";
import { StackEditor } from "./stack/StackEditor";
import { LensBar } from "./lens/LensBar";
import { CompareFollower } from "./versions/compareSession";
import { SnapshotBanner } from "./versions/SnapshotBanner";
import { VersionsView } from "./versions/VersionsView";
import { useUi, useWorkspaceStore } from "./store/context";

/** The window: top bar, messages, and the current view. */
export function App() {
  const store = useWorkspaceStore();
  const ready = useUi((s) => s.ready);
  const hasWorkspace = useUi((s) => s.current !== null);
  const damaged = useUi((s) => s.recovery !== null);
  const view = useView();
  const named = useUi((s) => s.settings.named);
  const [later, setLater] = useState(false);
  const workspaceName = useUi((s) => s.current?.summary.name ?? null);
  const snapshot = useUi((s) => s.viewing?.label ?? null);

  useEffect(() => {
    void store.init();
    // Changes committed elsewhere (another window, the CLI) show up here as they happen.
    return store.follow();
  }, [store]);
  useShortcuts(store, hasWorkspace);
  useEffect(() => {
    // The window names the open workspace (title bar, task switcher); a failure is harmless.
    const shown = workspaceName && snapshot !== null ? `${workspaceName} @ ${snapshot}` : workspaceName;
    store.backend.setWindowTitle(shown ? `${shown} – Throughline` : "Throughline").catch(() => undefined);
  }, [store, workspaceName, snapshot]);

  return (
    <div className="app">
      <TopBar />
      {hasWorkspace && <SnapshotBanner />}
      <ErrorBanner />
      {hasWorkspace && <LensBar />}
      {hasWorkspace && <CompareFollower />}
      {hasWorkspace && <MonitorLensFollower />}
      <SalvageReport />
      {!ready ? (
        <main className="empty-page" aria-busy="true">
          <p className="muted">Opening your workspaces…</p>
        </main>
      ) : damaged ? (
        <RecoveryScreen />
      ) : hasWorkspace && view === "assess" ? (
        <AssessView />
      ) : hasWorkspace && view === "graph" ? (
        <GraphView />
      ) : hasWorkspace && view === "monitor" ? (
        <MonitorView />
      ) : hasWorkspace && view === "versions" ? (
        <VersionsView />
      ) : hasWorkspace && view === "playbook" ? (
        <PlaybookView />
      ) : hasWorkspace && view === "reality" ? (
        <RealityView />
      ) : hasWorkspace ? (
        <StackEditor />
      ) : (
        <NoWorkspace />
      )}
      {ready && !damaged && !named && !later && <FirstRunName onLater={() => setLater(true)} />}
    </div>
  );
}
