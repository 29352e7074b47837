import type { Backend, Edit, ErrorCode, LibraryChanged, Problem, Settings, WorkspaceState, WorkspaceSummary } from "../backend";
import { toBackendError } from "../backend";

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string | null } | { kind: "error"; message: string };

export interface ShownError {
  code: ErrorCode;
  message: string;
  /** Where the refused change went wrong, each shown beside its field when it has one. */
  problems: Problem[];
  /** What the user was doing, e.g. "Could not save your change". */
  context: string;
}

export interface UiState {
  ready: boolean;
  workspaces: WorkspaceSummary[];
  current: WorkspaceState | null;
  settings: Settings;
  save: SaveState;
  error: ShownError | null;
  selectedElement: string | null;
  /** The selected element was just added: its inspector puts the cursor in its name. */
  naming: boolean;
  selectedStage: string | null;
}

const INITIAL: UiState = {
  ready: false,
  workspaces: [],
  current: null,
  settings: { display_name: "", last_workspace: null },
  save: { kind: "idle" },
  error: null,
  selectedElement: null,
  naming: false,
  selectedStage: null,
};

/**
 * The one workspace store. Every change goes to the backend in order (a queue, so that
 * nothing is lost or reordered), and the state the backend returns replaces the old one.
 */
export class WorkspaceStore {
  private state: UiState = INITIAL;
  private listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;

  private stopListening: (() => void) | null = null;

  constructor(readonly backend: Backend) {}

  /**
   * Follows changes that others commit (another window, the CLI): the workspace list is
   * read again, and the open workspace when it was the one written. This window's own
   * writes are not echoed. Returns the function that stops following.
   */
  follow = (): (() => void) => {
    this.stopListening?.();
    const stop = this.backend.onLibraryChanged((change) => void this.refresh(change));
    this.stopListening = stop;
    return () => {
      stop();
      if (this.stopListening === stop) this.stopListening = null;
    };
  };

