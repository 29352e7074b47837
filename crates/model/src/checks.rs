//! The rules one entity must satisfy, given a way to look up the rest of the workspace.
//!
//! Each rule is written once, here. [`validate`](crate::validate) runs them over a whole
//! document; the store runs the same functions over only the entities an edit changed,
//! answering [`Lookup`] with indexed queries. Rules about a whole collection (an id listed
//! twice) stay in `validate`: in the store, a table's key makes them impossible.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::validate::{At, Validator, is_timestamp};
use crate::{
    Element, Handoff, LayerScore, Metric, MetricScope, Principle, Problem, ReadinessSession,
    Reading, Review, Stage, Waiver, WorkspaceInfo,
};

/// What the rules of one entity need to know about the others.
pub trait Lookup {
    /// Whether a stage with this id exists.
    fn has_stage(&self, id: &str) -> bool;
    /// Whether an element with this id exists.
    fn has_element(&self, id: &str) -> bool;
    /// The scale `(min, max)` of the metric with this id, or `None` if there is none.
    fn metric_scale(&self, id: &str) -> Option<(f64, f64)>;
    /// Whether a readiness session with this id exists.
    fn has_session(&self, id: &str) -> bool;
}

/// The problems of the workspace's info.
pub fn check_info(info: &WorkspaceInfo) -> Vec<Problem> {
    run(|v| self::info(v, info))
}

/// The problems of the stage at `index`.
pub fn check_stage(index: usize, s: &Stage) -> Vec<Problem> {
    run(|v| stage(v, index, s))
}

/// The problems of the element at `index`, its aliases aside ([`check_aliases`]).
pub fn check_element(index: usize, e: &Element, lookup: &dyn Lookup) -> Vec<Problem> {
    run(|v| element(v, index, e, lookup))
}

/// The problems of the handoff at `index`.
pub fn check_handoff(index: usize, h: &Handoff, lookup: &dyn Lookup) -> Vec<Problem> {
    run(|v| handoff(v, index, h, lookup))
}

/// The problems of the principle at `index`.
pub fn check_principle(index: usize, p: &Principle) -> Vec<Problem> {
    run(|v| principle(v, index, p))
}

/// The problems of the readiness session at `index`.
pub fn check_session(index: usize, s: &ReadinessSession) -> Vec<Problem> {
    run(|v| session(v, index, s))
}

/// The problems of the layer score at `index`.
pub fn check_layer_score(index: usize, l: &LayerScore, lookup: &dyn Lookup) -> Vec<Problem> {
    run(|v| layer_score(v, index, l, lookup))
}

/// The problems of the waiver at `index`.
pub fn check_waiver(index: usize, w: &Waiver) -> Vec<Problem> {
    run(|v| waiver(v, index, w))
}

/// The problems of the metric at `index`.
pub fn check_metric(index: usize, m: &Metric, lookup: &dyn Lookup) -> Vec<Problem> {
    run(|v| metric(v, index, m, lookup))
}

/// The problems of the reading at `index`.
pub fn check_reading(index: usize, r: &Reading, lookup: &dyn Lookup) -> Vec<Problem> {
    run(|v| reading(v, index, r, lookup))
}

/// The problems of the review at `index`.
pub fn check_review(index: usize, r: &Review, lookup: &dyn Lookup) -> Vec<Problem> {
    run(|v| review(v, index, r, lookup))
}

/// The alias rule over `elements` (each with its index, in document order): no two
/// elements may share a name or alias, ignoring case. Given every element that bears one
/// of a set of names, it reports exactly the whole document's problems about those names.
pub fn check_aliases<'a>(elements: impl IntoIterator<Item = (usize, &'a Element)>) -> Vec<Problem> {
    run(|v| aliases(v, elements))
}

/// The form under which names and aliases are compared.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn run(rule: impl FnOnce(&mut Validator)) -> Vec<Problem> {
    let mut v = Validator::default();
    rule(&mut v);
    v.problems
}

pub(crate) fn info(v: &mut Validator, info: &WorkspaceInfo) {
    v.name("workspace.name", &info.name);
    v.text("workspace.vision", &info.vision);
    v.keys("workspace.journey_state", &info.journey_state);
}

pub(crate) fn stage(v: &mut Validator, i: usize, s: &Stage) {
    v.name(format_args!("stages[{i}].name"), &s.name);
    v.text(format_args!("stages[{i}].moment"), &s.moment);
}

