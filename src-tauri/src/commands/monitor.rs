//! The Monitor step: the monitor report as of a date, and readings in and out as CSV (a
//! preview first, then the import, which writes nothing unless every row is good).
//! Metric, reading and review edits go through `apply_edit` like every other edit.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{State, Window};
use throughline_model::{Reading, Workspace};
use throughline_monitor::{ColumnMap, ImportOptions, Monitor, MonitorError, MonitorOptions};
use throughline_store::{Source, WorkspaceState};

use crate::dialogs::{self, Filter};
use crate::error::{ApiError, ErrorCode, io};
use crate::state::AppState;

/// How many row errors and conflicts a preview lists; the counts say how many there are.
const LISTED: usize = 200;
/// How many of the readings to write a preview shows.
const SAMPLE: usize = 12;

/// A row of the file that cannot be imported, and why (rows numbered as a spreadsheet
/// shows them: the header is row 1).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RowProblem {
    pub row: u32,
    pub message: String,
}

/// A row that would replace a reading already recorded.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RowReplacement {
    pub row: u32,
    pub metric: String,
    pub date: String,
    /// The value recorded now.
    pub recorded: f64,
    /// The value in the file.
    pub imported: f64,
}

/// What importing a readings file would do; nothing is written yet.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ReadingsPreview {
    /// The file read.
    pub path: String,
    /// The file's header row, as written.
    pub headers: Vec<String>,
    /// The columns used for metric, date, value and n.
    pub columns: ColumnMap,
    /// How many reading rows the file has.
    pub rows: u32,
    /// How many readings the import would write (new ones, and replacements when asked).
    pub to_write: u32,
    /// Rows that add a reading where there was none.
    pub added: u32,
    /// Rows exactly as already recorded.
    pub unchanged: u32,
    /// The first of the wrong rows; `error_count` says how many there are.
    pub errors: Vec<RowProblem>,
    pub error_count: u32,
    /// The first of the rows that would replace a recorded reading.
    pub conflicts: Vec<RowReplacement>,
    pub conflict_count: u32,
    /// Whether the preview was made with "replace" on.
    pub replace: bool,
    /// The first readings the import would write.
    pub sample: Vec<Reading>,
    /// What keeps the whole file from being read (a column missing, no header row); the
    /// header row is still given when it could be read, so the columns can be mapped.
    pub problem: Option<String>,
    /// Whether importing now would write the readings: no wrong row, and no replacement
    /// unless `replace` is on.
    pub ready: bool,
}

impl ReadingsPreview {
    /// The preview of a file that cannot be read as a whole: its header row if it has one.
    fn unreadable(
        path: String,
        columns: Option<ColumnMap>,
        replace: bool,
        problem: String,
    ) -> Self {
        let headers = header_row(Path::new(&path));
        Self {
            path,
            headers,
            columns: columns.unwrap_or_default(),
            rows: 0,
            to_write: 0,
            added: 0,
            unchanged: 0,
            errors: Vec::new(),
            error_count: 0,
            conflicts: Vec::new(),
            conflict_count: 0,
            replace,
            sample: Vec::new(),
            problem: Some(problem),
            ready: false,
        }
    }
}

