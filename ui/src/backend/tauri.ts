import { open, save } from "@tauri-apps/plugin-dialog";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { commands, events, type ApiError } from "../bindings";
import { ReportCache } from "./reportPatch";
import { type Backend, BackendError, type LibraryChanged, type Report, toBackendError } from "./types";

type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

const FILTERS = [{ name: "Throughline workspace", extensions: ["throughline.json", "json"] }];

async function unwrap<T>(call: Promise<Result<T, ApiError>>): Promise<T> {
  let result: Result<T, ApiError>;
  try {
    result = await call;
  } catch (e) {
    throw toBackendError(e);
  }
  if (result.status === "error") {
    const { code, message, problems } = result.error;
    throw new BackendError(code, message, problems);
  }
  return result.data;
}

/** The backend of the desktop app: the typed commands of the Rust shell. */
export class TauriBackend implements Backend {
  listWorkspaces = () => unwrap(commands.listWorkspaces());
  createWorkspace = (name: string) => unwrap(commands.createWorkspace(name));
  deleteWorkspace = async (slug: string) => {
    await unwrap(commands.deleteWorkspace(slug));
  };
  openWorkspace = (slug: string) => unwrap(commands.openWorkspace(slug));
  applyEdit: Backend["applyEdit"] = (slug, edit) => unwrap(commands.applyEdit(slug, edit));
  undo = (slug: string) => unwrap(commands.undo(slug));
  redo = (slug: string) => unwrap(commands.redo(slug));
  previewImport = (path: string) => unwrap(commands.previewImport(path));
  importWorkspace = (path: string) => unwrap(commands.importWorkspace(path));
  exportWorkspace = async (slug: string, path: string) => {
    await unwrap(commands.exportWorkspace(slug, path));
  };
  getSettings = () => unwrap(commands.getSettings());
  listTemplates = () => unwrap(commands.listTemplates());
  createFromTemplate = (id: string, name: string | null) => unwrap(commands.createFromTemplate(id, name));
  duplicateWorkspace = (slug: string, name: string | null) => unwrap(commands.duplicateWorkspace(slug, name));
  setWindowTitle = async (title: string) => {
    document.title = title;
    try {
      await getCurrentWindow().setTitle(title);
    } catch (e) {
      throw toBackendError(e);
    }
  };
  setSettings: Backend["setSettings"] = (settings) => unwrap(commands.setSettings(settings));
  readinessReport = (slug: string, session: string | null) => unwrap(commands.readinessReport(slug, session));

  /** Reports this window was sent: an audit after an edit crosses as the findings that changed. */
  private readonly reports = new ReportCache();
  auditWorkspace = async (slug: string): Promise<Report> => {
    const report = this.reports.take(await unwrap(commands.auditWorkspace(slug, this.reports.known())));
    if (report) return report;
    // A patch to a report this window no longer keeps: the whole report, then.
    const whole = this.reports.take(await unwrap(commands.auditWorkspace(slug, null)));
    if (!whole) throw new BackendError("internal", "the audit answered with changes to a report it was not asked about");
    return whole;
  };
  getLayout = (slug: string) => unwrap(commands.getLayout(slug));
  saveLayout: Backend["saveLayout"] = async (slug, positions) => {
    await unwrap(commands.saveLayout(slug, positions));
  };

  chooseImportPath = async (): Promise<string | null> => {
    try {
      const picked = await open({ multiple: false, directory: false, filters: FILTERS });
      return typeof picked === "string" ? picked : null;
    } catch (e) {
      throw toBackendError(e);
    }
  };

  chooseExportPath = async (suggestedName: string): Promise<string | null> => {
    try {
      return await save({ defaultPath: `${suggestedName}.throughline.json`, filters: FILTERS });
    } catch (e) {
      throw toBackendError(e);
    }
  };

  playbookOutline: Backend["playbookOutline"] = (slug, options) => unwrap(commands.playbookOutline(slug, options));
  playbookPdf: Backend["playbookPdf"] = async (slug, options) => fromBase64(await unwrap(commands.playbookPdf(slug, options)));
  exportPlaybook: Backend["exportPlaybook"] = (slug, path, options) => unwrap(commands.exportPlaybook(slug, path, options));