pub(crate) fn element(v: &mut Validator, i: usize, e: &Element, lookup: &dyn Lookup) {
    let at = At("elements", i);
    v.name(format_args!("{at}.name"), &e.name);
    v.text(format_args!("{at}.description"), &e.description);
    for (field, value) in [("channel", &e.channel), ("team", &e.team)] {
        if let Some(value) = value {
            v.name(format_args!("{at}.{field}"), value);
        }
    }
    for (j, s) in e.stages.iter().enumerate() {
        if !lookup.has_stage(s.as_str()) {
            v.push(format!("{at}.stages[{j}]"), format!("no stage \"{s}\""));
        }
    }
    for (j, c) in e.covers.iter().enumerate() {
        if !lookup.has_element(c.as_str()) {
            v.push(format!("{at}.covers[{j}]"), format!("no element \"{c}\""));
        } else if *c == e.id {
            v.push(
                format!("{at}.covers[{j}]"),
                "a rule cannot cover itself".to_string(),
            );
        }
    }
    for (key, value) in &e.claims {
        v.key(format_args!("{at}.claims"), key);
        v.text(format_args!("{at}.claims.{key}"), value);
    }
    v.keys(format_args!("{at}.needs"), &e.needs);
    for (signal, intent) in &e.interprets {
        v.key(format_args!("{at}.interprets"), signal);
        v.name(format_args!("{at}.interprets.{signal}"), intent);
    }
    v.keys(format_args!("{at}.tags"), &e.tags);
    for (j, alias) in e.aliases.iter().enumerate() {
        v.name(format_args!("{at}.aliases[{j}]"), alias);
    }
}

