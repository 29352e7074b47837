//! The whole readiness report of a workspace, as the app's Assess view and
//! `throughline readiness --format json` both give it.

use serde::Serialize;
use throughline_model::{LayerScore, Workspace};

use crate::{
    LayerDiagnosis, ReadinessError, SessionSummary, TrendPoint, diagnose_layers, find_session,
    summarize, trend,
};

/// One session's figures, the layer diagnosis and the trend across sessions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReadinessReport {
    /// The chosen session's figures; absent when the workspace has no session yet.
    pub session: Option<SessionSummary>,
    pub layers: LayerDiagnosis,
    /// Every session's figures in date order.
    pub trend: Vec<TrendPoint>,
}

/// The report for `session` (an id or a name; `None`: the latest). A workspace without
/// sessions still has a report (no session, an empty trend) unless a session was named.
///
/// An earlier session shows the stack as it stood then: the layer diagnosis reads only the
/// layer scores dated on or before that session. For the latest session every layer score
/// counts, including those rated since.
pub fn report(doc: &Workspace, session: Option<&str>) -> Result<ReadinessReport, ReadinessError> {
    let summary = if doc.readiness.is_empty() && session.is_none() {
        None
    } else {
        Some(summarize(find_session(doc, session)?))
    };
    let latest = find_session(doc, None).ok().map(|s| s.id.as_str());
    let layers = match &summary {
        Some(chosen) if latest != Some(chosen.session_id.as_str()) => {
            let then: Vec<LayerScore> = doc
                .layer_scores
                .iter()
                .filter(|s| s.date <= chosen.date)
                .cloned()
                .collect();
            diagnose_layers(&then)
        }
        _ => diagnose_layers(&doc.layer_scores),
    };
    Ok(ReadinessReport {
        session: summary,
        layers,
        trend: trend(&doc.readiness),
    })
}

/// The report as pretty-printed JSON, ending in a newline: the CLI's `--format json`.
pub fn render_report_json(report: &ReadinessReport) -> String {
    // Serialising plain data with string keys cannot fail; the empty fallback is never used.
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workspace_without_sessions_reports_layers_and_an_empty_trend() {
        let doc = Workspace::new("Empty");
        let r = report(&doc, None).unwrap();
        assert!(r.session.is_none());
        assert!(r.trend.is_empty());
    }

    #[test]
    fn naming_a_session_in_a_workspace_without_any_is_refused() {
        let doc = Workspace::new("Empty");
        assert_eq!(
            report(&doc, Some("Kick-off")).unwrap_err(),
            ReadinessError::NoSessions
        );
    }
}
