//! Before an import: what the file holds and which workspaces of the library already have
//! its name, so that the window can ask before adding a second copy.

use std::path::PathBuf;

use serde::Serialize;
use tauri::State;
use throughline_store::WorkspaceSummary;

use crate::error::ApiError;
use crate::state::AppState;

/// A file about to be imported.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportPreview {
    /// The workspace's name in the file.
    pub name: String,
    pub stages: u32,
    pub elements: u32,
    /// The workspaces of the library with the same name (ignoring case), if any.
    pub namesakes: Vec<WorkspaceSummary>,
}

/// Reads and checks the file (a bad one is refused as an import would be) and names the
/// workspaces it would sit beside. Changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_import(
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportPreview, ApiError> {
    let doc = throughline_format::read_file(&PathBuf::from(path))?;
    let namesakes = state.store()?.namesakes(&doc.workspace.name)?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(ImportPreview {
        stages: count(doc.stages.len()),
        elements: count(doc.elements.len()),
        name: doc.workspace.name,
        namesakes,
    })
}
