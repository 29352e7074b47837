//! The handoff graph: the audit report and the stored node positions.

use tauri::State;
use throughline_store::NodePosition;

use crate::error::ApiError;
use crate::state::{AppState, AuditAnswer};

/// The truth-divergence audit of a workspace as it is saved now, waivers applied, as the
/// window needs it after an edit: the whole report the first time, then only what changed
/// since the report the window says it holds (`known`, the number it came with). A report
/// of 600 findings is about 400 KB of JSON; after a rename the patch is a few findings.
#[tauri::command]
#[specta::specta]
pub async fn audit_workspace(
    window: tauri::Window,
    state: State<'_, AppState>,
    slug: String,
    known: Option<u32>,
) -> Result<AuditAnswer, ApiError> {
    let (doc, today) = {
        let store = state.store()?;
        // The document this store already holds when only its own edits changed it since.
        (store.current(&slug)?, store.today()?)
    };
    let mut report = throughline_audit::audit(&doc);
    report.mark_due(&today);
    Ok(state.answer_audit(window.label(), known, report))
}

/// The stored positions of the workspace's nodes in the graph view.
#[tauri::command]
#[specta::specta]
pub async fn get_layout(
    state: State<'_, AppState>,
    slug: String,
) -> Result<Vec<NodePosition>, ApiError> {
    Ok(state.store()?.layout(&slug)?)
}

/// Stores node positions after a move or an automatic layout (not an undoable edit).
#[tauri::command]
#[specta::specta]
pub async fn save_layout(
    window: tauri::Window,
    state: State<'_, AppState>,
    slug: String,
    positions: Vec<NodePosition>,
) -> Result<(), ApiError> {
    Ok(state.store_for(&window)?.save_layout(&slug, &positions)?)
}
