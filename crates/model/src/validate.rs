use std::fmt::Display;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::{Deserialize, Serialize};

use crate::checks::{self, Lookup};
use crate::{Id, TextError, Workspace, check_long_text, check_name};

/// One thing wrong with a workspace, and where: `handoffs[3].to: no element "crm"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Problem {
    /// A JSON-style path into the workspace document (`elements[2].claims`).
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Checks everything a workspace must satisfy beyond its types: unique ids, references
/// that resolve, text within limits, keys that make sense. Returns every problem found,
/// in document order; an empty list means the workspace is consistent.
///
/// The per-entity rules live in [`checks`](crate::checks) and are the same functions the
/// store calls on the entities an edit changes; this function adds what only a whole
/// document can say (ids listed twice) and supplies the lookups from the document.
pub fn validate(ws: &Workspace) -> Vec<Problem> {
    let mut v = Validator::default();
    checks::info(&mut v, &ws.workspace);

    let stage_ids = v.unique_ids("stages", "stage", ws.stages.iter().map(|s| &s.id));
    for (i, s) in ws.stages.iter().enumerate() {
        checks::stage(&mut v, i, s);
    }
    let element_ids = v.unique_ids("elements", "element", ws.elements.iter().map(|e| &e.id));
    let metric_ids: FxHashSet<&str> = ws.metrics.iter().map(|m| m.id.as_str()).collect();
    let session_ids: FxHashSet<&str> = ws.readiness.iter().map(|s| s.id.as_str()).collect();
    let scales: FxHashMap<&str, (f64, f64)> = ws
        .metrics
        .iter()
        .rev()
        .map(|m| (m.id.as_str(), (m.min, m.max)))
        .collect();
    let doc = DocLookup {
        scales,
        stages: &stage_ids,
        elements: &element_ids,
        metrics: &metric_ids,
        sessions: &session_ids,
    };
    for (i, e) in ws.elements.iter().enumerate() {
        checks::element(&mut v, i, e, &doc);
    }
    checks::aliases(&mut v, ws.elements.iter().enumerate());

    v.unique_ids("handoffs", "handoff", ws.handoffs.iter().map(|h| &h.id));
    for (i, h) in ws.handoffs.iter().enumerate() {
        checks::handoff(&mut v, i, h, &doc);
    }
    v.unique_ids(
        "principles",
        "principle",
        ws.principles.iter().map(|p| &p.id),
    );
    for (i, p) in ws.principles.iter().enumerate() {
        checks::principle(&mut v, i, p);
    }
    v.unique_ids("readiness", "session", ws.readiness.iter().map(|s| &s.id));
    for (i, s) in ws.readiness.iter().enumerate() {
        checks::session(&mut v, i, s);
    }
    for (i, l) in ws.layer_scores.iter().enumerate() {
        checks::layer_score(&mut v, i, l, &doc);
    }
    let mut seen = FxHashSet::default();
    for (i, l) in ws.layer_scores.iter().enumerate() {
        if !seen.insert((l.layer, l.date.as_str())) {
            v.push(
                format!("layer_scores[{i}]"),
                format!(
                    "the {} layer is scored twice on {}",
                    l.layer.label(),
                    l.date
                ),
            );
        }
    }
    let mut seen = FxHashSet::default();
    for (i, w) in ws.waivers.iter().enumerate() {
        checks::waiver(&mut v, i, w);
        if !seen.insert((w.code.as_str(), w.subject.as_str())) {
            v.push(
                format!("waivers[{i}]"),
                format!("\"{}\" on \"{}\" is waived twice", w.code, w.subject),
            );
        }
    }
    v.unique_ids("metrics", "metric", ws.metrics.iter().map(|m| &m.id));
    for (i, m) in ws.metrics.iter().enumerate() {
        checks::metric(&mut v, i, m, &doc);
    }
    let mut seen = FxHashSet::default();
    for (i, r) in ws.readings.iter().enumerate() {
        checks::reading(&mut v, i, r, &doc);
        if !seen.insert((r.metric.as_str(), r.date.as_str())) {
            v.push(
                format!("readings[{i}]"),
                format!("metric \"{}\" has two readings on {}", r.metric, r.date),
            );
        }
    }
    v.unique_ids("reviews", "review", ws.reviews.iter().map(|r| &r.id));
    for (i, r) in ws.reviews.iter().enumerate() {
        checks::review(&mut v, i, r, &doc);
    }
    v.problems
}