/// An alias must name one element only: no two elements may share a name or alias
/// (ignoring case), or a log's activity would map to either.
pub(crate) fn aliases<'a>(
    v: &mut Validator,
    elements: impl IntoIterator<Item = (usize, &'a Element)>,
) {
    let elements: Vec<(usize, &Element)> = elements.into_iter().collect();
    let mut names: FxHashMap<String, &str> = FxHashMap::default();
    for (_, e) in &elements {
        names.entry(name_key(&e.name)).or_insert(e.id.as_str());
    }
    for (i, e) in &elements {
        let mut own = FxHashSet::default();
        for (j, alias) in e.aliases.iter().enumerate() {
            let lower = name_key(alias);
            if !own.insert(lower.clone()) {
                v.push(
                    format!("elements[{i}].aliases[{j}]"),
                    format!("\"{alias}\" is listed twice"),
                );
                continue;
            }
            match names.get(&lower) {
                Some(other) if *other != e.id.as_str() => v.push(
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

pub(crate) fn handoff(v: &mut Validator, i: usize, h: &Handoff, lookup: &dyn Lookup) {
    let at = At("handoffs", i);
    for (field, id) in [("from", &h.from), ("to", &h.to)] {
        if !lookup.has_element(id.as_str()) {
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
        && !lookup.has_element(sot.as_str())
    {
        v.push(
            format!("{at}.source_of_truth"),
            format!("no element \"{sot}\""),
        );
    }
    v.keys(format_args!("{at}.carries"), &h.carries);
    v.keys(format_args!("{at}.invariant"), &h.invariant);
    v.keys(format_args!("{at}.may_vary"), &h.may_vary);
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
            v.name(format_args!("{at}.{field}"), value);
        }
    }
}

pub(crate) fn principle(v: &mut Validator, i: usize, p: &Principle) {
    if p.text.trim().is_empty() {
        v.push(
            format!("principles[{i}].text"),
            "a principle needs some text".into(),
        );
    }
    v.text(format_args!("principles[{i}].text"), &p.text);
}

pub(crate) fn session(v: &mut Validator, i: usize, s: &ReadinessSession) {
    let at = At("readiness", i);
    v.name(format_args!("{at}.name"), &s.name);
    v.date(format_args!("{at}.date"), &s.date);
    if let Some(note) = &s.note {
        v.text(format_args!("{at}.note"), note);
    }
    let mut names = FxHashSet::default();
    for (j, r) in s.raters.iter().enumerate() {
        v.name(format_args!("{at}.raters[{j}].name"), &r.name);
        if !names.insert(r.name.trim().to_lowercase()) {
            v.push(
                format!("{at}.raters[{j}].name"),
                format!("rater \"{}\" appears twice in this session", r.name),
            );
        }
        if let Some(note) = &r.note {
            v.text(format_args!("{at}.raters[{j}].note"), note);
        }
    }
}

pub(crate) fn layer_score(v: &mut Validator, i: usize, l: &LayerScore, lookup: &dyn Lookup) {
    v.date(format_args!("layer_scores[{i}].date"), &l.date);
    if let Some(session) = &l.session
        && !lookup.has_session(session.as_str())
    {
        v.push(
            format!("layer_scores[{i}].session"),
            format!("no readiness session \"{session}\"; pick one of the workspace's sessions"),
        );
    }
}

pub(crate) fn waiver(v: &mut Validator, i: usize, w: &Waiver) {
    let at = At("waivers", i);
    v.key(format_args!("{at}.code"), &w.code);
    v.name(format_args!("{at}.subject"), &w.subject);
    v.name(format_args!("{at}.who"), &w.who);
    if w.reason.trim().is_empty() {
        v.push(format!("{at}.reason"), "a waiver needs a reason".into());
    }
    v.text(format_args!("{at}.reason"), &w.reason);
    if !is_timestamp(&w.when) {
        v.push(
            format!("{at}.when"),
            format!(
                "\"{}\" is not a time written like 2026-11-21T14:05:00Z",
                crate::validate::preview(&w.when)
            ),
        );
    }
    if let Some(review) = &w.review {
        v.date(format_args!("{at}.review"), review);
    }
}

pub(crate) fn metric(v: &mut Validator, i: usize, m: &Metric, lookup: &dyn Lookup) {
    let at = At("metrics", i);
    v.name(format_args!("{at}.name"), &m.name);
    if !m.min.is_finite() || !m.max.is_finite() || m.min >= m.max {
        v.push(
            format!("{at}.max"),
            format!(
                "the scale runs from {} to {}; its top must be above its bottom",
                m.min, m.max
            ),
        );
    } else if let Some(target) = m.target
        && !(m.min..=m.max).contains(&target)
    {
        v.push(
            format!("{at}.target"),
            format!("{target} is outside the scale {} to {}", m.min, m.max),
        );
    }
    if let Some(owner) = &m.owner {
        v.name(format_args!("{at}.owner"), owner);
    }
    match &m.scope {
        MetricScope::Journey => {}
        MetricScope::Stage(id) if !lookup.has_stage(id.as_str()) => {
            v.push(format!("{at}.scope"), format!("no stage \"{id}\""));
        }
        MetricScope::Element(id) if !lookup.has_element(id.as_str()) => {
            v.push(format!("{at}.scope"), format!("no element \"{id}\""));
        }
        _ => {}
    }
}

pub(crate) fn reading(v: &mut Validator, i: usize, r: &Reading, lookup: &dyn Lookup) {
    // Paths are written only for a reading that has a problem: a workspace can hold a
    // hundred thousand readings.
    let at = || format!("readings[{i}]");
    if !crate::validate::is_iso_date(&r.date) {
        v.date(format_args!("{}.date", at()), &r.date);
    }
    match lookup.metric_scale(r.metric.as_str()) {
        None => v.push(
            format!("{}.metric", at()),
            format!("no metric \"{}\"", r.metric),
        ),
        Some((min, max)) if min < max && !(min..=max).contains(&r.value) => v.push(
            format!("{}.value", at()),
            format!("{} is outside the scale {min} to {max}", r.value),
        ),
        Some(_) => {}
    }
    if !r.value.is_finite() {
        v.push(
            format!("{}.value", at()),
            "a reading must be a number".into(),
        );
    }
}

pub(crate) fn review(v: &mut Validator, i: usize, r: &Review, lookup: &dyn Lookup) {
    let at = At("reviews", i);
    v.date(format_args!("{at}.date"), &r.date);
    for (j, who) in r.attendees.iter().enumerate() {
        v.name(format_args!("{at}.attendees[{j}]"), who);
    }
    v.text(format_args!("{at}.decisions"), &r.decisions);
    v.keys(format_args!("{at}.findings"), &r.findings);
    if let Some(session) = &r.session
        && !lookup.has_session(session.as_str())
    {
        v.push(
            format!("{at}.session"),
            format!("no readiness session \"{session}\""),
        );
    }
}
