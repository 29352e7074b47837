import type {
  Backend,
  ColumnMap,
  BatchState,
  BatchSummary,
  Choice,
  EntityKind,
  ItemChange,
  SnapshotInfo,
  Source,
  VersionRef,
  BackupInfo,
  Damage,
  Edit,
  ErrorCode,
  ExportedPlaybook,
  LibraryChanged,
  LogColumns,
  LogInfo,
  LogPreview,
  LostWorkspace,
  ActivityToElement,
  Replay,
  MonitorReport,
  Reading,
  ReadingsPreview,
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
import { mergeDocs } from "./mergeDouble";
import { labelOf } from "./labels";
import { baseSlug, snapshotLabelOf, snapshotSlug } from "../store/snapshotRef";
import { notRatedReport } from "./sampleOutput";
import { sampleOutline } from "./playbookFixture";
import { tinyPdf } from "./tinyPdf";
import { aliasEditOf, emptyReplay, sampleLogPreview } from "./realityDouble";
import { type TemplateDouble, templateDoubles } from "./templatesDouble";
import { COLLECTIONS, changes, compareDocs, fieldChanges } from "./versionsDouble";

interface Step {
  label: string;
  doc: Workspace;
  /** The logged batch this step undoes or redoes. */
  batch?: number;
}

/** A logged change batch: the whole documents before and after (the double's change log). */
interface Logged {
  id: number;
  at: string;
  who: string;
  source: Source;
  label: string;
  state: BatchState;
  before: Workspace;
  after: Workspace;
}

interface Entry {
  slug: string;
  doc: Workspace;
  undo: Step[];
  redo: Step[];
  revision: number;
  updatedAt: string;
  snapshots: (SnapshotInfo & { doc: Workspace })[];
  log: Logged[];
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
const RECOVERY_CALLS: (keyof Backend)[] = [
  "libraryStatus",
  "setWindowTitle",
  "listBackups",
  "restoreBackup",
  "salvageLibrary",
  "onLibraryChanged",
];

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
  private settings: Settings = { display_name: "", last_workspace: null, named: true };
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
   * say. The double runs no audit rules. By default: no findings (and, as the library says of
   * a workspace without elements or handoffs, nothing to check).
   */
  auditFor: (doc: Workspace, slug: string) => Report = (doc) => ({
    findings: [],
    summary: {
      error: 0,
      warning: 0,
      info: 0,
      waived: 0,
      due: 0,
      nothing_to_check: doc.elements.length === 0 && doc.handoffs.length === 0,
    },
  });
  /** Saved handoff-graph positions by workspace slug. */
  readonly layouts = new Map<string, NodePosition[]>();
  /** The canned answer of `playbookOutline`; the double lays out no PDF. */
  outlineFor: (doc: Workspace, options: PlaybookOptions) => SectionPreview[] = sampleOutline;
  /** The canned answer of `playbookPdf`: a small real PDF, one page per section of the outline. */
  pdfFor: (doc: Workspace, options: PlaybookOptions) => Uint8Array = (doc, options) =>
    tinyPdf(this.outlineFor(doc, options).map((s) => s.title));
  /** The canned answer of `exportPlaybook`. */
  exportFor: (doc: Workspace, path: string, options: PlaybookOptions) => ExportedPlaybook = (_doc, path) => ({
    path,
    bytes: 48_213,
    pages: 6,
  });
  /** What the save dialog answers; null: the user cancelled. */
  pdfPath: (suggestedName: string) => string | null = (name) => `/tmp/${name}`;

  /** Stored event logs by workspace slug, newest first. */
  readonly logs = new Map<string, LogInfo[]>();
  /** What the log dialog answers; null: the user cancelled. */
  logPath: () => string | null = () => "/tmp/tickets.csv";
  /** The canned answer of `previewLog`; the double reads no file. */
  previewFor: (path: string) => LogPreview = sampleLogPreview;
  /** The counts a stored log gets at import; the double reads no file. */
  importedCounts = { events: 120, cases: 20, activities: 6 };
  /** The canned answer of `replayLog`: tests pass in what the Rust replay would say of `doc`. */
  replayFor: (doc: Workspace, log: string) => Replay = (_doc, log) => emptyReplay(log);
  /**
   * The canned answer of `monitorReport`: tests pass in what the Rust monitor library would
   * say. By default each stage with its plan and nothing measured, each metric with its
   * latest readings and no findings (the double computes no arc and runs no rules).
   */
  monitorFor: (doc: Workspace, asOf: string | null) => MonitorReport = plainMonitor;
  /**
   * The readings files the open dialog can pick, by path: what the library's preview says
   * of each, and the readings an import writes. A path not listed cannot be read.
   */
  readingsFiles = new Map<string, { preview: ReadingsPreview; readings: Reading[] }>();
  /** What the readings open dialog answers; null: the user cancelled. */
  readingsPath: string | null = "/tmp/readings.csv";
  /** Readings exports written, by path, with the readings count. */
  readonly readingsExports = new Map<string, number>();
  /** Where the library lives. */
  libraryPath = "/home/dana/.local/share/app.throughline.desktop/library.sqlite3";
  /** The library's backups, newest first. */
  backups: BackupInfo[] = [];
  /** What restoring each backup (by path) brings back; absent: the workspaces held now. */
  readonly backupContents = new Map<string, Workspace[]>();
  /** The templates a new workspace can start from. */
  templates: TemplateDouble[] = templateDoubles();
  /** The window's title, as the app last set it. */
  windowTitle = "Throughline";
  /** Set: the library is damaged, and only the recovery calls answer. */
  damage: Damage | null = null;
  /** The workspaces a salvage of the damaged library can still read. */
  salvageable: Workspace[] = [];
  /** The workspaces a salvage cannot read, and why. */
  unsalvageable: LostWorkspace[] = [];

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
      snapshots: [],
      log: [],
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

  /** The workspace `slug` names, to change or to ask about its versions; a snapshot (`SLUG@LABEL`) is refused. */
  private entry(slug: string): Entry {
    if (snapshotLabelOf(slug) !== null) {
      throw new BackendError(
        "forbidden",
        `"${slug}" is a snapshot: a snapshot cannot be changed. Go back to the workspace as it is now, or restore the snapshot, to edit. Nothing was changed.`,
      );
    }
    const e = this.entries.get(slug);
    if (!e) throw new BackendError("not_found", `There is no workspace “${slug}”.`);
    return e;
  }

  /** The document a read command answers for: the workspace `slug`, or its snapshot when `slug` is `SLUG@LABEL`. */
  private read(slug: string): Workspace {
    const label = snapshotLabelOf(slug);
    const e = this.entry(baseSlug(slug));
    return label === null ? e.doc : this.snapshot(e, label).doc;
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

  listTemplates = () => this.call("listTemplates", [], () => this.templates.map((t) => t.info));

  createFromTemplate = (id: string, name: string | null) =>
    this.call("createFromTemplate", [id, name], () => {
      const template = this.templates.find((t) => t.info.id === id);
      if (!template) throw new BackendError("not_found", `no template "${id}"`);
      const doc = template.doc();
      if (name?.trim()) doc.workspace.name = name.trim();
      return this.summary(this.entry(this.add(doc)));
    });

  duplicateWorkspace = (slug: string, name: string | null) =>
    this.call("duplicateWorkspace", [slug, name], () => {
      const source = this.entry(slug);
      const doc = structuredClone(source.doc);
      doc.workspace.name = name?.trim() || `${source.doc.workspace.name.trim()} (copy)`;
      const copy = this.add(doc);
      const layout = this.layouts.get(slug);
      if (layout) this.layouts.set(copy, structuredClone(layout));
      return this.summary(this.entry(copy));
    });

  setWindowTitle = (title: string) =>
    this.call("setWindowTitle", [title], () => {
      this.windowTitle = title;
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
      this.commit(e, next, labelOf(e.doc, edit), "ui");
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
    to.push({ label: step.label, doc: e.doc, batch: step.batch });
    const undone = e.log.find((l) => l.id === step.batch);
    if (undone) undone.state = dir === "undo" ? "undone" : "done";
    e.log.push(this.logged(e, e.doc, step.doc, `${dir === "undo" ? "Undo" : "Redo"}: ${step.label}`, dir, "record"));
    e.doc = step.doc;
    e.revision += 1;
    e.updatedAt = this.now();
    return this.delta(e, before);
  }

  /** Who the double says made a change: the display name, as the store does. */
  private who(): string {
    return this.settings.display_name.trim() || "Someone";
  }

  private logged(e: Entry, before: Workspace, after: Workspace, label: string, source: Source, state: BatchState): Logged {
    return { id: e.log.length + 1, at: this.now(), who: this.who(), source, label, state, before, after };
  }

  /** Saves `next` as one undoable change batch, as the store does for an edit or a restore. */
  private commit(e: Entry, next: Workspace, label: string, source: Source): void {
    for (const l of e.log) if (l.state === "undone") l.state = "discarded";
    const batch = this.logged(e, e.doc, next, label, source, "done");
    e.log.push(batch);
    e.undo.push({ label, doc: e.doc, batch: batch.id });
    e.redo = [];
    e.doc = next;
    e.revision += 1;
    e.updatedAt = batch.at;
  }

  private snapshot(e: Entry, label: string): SnapshotInfo & { doc: Workspace } {
    const s = e.snapshots.find((x) => x.label.toLowerCase() === label.trim().toLowerCase());
    if (!s) {
      const known = e.snapshots.map((x) => `“${x.label}”`).join(", ") || "none";
      throw new BackendError("not_found", `There is no snapshot “${label.trim()}” of ${e.slug}; its snapshots are: ${known}.`);
    }
    return s;
  }

  private version(e: Entry, which: VersionRef): { name: string; doc: Workspace } {
    if (which.kind === "current") return { name: "Now", doc: e.doc };
    if (which.kind === "snapshot") return { name: `“${which.label.trim()}”`, doc: this.snapshot(e, which.label).doc };
    if (which.kind === "batch") {
      const batch = e.log.find((l) => l.id === which.id);
      if (!batch) throw new BackendError("not_found", `This workspace has no change batch ${which.id}.`);
      return { name: `After change ${which.id}`, doc: batch.after };
    }
    const doc = this.files.get(which.path) ?? this.compareFile;
    if (!doc) throw new BackendError("io", `Cannot read ${which.path}.`);
    return { name: which.path.split("/").pop() ?? which.path, doc };
  }

  /** The document a `{kind: "file"}` state reads; null: the file cannot be read. */
  compareFile: Workspace | null = null;
  /** Workspace files by path, read before `compareFile` (a merge reads two files). */
  files = new Map<string, Workspace>();

  private merged(slug: string, theirs: string, base: VersionRef, choices: Choice[]) {
    const e = this.entry(slug);
    const b = this.version(e, base);
    const t = this.version(e, { kind: "file", path: theirs });
    return { e, b, t, ...mergeDocs(b.doc, e.doc, t.doc, choices) };
  }

  previewMerge = (slug: string, theirs: string, base: VersionRef, choices: Choice[]) =>
    this.call("previewMerge", [slug, theirs, base, choices], () => {
      const { e, b, t, workspace, conflicts } = this.merged(slug, theirs, base, choices);
      const comparison = compareDocs(e.doc, workspace, "Now", "Merged", (doc) => this.auditFor(doc, slug));
      return { base: b.name, ours: "Now", theirs: t.name, comparison, conflicts, warnings: [] };
    });

  applyMerge = (slug: string, theirs: string, base: VersionRef, choices: Choice[]) =>
    this.call("applyMerge", [slug, theirs, base, choices], () => {
      const { e, t, workspace } = this.merged(slug, theirs, base, choices);
      if (JSON.stringify(workspace) !== JSON.stringify(e.doc)) this.commit(e, workspace, `Merge ${t.name}`, "merge");
      return this.state(e);
    });

  listSnapshots = (slug: string) =>
    this.call("listSnapshots", [slug], () => [...this.entry(slug).snapshots].reverse().map(({ doc: _doc, ...info }) => info));

  createSnapshot = (slug: string, label: string, note: string | null) =>
    this.call("createSnapshot", [slug, label, note], () => {
      const e = this.entry(slug);
      const name = label.trim();
      if (!name) throw new BackendError("invalid_input", "A snapshot needs a label.");
      const taken = e.snapshots.find((x) => x.label.toLowerCase() === name.toLowerCase());
      if (taken) throw new BackendError("conflict", `A snapshot is already labelled “${taken.label}”; choose another label.`);
      const info: SnapshotInfo = {
        label: name,
        note: note?.trim() || null,
        who: this.who(),
        at: this.now(),
        revision: e.revision,
        elements: e.doc.elements.length,
        stored_bytes: JSON.stringify(e.doc).length,
      };
      e.snapshots.push({ ...info, doc: structuredClone(e.doc) });
      return info;
    });

  openSnapshot = (slug: string, label: string) =>
    this.call("openSnapshot", [slug, label], (): WorkspaceState => {
      const e = this.entry(slug);
      const s = this.snapshot(e, label);
      return {
        summary: { ...this.summary(e), slug: snapshotSlug(e.slug, s.label) },
        doc: s.doc,
        revision: 0,
        saved_at: s.at,
        undo: null,
        redo: null,
      };
    });

  restoreSnapshot = (slug: string, label: string) =>
    this.call("restoreSnapshot", [slug, label], () => {
      const e = this.entry(slug);
      const s = this.snapshot(e, label);
      if (JSON.stringify(s.doc) !== JSON.stringify(e.doc))
        this.commit(e, structuredClone(s.doc), `Restore snapshot “${s.label}”`, "restore");
      return this.state(e);
    });

  deleteSnapshot = (slug: string, label: string) =>
    this.call("deleteSnapshot", [slug, label], () => {
      const e = this.entry(slug);
      const s = this.snapshot(e, label);
      e.snapshots = e.snapshots.filter((x) => x !== s);
    });

  exportSnapshot = (slug: string, label: string, path: string) =>
    this.call("exportSnapshot", [slug, label, path], () => {
      this.snapshot(this.entry(slug), label);
    });

  compareVersions = (slug: string, from: VersionRef, to: VersionRef) =>
    this.call("compareVersions", [slug, from, to], () => {
      const e = this.entry(slug);
      const a = this.version(e, from);
      const b = this.version(e, to);
      return compareDocs(a.doc, b.doc, a.name, b.name, (doc) => this.auditFor(doc, slug));
    });

  workspaceTimeline = (slug: string, limit: number) =>
    this.call("workspaceTimeline", [slug, limit], (): BatchSummary[] =>
      [...this.entry(slug).log]
        .reverse()
        .slice(0, limit)
        .map((l) => ({
          id: l.id,
          at: l.at,
          who: l.who,
          source: l.source,
          label: l.label,
          state: l.state,
          items: changes(l.before, l.after).map((c) => ({
            kind: COLLECTIONS.find((k) => k.name === c.collection)?.kind ?? "info",
            id: c.id,
            name: c.name,
          })),
        })),
    );

  itemHistory = (slug: string, kind: EntityKind, id: string) =>
    this.call("itemHistory", [slug, kind, id], (): ItemChange[] => {
      const collection = COLLECTIONS.find((c) => c.kind === kind);
      if (!collection) return [];
      const find = (doc: Workspace) => collection.items(doc).find((x) => collection.key(x) === id);
      return [...this.entry(slug).log].reverse().flatMap((l): ItemChange[] => {
        const before = find(l.before);
        const after = find(l.after);
        if (!before && !after) return [];
        const fields = fieldChanges(before, after);
        const moved = before && after && Object.keys(fields).length === 0;
        if (moved && collection.items(l.before).indexOf(before) === collection.items(l.after).indexOf(after)) return [];
        const change = !before ? "added" : !after ? "removed" : moved ? "moved" : "changed";
        return [
          {
            batch: l.id,
            at: l.at,
            who: l.who,
            source: l.source,
            label: l.label,
            state: l.state,
            change,
            fields: change === "changed" ? fields : {},
          },
        ];
      });
    });

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
      this.read(slug);
    });

  getSettings = () => this.call("getSettings", [], () => this.settings);

  readinessReport = (slug: string, session: string | null) =>
    this.call("readinessReport", [slug, session], () => this.reportFor(this.read(slug), session));

  setSettings = (settings: Settings) =>
    this.call("setSettings", [settings], () => {
      if (!settings.display_name.trim()) throw new BackendError("invalid_input", "Your name cannot be empty.");
      this.settings = { ...settings, display_name: settings.display_name.trim(), named: true };
      return this.settings;
    });

  auditWorkspace = (slug: string) => this.call("auditWorkspace", [slug], () => this.auditFor(this.read(slug), slug));

  getLayout = (slug: string) =>
    this.call("getLayout", [slug], () => {
      this.read(slug);
      // A snapshot is drawn where its workspace's cards stand now: positions are not versioned.
      return this.layouts.get(baseSlug(slug)) ?? [];
    });

  saveLayout = (slug: string, positions: NodePosition[]) =>
    this.call("saveLayout", [slug, positions], () => {
      this.entry(slug);
      this.layouts.set(slug, structuredClone(positions));
    });

  chooseImportPath = () => this.call("chooseImportPath", [], () => "/tmp/import.throughline.json");

  chooseExportPath = (name: string) => this.call("chooseExportPath", [name], () => `/tmp/${name}.throughline.json`);

  playbookOutline = (slug: string, options: PlaybookOptions) =>
    this.call("playbookOutline", [slug, options], () => this.outlineFor(this.read(slug), options));

  playbookPdf = (slug: string, options: PlaybookOptions) =>
    this.call("playbookPdf", [slug, options], () => this.pdfFor(this.read(slug), options));

  exportPlaybook = (slug: string, path: string, options: PlaybookOptions) =>
    this.call("exportPlaybook", [slug, path, options], () => this.exportFor(this.read(slug), path, options));

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
      // The stored logs of every saved workspace come along.
      const logs = saved.flatMap((w) =>
        (this.logs.get(w.new_slug) ?? []).map((l) => ({ workspace: w.new_slug, name: l.name, lost: null })),
      );
      return {
        report: { library: this.libraryPath, saved, lost: [...this.unsalvageable], logs },
        damaged_kept_at: `${this.libraryPath}.replaced-2025-01-06`,
      };
    });

  private replaceWith(docs: Workspace[]): void {
    this.entries.clear();
    for (const doc of docs) this.add(doc);
    this.damage = null;
  }
  chooseLogPath = () => this.call("chooseLogPath", [], () => this.logPath());

  previewLog = (path: string) => this.call("previewLog", [path], () => this.previewFor(path));

  importLog = (slug: string, path: string, name: string, columns: LogColumns | null, skipBadRows: boolean) =>
    this.call("importLog", [slug, path, name, columns, skipBadRows], () => {
      this.entry(slug);
      const trimmed = name.trim();
      if (!trimmed) throw new BackendError("invalid_input", "the log name cannot be empty");
      const list = this.logs.get(slug) ?? [];
      const taken = list.find((l) => l.name.toLowerCase() === trimmed.toLowerCase());
      if (taken)
        throw new BackendError(
          "conflict",
          `this workspace already has a log named "${taken.name}"; choose another name with --name, or delete that log first`,
        );
      const info: LogInfo = {
        name: trimmed,
        source: path.split(/[\\/]/).pop() ?? path,
        who: this.settings.display_name || "Someone",
        at: this.now(),
        ...this.importedCounts,
        bad_rows: 0,
        first_event: "2026-03-02T09:00:00Z",
        last_event: "2026-03-30T17:00:00Z",
        stored_bytes: 2048,
      };
      this.logs.set(slug, [info, ...list]);
      return { info, skipped: [] };
    });

  listLogs = (slug: string) =>
    this.call("listLogs", [slug], () => {
      this.read(slug);
      return this.logs.get(baseSlug(slug)) ?? [];
    });

  deleteLog = (slug: string, name: string) =>
    this.call("deleteLog", [slug, name], () => {
      this.entry(slug);
      const list = this.logs.get(slug) ?? [];
      const keep = list.filter((l) => l.name.toLowerCase() !== name.trim().toLowerCase());
      if (keep.length === list.length) throw new BackendError("not_found", `no log "${name}" in this workspace`);
      this.logs.set(slug, keep);
    });

  replayLog = (slug: string, name: string) =>
    this.call("replayLog", [slug, name], () => {
      const doc = this.read(slug);
      const log = (this.logs.get(baseSlug(slug)) ?? []).find((l) => l.name.toLowerCase() === name.trim().toLowerCase());
      if (!log) throw new BackendError("not_found", `no log "${name}" in this workspace`);
      return this.replayFor(doc, log.name);
    });

  aliasEdit = (slug: string, mappings: ActivityToElement[]) =>
    this.call("aliasEdit", [slug, mappings], () => aliasEditOf(this.entry(slug).doc, mappings));
  monitorReport = (slug: string, asOf: string | null) =>
    this.call("monitorReport", [slug, asOf], () => {
      if (asOf !== null && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
        throw new BackendError(
          "invalid_input",
          `"${asOf}" is not a date written YYYY-MM-DD; give the date the report is as of, e.g. 2026-03-31`,
        );
      return this.monitorFor(this.read(slug), asOf);
    });

  chooseReadingsFile = () => this.call("chooseReadingsFile", [], () => this.readingsPath);

  private readingsFile(path: string) {
    const file = this.readingsFiles.get(path);
    if (!file) throw new BackendError("io", `cannot read ${path}: No such file or directory (os error 2); choose the readings file again`);
    return file;
  }

  previewReadingsImport = (slug: string, path: string, columns: ColumnMap | null, replace: boolean) =>
    this.call("previewReadingsImport", [slug, path, columns, replace], () => {
      this.entry(slug);
      const { preview } = this.readingsFile(path);
      const ready = preview.error_count === 0 && (preview.conflict_count === 0 || replace);
      return { ...preview, path, replace, ready };
    });

  importReadings = (slug: string, path: string, columns: ColumnMap | null, replace: boolean) =>
    this.call("importReadings", [slug, path, columns, replace], () => {
      const e = this.entry(slug);
      const { preview, readings } = this.readingsFile(path);
      if (preview.error_count > 0)
        throw new BackendError("bad_file", `${path}: ${preview.error_count} of the file's rows are wrong, so nothing was imported`);
      if (preview.conflict_count > 0 && !replace)
        throw new BackendError(
          "conflict",
          `${path}: ${preview.conflict_count} rows would replace readings already recorded; nothing was imported`,
        );
      const edit: Edit = { type: "put_readings", readings };
      const next = applyEdit(e.doc, edit);
      e.undo.push({ label: labelOf(e.doc, edit), doc: e.doc });
      e.redo = [];
      e.doc = next;
      e.revision += 1;
      e.updatedAt = this.now();
      return this.state(e);
    });

  chooseReadingsExportPath = (name: string) => this.call("chooseReadingsExportPath", [name], () => `/tmp/${name}`);

  exportReadings = (slug: string, path: string) =>
    this.call("exportReadings", [slug, path], () => {
      const n = this.entry(slug).doc.readings?.length ?? 0;
      this.readingsExports.set(path, n);
      return n;
    });
}

