//! What the libraries say about a workspace, gathered once per render: the audit report,
//! the latest readiness session's summary, and the open findings of each element.

use std::collections::HashMap;

use throughline_audit::{Finding, Report, Severity, SubjectKind};
use throughline_model::{ReadinessSession, Workspace};
use throughline_readiness::{SessionSummary, VerdictKind};

use super::{Section, count, rule_handoffs, touchpoint_count};
use crate::Edition;

/// The audit and readiness results a playbook is built from.
pub(crate) struct Facts<'a> {
    /// Every finding, waived ones included, in the audit's order (errors first).
    pub report: Report,
    /// The latest readiness session and its summary, when there is one.
    pub readiness: Option<(&'a ReadinessSession, SessionSummary)>,
    /// For each element id, the indices in `report.findings` of its open findings.
    open_by_element: HashMap<&'a str, Vec<usize>>,
    handoffs: usize,
    /// Whether any layer of the Coherence Stack has been rated.
    layers: bool,
    /// Each open finding's number (1 first), by its index in `report.findings`.
    numbers: HashMap<usize, usize>,
}

impl<'a> Facts<'a> {
    /// Audits `ws` and summarises its latest readiness session.
    pub(crate) fn gather(ws: &'a Workspace) -> Self {
        let report = throughline_audit::audit(ws);
        let readiness = throughline_readiness::find_session(ws, None)
            .ok()
            .map(|s| (s, throughline_readiness::summarize(s)));
        let mut open_by_element: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (i, f) in report.findings.iter().enumerate() {
            if f.waived.is_some() {
                continue;
            }
            for s in f.subjects.iter().filter(|s| s.kind == SubjectKind::Element) {
                // Keys borrow from the workspace, not the report, so the map can live beside it.
                if let Some(e) = ws.element(&s.id) {
                    let list = open_by_element.entry(e.id.as_str()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let numbers = report
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.waived.is_none())
            .enumerate()
            .map(|(n, (i, _))| (i, n + 1))
            .collect();
        Self {
            numbers,
            report,
            readiness,
            open_by_element,
            handoffs: ws.handoffs.len(),
            layers: !ws.layer_scores.is_empty(),
        }
    }

    /// Whether `section` has anything true to show; readiness and integrity need data.
    pub(crate) fn has_content(&self, section: Section) -> bool {
        match section {
            Section::Readiness => self.readiness.is_some() || self.layers,
            Section::Integrity => self.handoffs > 0,
            _ => true,
        }
    }

    /// The open (not waived) findings about the element `id`, most serious first, each
    /// with its number among all open findings.
    pub(crate) fn open_findings(&self, id: &str) -> impl Iterator<Item = (usize, &Finding)> {
        self.open_by_element
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|i| {
                let f = self.report.findings.get(*i)?;
                Some((self.numbers.get(i).copied().unwrap_or(0), f))
            })
    }

    /// Waived findings, in the audit's order.
    pub(crate) fn waived(&self) -> impl Iterator<Item = &Finding> {
        self.report.findings.iter().filter(|f| f.waived.is_some())
    }

    /// The readiness verdict in one short line, e.g. "16.4 of 30 from 5 raters: foundational
    /// work first"; `None` without a session.
    pub(crate) fn verdict_line(&self) -> Option<String> {
        let (_, s) = self.readiness.as_ref()?;
        let raters = count(s.raters as usize, "rater", "raters");
        Some(match (s.total, s.verdict.kind) {
            (Some(t), VerdictKind::Ready) => format!(
                "Total {} of {} from {raters}: ready to start orchestrating",
                total_display(t),
                s.total_max
            ),
            (Some(t), _) => format!(
                "Total {} of {} from {raters}: foundational work first",
                total_display(t),
                s.total_max
            ),
            (None, _) => format!("No total yet from {raters}: not every dimension is scored"),
        })
    }

    /// One line on what `section` holds for `ws`, or why it is left out.
    pub(crate) fn summary(&self, section: Section, ws: &Workspace, edition: Edition) -> String {
        if edition == Edition::Leadership && !section.in_leadership() {
            return "In the full edition only.".to_string();
        }
        match section {
            Section::Cover => match self.verdict_line() {
                Some(_) => "Workspace name, date, the vision statement and the readiness verdict."
                    .to_string(),
                None => "Workspace name, date and the vision statement on one page.".to_string(),
            },
            Section::Narrative => format!(
                "{} with their key moments, and the emotional arc as a chart.",
                count(ws.stages.len(), "stage", "stages")
            ),
            Section::Principles => format!(
                "{} (non-negotiables first), then the must-not-vary keys and human gates of {}.",
                count(ws.principles.len(), "principle", "principles"),
                count(rule_handoffs(ws), "handoff contract", "handoff contracts")
            ),
            Section::Readiness => match (self.verdict_line(), self.layers) {
                (Some(line), true) => {
                    format!("{line}; the Coherence Stack's layer scores and what their gaps mean.")
                }
                (Some(line), false) => format!("{line}."),
                (None, true) => {
                    "The Coherence Stack's layer scores and what their gaps mean.".to_string()
                }
                (None, false) => "No readiness session yet: left out.".to_string(),
            },
            Section::Integrity => {
                if self.handoffs == 0 {
                    return "No handoffs in the graph yet: left out.".to_string();
                }
                let s = self.report.summary;
                let open = (s.error + s.warning + s.info) as usize;
                let mut line = count(open, "open divergence", "open divergences");
                if s.error > 0 {
                    line.push_str(&format!(" ({} serious)", s.error));
                }
                line.push_str(&format!(", {} waived.", s.waived));
                line
            }
            Section::Checklists => format!(
                "A checklist for each of {}: stage, owning team, claims, context, rules, open findings.",
                count(touchpoint_count(ws), "touchpoint", "touchpoints")
            ),
        }
    }
}

/// A total as the readiness library words it (rounded down, so 17.96 never reads as 18.0).
pub(crate) use throughline_readiness::total_display;

/// A severity as a reader says it.
pub(crate) fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Serious",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}
