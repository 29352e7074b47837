//! What the libraries say about a workspace, gathered once per render: the audit report,
//! the latest readiness session's summary, the open findings of each element, and, when
//! there is something to show, the comparison with a baseline, the monitor report and the
//! reality check's replay result.

use std::collections::HashMap;

use throughline_audit::RuleCode;
use throughline_audit::{Finding, Report, Severity, SubjectKind};
use throughline_model::{ReadinessSession, Workspace};
use throughline_monitor::{Monitor, MonitorOptions};
use throughline_readiness::{SessionSummary, VerdictKind};
use throughline_reality::RealityReport;
use throughline_versions::Comparison;

use super::{Section, count, rule_handoffs, touchpoint_count};
use crate::{Edition, PlaybookOptions};

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
    /// The baseline's label and the comparison from it to the workspace, when one is given.
    pub changes: Option<(&'a str, Comparison)>,
    /// The monitor report as of the newest reading, when the workspace has metrics.
    pub monitor: Option<Monitor>,
    /// The replay result the caller passed in.
    pub reality: Option<&'a RealityReport>,
}

impl<'a> Facts<'a> {
    /// Audits `ws`, summarises its latest readiness session, compares it with the baseline
    /// in `options`, and computes its monitor report when it has metrics.
    pub(crate) fn gather(ws: &'a Workspace, options: &'a PlaybookOptions) -> Self {
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
            changes: options.since.as_ref().map(|b| {
                (
                    b.label.as_str(),
                    throughline_versions::compare(&b.workspace, ws),
                )
            }),
            // The default date is the newest reading's, which always parses.
            monitor: (!ws.metrics.is_empty())
                .then(|| throughline_monitor::monitor(ws, &MonitorOptions::default()).ok())
                .flatten(),
            reality: options.reality.as_ref(),
        }
    }

    /// The section's printed title: "What changed since LABEL" names the baseline.
    pub(crate) fn title(&self, section: Section) -> String {
        match (section, &self.changes) {
            (Section::Changes, Some((label, _))) => format!("What changed since {label}"),
            _ => section.title().to_string(),
        }
    }

    /// Whether `section` has anything true to show; readiness and integrity need data.
    pub(crate) fn has_content(&self, section: Section) -> bool {
        match section {
            Section::Readiness => self.readiness.is_some() || self.layers,
            Section::Integrity => self.handoffs > 0,
            Section::Changes => self.changes.is_some(),
            Section::Monitor => self.monitor.is_some(),
            Section::Reality => self.reality.is_some(),
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
            Section::Changes => match &self.changes {
                None => "No baseline given: left out.".to_string(),
                Some((_, c)) => format!(
                    "{} by layer, {} resolved and {} introduced, and how readiness moved.",
                    count(c.changes.len(), "change", "changes"),
                    count(c.findings.resolved.len(), "divergence", "divergences"),
                    c.findings.introduced.len()
                ),
            },
            Section::Monitor => match &self.monitor {
                None => "No metrics yet: left out.".to_string(),
                Some(m) => {
                    let leading = m.metrics.iter().filter(|s| s.leading).count();
                    let as_of = m
                        .as_of
                        .as_deref()
                        .map(|d| format!(" as of {d}"))
                        .unwrap_or_default();
                    format!(
                        "A scorecard of {} ({leading} leading){as_of}, the promised and measured arc, and {} drifted.",
                        count(m.metrics.len(), "metric", "metrics"),
                        count(
                            m.report
                                .findings
                                .iter()
                                .filter(|f| f.waived.is_none())
                                .count(),
                            "finding on what",
                            "findings on what"
                        ),
                    )
                }
            },
            Section::Reality => match self.reality {
                None => "No event log given: left out.".to_string(),
                Some(r) => {
                    let fitness = r
                        .fitness
                        .map(|f| format!("Fitness {} over ", percent(f)))
                        .unwrap_or_else(|| "No transitions in ".to_string());
                    let of = |code: RuleCode| {
                        r.findings()
                            .iter()
                            .filter(|f| f.code == code && f.waived.is_none())
                            .count()
                    };
                    format!(
                        "{fitness}{}; {} and {}.",
                        count(r.cases as usize, "case", "cases"),
                        count(
                            of(RuleCode::ShadowHandoff),
                            "shadow handoff",
                            "shadow handoffs"
                        ),
                        count(
                            of(RuleCode::LatencyBreach),
                            "latency breach",
                            "latency breaches"
                        ),
                    )
                }
            },
            Section::Checklists => format!(
                "A checklist for each of {}: stage, owning team, claims, context, rules, open findings.",
                count(touchpoint_count(ws), "touchpoint", "touchpoints")
            ),
        }
    }
}

/// A total as the readiness library words it (rounded down, so 17.96 never reads as 18.0).
pub(crate) use throughline_readiness::total_display;

/// A share from 0 to 1 as a whole percentage ("83%"); "99%" until it is truly all.
pub(crate) fn percent(share: f64) -> String {
    let p = (share * 100.0).floor();
    format!("{p:.0}%")
}

/// A severity as a reader says it.
pub(crate) fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Serious",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}