/// The lookups of [`checks`] answered from a whole document.
struct DocLookup<'a> {
    /// Each metric's scale (the first metric of an id, as `Workspace::metric` finds it).
    scales: FxHashMap<&'a str, (f64, f64)>,
    stages: &'a FxHashSet<&'a str>,
    elements: &'a FxHashSet<&'a str>,
    metrics: &'a FxHashSet<&'a str>,
    sessions: &'a FxHashSet<&'a str>,
}

impl Lookup for DocLookup<'_> {
    fn has_stage(&self, id: &str) -> bool {
        self.stages.contains(id)
    }
    fn has_element(&self, id: &str) -> bool {
        self.elements.contains(id)
    }
    fn metric_scale(&self, id: &str) -> Option<(f64, f64)> {
        if !self.metrics.contains(id) {
            return None;
        }
        self.scales.get(id).copied()
    }
    fn has_session(&self, id: &str) -> bool {
        self.sessions.contains(id)
    }
}

/// Where an item sits in the document, `elements[3]`, written out only when a problem
/// needs it: a check of a large workspace formats no path for the fields that pass.
#[derive(Clone, Copy)]
pub(crate) struct At(pub(crate) &'static str, pub(crate) usize);

impl Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// Collects problems; the rules push into it.
#[derive(Default)]
pub(crate) struct Validator {
    pub(crate) problems: Vec<Problem>,
}

impl Validator {
    pub(crate) fn push(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    pub(crate) fn name(&mut self, path: impl Display, value: &str) {
        if let Err(e) = check_name(value) {
            self.push(path.to_string(), describe(e, value));
        }
    }

    pub(crate) fn text(&mut self, path: impl Display, value: &str) {
        if let Err(e) = check_long_text(value) {
            self.push(path.to_string(), describe(e, value));
        }
    }

    /// A context key, claim key, signal or tag: a short name with no spaces at the ends.
    pub(crate) fn key(&mut self, path: impl Display, key: &str) {
        if key.trim().is_empty() {
            self.push(path.to_string(), "a key cannot be empty".into());
        } else if key.trim() != key {
            self.push(
                path.to_string(),
                format!("key \"{key}\" has spaces at its ends"),
            );
        } else if let Err(e) = check_name(key) {
            self.push(path.to_string(), describe(e, key));
        }
    }

    pub(crate) fn keys(&mut self, path: impl Display, keys: &[String]) {
        let mut seen = FxHashSet::default();
        for (j, k) in keys.iter().enumerate() {
            self.key(format_args!("{path}[{j}]"), k);
            if !seen.insert(k.as_str()) {
                self.push(format!("{path}[{j}]"), format!("\"{k}\" is listed twice"));
            }
        }
    }

    pub(crate) fn date(&mut self, path: impl Display, value: &str) {
        if !is_iso_date(value) {
            self.push(
                path.to_string(),
                format!("\"{}\" is not a date written YYYY-MM-DD", preview(value)),
            );
        }
    }

    fn unique_ids<'a>(
        &mut self,
        collection: &str,
        what: &str,
        ids: impl Iterator<Item = &'a Id>,
    ) -> FxHashSet<&'a str> {
        let mut seen = FxHashSet::default();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id.as_str()) {
                self.push(
                    format!("{collection}[{i}].id"),
                    format!("another {what} already has id \"{id}\""),
                );
            }
        }
        seen
    }
}

fn describe(e: TextError, value: &str) -> String {
    match e {
        TextError::EmptyName => "cannot be empty".into(),
        TextError::TooLong { len, max } => {
            format!(
                "\"{}\" is {len} characters long; the limit is {max}",
                preview(value)
            )
        }
        TextError::ControlCharacter(_) => e.to_string(),
    }
}

/// The first few characters of a value, for a message that must stay readable.
pub(crate) fn preview(value: &str) -> String {
    const SHOWN: usize = 40;
    if value.chars().count() <= SHOWN {
        value.to_string()
    } else {
        format!("{}…", value.chars().take(SHOWN).collect::<String>())
    }
}

