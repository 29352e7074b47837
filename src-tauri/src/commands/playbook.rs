//! The playbook: what goes in, and the PDF export.

use std::path::PathBuf;

use serde::Serialize;
use tauri::State;
use throughline_playbook::{Placement, PlaybookOptions, SectionPreview};

use crate::error::ApiError;
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
    let options = PlaybookOptions {
        layout: layout
            .into_iter()
            .map(|p| Placement {
                id: p.id,
                x: p.x,
                y: p.y,
            })
            .collect(),
        ..options
    };
    // Rendering takes the store lock no longer: other commands keep answering meanwhile.
    let rendered = throughline_playbook::render(&doc, &options)?;
    let path = PathBuf::from(path);
    throughline_format::write_atomically(&rendered.bytes, &path)?;
    Ok(ExportedPlaybook {
        path: path.display().to_string(),
        bytes: u32::try_from(rendered.bytes.len()).unwrap_or(u32::MAX),
        pages: rendered.pages,
    })
}
