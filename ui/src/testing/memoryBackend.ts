import type {
  Backend,
  BackupInfo,
  Damage,
  Edit,
  ErrorCode,
  ExportedPlaybook,
  LibraryChanged,
  Problem,
  NodePosition,
  Report,
  ReadinessReport,
  Settings,
  PlaybookOptions,
  SectionPreview,
  Workspace,
  WorkspaceDelta,
  WorkspaceState,
  WorkspaceSummary,
} from "../backend";
import { BackendError } from "../backend";
import { uniqueId } from "../model/ids";
import { applyEdit, stampWaivers } from "./applyEdit";
import { diffDocs } from "./diff";
import { labelOf } from "./labels";
import { notRatedReport } from "./sampleOutput";
import { sampleOutline } from "./playbookFixture";

interface Entry {
  slug: string;
  doc: Workspace;
  undo: { label: string; doc: Workspace }[];
  redo: { label: string; doc: Workspace }[];
  revision: number;
  updatedAt: string;
}

export interface Call {
  method: keyof Backend;
  args: unknown[];
}

/** An empty workspace document called `name`. */
export function emptyWorkspace(name: string): Workspace {
  return {
    workspace: { name, vision: "" },
    stages: [],
    elements: [],
    handoffs: [],
    principles: [],
    readiness: [],
    layer_scores: [],
    waivers: [],
  };
}

/** The calls that answer while the library is damaged: the recovery screen's. */
const RECOVERY_CALLS: (keyof Backend)[] = ["libraryStatus", "listBackups", "restoreBackup", "salvageLibrary", "onLibraryChanged"];

/** A backup as the store lists it: `library-<moment>-<kind>.sqlite3` in the backups folder. */
export function backupAt(
  takenAt: string,
  kind: BackupInfo["kind"],
  size: number,
  folder = "/home/dana/.local/share/app.throughline.desktop/backups",
): BackupInfo {
  const moment = takenAt.replace(/[-:]/g, "").replace(/^(\d{4})(\d{2})(\d{2})/, "$1-$2-$3");
  return {
    path: `${folder}/library-${moment}-${kind.replace("_", "-")}.sqlite3`,
    kind,
    taken_at: takenAt,
    date: takenAt.slice(0, 10),
    size,
    schema_version: 3,
    ok: true,
    problem: null,
  };
}

/**
 * A Backend that keeps workspaces in memory and records every call: the test double of
 * the component tests and the engine of the `?backend=fixture` browser mode.
 */
export class MemoryBackend implements Backend {
  readonly calls: Call[] = [];
  private entries = new Map<string, Entry>();
  private settings: Settings = { display_name: "", last_workspace: null };
  private failures: BackendError[] = [];
  private gate: Promise<void> | null = null;
  private clock = 0;
  /** The time stamped on waivers; null: now. */
  private stampTime: string | null = null;
  importFixture: Workspace | null = null;
  /**
   * The canned answer of `readinessReport`: tests pass in what the Rust library would say.
   * The double computes no statistics. By default: what the library says of a workspace with
   * no session and no layer rated (`generated/sample.json`).
   */
  reportFor: (doc: Workspace, session: string | null) => ReadinessReport = notRatedReport;

  /**
   * The canned answer of `auditWorkspace`: tests pass in what the Rust audit library would
   * say. The double runs no audit rules. By default: no findings.
   */
  auditFor: (doc: Workspace, slug: string) => Report = () => ({
    findings: [],
    summary: { error: 0, warning: 0, info: 0, waived: 0 },
  });
  /** Saved handoff-graph positions by workspace slug. */
  readonly layouts = new Map<string, NodePosition[]>();
  /** The canned answer of `playbookOutline`; the double lays out no PDF. */
  outlineFor: (doc: Workspace, options: PlaybookOptions) => SectionPreview[] = sampleOutline;
  /** The canned answer of `exportPlaybook`. */
  exportFor: (doc: Workspace, path: string, options: PlaybookOptions) => ExportedPlaybook = (_doc, path) => ({
    path,
    bytes: 48_213,
    pages: 6,
  });
  /** What the save dialog answers; null: the user cancelled. */
  pdfPath: (suggestedName: string) => string | null = (name) => `/tmp/${name}`;

  /** Where the library lives. */
  libraryPath = "/home/dana/.local/share/app.throughline.desktop/library.sqlite3";
  /** The library's backups, newest first. */
  backups: BackupInfo[] = [];
  /** What restoring each backup (by path) brings back; absent: the workspaces held now. */
  readonly backupContents = new Map<string, Workspace[]>();
  /** Set: the library is damaged, and only the recovery calls answer. */
  damage: Damage | null = null;
  /** The workspaces a salvage of the damaged library can still read. */
  salvageable: Workspace[] = [];

  constructor(docs: Workspace[] = [], settings?: Partial<Settings>) {
    for (const doc of docs) this.add(doc);
    this.settings = { ...this.settings, ...settings };
  }

  /** Fixes the time stamped on what the double records for the user, as the store's frozen clock. */
  freezeClock(at: string): void {
    this.stampTime = at;
  }

