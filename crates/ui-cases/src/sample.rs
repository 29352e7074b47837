//! The library's output for the shared sample workspace, and waiver application.

use std::collections::BTreeMap;

use serde::Serialize;
use throughline_audit::Report;
use throughline_model::{Waiver, Workspace};
use throughline_readiness::{LayerDiagnosis, SessionSummary, TrendPoint};

/// What the app answers for the sample workspace (`assets/sample/`), and for a workspace with
/// nothing rated: what the fixture backend returns instead of guessing.
#[derive(Debug, Serialize)]
pub struct SampleOutput {
    /// The sample's name, by which the fixture backend recognises it.
    pub name: String,
    /// The audit's findings with no waiver applied: the test double applies the document's
    /// current waivers itself (checked by the waiver case).
    pub audit: Report,
    /// Readiness figures by session id.
    pub sessions: BTreeMap<String, SessionSummary>,
    /// The session shown when none is chosen.
    pub latest_session: Option<String>,
    pub layers: LayerDiagnosis,
    pub trend: Vec<TrendPoint>,
    /// The layer diagnosis of a workspace with no layer rated.
    pub layers_not_rated: LayerDiagnosis,
}

/// A report with no waiver applied, a document with waivers, and what the audit library
/// reports for that document.
#[derive(Debug, Serialize)]
pub struct WaiverCase {
    pub unwaived: Report,
    pub doc: Workspace,
    pub waived: Report,
}

fn unwaived(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    ws.waivers.clear();
    ws
}

/// The sample's audit, readiness figures and trend, composed as the app's commands compose them.
pub fn sample_output() -> SampleOutput {
    let ws = throughline_format::sample();
    let sessions = ws
        .readiness
        .iter()
        .map(|s| {
            (
                s.id.as_str().to_string(),
                throughline_readiness::summarize(s),
            )
        })
        .collect();
    SampleOutput {
        name: ws.workspace.name.clone(),
        audit: throughline_audit::audit(&unwaived(&ws)),
        sessions,
        latest_session: throughline_readiness::find_session(&ws, None)
            .ok()
            .map(|s| s.id.as_str().to_string()),
        layers: throughline_readiness::diagnose_layers(&ws.layer_scores),
        trend: throughline_readiness::trend(&ws.readiness),
        layers_not_rated: throughline_readiness::diagnose_layers(&[]),
    }
}

/// The sample with waivers on its first two findings and one on nothing.
pub(crate) fn waiver_case() -> WaiverCase {
    let bare = unwaived(&throughline_format::sample());
    let unwaived_report = throughline_audit::audit(&bare);
    let mut doc = bare.clone();
    for (i, f) in unwaived_report.findings.iter().take(2).enumerate() {
        doc.waivers.push(Waiver {
            code: f.code.as_str().to_string(),
            subject: f.key.clone(),
            reason: format!("Accepted risk {}", i + 1),
            who: "Dana".to_string(),
            when: "2025-03-01T10:00:00Z".to_string(),
            review: None,
        });
    }
    doc.waivers.push(Waiver {
        code: "unowned-handoff".to_string(),
        subject: "no-such-handoff".to_string(),
        reason: "Matches nothing".to_string(),
        who: "Dana".to_string(),
        when: "2025-03-01T10:00:00Z".to_string(),
        review: None,
    });
    WaiverCase {
        waived: throughline_audit::audit(&doc),
        unwaived: unwaived_report,
        doc,
    }
}
