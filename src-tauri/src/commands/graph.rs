//! The handoff graph: the audit report and the stored node positions.

use tauri::State;
use throughline_audit::Report;
use throughline_store::NodePosition;

use crate::error::ApiError;
use crate::state::AppState;

/// The truth-divergence audit of a workspace as it is saved now, waivers applied.
#[tauri::command]
#[specta::specta]
pub async fn audit_workspace(state: State<'_, AppState>, slug: String) -> Result<Report, ApiError> {
    let store = state.store()?;
    let doc = store.load(&slug)?;
    let mut report = throughline_audit::audit(&doc);
    report.mark_due(&store.today()?);
    Ok(report)
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