  /** Adds a workspace document; returns its slug. */
  add(doc: Workspace): string {
    const slug = uniqueId(doc.workspace.name, this.entries.keys(), "workspace");
    this.entries.set(slug, {
      slug,
      doc: structuredClone(doc),
      undo: [],
      redo: [],
      revision: 0,
      updatedAt: this.now(),
    });
    return slug;
  }

  /** The next call fails with this error. */
  failNext(code: ErrorCode, message: string, problems: Problem[] = []): void {
    this.failures.push(new BackendError(code, message, problems));
  }

  private changeListeners = new Set<(change: LibraryChanged) => void>();

  onLibraryChanged = (listener: (change: LibraryChanged) => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  /** Tells the window that someone else (another window, the CLI) committed a change. */
  externalChange(change: Omit<LibraryChanged, "origin">): void {
    for (const l of this.changeListeners) l({ ...change, origin: null });
  }

  /** Holds every following call until the returned function is called. */
  hold(): () => void {
    let release = () => {};
    this.gate = new Promise<void>((r) => (release = r));
    return () => {
      this.gate = null;
      release();
    };
  }

  /** The edits that reached the backend, in order. */
  edits(): Edit[] {
    return this.calls.filter((c) => c.method === "applyEdit").map((c) => c.args[1] as Edit);
  }

  doc(slug: string): Workspace {
    return this.entry(slug).doc;
  }

  private now(): string {
    this.clock += 1;
    return new Date(Date.UTC(2025, 0, 6, 9, 0, this.clock)).toISOString();
  }

  private async call<T>(method: keyof Backend, args: unknown[], run: () => T): Promise<T> {
    this.calls.push({ method, args });
    if (this.gate) await this.gate;
    await Promise.resolve();
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (this.damage && !RECOVERY_CALLS.includes(method)) {
      throw new BackendError("damaged_library", `${this.libraryPath} is damaged: ${this.damage.detail}`);
    }
    return structuredClone(run());
  }

  private entry(slug: string): Entry {
    const e = this.entries.get(slug);
    if (!e) throw new BackendError("not_found", `There is no workspace “${slug}”.`);
    return e;
  }

  private summary(e: Entry): WorkspaceSummary {
    return {
      slug: e.slug,
      name: e.doc.workspace.name,
      stages: e.doc.stages.length,
      elements: e.doc.elements.length,
      updated_at: e.updatedAt,
    };
  }

  private state(e: Entry): WorkspaceState {
    const top = (s: { label: string }[]) => (s.length ? { label: s[s.length - 1].label } : null);
    return {
      summary: this.summary(e),
      doc: e.doc,
      undo: top(e.undo),
      redo: top(e.redo),
      revision: e.revision,
      saved_at: e.updatedAt,
    };
  }

  /** What changed from `before` to the entry as it now stands, as the store answers an edit. */
  private delta(e: Entry, before: Workspace): WorkspaceDelta {
    const { doc: _doc, ...rest } = this.state(e);
    return { ...rest, changes: diffDocs(before, e.doc) };
  }

  listWorkspaces = () => this.call("listWorkspaces", [], () => [...this.entries.values()].map((e) => this.summary(e)));

  createWorkspace = (name: string) =>
    this.call("createWorkspace", [name], () => {
      if (!name.trim()) throw new BackendError("invalid_input", "A workspace needs a name.");
      return this.summary(this.entry(this.add(emptyWorkspace(name.trim()))));
    });

  deleteWorkspace = (slug: string) =>
    this.call("deleteWorkspace", [slug], () => {
      this.entry(slug);
      this.entries.delete(slug);
      if (this.settings.last_workspace === slug) this.settings = { ...this.settings, last_workspace: null };
    });

  openWorkspace = (slug: string) =>
    this.call("openWorkspace", [slug], () => {
      const state = this.state(this.entry(slug));
      this.settings = { ...this.settings, last_workspace: slug };
      return state;
    });

  applyEdit = (slug: string, edit: Edit) =>
    this.call("applyEdit", [slug, edit], () => {
      const e = this.entry(slug);
      const before = e.doc;
      const next = applyEdit(e.doc, stampWaivers(edit, this.settings.display_name, this.stampTime ?? new Date().toISOString()));
      // Like the store, an edit that changes nothing is not logged.
      if (diffDocs(before, next).length === 0) return this.delta(e, before);
      e.undo.push({ label: labelOf(e.doc, edit), doc: e.doc });
      e.redo = [];
      e.doc = next;
      e.revision += 1;
      e.updatedAt = this.now();
      return this.delta(e, before);
    });

  undo = (slug: string) => this.call("undo", [slug], () => this.step(slug, "undo"));

  redo = (slug: string) => this.call("redo", [slug], () => this.step(slug, "redo"));

  private step(slug: string, dir: "undo" | "redo"): WorkspaceDelta {
    const e = this.entry(slug);
    const before = e.doc;
    const from = dir === "undo" ? e.undo : e.redo;
    const to = dir === "undo" ? e.redo : e.undo;
    const step = from.pop();
    if (!step) throw new BackendError(dir === "undo" ? "nothing_to_undo" : "nothing_to_redo", `There is nothing to ${dir}.`);
    to.push({ label: step.label, doc: e.doc });
    e.doc = step.doc;
    e.revision += 1;
    e.updatedAt = this.now();
    return this.delta(e, before);
  }

  previewImport = (path: string) =>
    this.call("previewImport", [path], () => {
      const doc = this.importFixture;
      if (!doc) throw new BackendError("io", `Cannot read ${path}.`);
      const wanted = doc.workspace.name.trim().toLowerCase();
      return {
        name: doc.workspace.name,
        stages: doc.stages.length,
        elements: doc.elements.length,
        namesakes: [...this.entries.values()]
          .filter((e) => e.doc.workspace.name.trim().toLowerCase() === wanted)
          .map((e) => this.summary(e)),
      };
    });

  importWorkspace = (path: string) =>
    this.call("importWorkspace", [path], () => {
      if (!this.importFixture) throw new BackendError("io", `Cannot read ${path}.`);
      return this.summary(this.entry(this.add(this.importFixture)));
    });

  exportWorkspace = (slug: string, path: string) =>
    this.call("exportWorkspace", [slug, path], () => {
      this.entry(slug);
    });

  getSettings = () => this.call("getSettings", [], () => this.settings);

  readinessReport = (slug: string, session: string | null) =>
    this.call("readinessReport", [slug, session], () => this.reportFor(this.entry(slug).doc, session));

  setSettings = (settings: Settings) =>
    this.call("setSettings", [settings], () => {
      this.settings = { ...settings };
      return this.settings;
    });

  auditWorkspace = (slug: string) => this.call("auditWorkspace", [slug], () => this.auditFor(this.entry(slug).doc, slug));

  getLayout = (slug: string) =>
    this.call("getLayout", [slug], () => {
      this.entry(slug);
      return this.layouts.get(slug) ?? [];
    });

  saveLayout = (slug: string, positions: NodePosition[]) =>
    this.call("saveLayout", [slug, positions], () => {
      this.entry(slug);
      this.layouts.set(slug, structuredClone(positions));
    });

  chooseImportPath = () => this.call("chooseImportPath", [], () => "/tmp/import.throughline.json");

  chooseExportPath = (name: string) => this.call("chooseExportPath", [name], () => `/tmp/${name}.throughline.json`);

  playbookOutline = (slug: string, options: PlaybookOptions) =>
    this.call("playbookOutline", [slug, options], () => this.outlineFor(this.entry(slug).doc, options));

  exportPlaybook = (slug: string, path: string, options: PlaybookOptions) =>
    this.call("exportPlaybook", [slug, path, options], () => this.exportFor(this.entry(slug).doc, path, options));

  choosePdfPath = (name: string) => this.call("choosePdfPath", [name], () => this.pdfPath(name));

  openPath = (path: string) => this.call("openPath", [path], () => undefined);

  revealPath = (path: string) => this.call("revealPath", [path], () => undefined);

  private folder(): string {
    return this.libraryPath.replace(/\/[^/]*$/, "/backups");
  }

  libraryStatus = () =>
    this.call("libraryStatus", [], () => ({
      path: this.libraryPath,
      backups_folder: this.folder(),
      problem: this.damage ? { code: "damaged_library" as const, message: `${this.libraryPath} is damaged`, problems: [] } : null,
      damage: this.damage,
    }));

  listBackups = () => this.call("listBackups", [], () => this.backups);

  backUpNow = () =>
    this.call("backUpNow", [], () => {
      const made = backupAt(this.now().replace(/\.\d{3}Z$/, "Z"), "manual", 40_960 * (this.entries.size + 1), this.folder());
      this.backups = [made, ...this.backups];
      return made;
    });

  restoreBackup = (path: string) =>
    this.call("restoreBackup", [path], () => {
      const backup = this.backups.find((b) => b.path === path);
      if (!backup) throw new BackendError("forbidden", `${path} is not one of this library's backups.`);
      const before = this.damage ? null : backupAt(this.now().replace(/\.\d{3}Z$/, "Z"), "before_restore", 40_960, this.folder());
      if (before) this.backups = [before, ...this.backups];
      const kept = `${this.libraryPath}.replaced-${backup.date}`;
      this.replaceWith(this.backupContents.get(path) ?? [...this.entries.values()].map((e) => e.doc));
      return { library: this.libraryPath, restored: path, backup_of_replaced: before, replaced_kept_at: kept };
    });

  salvageLibrary = () =>
    this.call("salvageLibrary", [], () => {
      const docs = this.salvageable;
      this.replaceWith(docs);
      const saved = [...this.entries.values()].map((e) => ({ name: e.doc.workspace.name, old_slug: e.slug, new_slug: e.slug }));
      return { report: { library: this.libraryPath, saved, lost: [] }, damaged_kept_at: `${this.libraryPath}.replaced-2025-01-06` };
    });

  private replaceWith(docs: Workspace[]): void {
    this.entries.clear();
    for (const doc of docs) this.add(doc);
    this.damage = null;
  }
}
