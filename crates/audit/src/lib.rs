//! The Throughline audit: where the truth diverges across the handoff graph.
//!
//! [`audit`] runs every rule over a [`Workspace`] and returns a [`Report`]: findings with a
//! stable code, a severity, their subjects, a one-sentence message, the evidence and a
//! suggested fix, in a deterministic order, each marked when a waiver accepts it. The
//! rules are explained for strategists in `docs/rules.md`. [`render_text`] and
//! [`render_json`] print a report; [`should_fail`] decides a CLI's exit code.
//!
//! The workspace is indexed once (ids to positions, the handoff graph as flat arrays),
//! so the whole audit is close to linear in the number of elements and handoffs.

mod claims;
mod finding;
mod fxhash;
#[cfg(feature = "bench")]
mod generate;
mod graph;
mod ids;
mod index;
mod patch;
mod render;
mod rules;
mod title;

use throughline_model::Workspace;

pub use finding::{
    Evidence, Family, Finding, Report, RuleCode, Severity, Subject, SubjectKind, Summary,
    WaiverInfo,
};
#[cfg(feature = "bench")]
pub use generate::generate;
pub use patch::{PatchMismatch, PatchRun, ReportPatch};
pub use render::{FailOn, ParseFailOnError, render_json, render_text, should_fail};
pub use rules::scenarios::WORKSPACE_KEY;

/// Audits `ws`: every finding of every structural rule, waivers applied, in a
/// deterministic order.
pub fn audit(ws: &Workspace) -> Report {
    let ix = index::Index::new(ws);
    report(ws, rules::run_all(&ix))
}

/// One report from findings of any family (structure, monitor, reality): the workspace's
/// waivers applied, sorted by severity, code, key, subjects and message, and counted.
pub fn report(ws: &Workspace, mut findings: Vec<Finding>) -> Report {
    apply_waivers(ws, &mut findings);
    // Code names as one precomputed rank per code, so the sort compares small integers
    // before any string.
    let mut by_name = RuleCode::ALL;
    by_name.sort_by_key(|c| c.as_str());
    let mut rank = [0u8; RuleCode::ALL.len()];
    for (r, c) in by_name.iter().enumerate() {
        rank[*c as usize] = r as u8;
    }
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| rank[a.code as usize].cmp(&rank[b.code as usize]))
            .then_with(|| a.key.cmp(&b.key))
            .then_with(|| a.subjects.cmp(&b.subjects))
            .then_with(|| a.message.cmp(&b.message))
    });
    let mut summary = summarise(&findings);
    summary.nothing_to_check = ws.elements.is_empty() && ws.handoffs.is_empty();
    Report { findings, summary }
}

/// Marks each finding a waiver accepts: the waiver's `code` is the finding's code and its
/// `subject` is the finding's `key`.
fn apply_waivers(ws: &Workspace, findings: &mut [Finding]) {
    if ws.waivers.is_empty() {
        return;
    }
    let by_key: fxhash::FxHashMap<(&str, &str), &throughline_model::Waiver> = ws
        .waivers
        .iter()
        .map(|w| ((w.code.as_str(), w.subject.as_str()), w))
        .collect();
    for f in findings {
        if let Some(w) = by_key.get(&(f.code.as_str(), f.key.as_str())) {
            f.waived = Some(WaiverInfo {
                reason: w.reason.clone(),
                who: w.who.clone(),
                when: w.when.clone(),
                review: w.review.clone(),
                due: false,
            });
        }
    }
}

fn summarise(findings: &[Finding]) -> Summary {
    let mut s = Summary::default();
    for f in findings {
        let slot = match (&f.waived, f.severity) {
            (Some(_), _) => &mut s.waived,
            (None, Severity::Error) => &mut s.error,
            (None, Severity::Warning) => &mut s.warning,
            (None, Severity::Info) => &mut s.info,
        };
        *slot += 1;
    }
    s
}
