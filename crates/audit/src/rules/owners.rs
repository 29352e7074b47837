//! `unknown-owner`: a team, owner or gate field whose value names no team, person or
//! partner element of the workspace, so the map points at someone nobody can find.

use throughline_model::{Element, ElementKind};

use crate::finding::{Evidence, Finding, RuleCode, Subject};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::index::{Index, cat, name, names};

/// Whether `e` is someone a team, owner or gate field can name.
fn is_actor(e: &Element) -> bool {
    matches!(
        e.kind,
        ElementKind::Team | ElementKind::Person | ElementKind::Partner
    )
}

/// How values compare: trimmed, ignoring case.
fn fold(value: &str) -> String {
    value.trim().to_lowercase()
}

/// Where a value sits: the position of its element, handoff or metric, and the field.
#[derive(Clone, Copy)]
enum Holder {
    Element(usize),
    Handoff(usize, &'static str),
    Metric(usize),
}

/// One unknown value and every field that holds it.
struct Unknown<'a> {
    /// The value as first written, trimmed.
    value: &'a str,
    holders: Vec<(Holder, &'a str)>,
}

/// `unknown-owner`: one finding per distinct unknown value (compared ignoring case), with
/// every element team, handoff owner or gate and metric owner that holds it. A value is
/// known when it is (trimmed) the id of a team, person or partner element, or its name ignoring case.
pub(crate) fn unknown_owner(ix: &Index, out: &mut Vec<Finding>) {
    let ws = ix.ws;
    let mut ids: FxHashSet<&str> = FxHashSet::default();
    let mut known: FxHashSet<String> = FxHashSet::default();
    for e in ws.elements.iter().filter(|e| is_actor(e)) {
        ids.insert(e.id.as_str());
        known.insert(fold(&e.name));
    }
    let mut fields: Vec<(Holder, &str)> = Vec::new();
    for (i, e) in ws.elements.iter().enumerate() {
        if let Some(t) = &e.team {
            fields.push((Holder::Element(i), t));
        }
    }
    for (i, h) in ws.handoffs.iter().enumerate() {
        if let Some(o) = &h.owner {
            fields.push((Holder::Handoff(i, "owner"), o));
        }
        if let Some(g) = &h.gate {
            fields.push((Holder::Handoff(i, "gate"), g));
        }
    }
    for (i, m) in ws.metrics.iter().enumerate() {
        if let Some(o) = &m.owner {
            fields.push((Holder::Metric(i), o));
        }
    }
    let mut order: Vec<Unknown> = Vec::new();
    let mut at: FxHashMap<String, usize> = FxHashMap::default();
    for (holder, value) in fields {
        if value.trim().is_empty() || ids.contains(value.trim()) {
            continue;
        }
        let key = fold(value);
        if known.contains(&key) {
            continue;
        }
        let i = *at.entry(key).or_insert_with(|| {
            order.push(Unknown {
                value: value.trim(),
                holders: Vec::new(),
            });
            order.len() - 1
        });
        order[i].holders.push((holder, value));
    }
    for u in order {
        out.push(finding(ix, u));
    }
}

/// The subject and field name of a holder.
fn subject_of(ix: &Index, holder: Holder) -> (Subject, &'static str) {
    match holder {
        Holder::Element(i) => (Subject::element(ix.ws.elements[i].id.as_str()), "team"),
        Holder::Handoff(i, field) => (Subject::handoff(ix.ws.handoffs[i].id.as_str()), field),
        Holder::Metric(i) => (Subject::metric(ix.ws.metrics[i].id.as_str()), "owner"),
    }
}

/// How a message names one field holding the value: "the team of Signup page".
fn phrase(ix: &Index, holder: Holder) -> String {
    match holder {
        Holder::Element(i) => cat(&["the team of ", name(&ix.ws.elements[i])]),
        Holder::Handoff(i, field) => {
            let h = &ix.ws.handoffs[i];
            let (from, to) = (ix.name_of(h.from.as_str()), ix.name_of(h.to.as_str()));
            cat(&["the ", field, " of the handoff from ", from, " to ", to])
        }
        Holder::Metric(i) => {
            let m = &ix.ws.metrics[i];
            let n = m.name.trim();
            cat(&[
                "the owner of the metric ",
                if n.is_empty() { m.id.as_str() } else { n },
            ])
        }
    }
}

/// Phrases shown in a sentence before the rest are counted.
const SHOWN: usize = 3;

fn finding(ix: &Index, u: Unknown) -> Finding {
    let quoted = cat(&["\"", u.value, "\""]);
    // Only the phrases the sentence shows are written; the rest are counted.
    let mut shown: Vec<String> = u
        .holders
        .iter()
        .take(SHOWN)
        .map(|(h, _)| phrase(ix, *h))
        .collect();
    shown.extend(std::iter::repeat_n(
        String::new(),
        u.holders.len() - shown.len(),
    ));
    let refs: Vec<&str> = shown.iter().map(String::as_str).collect();
    let mut subjects: Vec<Subject> = Vec::with_capacity(u.holders.len());
    let mut evidence = Vec::with_capacity(u.holders.len());
    for (holder, value) in &u.holders {
        let (subject, field) = subject_of(ix, *holder);
        // A handoff holding the value as owner and as gate is one subject.
        if subjects.last() != Some(&subject) {
            subjects.push(subject.clone());
        }
        evidence.push(
            Evidence::value(subject, field, *value).noted("names no team, person or partner"),
        );
    }
    Finding::new(
        RuleCode::UnknownOwner,
        fold(u.value),
        subjects,
        cat(&[
            &quoted,
            " is named as ",
            &names(&refs, SHOWN),
            ", but no team, person or partner in the workspace is called that, so nobody can tell who answers for it.",
        ]),
        evidence,
        cat(&[
            "Pick the team, person or partner meant in each of these fields, or add a team, person or partner named ",
            &quoted,
            " if the map is missing them.",
        ]),
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::{RuleCode, audit};

    fn workspace(owner: &str) -> throughline_model::Workspace {
        serde_json::from_value(serde_json::json!({
            "workspace": {"name": "Help"},
            "stages": [{"id": "use", "name": "Use"}],
            "elements": [
                {"id": "care", "kind": "team", "name": "Customer care"},
                {"id": "help", "kind": "touchpoint", "name": "Help centre", "channel": "web", "stages": ["use"]}
            ],
            "handoffs": [],
            "metrics": [{"id": "csat", "name": "Help satisfaction", "kind": "sentiment", "min": 1, "max": 5,
                "direction": "higher", "scope": "element:help", "leading": true, "owner": owner}]
        }))
        .unwrap()
    }

    #[test]
    fn a_metric_owner_naming_nobody_is_flagged_with_the_metric_as_subject() {
        let report = audit(&workspace("Insights guild"));
        let found: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code == RuleCode::UnknownOwner)
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, "insights guild");
        assert_eq!(found[0].subjects[0].id, "csat");
        assert_eq!(
            found[0].message,
            "\"Insights guild\" is named as the owner of the metric Help satisfaction, but no team, person or partner in the workspace is called that, so nobody can tell who answers for it."
        );
        assert_eq!(found[0].severity, crate::Severity::Info);
    }

    #[test]
    fn a_metric_owner_naming_a_team_in_another_case_is_not() {
        let report = audit(&workspace("CUSTOMER CARE"));
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.code != RuleCode::UnknownOwner)
        );
    }
}
