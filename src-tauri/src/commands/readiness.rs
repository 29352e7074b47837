//! The Assess step: the readiness report, composed by the readiness library exactly as
//! `throughline readiness --format json` prints it.

use tauri::State;
use throughline_readiness::ReadinessReport;

use crate::error::ApiError;
use crate::state::AppState;

/// The readiness figures of one session (by id or name; default the latest), with the
/// layer diagnosis and the trend across sessions.
#[tauri::command]
#[specta::specta]
pub async fn readiness_report(
    state: State<'_, AppState>,
    slug: String,
    session: Option<String>,
) -> Result<ReadinessReport, ApiError> {
    let doc = state.store()?.load(&slug)?;
    Ok(throughline_readiness::report(&doc, session.as_deref())?)
}