/// The names in the first line of the file, split as the import splits it (comma, else
/// semicolon, else tab); empty when the file cannot be read.
fn header_row(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read(path) else {
        return Vec::new();
    };
    let first = text.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let first = String::from_utf8_lossy(first);
    let first = first.trim_start_matches('\u{feff}').trim_end_matches('\r');
    let delimiter = [',', ';', '\t']
        .into_iter()
        .find(|d| first.contains(*d))
        .unwrap_or(',');
    first
        .split(delimiter)
        .map(|h| h.trim().trim_matches('"').to_string())
        .filter(|h| !h.is_empty())
        .collect()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn row(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn monitor_error(e: MonitorError, path: Option<&Path>) -> ApiError {
    let code = match e {
        MonitorError::BadDate(_) => ErrorCode::InvalidInput,
        MonitorError::Conflicts(_) => ErrorCode::Conflict,
        MonitorError::Csv(_) | MonitorError::Rows(_) => ErrorCode::BadFile,
    };
    match path {
        Some(p) => ApiError::new(code, format!("{}: {e}", p.display())),
        None => ApiError::new(code, e.to_string()),
    }
}

/// Reads the file at `path` and previews importing it into `doc`.
fn preview(
    doc: &Workspace,
    path: &Path,
    columns: Option<ColumnMap>,
    replace: bool,
) -> Result<throughline_monitor::Preview, ApiError> {
    let file = std::fs::File::open(path).map_err(|e| {
        io(format!(
            "cannot read {}: {e}; choose the readings file again",
            path.display()
        ))
    })?;
    throughline_monitor::preview_csv(
        doc,
        std::io::BufReader::new(file),
        &ImportOptions { columns, replace },
    )
    .map_err(|e| monitor_error(e, Some(path)))
}

/// The monitor report of a workspace as it is saved now, as of `as_of` (`YYYY-MM-DD`;
/// none: the newest reading's date): figures per metric and per stage, and the findings.
#[tauri::command]
#[specta::specta]
pub async fn monitor_report(
    state: State<'_, AppState>,
    slug: String,
    as_of: Option<String>,
) -> Result<Monitor, ApiError> {
    let doc = state.store()?.load(&slug)?;
    throughline_monitor::monitor(&doc, &MonitorOptions { as_of })
        .map_err(|e| monitor_error(e, None))
}

/// What importing the readings file at `path` would do: the columns used (`columns`
/// none: the defaults metric, date, value, n), the wrong rows, the readings it would
/// replace. Writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_readings_import(
    state: State<'_, AppState>,
    slug: String,
    path: String,
    columns: Option<ColumnMap>,
    replace: bool,
) -> Result<ReadingsPreview, ApiError> {
    let doc = state.store()?.load(&slug)?;
    let p = match preview(&doc, Path::new(&path), columns.clone(), replace) {
        Ok(p) => p,
        Err(e) if e.code == ErrorCode::BadFile => {
            return Ok(ReadingsPreview::unreadable(
                path, columns, replace, e.message,
            ));
        }
        Err(e) => return Err(e),
    };
    let ready = p.errors.is_empty() && (p.conflicts.is_empty() || p.replace);
    Ok(ReadingsPreview {
        path,
        headers: p.headers,
        columns: p.columns,
        rows: row(p.rows),
        to_write: count(p.readings.len()),
        added: row(p.added),
        unchanged: row(p.unchanged),
        error_count: count(p.errors.len()),
        errors: p
            .errors
            .into_iter()
            .take(LISTED)
            .map(|e| RowProblem {
                row: row(e.row),
                message: e.message,
            })
            .collect(),
        conflict_count: count(p.conflicts.len()),
        conflicts: p
            .conflicts
            .into_iter()
            .take(LISTED)
            .map(|c| RowReplacement {
                row: row(c.row),
                metric: c.metric,
                date: c.date,
                recorded: c.recorded,
                imported: c.imported,
            })
            .collect(),
        replace: p.replace,
        sample: p.readings.into_iter().take(SAMPLE).collect(),
        problem: None,
        ready,
    })
}

/// Imports the readings file at `path` as one undoable change. The file is read again
/// against the workspace as it is now: nothing is written when any row is wrong, or when
/// rows would replace recorded readings and `replace` is off.
#[tauri::command]
#[specta::specta]
pub async fn import_readings(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
    path: String,
    columns: Option<ColumnMap>,
    replace: bool,
) -> Result<WorkspaceState, ApiError> {
    let path = PathBuf::from(path);
    let mut store = state.store_for(&window)?;
    let doc = store.load(&slug)?;
    let edit = preview(&doc, &path, columns, replace)?
        .into_edit()
        .map_err(|e| monitor_error(e, Some(&path)))?;
    let actor = store.actor(Source::Import)?;
    Ok(store.apply(&slug, &edit, &actor)?)
}

/// Writes every reading of the workspace to a CSV file at `path` (columns metric, date,
/// value, n; the import reads it back unchanged). Returns how many readings it wrote.
#[tauri::command]
#[specta::specta]
pub async fn export_readings(
    state: State<'_, AppState>,
    slug: String,
    path: String,
) -> Result<u32, ApiError> {
    let doc = state.store()?.load(&slug)?;
    let path = PathBuf::from(path);
    throughline_format::write_atomically(throughline_monitor::export_csv(&doc).as_bytes(), &path)?;
    state.exported(&path);
    Ok(count(doc.readings.len()))
}

/// Asks the user for a readings file (CSV) to import; `None` when cancelled. In test
/// builds, `THROUGHLINE_E2E_OPEN_FILE` answers instead of the native dialog, which
/// WebDriver cannot drive; release builds have no such hook.
#[tauri::command]
#[specta::specta]
pub async fn choose_readings_file(app: tauri::AppHandle) -> Result<Option<String>, ApiError> {
    let filter = Filter {
        name: "Readings (CSV)",
        extensions: &["csv", "txt"],
    };
    dialogs::pick_file(&app, "THROUGHLINE_E2E_OPEN_FILE", filter).await
}

/// Asks the user where to save the readings as CSV (`suggested_name` is a file name);
/// `None` when cancelled. In test builds, `THROUGHLINE_E2E_SAVE_DIR` answers instead.
#[tauri::command]
#[specta::specta]
pub async fn choose_readings_export_path(
    app: tauri::AppHandle,
    suggested_name: String,
) -> Result<Option<String>, ApiError> {
    let filter = Filter {
        name: "Readings (CSV)",
        extensions: &["csv"],
    };
    dialogs::save_file(&app, filter, suggested_name).await
}
