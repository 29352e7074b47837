use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::{Id, MetricScope, TextError, Workspace, check_long_text, check_name};

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
pub fn validate(ws: &Workspace) -> Vec<Problem> {
    let mut v = Validator::default();
    v.name("workspace.name", &ws.workspace.name);
    v.text("workspace.vision", &ws.workspace.vision);
    v.keys("workspace.journey_state", &ws.workspace.journey_state);

    let stage_ids = v.unique_ids("stages", "stage", ws.stages.iter().map(|s| &s.id));
    for (i, s) in ws.stages.iter().enumerate() {
        v.name(&format!("stages[{i}].name"), &s.name);
        v.text(&format!("stages[{i}].moment"), &s.moment);
    }

    let element_ids = v.unique_ids("elements", "element", ws.elements.iter().map(|e| &e.id));
    for (i, e) in ws.elements.iter().enumerate() {
        let at = format!("elements[{i}]");
        v.name(&format!("{at}.name"), &e.name);
        v.text(&format!("{at}.description"), &e.description);
        for (field, value) in [("channel", &e.channel), ("team", &e.team)] {
            if let Some(value) = value {
                v.name(&format!("{at}.{field}"), value);
            }
        }
        for (j, s) in e.stages.iter().enumerate() {
            if !stage_ids.contains(s.as_str()) {
                v.push(format!("{at}.stages[{j}]"), format!("no stage \"{s}\""));
            }
        }
        for (j, c) in e.covers.iter().enumerate() {
            if !element_ids.contains(c.as_str()) {
                v.push(format!("{at}.covers[{j}]"), format!("no element \"{c}\""));
            } else if *c == e.id {
                v.push(
                    format!("{at}.covers[{j}]"),
                    "a rule cannot cover itself".to_string(),
                );
            }
        }
        for (key, value) in &e.claims {
            v.key(&format!("{at}.claims"), key);
            v.text(&format!("{at}.claims.{key}"), value);
        }
        v.keys(&format!("{at}.needs"), &e.needs);
        for (signal, intent) in &e.interprets {
            v.key(&format!("{at}.interprets"), signal);
            v.name(&format!("{at}.interprets.{signal}"), intent);
        }
        v.keys(&format!("{at}.tags"), &e.tags);
        for (j, alias) in e.aliases.iter().enumerate() {
            v.name(&format!("{at}.aliases[{j}]"), alias);
        }
    }
    v.aliases(&ws.elements);

    v.unique_ids("handoffs", "handoff", ws.handoffs.iter().map(|h| &h.id));
    for (i, h) in ws.handoffs.iter().enumerate() {
        let at = format!("handoffs[{i}]");
        for (field, id) in [("from", &h.from), ("to", &h.to)] {
            if !element_ids.contains(id.as_str()) {
                v.push(format!("{at}.{field}"), format!("no element \"{id}\""));
            }
        }
        if h.from == h.to {
            v.push(
                format!("{at}.to"),
                "a handoff cannot lead back to where it starts".into(),
            );
        }
        if let Some(sot) = &h.source_of_truth
            && !element_ids.contains(sot.as_str())
        {
            v.push(
                format!("{at}.source_of_truth"),
                format!("no element \"{sot}\""),
            );
        }
        v.keys(&format!("{at}.carries"), &h.carries);
        v.keys(&format!("{at}.invariant"), &h.invariant);
        v.keys(&format!("{at}.may_vary"), &h.may_vary);
        for (field, keys) in [("invariant", &h.invariant), ("may_vary", &h.may_vary)] {
            for (j, key) in keys.iter().enumerate() {
                if !h.carries.contains(key) {
                    v.push(
                        format!("{at}.{field}[{j}]"),
                        format!("\"{key}\" is not among the keys this handoff carries"),
                    );
                }
            }
        }
        for (j, key) in h.invariant.iter().enumerate() {
            if h.may_vary.contains(key) {
                v.push(
                    format!("{at}.invariant[{j}]"),
                    format!("\"{key}\" cannot both never vary and vary by channel"),
                );
            }
        }
        for (field, value) in [("owner", &h.owner), ("gate", &h.gate)] {
            if let Some(value) = value {
                v.name(&format!("{at}.{field}"), value);
            }
        }
    }

    v.unique_ids(
        "principles",
        "principle",
        ws.principles.iter().map(|p| &p.id),
    );
    for (i, p) in ws.principles.iter().enumerate() {
        if p.text.trim().is_empty() {
            v.push(
                format!("principles[{i}].text"),
                "a principle needs some text".into(),
            );
        }
        v.text(&format!("principles[{i}].text"), &p.text);
    }

    v.unique_ids("readiness", "session", ws.readiness.iter().map(|s| &s.id));
    for (i, s) in ws.readiness.iter().enumerate() {
        let at = format!("readiness[{i}]");
        v.name(&format!("{at}.name"), &s.name);
        v.date(&format!("{at}.date"), &s.date);
        if let Some(note) = &s.note {
            v.text(&format!("{at}.note"), note);
        }
        let mut names = HashSet::new();
        for (j, r) in s.raters.iter().enumerate() {
            v.name(&format!("{at}.raters[{j}].name"), &r.name);
            if !names.insert(r.name.trim().to_lowercase()) {
                v.push(
                    format!("{at}.raters[{j}].name"),
                    format!("rater \"{}\" appears twice in this session", r.name),
                );
            }
            if let Some(note) = &r.note {
                v.text(&format!("{at}.raters[{j}].note"), note);
            }
        }
    }

    for (i, l) in ws.layer_scores.iter().enumerate() {
        v.date(&format!("layer_scores[{i}].date"), &l.date);
    }
    let mut seen = HashSet::new();
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

    let mut seen = HashSet::new();
    for (i, w) in ws.waivers.iter().enumerate() {
        let at = format!("waivers[{i}]");
        v.key(&format!("{at}.code"), &w.code);
        v.name(&format!("{at}.subject"), &w.subject);
        v.name(&format!("{at}.who"), &w.who);
        if w.reason.trim().is_empty() {
            v.push(format!("{at}.reason"), "a waiver needs a reason".into());
        }
        v.text(&format!("{at}.reason"), &w.reason);
        if !is_timestamp(&w.when) {
            v.push(
                format!("{at}.when"),
                format!(
                    "\"{}\" is not a time written like 2026-11-21T14:05:00Z",
                    preview(&w.when)
                ),
            );
        }
        if !seen.insert((w.code.as_str(), w.subject.as_str())) {
            v.push(
                at,
                format!("\"{}\" on \"{}\" is waived twice", w.code, w.subject),
            );
        }
    }
    v.measures(ws, &stage_ids, &element_ids);
    v.problems
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    /// An alias must name one element only: no two elements may share a name or alias
    /// (ignoring case), or a log's activity would map to either.
    fn aliases(&mut self, elements: &[crate::Element]) {
        let mut names: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
        for e in elements {
            names
                .entry(e.name.trim().to_lowercase())
                .or_insert(e.id.as_str());
        }
        for (i, e) in elements.iter().enumerate() {
            let mut own = HashSet::new();
            for (j, alias) in e.aliases.iter().enumerate() {
                let lower = alias.trim().to_lowercase();
                if !own.insert(lower.clone()) {
                    self.push(
                        format!("elements[{i}].aliases[{j}]"),
                        format!("\"{alias}\" is listed twice"),
                    );
                    continue;
                }
                match names.get(&lower) {
                    Some(other) if *other != e.id.as_str() => self.push(
                        format!("elements[{i}].aliases[{j}]"),
                        format!("\"{alias}\" already names element \"{other}\""),
                    ),
                    Some(_) => {}
                    None => {
                        names.insert(lower, e.id.as_str());
                    }
                }
            }
        }
    }

    /// Metrics, readings and reviews (format version 2).
    fn measures(&mut self, ws: &Workspace, stages: &HashSet<&str>, elements: &HashSet<&str>) {
        let metric_ids = self.unique_ids("metrics", "metric", ws.metrics.iter().map(|m| &m.id));
        for (i, m) in ws.metrics.iter().enumerate() {
            let at = format!("metrics[{i}]");
            self.name(&format!("{at}.name"), &m.name);
            if !m.min.is_finite() || !m.max.is_finite() || m.min >= m.max {
                self.push(
                    format!("{at}.max"),
                    format!(
                        "the scale runs from {} to {}; its top must be above its bottom",
                        m.min, m.max
                    ),
                );
            } else if let Some(target) = m.target
                && !(m.min..=m.max).contains(&target)
            {
                self.push(
                    format!("{at}.target"),
                    format!("{target} is outside the scale {} to {}", m.min, m.max),
                );
            }
            if let Some(owner) = &m.owner {
                self.name(&format!("{at}.owner"), owner);
            }
            match &m.scope {
                MetricScope::Journey => {}
                MetricScope::Stage(id) if !stages.contains(id.as_str()) => {
                    self.push(format!("{at}.scope"), format!("no stage \"{id}\""));
                }
                MetricScope::Element(id) if !elements.contains(id.as_str()) => {
                    self.push(format!("{at}.scope"), format!("no element \"{id}\""));
                }
                _ => {}
            }
        }
        let by_id: std::collections::HashMap<&str, &crate::Metric> =
            ws.metrics.iter().map(|m| (m.id.as_str(), m)).collect();
        let mut seen = HashSet::new();
        for (i, r) in ws.readings.iter().enumerate() {
            // Paths are written only for a reading that has a problem: a workspace can
            // hold a hundred thousand readings.
            let at = || format!("readings[{i}]");
            if !is_iso_date(&r.date) {
                self.date(&format!("{}.date", at()), &r.date);
            }
            if !metric_ids.contains(r.metric.as_str()) {
                self.push(
                    format!("{}.metric", at()),
                    format!("no metric \"{}\"", r.metric),
                );
            } else if let Some(m) = by_id.get(r.metric.as_str())
                && m.min < m.max
                && !(m.min..=m.max).contains(&r.value)
            {
                self.push(
                    format!("{}.value", at()),
                    format!("{} is outside the scale {} to {}", r.value, m.min, m.max),
                );
            }
            if !r.value.is_finite() {
                self.push(
                    format!("{}.value", at()),
                    "a reading must be a number".into(),
                );
            }
            if !seen.insert((r.metric.as_str(), r.date.as_str())) {
                self.push(
                    at(),
                    format!("metric \"{}\" has two readings on {}", r.metric, r.date),
                );
            }
        }
        let session_ids: HashSet<&str> = ws.readiness.iter().map(|s| s.id.as_str()).collect();
        self.unique_ids("reviews", "review", ws.reviews.iter().map(|r| &r.id));
        for (i, r) in ws.reviews.iter().enumerate() {
            let at = format!("reviews[{i}]");
            self.date(&format!("{at}.date"), &r.date);
            for (j, who) in r.attendees.iter().enumerate() {
                self.name(&format!("{at}.attendees[{j}]"), who);
            }
            self.text(&format!("{at}.decisions"), &r.decisions);
            self.keys(&format!("{at}.findings"), &r.findings);
            if let Some(session) = &r.session
                && !session_ids.contains(session.as_str())
            {
                self.push(
                    format!("{at}.session"),
                    format!("no readiness session \"{session}\""),
                );
            }
        }
    }

    fn push(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    fn name(&mut self, path: &str, value: &str) {
        if let Err(e) = check_name(value) {
            self.push(path.to_string(), describe(e, value));
        }
    }

    fn text(&mut self, path: &str, value: &str) {
        if let Err(e) = check_long_text(value) {
            self.push(path.to_string(), describe(e, value));
        }
    }

    /// A context key, claim key, signal or tag: a short name with no spaces at the ends.
    fn key(&mut self, path: &str, key: &str) {
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

    fn keys(&mut self, path: &str, keys: &[String]) {
        let mut seen = HashSet::new();
        for (j, k) in keys.iter().enumerate() {
            self.key(&format!("{path}[{j}]"), k);
            if !seen.insert(k.as_str()) {
                self.push(format!("{path}[{j}]"), format!("\"{k}\" is listed twice"));
            }
        }
    }

    fn date(&mut self, path: &str, value: &str) {
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
    ) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
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
fn preview(value: &str) -> String {
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

/// `YYYY-MM-DD` with a real month and day.
pub(crate) fn is_iso_date(value: &str) -> bool {
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
