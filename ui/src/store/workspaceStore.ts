import type {
  Backend,
  BackupInfo,
  ColumnMap,
  Edit,
  ErrorCode,
  ImportPreview,
  LibraryChanged,
  LibraryStatus,
  Problem,
  Report,
  SalvageInPlace,
  Settings,
  SnapshotInfo,
  WorkspaceDelta,
  WorkspaceState,
  WorkspaceSummary,
} from "../backend";
import { toBackendError } from "../backend";
import { applyChanges } from "./delta";
import { baseSlug } from "./snapshotRef";

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
  /**
   * The snapshot shown instead of the workspace as it is now (`current.summary.slug` is then
   * `SLUG@LABEL`); null when the workspace itself is shown. While set, nothing is edited.
   */
  viewing: SnapshotInfo | null;
  settings: Settings;
  save: SaveState;
  error: ShownError | null;
  selectedElement: string | null;
  /** The selected element was just added: its inspector puts the cursor in its name. */
  naming: boolean;
  selectedStage: string | null;
  /** Set when the library is damaged: what the recovery screen shows instead of the views. */
  recovery: Recovery | null;
  /** A file whose workspace the library already holds by name: the import waits for the user. */
  pendingImport: PendingImport | null;
  /** What the last salvage saved and lost, shown until the user has read it. */
  salvaged: SalvageInPlace | null;
}

/** An import that would add a second workspace of a name the library holds. */
export interface PendingImport {
  path: string;
  preview: ImportPreview;
}

/** A damaged library: where it is, what is wrong, and the backups that could replace it. */
export interface Recovery {
  status: LibraryStatus;
  backups: BackupInfo[];
}

const INITIAL: UiState = {
  ready: false,
  workspaces: [],
  current: null,
  viewing: null,
  // Until the library answers, the user counts as named: no first-run prompt flashes by.
  settings: { display_name: "", last_workspace: null, named: true },
  save: { kind: "idle" },
  error: null,
  selectedElement: null,
  naming: false,
  selectedStage: null,
  recovery: null,
  pendingImport: null,
  salvaged: null,
};

