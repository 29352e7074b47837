import { useState } from "react";
import { useUi, useWorkspaceStore } from "../store/context";
import { SaveIndicator } from "./SaveIndicator";
import { SettingsDialog } from "./SettingsDialog";
import { useView } from "./useView";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";
import { SnapshotButton } from "../versions/SnapshotButton";

/** Brand, workspace, navigation, saved state, undo/redo, settings. */
export function TopBar() {
  const store = useWorkspaceStore();
  const current = useUi((s) => s.current);
  const displayName = useUi((s) => s.settings.display_name);
  const [settings, setSettings] = useState(false);
  const view = useView();
  const undo = current?.undo ?? null;
  const redo = current?.redo ?? null;
  return (
    <header className="topbar">
      <div className="brand" aria-label="Throughline">
        <span className="brand-mark" aria-hidden="true" />
        Throughline
      </div>
      <WorkspaceSwitcher />
      {current && (
        <nav className="nav" aria-label="Views">
          <a className="nav-item" aria-current={view === "stack" ? "page" : undefined} href="#stack" title="The Coherence Stack">
            Stack
          </a>
          <a
            className="nav-item"
            aria-current={view === "graph" ? "page" : undefined}
            href="#graph"
            data-testid="nav-graph"
            title="The handoff graph"
          >
            Graph
          </a>
          <a
            className="nav-item"
            aria-current={view === "assess" ? "page" : undefined}
            href="#assess"
            data-testid="nav-assess"
            title="Readiness sessions"
          >
            Assess
          </a>
          <a
            className="nav-item"
            aria-current={view === "monitor" ? "page" : undefined}
            href="#monitor"
            data-testid="nav-monitor"
            title="Coherence metrics over time"
          >
            Monitor
          </a>
          <a
            className="nav-item"
            aria-current={view === "reality" ? "page" : undefined}
            href="#reality"
            data-testid="nav-reality"
            title="Event logs replayed against the map"
          >
            Reality
          </a>
          <a
            className="nav-item"
            aria-current={view === "versions" ? "page" : undefined}
            href="#versions"
            data-testid="nav-versions"
            title="Snapshots, compare and history"
          >
            Versions
          </a>
          <a
            className="nav-item"
            aria-current={view === "playbook" ? "page" : undefined}
            href="#playbook"
            data-testid="nav-playbook"
            title="The PDF playbook"
          >
            Playbook
          </a>
        </nav>
      )}
      <div className="grow" />
      <SaveIndicator />
      {current && <SnapshotButton />}
      {current && (
        <div className="history" role="group" aria-label="History">
          <button
            type="button"
            data-testid="undo"
            disabled={!undo}
            onClick={() => void store.undo()}
            title={undo ? `Undo: ${undo.label} (Ctrl+Z)` : "Nothing to undo"}
            aria-label={undo ? `Undo: ${undo.label}` : "Undo"}
          >
            <span aria-hidden="true">↶</span> Undo
          </button>
          <button
            type="button"
            data-testid="redo"
            disabled={!redo}
            onClick={() => void store.redo()}
            title={redo ? `Redo: ${redo.label} (Ctrl+Shift+Z)` : "Nothing to redo"}
            aria-label={redo ? `Redo: ${redo.label}` : "Redo"}
          >
            <span aria-hidden="true">↷</span> Redo
          </button>
        </div>
      )}
      <button
        type="button"
        className="settings-button"
        data-testid="open-settings"
        onClick={() => setSettings(true)}
        title="Settings and shortcuts"
      >
        <span className="avatar" aria-hidden="true">
          {(displayName.trim()[0] ?? "?").toUpperCase()}
        </span>
        Settings
      </button>
      {settings && <SettingsDialog onClose={() => setSettings(false)} />}
    </header>
  );
}
