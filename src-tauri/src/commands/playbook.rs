//! The playbook: what goes in, the PDF export, and opening what was exported.

use std::path::PathBuf;

use serde::Serialize;
use tauri::State;
use tauri_plugin_opener::OpenerExt;
use throughline_playbook::{PlaybookOptions, SectionPreview};

use crate::dialogs::{self, Filter};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// A playbook written to disk.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExportedPlaybook {
    pub path: String,
    /// The file's size in bytes.
    pub bytes: u32,
    pub pages: u32,
}

/// The sections the playbook will hold with these options, each with a one-line summary.
#[tauri::command]
#[specta::specta]
pub async fn playbook_outline(
    state: State<'_, AppState>,
    slug: String,
    options: PlaybookOptions,
) -> Result<Vec<SectionPreview>, ApiError> {
    let doc = state.store()?.load(&slug)?;
    Ok(throughline_playbook::outline(&doc, &options))
}

/// Renders the playbook and writes it to `path` atomically. The graph diagram uses the
/// positions stored for the graph view.
#[tauri::command]
#[specta::specta]
pub async fn export_playbook(
    state: State<'_, AppState>,
    slug: String,
    path: String,
    options: PlaybookOptions,
) -> Result<ExportedPlaybook, ApiError> {
    let (doc, layout) = {
        let store = state.store()?;
        (store.load(&slug)?, store.layout(&slug)?)
    };
    let options = PlaybookOptions { layout, ..options };
    // Rendering takes the store lock no longer: other commands keep answering meanwhile.
    let rendered = throughline_playbook::render(&doc, &options)?;
    let path = PathBuf::from(path);
    throughline_format::write_atomically(&rendered.bytes, &path)?;
    state.exported(&path);
    Ok(ExportedPlaybook {
        path: path.display().to_string(),
        bytes: u32::try_from(rendered.bytes.len()).unwrap_or(u32::MAX),
        pages: rendered.pages,
    })
}

/// The playbook PDF for these options, base64-encoded, for the app's page preview (nothing is
/// written to disk). The graph diagram uses the positions stored for the graph view.
#[tauri::command]
#[specta::specta]
pub async fn playbook_pdf(
    state: State<'_, AppState>,
    slug: String,
    options: PlaybookOptions,
) -> Result<String, ApiError> {
    use base64::Engine as _;
    let (doc, layout) = {
        let store = state.store()?;
        (store.load(&slug)?, store.layout(&slug)?)
    };
    let options = PlaybookOptions { layout, ..options };
    let rendered = throughline_playbook::render(&doc, &options)?;
    Ok(base64::engine::general_purpose::STANDARD.encode(&rendered.bytes))
}

/// Asks the user where to save a PDF (`suggested_name` is a file name); `None` when
/// cancelled. In test builds, `THROUGHLINE_E2E_SAVE_DIR` answers instead of the native
/// dialog, which WebDriver cannot drive; release builds have no such hook.
#[tauri::command]
#[specta::specta]
pub async fn choose_pdf_path(
    app: tauri::AppHandle,
    suggested_name: String,
) -> Result<Option<String>, ApiError> {
    let filter = Filter {
        name: "PDF document",
        extensions: &["pdf"],
    };
    dialogs::save_file(&app, filter, suggested_name).await
}

/// Opens a file the user exported in this session with the system's default application.
#[tauri::command]
#[specta::specta]
pub async fn open_exported(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    path: String,
) -> Result<(), ApiError> {
    let path = state.check_exported(&path)?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| opener_failed(&path, e))
}

/// Shows a file the user exported in this session in the system's file manager.
#[tauri::command]
#[specta::specta]
pub async fn reveal_exported(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    path: String,
) -> Result<(), ApiError> {
    let path = state.check_exported(&path)?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| opener_failed(&path, e))
}

fn opener_failed(path: &std::path::Path, e: tauri_plugin_opener::Error) -> ApiError {
    ApiError::new(
        ErrorCode::Io,
        format!(
            "cannot show {}: {e}; it is saved there, open it from your file manager",
            path.display()
        ),
    )
}