/** The default monitor answer of the double: plans and latest readings, nothing computed beyond that. */
export function plainMonitor(doc: Workspace, asOf: string | null): MonitorReport {
  const readings = (doc.readings ?? []).filter((r) => asOf === null || r.date <= asOf);
  const newest = readings.reduce<string | null>((d, r) => (d === null || r.date > d ? r.date : d), null);
  return {
    as_of: asOf ?? newest,
    stages: doc.stages.map((s) => ({
      id: s.id,
      name: s.name,
      planned: s.emotion,
      measured: null,
      gap: null,
      grade: null,
      consistency: null,
      sentiments: [],
      metrics: [],
    })),
    metrics: (doc.metrics ?? []).map((m) => {
      const own = readings.filter((r) => r.metric === m.id).sort((a, b) => a.date.localeCompare(b.date));
      const point = (r: Reading | undefined) => (r ? { date: r.date, value: r.value ?? 0, n: r.n ?? null } : null);
      const latest = own.at(-1);
      const target = m.target ?? null;
      const toTarget =
        latest && target !== null ? (m.direction === "lower" ? (latest.value ?? 0) - target : target - (latest.value ?? 0)) : null;
      return {
        id: m.id,
        name: m.name,
        kind: m.kind,
        scope: m.scope,
        direction: m.direction,
        leading: m.leading,
        owner: m.owner ?? null,
        latest: point(latest),
        previous: point(own.at(-2)),
        first: point(own[0]),
        target,
        meets_target: toTarget === null ? null : toTarget <= 0,
        trend: { since_previous: null, since_first: null, to_target: toTarget },
      };
    }),
    report: { findings: [], summary: { error: 0, warning: 0, info: 0, waived: 0, due: 0, nothing_to_check: false } },
  };
}
