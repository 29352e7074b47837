/**
 * The one place the UI names what crosses IPC. Components import domain types from here,
 * never from `bindings.ts`, so a shift in the generated names is absorbed in this file.
 */
import type * as B from "../bindings";

// Types the backend sends are the generated "serialize" shapes: every field the Rust side
// always writes is required here. What the UI sends (edits, settings, playbook options) is
// built in the same full shape, which the backend's more lenient input shape accepts.
export type Agreement = B.Agreement_Serialize;
export type BatchItem = B.BatchItem;
export type BatchState = B.BatchState;
export type BatchSummary = B.BatchSummary;
export type Comparison = B.Comparison_Serialize;
export type EntityKind = B.EntityKind;
export type FieldChange = B.FieldChange;
export type FindingChange = B.FindingChange_Serialize;
export type ItemChange = B.ItemChange;
export type ItemChangeKind = B.ItemChangeKind;
export type JsonValue = B.AnyJson;
export type SnapshotInfo = B.SnapshotInfo_Serialize;
export type Source = B.Source;
export type VersionChange = B.Change_Serialize;
export type VersionRef = B.VersionRef;
export type MergePreview = B.MergePreview_Serialize;
export type MergeConflict = B.Conflict_Serialize;
export type Choice = B.Choice_Deserialize;
export type BackupInfo = B.BackupInfo_Serialize;
export type BackupKind = B.BackupKind;
export type Damage = B.Damage_Serialize;
export type EntityChange = B.EntityChange_Serialize;
export type ImportPreview = B.ImportPreview;
export type LibraryStatus = B.LibraryStatus_Serialize;
export type RestoreOutcome = B.RestoreOutcome_Serialize;
export type SalvageInPlace = B.SalvageInPlace_Serialize;
export type LostWorkspace = B.LostWorkspace;
export type Capability = B.Capability;
export type ColumnMap = B.ColumnMap;
export type Dimension = B.Dimension;
export type DimensionStats = B.DimensionStats_Serialize;
export type Edit = B.Edit_Serialize;
export type ErrorCode = B.ErrorCode;
export type ChangeKind = B.ChangeKind;
export type LibraryChanged = B.LibraryChanged_Serialize;
export type LogColumns = B.LogColumns;
export type LogImport = B.LogImport;
export type LogInfo = B.LogInfo;
export type LogPreview = B.LogPreview;
export type ObservedPair = B.ObservedPair;
export type CaseExample = B.CaseExample;
export type ExampleVisit = B.ExampleVisit;
export type FindingExamples = B.FindingExamples;
export type Replay = B.Replay_Serialize;
export type UnmappedActivity = B.UnmappedActivity;
export type ActivityToElement = B.ActivityToElement;
export type Element = B.Element_Serialize;
export type ElementKind = B.ElementKind;
export type Evidence = B.Evidence_Serialize;
export type ExportedPlaybook = B.ExportedPlaybook;
export type Finding = B.Finding_Serialize;
export type GapPattern = B.GapPattern_Serialize;
export type Handoff = B.Handoff_Serialize;
export type HandoffMode = B.HandoffMode;
export type HistoryStep = B.HistoryStep;
export type Layer = B.Layer;
export type Metric = B.Metric_Serialize;
export type MetricKind = B.MetricKind;
export type MetricStatus = B.MetricStatus;
export type MonitorReport = B.Monitor_Serialize;
export type Reading = B.Reading_Serialize;
export type ReadingsPreview = B.ReadingsPreview_Serialize;
export type Review = B.Review_Serialize;
export type RowProblem = B.RowProblem;
export type RowReplacement = B.RowReplacement;
export type StageArc = B.StageArc;
export type LayerDiagnosis = B.LayerDiagnosis_Serialize;
export type LayerReading = B.LayerReading_Serialize;
export type LayerScore = B.LayerScore;
export type NodePosition = B.NodePosition;
export type Paper = B.Paper;
export type Edition = B.Edition;
export type Placement = B.NodePosition;
export type Problem = B.Problem;
export type PlaybookOptions = B.PlaybookOptions_Serialize;
export type Principle = B.Principle_Serialize;
export type Rater = B.Rater_Serialize;
export type RaterScores = B.RaterScores_Serialize;
export type ReadinessReport = B.ReadinessReport_Serialize;
export type ReadinessSession = B.ReadinessSession_Serialize;
export type Recommendation = B.Recommendation;
export type Report = B.Report_Serialize;
export type RuleCode = B.RuleCode;
export type Score = B.Score;
export type Section = B.Section;
export type SectionPreview = B.SectionPreview;
export type Sections = B.Sections_Serialize;
export type SessionSummary = B.SessionSummary_Serialize;
export type Settings = B.Settings_Serialize;
export type Severity = B.Severity;
export type Stage = B.Stage_Serialize;
export type Subject = B.Subject;
export type SubjectKind = B.SubjectKind;
export type Summary = B.Summary;
export type TemplateInfo = B.TemplateInfo;
export type TrendPoint = B.TrendPoint_Serialize;
export type Trigger = B.Trigger;
export type Verdict = B.Verdict;
export type VerdictKind = B.VerdictKind;
export type Waiver = B.Waiver;
export type WaiverInfo = B.WaiverInfo;
export type Workspace = B.Workspace_Serialize;
export type WorkspaceInfo = B.WorkspaceInfo_Serialize;
export type WorkspaceState = B.WorkspaceState_Serialize;
/** What an edit, an undo or a redo changed, with the new undo/redo labels: no document. */
export type WorkspaceDelta = B.WorkspaceDelta_Serialize;
export type WorkspaceSummary = B.WorkspaceSummary;