/// An RFC 3339 timestamp: a real date, `T`, `HH:MM:SS`, optional fraction, then `Z` or
/// an offset `+HH:MM` / `-HH:MM`.
pub(crate) fn is_timestamp(value: &str) -> bool {
    let (Some(date), Some(rest)) = (value.get(..10), value.get(10..)) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix('T').or_else(|| rest.strip_prefix('t')) else {
        return false;
    };
    let two = |s: &str, max: u32| s.len() == 2 && s.parse::<u32>().is_ok_and(|n| n <= max);
    let (Some(h), Some(m), Some(sec)) = (rest.get(0..2), rest.get(3..5), rest.get(6..8)) else {
        return false;
    };
    if !is_iso_date(date) || rest.get(2..3) != Some(":") || rest.get(5..6) != Some(":") {
        return false;
    }
    if !(two(h, 23) && two(m, 59) && two(sec, 60)) {
        return false;
    }
    let mut zone = &rest[8..];
    if let Some(frac) = zone.strip_prefix('.') {
        let digits = frac.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        zone = &frac[digits..];
    }
    match zone {
        "Z" | "z" => true,
        _ => {
            let b = zone.as_bytes();
            b.len() == 6
                && (b[0] == b'+' || b[0] == b'-')
                && b[3] == b':'
                && two(&zone[1..3], 23)
                && two(&zone[4..6], 59)
        }
    }
}

/// Whether `value` is a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| value.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    if !value.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Element, ElementKind, Handoff};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    fn two_elements() -> Workspace {
        let mut ws = Workspace::new("Test");
        ws.elements.push(Element::new(
            id("website"),
            ElementKind::Touchpoint,
            "Website",
        ));
        ws.elements.push(Element::new(
            id("wizard"),
            ElementKind::Touchpoint,
            "Wizard",
        ));
        ws
    }

    #[test]
    fn a_consistent_workspace_has_no_problems() {
        let mut ws = two_elements();
        let mut h = Handoff::new(id("h1"), id("website"), id("wizard"));
        h.carries = vec!["setup.effort".into()];
        h.invariant = vec!["setup.effort".into()];
        ws.handoffs.push(h);
        assert_eq!(validate(&ws), vec![]);
    }

    #[test]
    fn a_handoff_to_a_missing_element_is_reported_with_its_path() {
        let mut ws = two_elements();
        ws.handoffs
            .push(Handoff::new(id("h1"), id("website"), id("wizard")));
        ws.handoffs
            .push(Handoff::new(id("h2"), id("website"), id("crm")));
        let problems = validate(&ws);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "handoffs[1].to: no element \"crm\""
        );
    }

    #[test]
    fn duplicate_ids_and_bad_keys_are_reported() {
        let mut ws = two_elements();
        ws.elements
            .push(Element::new(id("wizard"), ElementKind::System, "CRM"));
        let mut h = Handoff::new(id("h1"), id("website"), id("wizard"));
        h.invariant = vec!["price".into()];
        ws.handoffs.push(h);
        let paths: Vec<_> = validate(&ws).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, vec!["elements[2].id", "handoffs[0].invariant[0]"]);
    }

    #[test]
    fn waiver_times_must_be_rfc_3339() {
        assert!(is_timestamp("2026-11-21T14:05:00Z"));
        assert!(is_timestamp("2026-11-21T14:05:00.123Z"));
        assert!(is_timestamp("2026-11-21T14:05:00+01:00"));
        assert!(!is_timestamp("2026-11-21 14:05:00Z"));
        assert!(!is_timestamp("2026-11-21T24:05:00Z"));
        assert!(!is_timestamp("2026-11-21T14:05:00"));
        assert!(!is_timestamp("yesterday"));
        assert!(!is_timestamp("2026-11-21T14:05:00.Z"));
    }

    #[test]
    fn a_key_listed_twice_as_invariant_is_reported() {
        let mut ws = two_elements();
        let mut h = Handoff::new(id("h1"), id("website"), id("wizard"));
        h.carries = vec!["price".into()];
        h.invariant = vec!["price".into(), "price".into()];
        ws.handoffs.push(h);
        let paths: Vec<_> = validate(&ws).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, vec!["handoffs[0].invariant[1]"]);
    }

    #[test]
    fn dates_must_be_real() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2023-13-01"));
        assert!(!is_iso_date("23-01-01"));
        assert!(!is_iso_date("2023-1-011"));
    }
}