  /** Reads again what `change` may have changed; queued after any write in flight. */
  refresh = (change: LibraryChanged) =>
    this.run("Could not show a change made elsewhere", async () => {
      if (change.kind === "layout") return;
      if (change.kind === "settings") {
        this.set({ settings: await this.backend.getSettings() });
        return;
      }
      const workspaces = await this.backend.listWorkspaces();
      this.set({ workspaces });
      const current = this.state.current?.summary.slug;
      if (!current) {
        if (workspaces[0] && this.state.ready) this.setCurrent(await this.backend.openWorkspace(workspaces[0].slug));
        return;
      }
      if (!workspaces.some((w) => w.slug === current)) {
        // Deleted elsewhere: show the next one, as after a delete here.
        this.set({ current: null, selectedElement: null, selectedStage: null, save: { kind: "idle" } });
        if (workspaces[0]) this.setCurrent(await this.backend.openWorkspace(workspaces[0].slug));
        return;
      }
      if (change.slug === null || change.slug === current) {
        this.setCurrent(await this.backend.openWorkspace(current), false);
      }
    });

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): UiState => this.state;

  private set(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Runs `task` after every earlier task; reports its error and resolves to null then. */
  private run<T>(context: string, task: () => Promise<T>, saving = false): Promise<T | null> {
    if (saving) {
      this.pending += 1;
      this.set({ save: { kind: "saving" } });
    }
    const next = this.queue.then(async () => {
      try {
        return await task();
      } catch (e) {
        const err = toBackendError(e);
        this.set({
          error: { code: err.code, message: err.message, problems: err.problems, context },
          ...(saving ? { save: { kind: "error", message: err.message } as SaveState } : {}),
        });
        return null;
      } finally {
        if (saving) {
          this.pending -= 1;
          if (this.pending === 0 && this.state.save.kind === "saving") {
            this.set({ save: { kind: "saved", at: this.state.current?.saved_at ?? null } });
          }
        }
      }
    });
    this.queue = next;
    return next;
  }

  /** Shows `current`; a refresh (`clearError` false) keeps a message the user has not read. */
  private setCurrent(current: WorkspaceState, clearError = true): void {
    const { selectedElement, selectedStage } = this.state;
    const workspaces = this.state.workspaces.map((w) => (w.slug === current.summary.slug ? current.summary : w));
    this.set({
      current,
      workspaces,
      error: clearError ? null : this.state.error,
      selectedElement: selectedElement && current.doc.elements.some((e) => e.id === selectedElement) ? selectedElement : null,
      selectedStage: selectedStage && current.doc.stages.some((s) => s.id === selectedStage) ? selectedStage : null,
    });
  }

  init = () =>
    this.run("Could not start", async () => {
      const [settings, workspaces] = await Promise.all([this.backend.getSettings(), this.backend.listWorkspaces()]);
      this.set({ settings, workspaces, error: null });
      const last = workspaces.find((w) => w.slug === settings.last_workspace) ?? workspaces[0];
      if (last) {
        this.setCurrent(await this.backend.openWorkspace(last.slug));
        await this.remember(last.slug);
      }
      this.set({ ready: true });
    }).then((r) => {
      if (!this.state.ready) this.set({ ready: true });
      return r;
    });

  openWorkspace = (slug: string) =>
    this.run("Could not open the workspace", async () => {
      const current = await this.backend.openWorkspace(slug);
      this.set({ selectedElement: null, selectedStage: null, save: { kind: "idle" } });
      this.setCurrent(current);
      await this.remember(slug);
    });

  /** The backend remembers the workspace opened last (opening it, deleting it); this mirrors it. */
  private async remember(slug: string | null): Promise<void> {
    if (this.state.settings.last_workspace === slug) return;
    this.set({ settings: { ...this.state.settings, last_workspace: slug } });
  }

  createWorkspace = (name: string) =>
    this.run("Could not create the workspace", async () => {
      const summary = await this.backend.createWorkspace(name);
      this.set({ workspaces: [...this.state.workspaces, summary] });
      const current = await this.backend.openWorkspace(summary.slug);
      this.set({ selectedElement: null, selectedStage: null, save: { kind: "idle" } });
      this.setCurrent(current);
      await this.remember(summary.slug);
      return summary;
    });

  deleteWorkspace = (slug: string) =>
    this.run("Could not delete the workspace", async () => {
      await this.backend.deleteWorkspace(slug);
      const workspaces = this.state.workspaces.filter((w) => w.slug !== slug);
      this.set({ workspaces });
      if (this.state.current?.summary.slug === slug) {
        this.set({ current: null, selectedElement: null, selectedStage: null, save: { kind: "idle" } });
        const next = workspaces[0];
        if (next) this.setCurrent(await this.backend.openWorkspace(next.slug));
        await this.remember(next?.slug ?? null);
      }
    });

  importWorkspace = () =>
    this.run("Could not import the file", async () => {
      const path = await this.backend.chooseImportPath();
      if (!path) return;
      const summary = await this.backend.importWorkspace(path);
      this.set({ workspaces: [...this.state.workspaces.filter((w) => w.slug !== summary.slug), summary] });
      this.set({ selectedElement: null, selectedStage: null, save: { kind: "idle" } });
      this.setCurrent(await this.backend.openWorkspace(summary.slug));
      await this.remember(summary.slug);
    });

  exportWorkspace = () =>
    this.run("Could not export the workspace", async () => {
      const current = this.state.current;
      if (!current) return;
      const path = await this.backend.chooseExportPath(current.summary.slug);
      if (!path) return;
      await this.backend.exportWorkspace(current.summary.slug, path);
    });

  /** Sends one edit; the state the backend returns replaces the current one. */
  edit = (edit: Edit) => {
    const slug = this.state.current?.summary.slug;
    if (!slug) return Promise.resolve(null);
    return this.run(
      "Could not save your change",
      async () => {
        this.setCurrent(await this.backend.applyEdit(slug, edit));
        return true;
      },
      true,
    );
  };

  undo = () => this.history("undo");
  redo = () => this.history("redo");

  private history(dir: "undo" | "redo") {
    const current = this.state.current;
    if (!current || !current[dir]) return Promise.resolve(null);
    const slug = current.summary.slug;
    return this.run(
      dir === "undo" ? "Could not undo" : "Could not redo",
      async () => {
        this.setCurrent(await this.backend[dir](slug));
        return true;
      },
      true,
    );
  }

  saveSettings = (settings: Settings) =>
    this.run("Could not save the settings", async () => {
      this.set({ settings: await this.backend.setSettings(settings) });
      return true;
    });

  /** Selects an element (or none); `naming` when it was just added, to type its name at once. */
  selectElement = (id: string | null, naming = false) => this.set({ selectedElement: id, naming: naming && id !== null });
  selectStage = (id: string | null) => this.set({ selectedStage: id });
  dismissError = () => this.set({ error: null });
}