  choosePdfPath = (suggestedName: string) => unwrap(commands.choosePdfPath(suggestedName));
  openPath = async (path: string) => {
    await unwrap(commands.openExported(path));
  };
  revealPath = async (path: string) => {
    await unwrap(commands.revealExported(path));
  };

  chooseLogPath = () => unwrap(commands.chooseLogPath());
  previewLog = (path: string) => unwrap(commands.previewLog(path));
  importLog: Backend["importLog"] = (slug, path, name, columns, skipBadRows) =>
    unwrap(commands.importLog(slug, path, name, columns, skipBadRows));
  listLogs = (slug: string) => unwrap(commands.listLogs(slug));
  deleteLog = async (slug: string, name: string) => {
    await unwrap(commands.deleteLog(slug, name));
  };
  replayLog = (slug: string, name: string) => unwrap(commands.replayLog(slug, name));
  aliasEdit: Backend["aliasEdit"] = (slug, mappings) => unwrap(commands.aliasEdit(slug, mappings));
  monitorReport = (slug: string, asOf: string | null) => unwrap(commands.monitorReport(slug, asOf));
  chooseReadingsFile = () => unwrap(commands.chooseReadingsFile());
  previewReadingsImport: Backend["previewReadingsImport"] = (slug, path, columns, replace) =>
    unwrap(commands.previewReadingsImport(slug, path, columns, replace));
  importReadings: Backend["importReadings"] = (slug, path, columns, replace) =>
    unwrap(commands.importReadings(slug, path, columns, replace));
  chooseReadingsExportPath = (suggestedName: string) => unwrap(commands.chooseReadingsExportPath(suggestedName));
  exportReadings = (slug: string, path: string) => unwrap(commands.exportReadings(slug, path));
  listSnapshots = (slug: string) => unwrap(commands.listSnapshots(slug));
  createSnapshot = (slug: string, label: string, note: string | null) => unwrap(commands.createSnapshot(slug, label, note));
  openSnapshot = (slug: string, label: string) => unwrap(commands.openSnapshot(slug, label));
  restoreSnapshot = (slug: string, label: string) => unwrap(commands.restoreSnapshot(slug, label));
  deleteSnapshot = async (slug: string, label: string) => {
    await unwrap(commands.deleteSnapshot(slug, label));
  };
  exportSnapshot = async (slug: string, label: string, path: string) => {
    await unwrap(commands.exportSnapshot(slug, label, path));
  };
  compareVersions: Backend["compareVersions"] = (slug, from, to) => unwrap(commands.compareVersions(slug, from, to));
  previewMerge: Backend["previewMerge"] = (slug, theirs, base, choices) => unwrap(commands.previewMerge(slug, theirs, base, choices));
  applyMerge: Backend["applyMerge"] = (slug, theirs, base, choices) => unwrap(commands.applyMerge(slug, theirs, base, choices));
  workspaceTimeline = (slug: string, limit: number) => unwrap(commands.workspaceTimeline(slug, limit));
  itemHistory: Backend["itemHistory"] = (slug, kind, id) => unwrap(commands.itemHistory(slug, kind, id));
  libraryStatus = () => unwrap(commands.libraryStatus());
  listBackups = () => unwrap(commands.listBackups());
  backUpNow = () => unwrap(commands.backUpNow());
  restoreBackup = (path: string) => unwrap(commands.restoreBackup(path));
  salvageLibrary = () => unwrap(commands.salvageLibrary());

  onLibraryChanged = (listener: (change: LibraryChanged) => void): (() => void) => {
    const own = getCurrentWindow().label;
    let stop: (() => void) | null = null;
    let stopped = false;
    void events.libraryChanged
      .listen((e) => {
        // This window already shows what its own commands returned.
        if (e.payload.origin !== own) listener(e.payload);
      })
      .then((unlisten) => {
        if (stopped) unlisten();
        else stop = unlisten;
      });
    return () => {
      stopped = true;
      stop?.();
    };
  };
}

/** The bytes of a base64 string (how the shell sends binary data over IPC). */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
