//! First-run and library commands for the room: the templates a new workspace can start
//! from, and duplicating a workspace. Each is one library call.

use serde::Serialize;
use tauri::{State, Window};
use throughline_store::{Source, WorkspaceSummary};

use crate::error::ApiError;
use crate::state::AppState;

/// A starting point for a new workspace, as the picker lists it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct TemplateInfo {
    /// The template's id (`retail-loyalty`), as `throughline sample --template` takes it.
    pub id: String,
    /// The picker's title.
    pub title: String,
    /// One sentence on what the example holds.
    pub summary: String,
    /// How many stages and elements it has, for the picker.
    pub stages: u32,
    pub elements: u32,
}

/// Every template, in the picker's order.
#[tauri::command]
#[specta::specta]
pub async fn list_templates() -> Result<Vec<TemplateInfo>, ApiError> {
    throughline_format::TEMPLATES
        .iter()
        .map(|t| {
            let ws = t.workspace()?;
            Ok(TemplateInfo {
                id: t.id.to_string(),
                title: t.title.to_string(),
                summary: t.summary.to_string(),
                stages: u32::try_from(ws.stages.len()).unwrap_or(u32::MAX),
                elements: u32::try_from(ws.elements.len()).unwrap_or(u32::MAX),
            })
        })
        .collect()
}

/// Creates a workspace from the template `id`, called `name` (the template's own name
/// when empty).
#[tauri::command]
#[specta::specta]
pub async fn create_from_template(
    window: Window,
    state: State<'_, AppState>,
    id: String,
    name: Option<String>,
) -> Result<WorkspaceSummary, ApiError> {
    let template = throughline_format::template(&id)
        .map_err(|m| ApiError::new(throughline_model::ErrorCode::NotFound, m))?;
    let mut doc = template.workspace()?;
    if let Some(name) = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()) {
        doc.workspace.name = name;
    }
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Ui)?;
    Ok(store.import_workspace(&doc, &actor)?)
}

/// Copies a workspace (content and layout) into a new one called `name` ("Name (copy)"
/// when none is given).
#[tauri::command]
#[specta::specta]
pub async fn duplicate_workspace(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
    name: Option<String>,
) -> Result<WorkspaceSummary, ApiError> {
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Ui)?;
    Ok(store.duplicate_workspace(&slug, name.as_deref(), &actor)?)
}
