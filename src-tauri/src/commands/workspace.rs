//! Workspaces: list, create, open, edit, undo/redo, import/export, settings. Each command
//! takes the store, calls it, emits one change event and returns the result.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tauri::State;
use tauri_specta::Event;
use throughline_model::Edit;
use throughline_store::{Source, WorkspaceState, WorkspaceSummary};

use crate::error::ApiError;
use crate::state::AppState;

/// The user's settings.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct Settings {
    /// The name recorded in the change log for edits made in the app.
    pub display_name: String,
    /// The workspace to open at start-up.
    pub last_workspace: Option<String>,
}

/// Sent after every write, so that every view (and window) can refresh.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct WorkspaceChanged {
    pub slug: String,
    pub revision: u32,
}

const LAST_WORKSPACE: &str = "last_workspace";

fn changed(app: &tauri::AppHandle, state: &WorkspaceState) {
    // The UI refreshes from the command's own result; a lost event only delays other views.
    let _ = WorkspaceChanged {
        slug: state.summary.slug.clone(),
        revision: state.revision,
    }
    .emit(app);
}

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
    state: State<'_, AppState>,
    name: String,
) -> Result<WorkspaceSummary, ApiError> {
    let mut store = state.store()?;
    let actor = store.actor(Source::Ui)?;
    Ok(store.create_workspace(&name, &actor)?)
}

/// Deletes a workspace and its history. The UI asks for confirmation first.
#[tauri::command]
#[specta::specta]
pub async fn delete_workspace(state: State<'_, AppState>, slug: String) -> Result<(), ApiError> {
    let mut store = state.store()?;
    store.delete_workspace(&slug)?;
    if store.setting(LAST_WORKSPACE)?.as_deref() == Some(slug.as_str()) {
        store.set_setting(LAST_WORKSPACE, None)?;
    }
    Ok(())
}

/// Opens a workspace: its document and its undo/redo state. Remembers it for next start.
#[tauri::command]
#[specta::specta]
pub async fn open_workspace(
    state: State<'_, AppState>,
    slug: String,
) -> Result<WorkspaceState, ApiError> {
    let mut store = state.store()?;
    let ws = store.state(&slug)?;
    store.set_setting(LAST_WORKSPACE, Some(&slug))?;
    Ok(ws)
}

/// Applies one edit (or a batch) and saves it at once.
#[tauri::command]
#[specta::specta]
pub async fn apply_edit(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    slug: String,
    edit: Edit,
) -> Result<WorkspaceState, ApiError> {
    let mut store = state.store()?;
    let actor = store.actor(Source::Ui)?;
    let ws = store.apply(&slug, &edit, &actor)?;
    changed(&app, &ws);
    Ok(ws)
}

/// Undoes the newest change to the workspace.
#[tauri::command]
#[specta::specta]
pub async fn undo(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    slug: String,
) -> Result<WorkspaceState, ApiError> {
    let mut store = state.store()?;
    let actor = store.actor(Source::Undo)?;
    let ws = store.undo(&slug, &actor)?;
    changed(&app, &ws);
    Ok(ws)
}

/// Redoes the newest undone change.
#[tauri::command]
#[specta::specta]
pub async fn redo(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    slug: String,
) -> Result<WorkspaceState, ApiError> {
    let mut store = state.store()?;
    let actor = store.actor(Source::Redo)?;
    let ws = store.redo(&slug, &actor)?;
    changed(&app, &ws);
    Ok(ws)
}

/// Imports a `*.throughline.json` file as a new workspace. A bad file changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn import_workspace(
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceSummary, ApiError> {
    let doc = throughline_format::read_file(&PathBuf::from(path))?;
    let mut store = state.store()?;
    let actor = store.actor(Source::Import)?;
    Ok(store.import_workspace(&doc, &actor)?)
}

/// Adds the NexusFlow sample workspace to the library.
#[tauri::command]
#[specta::specta]
pub async fn import_sample(state: State<'_, AppState>) -> Result<WorkspaceSummary, ApiError> {
    let doc = throughline_format::sample();
    let mut store = state.store()?;
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
    throughline_format::write_file(&doc, &PathBuf::from(path))?;
    Ok(())
}

/// The user's settings.
#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, ApiError> {
    let store = state.store()?;
    Ok(Settings {
        display_name: store.display_name()?,
        last_workspace: store.setting(LAST_WORKSPACE)?,
    })
}

/// Saves the user's settings and returns them as stored.
#[tauri::command]
#[specta::specta]
pub async fn set_settings(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, ApiError> {
    let mut store = state.store()?;
    store.set_display_name(&settings.display_name)?;
    store.set_setting(LAST_WORKSPACE, settings.last_workspace.as_deref())?;
    Ok(Settings {
        display_name: store.display_name()?,
        last_workspace: store.setting(LAST_WORKSPACE)?,
    })
}
