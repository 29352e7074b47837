//! The reality report: what replay found, in the JSON form `docs/reality.md` gives, and as
//! text for a terminal.

use std::fmt::Write as _;

use rustc_hash::FxHashMap;
use serde::{Serialize, Serializer};
use throughline_audit::{Finding, Report, RuleCode};

use crate::mapping::{ElementLookup, Unmapped};
use crate::observed::{ExampleCase, Observed};
use crate::timestamp::format_millis;

/// One observed pair of consecutive visits, from element to element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Element ids.
    pub from: String,
    pub to: String,
    /// Distinct cases with at least one such transition.
    pub cases: u64,
    pub transitions: u64,
    /// Elapsed hours at nearest ranks; `null` when a table left them blank.
    pub p50_hours: Option<f64>,
    pub p90_hours: Option<f64>,
    pub max_hours: Option<f64>,
    /// The modelled handoff from `from` to `to` (the first in the file), if any.
    pub handoff: Option<String>,
    /// The resources on the events either side of a transition (raw logs only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
}

/// One visit of an example case: consecutive events of one element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExampleVisit {
    /// The element's id.
    pub element: String,
    /// The times of the visit's first and last event, RFC 3339 in UTC.
    pub first: String,
    pub last: String,
}

/// A case that shows a finding, as its visits in time order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseExample {
    /// The case's name in the log.
    pub case: String,
    /// The case's first visits (at most 50).
    pub visits: Vec<ExampleVisit>,
    /// Visits after those, not listed.
    #[serde(skip_serializing_if = "is_zero")]
    pub more_visits: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The example cases of one finding, named by the finding's code and key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingExamples {
    pub code: RuleCode,
    pub key: String,
    /// Up to three cases, the first by name.
    pub cases: Vec<CaseExample>,
}

/// The result of replaying one log against one workspace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RealityReport {
    /// Cases with at least one mapped event.
    pub cases: u64,
    /// Mapped events replayed (0 for a directly-follows table).
    pub events: u64,
    /// Observed transitions between consecutive visits.
    pub transitions: u64,
    /// Share of transitions whose pair has a modelled handoff; `null` with no transitions.
    pub fitness: Option<f64>,
    pub unmapped: Vec<Unmapped>,
    pub pairs: Vec<Pair>,
    /// The reality findings with the workspace's waivers applied, in report order.
    #[serde(rename = "findings", serialize_with = "findings_only")]
    pub report: Report,
    /// Example cases per finding, in the findings' order; findings without examples (an
    /// unused handoff, anything from a directly-follows table) are left out.
    pub examples: Vec<FindingExamples>,
    /// What the input could not show, and rows left out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

fn findings_only<S: Serializer>(report: &Report, s: S) -> Result<S::Ok, S::Error> {
    report.findings.serialize(s)
}

impl RealityReport {
    pub(crate) fn build(
        obs: &Observed,
        lookup: &ElementLookup<'_>,
        handoff_of: impl Fn(u32, u32) -> Option<String>,
        unmapped: Vec<Unmapped>,
        report: Report,
        examples: &[(RuleCode, String, &[ExampleCase])],
        notes: Vec<String>,
    ) -> Self {
        let mut modelled = 0u64;
        let pairs: Vec<Pair> = obs
            .pairs
            .iter()
            .map(|p| {
                let handoff = handoff_of(p.from, p.to);
                if handoff.is_some() {
                    modelled += p.transitions;
                }
                Pair {
                    from: lookup.id(p.from).to_string(),
                    to: lookup.id(p.to).to_string(),
                    cases: p.cases,
                    transitions: p.transitions,
                    p50_hours: p.p50,
                    p90_hours: p.p90,
                    max_hours: p.max,
                    handoff,
                    resources: p.resources.clone(),
                }
            })
            .collect();
        let fitness = (obs.transitions > 0).then(|| modelled as f64 / obs.transitions as f64);
        let by_finding: FxHashMap<(RuleCode, &str), &[ExampleCase]> = examples
            .iter()
            .map(|(code, key, cases)| ((*code, key.as_str()), *cases))
            .collect();
        let examples = report
            .findings
            .iter()
            .filter_map(|f| {
                let cases = by_finding.get(&(f.code, f.key.as_str()))?;
                (!cases.is_empty()).then(|| FindingExamples {
                    code: f.code,
                    key: f.key.clone(),
                    cases: cases.iter().map(|c| case_example(c, lookup)).collect(),
                })
            })
            .collect();
        Self {
            cases: obs.cases,
            events: obs.events,
            transitions: obs.transitions,
            fitness,
            unmapped,
            pairs,
            report,
            examples,
            notes,
        }
    }

    /// The example cases of the finding with `code` and `key`, if it has any.
    pub fn examples_of(&self, code: RuleCode, key: &str) -> &[CaseExample] {
        self.examples
            .iter()
            .find(|e| e.code == code && e.key == key)
            .map_or(&[], |e| e.cases.as_slice())
    }

    /// The findings, in report order.
    pub fn findings(&self) -> &[Finding] {
        &self.report.findings
    }
}

/// The report as one pretty-printed JSON object.
pub fn render_json(report: &RealityReport) -> String {
    // Every key is a string and every number finite, so this cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// The report for a terminal: the figures, the pairs, the unmapped activities, then the
/// findings as the audit prints them.
pub fn render_text(report: &RealityReport, ws_name: &str) -> String {
    let mut out = String::new();
    let fitness = report.fitness.map_or_else(
        || "n/a (no transitions)".into(),
        |f| format!("{:.1}%", f * 100.0),
    );
    let _ = writeln!(
        out,
        "Reality check of \"{ws_name}\": {} cases, {} events, {} transitions, fitness {fitness}",
        report.cases, report.events, report.transitions
    );
    for n in &report.notes {
        let _ = writeln!(out, "note: {n}");
    }
    if !report.pairs.is_empty() {
        let _ = writeln!(out, "\nObserved pairs (p50 / p90 / max hours)");
        for p in &report.pairs {
            let handoff = p
                .handoff
                .as_deref()
                .map_or_else(|| "not in the map".to_string(), |h| format!("handoff {h}"));
            let _ = writeln!(
                out,
                "  {} > {}  {} transitions in {} cases  {} / {} / {}  ({handoff})",
                p.from,
                p.to,
                p.transitions,
                p.cases,
                num(p.p50_hours),
                num(p.p90_hours),
                num(p.max_hours)
            );
        }
    }
    if !report.unmapped.is_empty() {
        let _ = writeln!(
            out,
            "\nUnmapped activities (left out; name an element's id, name or alias to include them)"
        );
        for u in &report.unmapped {
            let _ = writeln!(out, "  {} ({} events)", u.activity, u.events);
        }
    }
    out.push('\n');
    let findings = throughline_audit::render_text(&report.report, ws_name);
    // The audit's heading names an audit; here the same findings come from a replay.
    out.push_str(&findings.replacen("Audit of", "Findings for", 1));
    out
}

fn case_example(c: &ExampleCase, lookup: &ElementLookup<'_>) -> CaseExample {
    CaseExample {
        case: c.case.clone(),
        visits: c
            .visits
            .iter()
            .map(|v| ExampleVisit {
                element: lookup.id(v.element).to_string(),
                first: format_millis(v.first),
                last: format_millis(v.last),
            })
            .collect(),
        more_visits: c.more_visits,
    }
}

fn num(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |v| format!("{v:.1}"))
}
