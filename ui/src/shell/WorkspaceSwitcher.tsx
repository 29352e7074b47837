import { useRef, useState } from "react";
import { Clamped } from "../components/Clamped";
import { useDismiss } from "../components/useDismiss";
import { useUi, useWorkspaceStore } from "../store/context";
import { Editable } from "../store/readOnly";
import { baseSlug } from "../store/snapshotRef";
import { ConfirmDialog } from "./ConfirmDialog";
import { NameDialog } from "./NameDialog";
import { NewWorkspaceDialog } from "./NewWorkspaceDialog";
import { sameName, lastChange } from "./namesakes";

type Open = null | "create" | "rename" | "duplicate" | "delete";

function counts(stages: number, elements: number): string {
  return `${stages} stage${stages === 1 ? "" : "s"} · ${elements} card${elements === 1 ? "" : "s"}`;
}

/** The current workspace's name; opens the list, create, rename, import, export, delete. */
export function WorkspaceSwitcher() {
  const store = useWorkspaceStore();
  const workspaces = useUi((s) => s.workspaces);
  const current = useUi((s) => s.current);
  // The workspace of a snapshot shown is the one checked.
  const shownSlug = current ? baseSlug(current.summary.slug) : null;
  const pendingImport = useUi((s) => s.pendingImport);
  const [menu, setMenu] = useState(false);
  const [dialog, setDialog] = useState<Open>(null);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useDismiss(menu, ref, () => {
    setMenu(false);
    button.current?.focus();
  });

  const act = (f: () => void) => () => {
    setMenu(false);
    f();
  };
  const info = current?.doc.workspace;

  return (
    <div className="switcher" ref={ref}>
      <button
        type="button"
        ref={button}
        className="switcher-button"
        data-testid="workspace-switcher"
        aria-haspopup="menu"
        aria-expanded={menu}
        onClick={() => setMenu((m) => !m)}
      >
        <span className="switcher-label">Workspace</span>
        <Clamped className="switcher-name" lines={1} text={current?.summary.name ?? "No workspace"} />
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </button>
      {menu && (
        <div
          className="menu"
          role="menu"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              setMenu(false);
            }
          }}
        >
          {workspaces.length > 0 && <div className="menu-heading">Open</div>}
          {workspaces.map((w) => (
            <button
              key={w.slug}
              type="button"
              role="menuitemradio"
              aria-checked={w.slug === shownSlug}
              className="menu-item workspace-item"
              data-testid="workspace-item"
              data-slug={w.slug}
              onClick={act(() => void store.openWorkspace(w.slug))}
            >
              <span className="check" aria-hidden="true">
                {w.slug === shownSlug ? "✓" : ""}
              </span>
              <span className="grow">
                <Clamped text={w.name} />
                {sameName(w, workspaces) && (
                  <span className="muted small namesake" data-testid="workspace-tell-apart">
                    {" "}
                    {w.slug} · changed {lastChange(w.updated_at)}
                  </span>
                )}
              </span>
              <span className="muted small">{counts(w.stages, w.elements)}</span>
            </button>
          ))}
          <div className="menu-sep" />
          <button type="button" role="menuitem" className="menu-item" data-testid="new-workspace" onClick={act(() => setDialog("create"))}>
            New workspace…
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            data-testid="import-workspace"
            onClick={act(() => void store.importWorkspace())}
          >
            Import from file…
          </button>
          {current && (
            <>
              <div className="menu-sep" />
              <Editable>
                <button
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  data-testid="rename-workspace"
                  onClick={act(() => setDialog("rename"))}
                >
                  Rename “{current.summary.name}”…
                </button>
              </Editable>
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                data-testid="duplicate-workspace"
                onClick={act(() => setDialog("duplicate"))}
              >
                Duplicate…
              </button>
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                data-testid="export-workspace"
                onClick={act(() => void store.exportWorkspace())}
              >
                Export to file…
              </button>
              <button
                type="button"
                role="menuitem"
                className="menu-item danger-text"
                data-testid="delete-workspace"
                onClick={act(() => setDialog("delete"))}
              >
                Delete workspace…
              </button>
            </>
          )}
        </div>
      )}
      {dialog === "create" && <NewWorkspaceDialog onClose={() => setDialog(null)} />}
      {dialog === "duplicate" && current && (
        <NameDialog
          title="Duplicate workspace"
          label="Name of the copy"
          initial={`${current.summary.name} (copy)`}
          submitLabel="Duplicate"
          onSubmit={(name) => void store.duplicateWorkspace(baseSlug(current.summary.slug), name)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "rename" && info && (
        <NameDialog
          title="Rename workspace"
          label="Name"
          initial={info.name}
          submitLabel="Rename"
          onSubmit={(name) => void store.edit({ type: "set_info", info: { ...info, name } })}
          onClose={() => setDialog(null)}
        />
      )}
      {pendingImport && (
        <ConfirmDialog
          title={`You already have “${pendingImport.preview.name}”`}
          confirmLabel="Import another copy"
          cancelLabel="Don't import"
          onConfirm={() => void store.confirmImport()}
          onClose={() => store.cancelImport()}
        >
          <p>This library already holds {pendingImport.preview.namesakes.length === 1 ? "a workspace" : "workspaces"} of that name:</p>
          <ul data-testid="import-namesakes">
            {pendingImport.preview.namesakes.map((w) => (
              <li key={w.slug}>
                {w.name} ({w.slug}, {counts(w.stages, w.elements)}, changed {lastChange(w.updated_at)})
              </li>
            ))}
          </ul>
          <p>
            Importing the file adds a second, separate workspace ({counts(pendingImport.preview.stages, pendingImport.preview.elements)}
            ); the one you have is not changed.
          </p>
        </ConfirmDialog>
      )}
      {dialog === "delete" && current && (
        <ConfirmDialog
          title={`Delete “${current.summary.name}”?`}
          confirmLabel="Delete workspace"
          onConfirm={() => void store.deleteWorkspace(baseSlug(current.summary.slug))}
          onClose={() => setDialog(null)}
        >
          <p>
            Its {counts(current.summary.stages, current.summary.elements)} and their whole history are removed from this computer. This
            cannot be undone; export it first if you may need it again.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
