//! Workspaces: list, create, open, edit, undo/redo, import/export, settings. Each command
//! takes the store, makes one library call and returns its result; the store guard sends
//! the change events (see `crate::events`).

use std::path::PathBuf;

use tauri::{State, Window};
use throughline_model::Edit;
use throughline_store::{Settings, Source, WorkspaceDelta, WorkspaceState, WorkspaceSummary};

use crate::error::ApiError;
use crate::state::AppState;

/// Every workspace in the library, for the switcher.
#[tauri::command]
#[specta::specta]
pub async fn list_workspaces(
    state: State<'_, AppState>,
) -> Result<Vec<WorkspaceSummary>, ApiError> {
    Ok(state.store()?.list_workspaces()?)
}

/// Creates an empty workspace called `name`.
#[tauri::command]
#[specta::specta]
pub async fn create_workspace(
    window: Window,
    state: State<'_, AppState>,
    name: String,
) -> Result<WorkspaceSummary, ApiError> {
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Ui)?;
    Ok(store.create_workspace(&name, &actor)?)
}

/// Deletes a workspace and its history (and forgets it as the last one opened). The UI
/// asks for confirmation first.
#[tauri::command]
#[specta::specta]
pub async fn delete_workspace(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
) -> Result<(), ApiError> {
    Ok(state.store_for(&window)?.delete_workspace(&slug)?)
}

/// Opens a workspace: its document and its undo/redo state. Remembers it for next start.
#[tauri::command]
#[specta::specta]
pub async fn open_workspace(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
) -> Result<WorkspaceState, ApiError> {
    Ok(state.store_for(&window)?.open_workspace(&slug)?)
}

/// Applies one edit (or a batch) and saves it at once. Answers with what changed (not the
/// whole document), which the window patches its copy with.
#[tauri::command]
#[specta::specta]
pub async fn apply_edit(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
    edit: Edit,
) -> Result<WorkspaceDelta, ApiError> {
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Ui)?;
    Ok(store.apply_delta(&slug, &edit, &actor)?)
}

/// Undoes the newest change to the workspace; answers with what changed.
#[tauri::command]
#[specta::specta]
pub async fn undo(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
) -> Result<WorkspaceDelta, ApiError> {
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Undo)?;
    Ok(store.undo_delta(&slug, &actor)?)
}

/// Redoes the newest undone change; answers with what changed.
#[tauri::command]
#[specta::specta]
pub async fn redo(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
) -> Result<WorkspaceDelta, ApiError> {
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Redo)?;
    Ok(store.redo_delta(&slug, &actor)?)
}

/// Imports a `*.throughline.json` file as a new workspace. A bad file changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn import_workspace(
    window: Window,
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceSummary, ApiError> {
    let doc = throughline_format::read_file(&PathBuf::from(path))?;
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Import)?;
    Ok(store.import_workspace(&doc, &actor)?)
}

/// Writes a workspace to a `*.throughline.json` file.
#[tauri::command]
#[specta::specta]
pub async fn export_workspace(
    state: State<'_, AppState>,
    slug: String,
    path: String,
) -> Result<(), ApiError> {
    let doc = state.store()?.load(&slug)?;
    let path = PathBuf::from(path);
    throughline_format::write_file(&doc, &path)?;
    state.exported(&path);
    Ok(())
}

/// The user's settings.
#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, ApiError> {
    Ok(state.store()?.settings()?)
}

/// Saves the user's settings (one transaction) and returns them as stored.
#[tauri::command]
#[specta::specta]
pub async fn set_settings(
    window: Window,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, ApiError> {
    Ok(state.store_for(&window)?.set_settings(&settings)?)
}