/**
 * The one workspace store. Every change goes to the backend in order (a queue, so that
 * nothing is lost or reordered). An edit, an undo and a redo answer with what changed,
 * which patches the document shown; anything else answers with the whole state.
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
      const shown = this.state.current?.summary.slug;
      const current = shown === undefined ? undefined : baseSlug(shown);
      if (!current) {
        if (workspaces[0] && this.state.ready) this.setCurrent(await this.backend.openWorkspace(workspaces[0].slug));
        return;
      }
      if (!workspaces.some((w) => w.slug === current)) {
        // Deleted elsewhere: show the next one, as after a delete here.
        this.set({ current: null, viewing: null, selectedElement: null, selectedStage: null, save: { kind: "idle" } });
        if (workspaces[0]) this.setCurrent(await this.backend.openWorkspace(workspaces[0].slug));
        return;
      }
      // A snapshot does not change: it stays on screen, whatever was written to its workspace.
      if (this.state.viewing) return;
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

  /**
   * Shows `current`; a refresh (`clearError` false) keeps a message the user has not read.
   * `viewing` names the snapshot `current` is; any other state shows the workspace itself.
   */
  private setCurrent(current: WorkspaceState, clearError = true, viewing: SnapshotInfo | null = null): void {
    // A state read whole (opened, refreshed, restored) may repeat a revision number of other
    // content (a workspace deleted and imported again): its audit is asked for afresh.
    this.audit = null;
    const { selectedElement, selectedStage } = this.state;
    const workspaces = viewing
      ? this.state.workspaces
      : this.state.workspaces.map((w) => (w.slug === current.summary.slug ? current.summary : w));
    this.set({
      current,
      viewing,
      workspaces,
      error: clearError ? null : this.state.error,
      selectedElement: selectedElement && current.doc.elements.some((e) => e.id === selectedElement) ? selectedElement : null,
      selectedStage: selectedStage && current.doc.stages.some((s) => s.id === selectedStage) ? selectedStage : null,
    });
  }

  /**
   * Patches the open document with what an edit, an undo or a redo changed. When the
   * revision shows that someone else wrote in between (the document here is behind), the
   * whole workspace is read again instead.
   */
  private async patch(delta: WorkspaceDelta): Promise<void> {
    const current = this.state.current;
    if (!current || current.summary.slug !== delta.summary.slug) return;
    const expected = current.revision + (delta.changes.length > 0 ? 1 : 0);
    if (delta.revision !== expected) {
      this.setCurrent(await this.backend.openWorkspace(delta.summary.slug));
      return;
    }
    this.setCurrent({
      summary: delta.summary,
      doc: applyChanges(current.doc, delta.changes),
      revision: delta.revision,
      saved_at: delta.saved_at,
      undo: delta.undo,
      redo: delta.redo,
    });
    // The audit of the new revision is asked for now, before the window draws the change, so
    // the library checks it while the window draws.
    if (delta.changes.length > 0 && this.auditWatchers > 0) void this.auditAt(delta.summary.slug, delta.revision).catch(() => {});
  }

  /** The audit asked for last: of which workspace state, and its answer. */
  private audit: { slug: string; revision: number; report: Promise<Report> } | null = null;
  /** How many views show the audit now (see `watchAudit`); none: an edit asks for none. */
  private auditWatchers = 0;

  /**
   * The audit of `slug` at `revision` (the library's report on the workspace as saved): asked
   * once, shared by every view that shows it. After an edit it has usually been asked for
   * already (see `patch`).
   */
  auditAt = (slug: string, revision: number): Promise<Report> => {
    const last = this.audit;
    if (last && last.slug === slug && last.revision === revision) return last.report;
    const report = this.backend.auditWorkspace(slug);
    this.audit = { slug, revision, report };
    // A failed audit is asked for again next time, not remembered.
    report.catch(() => {
      if (this.audit?.report === report) this.audit = null;
    });
    return report;
  };

  /** A view that shows the audit says so while it does; returns the call that says it stopped. */
  watchAudit = (): (() => void) => {
    this.auditWatchers += 1;
    return () => {
      this.auditWatchers -= 1;
    };
  };

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
    }).then(async (r) => {
      if (this.state.error?.code === "damaged_library") await this.describeDamage();
      if (!this.state.ready) this.set({ ready: true });
      return r;
    });

  /** Reads what is wrong with the library and its backups, for the recovery screen. */
  private async describeDamage(): Promise<void> {
    try {
      const status = await this.backend.libraryStatus();
      if (!status.damage) return;
      const backups = await this.backend.listBackups().catch(() => []);
      this.set({ recovery: { status, backups }, error: null });
    } catch {
      // The banner already says the library could not be opened.
    }
  }

  /** Where the library lives (for Settings). */
  libraryStatus = () => this.backend.libraryStatus();

  /** The library's backups, newest first (for Settings). */
  listBackups = () => this.backend.listBackups();

  /** Backs the library up now; resolves to the new backup, or null (the error is shown). */
  backUpNow = () => this.run("Could not back up the library", () => this.backend.backUpNow());

  /**
   * Replaces the library by a backup (the current one is backed up and kept aside first),
   * then shows the restored library from the start.
   */
  restoreBackup = (path: string) => this.replaceLibrary("Could not restore the backup", () => this.backend.restoreBackup(path));

  /**
   * Copies the readable workspaces of a damaged library into a new one in its place, then
   * keeps the report (which workspaces were saved, which were not and why) for the user.
   */
  salvageLibrary = async () => {
    const outcome = await this.replaceLibrary("Could not salvage the library", () => this.backend.salvageLibrary());
    if (outcome !== null) this.set({ salvaged: outcome });
    return outcome;
  };

  /** The user has read the salvage report. */
  dismissSalvageReport = () => this.set({ salvaged: null });

  private async replaceLibrary<T>(context: string, replace: () => Promise<T>): Promise<T | null> {
    const outcome = await this.run(context, replace);
    if (outcome === null) return null;
    this.set({ ...INITIAL });
    await this.init();
    return outcome;
  }

  openWorkspace = (slug: string) =>
    this.run("Could not open the workspace", async () => {
      const current = await this.backend.openWorkspace(slug);
      this.set({ selectedElement: null, selectedStage: null, save: { kind: "idle" } });
      this.setCurrent(current);
      await this.remember(slug);
    });

  /**
   * Shows the snapshot `label` of the open workspace, read-only, in every view (nothing is
   * selected). The backend does not remember a snapshot as the workspace opened last.
   */
  viewSnapshot = (label: string) =>
    this.run("Could not open the snapshot", async () => {
      const shown = this.state.current;
      if (!shown) return;
      const slug = baseSlug(shown.summary.slug);
      const [state, snapshots] = await Promise.all([this.backend.openSnapshot(slug, label), this.backend.listSnapshots(slug)]);
      const wanted = label.trim().toLowerCase();
      const info = snapshots.find((s) => s.label.toLowerCase() === wanted) ?? {
        label,
        note: null,
        who: "",
        at: state.saved_at ?? "",
        revision: 0,
        elements: state.doc.elements.length,
        stored_bytes: 0,
      };
      this.set({ selectedElement: null, selectedStage: null, save: { kind: "idle" } });
      this.setCurrent(state, true, info);
    });

  /** Leaves the snapshot shown and shows its workspace as it is now. */
  backToNow = () => {
    const slug = this.state.current?.summary.slug;
    if (!slug || !this.state.viewing) return Promise.resolve(null);
    return this.openWorkspace(baseSlug(slug));
  };

  /** True while a snapshot is shown: edits, undo, redo, imports and layout saves are not sent. */
  isReadOnly = (): boolean => this.state.viewing !== null;

  /**
   * Brings the workspace back to its snapshot `label` as one undoable edit and shows it as
   * it now is (leaving the snapshot shown, if any). Resolves to the new state, or null.
   */
  restoreSnapshot = (label: string) =>
    this.run("Could not restore the snapshot", async () => {
      const shown = this.state.current;
      if (!shown) return null;
      const slug = baseSlug(shown.summary.slug);
      const state = await this.backend.restoreSnapshot(slug, label);
      if (this.state.viewing) this.set({ selectedElement: null, selectedStage: null, save: { kind: "idle" } });
      this.setCurrent(state);
      return state;
    });

  /** The backend remembers the workspace opened last (opening it, deleting it); this mirrors it. */
  private async remember(slug: string | null): Promise<void> {
    if (this.state.settings.last_workspace === slug) return;
    this.set({ settings: { ...this.state.settings, last_workspace: slug } });
  }

  createWorkspace = (name: string) =>
    this.run("Could not create the workspace", async () => this.openNew(await this.backend.createWorkspace(name)));

  /** Creates a workspace from a template (`name` null or blank: the template's own) and opens it. */
  createFromTemplate = (id: string, name: string | null) =>
    this.run("Could not create the workspace", async () => this.openNew(await this.backend.createFromTemplate(id, name)));

  /** Copies a workspace into a new one (`name` null: "Name (copy)") and opens the copy. */
  duplicateWorkspace = (slug: string, name: string | null) =>
    this.run("Could not duplicate the workspace", async () => this.openNew(await this.backend.duplicateWorkspace(slug, name)));

  /** Lists a workspace just added to the library and opens it. */
  private async openNew(summary: WorkspaceSummary): Promise<WorkspaceSummary> {
    this.set({ workspaces: [...this.state.workspaces, summary] });
    const current = await this.backend.openWorkspace(summary.slug);
    this.set({ selectedElement: null, selectedStage: null, save: { kind: "idle" } });
    this.setCurrent(current);
    await this.remember(summary.slug);
    return summary;
  }

  deleteWorkspace = (slug: string) =>
    this.run("Could not delete the workspace", async () => {
      await this.backend.deleteWorkspace(slug);
      const workspaces = this.state.workspaces.filter((w) => w.slug !== slug);
      this.set({ workspaces });
      const shown = this.state.current?.summary.slug;
      if (shown !== undefined && baseSlug(shown) === slug) {
        this.set({ current: null, viewing: null, selectedElement: null, selectedStage: null, save: { kind: "idle" } });
        const next = workspaces[0];
        if (next) this.setCurrent(await this.backend.openWorkspace(next.slug));
        await this.remember(next?.slug ?? null);
      }
    });

  /**
   * Asks for a file and imports it. When the library already holds a workspace of the
   * same name, nothing is imported yet: `pendingImport` asks the user first.
   */
  importWorkspace = () =>
    this.run("Could not import the file", async () => {
      const path = await this.backend.chooseImportPath();
      if (!path) return;
      const preview = await this.backend.previewImport(path);
      if (preview.namesakes.length > 0) {
        this.set({ pendingImport: { path, preview } });
        return;
      }
      await this.importFrom(path);
    });

  /** Imports the pending file as another workspace, after the user said so. */
  confirmImport = () => {
    const pending = this.state.pendingImport;
    this.set({ pendingImport: null });
    if (!pending) return Promise.resolve(null);
    return this.run("Could not import the file", () => this.importFrom(pending.path));
  };

  /** Drops the pending import; nothing was written. */
  cancelImport = () => this.set({ pendingImport: null });

  private async importFrom(path: string): Promise<void> {
    const summary = await this.backend.importWorkspace(path);
    this.set({ workspaces: [...this.state.workspaces.filter((w) => w.slug !== summary.slug), summary] });
    this.set({ selectedElement: null, selectedStage: null, save: { kind: "idle" } });
    this.setCurrent(await this.backend.openWorkspace(summary.slug));
    await this.remember(summary.slug);
  }

  /**
   * Asks where and writes the open workspace to a `*.throughline.json` file; while a snapshot
   * is shown, that snapshot. Resolves to the path written, or null (cancelled, or the error shown).
   */
  exportWorkspace = () =>
    this.run("Could not export the workspace", async () => {
      const current = this.state.current;
      if (!current) return null;
      const viewing = this.state.viewing;
      const slug = baseSlug(current.summary.slug);
      const path = await this.backend.chooseExportPath(viewing ? `${current.summary.name} - ${viewing.label}` : slug);
      if (!path) return null;
      if (viewing) await this.backend.exportSnapshot(slug, viewing.label, path);
      else await this.backend.exportWorkspace(slug, path);
      return path;
    });

  /** Sends one edit; what the backend says it changed patches the document. Nothing while a snapshot is shown. */
  edit = (edit: Edit) => {
    const slug = this.state.current?.summary.slug;
    if (!slug || this.isReadOnly()) return Promise.resolve(null);
    return this.run(
      "Could not save your change",
      async () => {
        await this.patch(await this.backend.applyEdit(slug, edit));
        return true;
      },
      true,
    );
  };

  /**
   * Imports a readings file as one undoable change (the backend reads and checks it again);
   * the state it returns replaces the current one. Resolves to true once imported.
   */
  importReadings = (path: string, columns: ColumnMap | null, replace: boolean) => {
    const slug = this.state.current?.summary.slug;
    if (!slug || this.isReadOnly()) return Promise.resolve(null);
    return this.run(
      "Could not import the readings",
      async () => {
        this.setCurrent(await this.backend.importReadings(slug, path, columns, replace));
        return true;
      },
      true,
    );
  };

  undo = () => this.history("undo");
  redo = () => this.history("redo");

  private history(dir: "undo" | "redo") {
    const current = this.state.current;
    if (!current || !current[dir] || this.isReadOnly()) return Promise.resolve(null);
    const slug = current.summary.slug;
    return this.run(
      dir === "undo" ? "Could not undo" : "Could not redo",
      async () => {
        await this.patch(await this.backend[dir](slug));
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
