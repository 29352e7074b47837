import { open, save } from "@tauri-apps/plugin-dialog";
import { openPath as openWithSystem, revealItemInDir } from "@tauri-apps/plugin-opener";
import { commands, type ApiError } from "../bindings";

type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };
import { type Backend, BackendError, toBackendError } from "./types";

const FILTERS = [{ name: "Throughline workspace", extensions: ["throughline.json", "json"] }];
const PDF_FILTERS = [{ name: "PDF document", extensions: ["pdf"] }];

declare global {
  interface Window {
    /** Test-only: when set, `choosePdfPath` answers with it instead of opening the native dialog (see ui/TESTIDS.md). */
    __THROUGHLINE_E2E_SAVE_PATH__?: string;
  }
}

/** Runs a plugin call, turning whatever it throws into a BackendError. */
async function plugin<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw toBackendError(e);
  }
}

async function unwrap<T>(call: Promise<Result<T, ApiError>>): Promise<T> {
  let result: Result<T, ApiError>;
  try {
    result = await call;
  } catch (e) {
    throw toBackendError(e);
  }
  if (result.status === "error") throw new BackendError(result.error.code, result.error.message);
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
  importWorkspace = (path: string) => unwrap(commands.importWorkspace(path));
  exportWorkspace = async (slug: string, path: string) => {
    await unwrap(commands.exportWorkspace(slug, path));
  };
  getSettings = () => unwrap(commands.getSettings());
  setSettings: Backend["setSettings"] = (settings) => unwrap(commands.setSettings(settings));
  readinessReport = (slug: string, session: string | null) => unwrap(commands.readinessReport(slug, session));

  auditWorkspace = (slug: string) => unwrap(commands.auditWorkspace(slug));
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
  exportPlaybook: Backend["exportPlaybook"] = (slug, path, options) => unwrap(commands.exportPlaybook(slug, path, options));

  choosePdfPath = async (suggestedName: string): Promise<string | null> => {
    // End-to-end tests cannot drive a native dialog; they name the file up front.
    const e2e = window.__THROUGHLINE_E2E_SAVE_PATH__;
    if (typeof e2e === "string" && e2e) return e2e;
    return plugin(() => save({ defaultPath: suggestedName, filters: PDF_FILTERS }));
  };
  openPath = (path: string) => plugin(() => openWithSystem(path));
  revealPath = (path: string) => plugin(() => revealItemInDir(path));
}