/**
 * An error the backend reported, in the contract shared with the CLI: a `code` to branch
 * on, a `message` written for the user, and the located `problems` behind it (a path into
 * the workspace document, such as `stages[0].name`, and what is wrong there).
 */
export class BackendError extends Error {
  readonly code: ErrorCode;
  readonly problems: Problem[];
  constructor(code: ErrorCode, message: string, problems: Problem[] = []) {
    super(message);
    this.name = "BackendError";
    this.code = code;
    this.problems = problems;
  }
}

const ERROR_CODES: readonly ErrorCode[] = [
  "invalid_edit",
  "invalid_input",
  "not_found",
  "ambiguous",
  "conflict",
  "nothing_to_undo",
  "nothing_to_redo",
  "newer_database",
  "locked",
  "damaged_library",
  "bad_file",
  "io",
  "forbidden",
  "internal",
];

/** The value as an ErrorCode; anything unknown is `internal`. */
export function asErrorCode(code: unknown): ErrorCode {
  return ERROR_CODES.find((c) => c === code) ?? "internal";
}

/** Everything the UI asks of the app. The Tauri adapter is one implementation. */
export interface Backend {
  listWorkspaces(): Promise<WorkspaceSummary[]>;
  createWorkspace(name: string): Promise<WorkspaceSummary>;
  deleteWorkspace(slug: string): Promise<void>;
  openWorkspace(slug: string): Promise<WorkspaceState>;
  /** Saves an edit; answers with what changed, not the whole document. */
  applyEdit(slug: string, edit: Edit): Promise<WorkspaceDelta>;
  undo(slug: string): Promise<WorkspaceDelta>;
  redo(slug: string): Promise<WorkspaceDelta>;
  /** What the file holds and the workspaces of the same name already in the library; imports nothing. */
  previewImport(path: string): Promise<ImportPreview>;
  importWorkspace(path: string): Promise<WorkspaceSummary>;
  exportWorkspace(slug: string, path: string): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<Settings>;
  /** The readiness figures of a session (by id; null: the latest), the layer diagnosis and the trend. */
  readinessReport(slug: string, session: string | null): Promise<ReadinessReport>;
  /** The audit library's report on the workspace as it is now (waivers applied). */
  auditWorkspace(slug: string): Promise<Report>;
  /** The saved positions of the handoff graph's nodes; view state, not undoable. */
  getLayout(slug: string): Promise<NodePosition[]>;
  saveLayout(slug: string, positions: NodePosition[]): Promise<void>;
  /** Asks the user for a `*.throughline.json` file to import; null when cancelled. */
  chooseImportPath(): Promise<string | null>;
  /** Asks the user where to export; null when cancelled. */
  chooseExportPath(suggestedName: string): Promise<string | null>;
  /** The sections the playbook PDF will hold for these options, each with one line on its content. */
  playbookOutline(slug: string, options: PlaybookOptions): Promise<SectionPreview[]>;
  /** The playbook PDF for these options, for the page preview (nothing is written to disk). */
  playbookPdf(slug: string, options: PlaybookOptions): Promise<Uint8Array>;
  /** Writes the playbook PDF to `path`; says where, how large and how many pages. */
  exportPlaybook(slug: string, path: string, options: PlaybookOptions): Promise<ExportedPlaybook>;
  /** Asks the user where to save a PDF (`suggestedName` is a file name); null when cancelled. */
  choosePdfPath(suggestedName: string): Promise<string | null>;
  /** Asks the user for an event log (CSV or XES, gzipped or not); null when cancelled. */
  chooseLogPath(): Promise<string | null>;
  /** The first rows of a log file and the columns detected for case, activity, time, resource, channel. */
  previewLog(path: string): Promise<LogPreview>;
  /** Reads a log (columns as given, or detected when null) and keeps it in the workspace under `name`. */
  importLog(slug: string, path: string, name: string, columns: LogColumns | null, skipBadRows: boolean): Promise<LogImport>;
  /** The workspace's stored logs, newest first. */
  listLogs(slug: string): Promise<LogInfo[]>;
  deleteLog(slug: string, name: string): Promise<void>;
  /** Replays a stored log against the workspace as it is now. */
  replayLog(slug: string, name: string): Promise<Replay>;
  /** The one edit that saves each activity as an alias of its element; null when nothing is new. */
  aliasEdit(slug: string, mappings: ActivityToElement[]): Promise<Edit | null>;
  /** Opens a file the user exported with the system's default application (others are refused). */
  openPath(path: string): Promise<void>;
  /** Shows a file the user exported selected in the system's file manager (others are refused). */
  revealPath(path: string): Promise<void>;
  /** The monitor report (figures per metric and stage, findings) as of `asOf` (null: the newest reading). */
  monitorReport(slug: string, asOf: string | null): Promise<MonitorReport>;
  /** Asks the user for a readings CSV file to import; null when cancelled. */
  chooseReadingsFile(): Promise<string | null>;
  /** What importing the readings file would do (columns, wrong rows, replacements); writes nothing. */
  previewReadingsImport(slug: string, path: string, columns: ColumnMap | null, replace: boolean): Promise<ReadingsPreview>;
  /** Imports the readings file as one undoable change; refused unless every row is good (and replacing is allowed when needed). */
  importReadings(slug: string, path: string, columns: ColumnMap | null, replace: boolean): Promise<WorkspaceState>;
  /** Asks the user where to save the readings as CSV; null when cancelled. */
  chooseReadingsExportPath(suggestedName: string): Promise<string | null>;
  /** Writes every reading to a CSV file; returns how many. */
  exportReadings(slug: string, path: string): Promise<number>;
  /** The workspace's snapshots, newest first. */
  listSnapshots(slug: string): Promise<SnapshotInfo[]>;
  /** Takes a snapshot of the workspace as it is now; the label is unique within the workspace. */
  createSnapshot(slug: string, label: string, note: string | null): Promise<SnapshotInfo>;
  /**
   * The snapshot `label` of the workspace `slug` as a state to look at: `summary.slug` is
   * `SLUG@LABEL` (which every read command takes), revision 0, no undo or redo. Writes refuse it.
   */
  openSnapshot(slug: string, label: string): Promise<WorkspaceState>;
  /** Brings the workspace back to a snapshot as one undoable edit. */
  restoreSnapshot(slug: string, label: string): Promise<WorkspaceState>;
  deleteSnapshot(slug: string, label: string): Promise<void>;
  exportSnapshot(slug: string, label: string, path: string): Promise<void>;
  /** What changed from the older state `from` to the newer state `to`, with findings and readiness. */
  compareVersions(slug: string, from: VersionRef, to: VersionRef): Promise<Comparison>;
  /**
   * What merging the workspace file `theirs` into the workspace would do, from the common
   * state `base`, with each conflict settled as `choices` say (the rest keep ours); writes nothing.
   */
  previewMerge(slug: string, theirs: string, base: VersionRef, choices: Choice[]): Promise<MergePreview>;
  /** Merges as `previewMerge` does and applies the result as one undoable change, logged as a merge. */
  applyMerge(slug: string, theirs: string, base: VersionRef, choices: Choice[]): Promise<WorkspaceState>;
  /** The newest `limit` change batches, newest first. */
  workspaceTimeline(slug: string, limit: number): Promise<BatchSummary[]>;
  /** Every logged change to one item, newest first, field by field. */
  itemHistory(slug: string, kind: EntityKind, id: string): Promise<ItemChange[]>;
  /** Where the library lives, and why it is not open when it is not (a damaged file). */
  libraryStatus(): Promise<LibraryStatus>;
  /** The library's backups, newest first, each checked; available while it is damaged. */
  listBackups(): Promise<BackupInfo[]>;
  /** Backs the library up into its backups folder now. */
  backUpNow(): Promise<BackupInfo>;
  /** Replaces the library by one of its backups; the current one is backed up and kept aside first. */
  restoreBackup(path: string): Promise<RestoreOutcome>;
  /** Copies the readable workspaces of a damaged library into a new one that takes its place. */
  salvageLibrary(): Promise<SalvageInPlace>;
  /** The templates a new workspace can start from, in the picker's order. */
  listTemplates(): Promise<TemplateInfo[]>;
  /** Creates a workspace from a template, called `name` (null or blank: the template's own name). */
  createFromTemplate(id: string, name: string | null): Promise<WorkspaceSummary>;
  /** Copies a workspace (content and layout) into a new one called `name` (null: "Name (copy)"). */
  duplicateWorkspace(slug: string, name: string | null): Promise<WorkspaceSummary>;
  /** Names the window (the title bar and the task switcher). */
  setWindowTitle(title: string): Promise<void>;
  /**
   * Calls `listener` for every transaction committed to the library by someone else: another
   * window, or another program such as the CLI. This window's own writes are not echoed.
   * Returns the function that stops listening.
   */
  onLibraryChanged(listener: (change: LibraryChanged) => void): () => void;
}

/** Any thrown value as a BackendError, so the UI always has a message to show. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (e instanceof Error) return new BackendError("internal", e.message);
  if (typeof e === "object" && e !== null && "message" in e) {
    const o = e as { code?: unknown; message: unknown; problems?: unknown };
    const problems = Array.isArray(o.problems) ? (o.problems as Problem[]) : [];
    return new BackendError(asErrorCode(o.code), String(o.message), problems);
  }
  return new BackendError("internal", String(e));
}
