/**
 * The one place the UI names what crosses IPC. Components import domain types from here,
 * never from `bindings.ts`, so a shift in the generated names is absorbed in this file.
 */
import type {
  Capability,
  Edit,
  Element,
  ElementKind,
  Handoff,
  HistoryStep,
  Settings,
  Stage,
  Workspace,
  WorkspaceInfo,
  WorkspaceState,
  WorkspaceSummary,
} from "../bindings";
import type { ReadinessReport } from "../bindings";
// The Assess view: readiness figures, computed only by the Rust readiness library.
export type {
  Agreement,
  Dimension,
  DimensionStats,
  GapPattern,
  Layer,
  LayerDiagnosis,
  LayerReading,
  LayerScore,
  Rater,
  RaterScores,
  ReadinessReport,
  ReadinessSession,
  Recommendation,
  Score,
  SessionSummary,
  TrendPoint,
  Verdict,
  VerdictKind,
} from "../bindings";

export type {
  Capability,
  Edit,
  Element,
  ElementKind,
  Handoff,
  HistoryStep,
  Settings,
  Stage,
  Workspace,
  WorkspaceInfo,
  WorkspaceState,
  WorkspaceSummary,
};

import type { NodePosition, Report } from "../bindings";
// The handoff graph: the audit library's report and the saved node positions (view state).
export type {
  Evidence,
  Finding,
  HandoffMode,
  NodePosition,
  Report,
  RuleCode,
  Severity,
  Subject,
  SubjectKind,
  Summary,
  Trigger,
  Waiver,
  WaiverInfo,
} from "../bindings";

import type { ExportedPlaybook, PlaybookOptions, SectionPreview } from "../bindings";
// The Playbook view: the PDF's options, its outline, and what the export wrote.
export type { ExportedPlaybook, Paper, Placement, PlaybookOptions, Principle, Section, SectionPreview, Sections } from "../bindings";

/** An error the backend reported; `message` is written for the user. */
export class BackendError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "BackendError";
    this.code = code;
  }
}

/** Everything the UI asks of the app. The Tauri adapter is one implementation. */
export interface Backend {
  listWorkspaces(): Promise<WorkspaceSummary[]>;
  createWorkspace(name: string): Promise<WorkspaceSummary>;
  deleteWorkspace(slug: string): Promise<void>;
  openWorkspace(slug: string): Promise<WorkspaceState>;
  applyEdit(slug: string, edit: Edit): Promise<WorkspaceState>;
  undo(slug: string): Promise<WorkspaceState>;
  redo(slug: string): Promise<WorkspaceState>;
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
  /** Writes the playbook PDF to `path`; says where, how large and how many pages. */
  exportPlaybook(slug: string, path: string, options: PlaybookOptions): Promise<ExportedPlaybook>;
  /** Asks the user where to save a PDF (`suggestedName` is a file name); null when cancelled. */
  choosePdfPath(suggestedName: string): Promise<string | null>;
  /** Opens a file with the system's default application. */
  openPath(path: string): Promise<void>;
  /** Shows a file selected in the system's file manager. */
  revealPath(path: string): Promise<void>;
}

/** Any thrown value as a BackendError, so the UI always has a message to show. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (e instanceof Error) return new BackendError("internal", e.message);
  if (typeof e === "object" && e !== null && "message" in e) {
    const o = e as { code?: unknown; message: unknown };
    return new BackendError(String(o.code ?? "internal"), String(o.message));
  }
  return new BackendError("internal", String(e));
}
