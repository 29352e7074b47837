//! The Assess step: readiness figures, the layer diagnosis and the trend.

use serde::Serialize;
use tauri::State;
use throughline_readiness::{LayerDiagnosis, SessionSummary, TrendPoint};

use crate::error::ApiError;
use crate::state::AppState;

/// Everything the Assess view shows, computed by the readiness library.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ReadinessReport {
    /// The chosen session's figures; absent when the workspace has no session yet.
    pub session: Option<SessionSummary>,
    pub layers: LayerDiagnosis,
    /// Every session's figures in date order.
    pub trend: Vec<TrendPoint>,
}

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
    let summary = if doc.readiness.is_empty() {
        None
    } else {
        let found = throughline_readiness::find_session(&doc, session.as_deref())?;
        Some(throughline_readiness::summarize(found))
    };
    Ok(ReadinessReport {
        session: summary,
        layers: throughline_readiness::diagnose_layers(&doc.layer_scores),
        trend: throughline_readiness::trend(&doc.readiness),
    })
}
