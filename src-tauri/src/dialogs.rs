//! The native file dialogs, asked from a blocking thread so that the window stays live.
//!
//! WebDriver cannot drive a native dialog, so in test builds an environment variable
//! answers instead (the file to open, or the folder to save into); release builds have no
//! such hook.

use tauri_plugin_dialog::DialogExt;

use crate::error::{ApiError, io};

/// What the user may pick: a filter name and the file extensions it lets through.
pub struct Filter<'a> {
    /// The filter's name, as the dialog shows it ("Readings (CSV)").
    pub name: &'a str,
    /// The extensions, without the dot.
    pub extensions: &'a [&'a str],
}

/// Asks the user for a file to open; `None` when cancelled. In test builds a non-empty
/// `test_file` environment variable is the answer.
pub async fn pick_file(
    app: &tauri::AppHandle,
    test_file: &str,
    filter: Filter<'_>,
) -> Result<Option<String>, ApiError> {
    #[cfg(debug_assertions)]
    if let Some(file) = std::env::var_os(test_file).filter(|f| !f.is_empty()) {
        return Ok(Some(std::path::PathBuf::from(file).display().to_string()));
    }
    #[cfg(not(debug_assertions))]
    let _ = test_file;
    let dialog = app
        .dialog()
        .file()
        .add_filter(filter.name, filter.extensions);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|e| io(format!("the open dialog failed: {e}")))?;
    Ok(picked.map(|p| p.to_string()))
}

/// Asks the user where to save a file, offering `suggested_name`; `None` when cancelled.
/// In test builds a non-empty `THROUGHLINE_E2E_SAVE_DIR` is the folder, and the file keeps
/// the suggested name.
pub async fn save_file(
    app: &tauri::AppHandle,
    filter: Filter<'_>,
    suggested_name: String,
) -> Result<Option<String>, ApiError> {
    #[cfg(debug_assertions)]
    if let Some(dir) = std::env::var_os("THROUGHLINE_E2E_SAVE_DIR").filter(|d| !d.is_empty()) {
        return Ok(Some(
            std::path::PathBuf::from(dir)
                .join(&suggested_name)
                .display()
                .to_string(),
        ));
    }
    let dialog = app
        .dialog()
        .file()
        .add_filter(filter.name, filter.extensions)
        .set_file_name(suggested_name);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| io(format!("the save dialog failed: {e}")))?;
    Ok(picked.map(|p| p.to_string()))
}
