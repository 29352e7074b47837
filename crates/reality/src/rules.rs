//! The five reality rules: what the replay observed, turned into audit findings.
//! Thresholds and wording are explained in `docs/rules.md` ("Reality rules").

use rustc_hash::FxHashMap;
use throughline_audit::{Evidence, Finding, RuleCode, Severity, Subject};
use throughline_model::{Handoff, Trigger, Workspace};

use crate::mapping::ElementLookup;
use crate::observed::{ExampleCase, Observed, PairStat};

/// A pair must be seen in at least this many cases to be a shadow handoff.
pub const SHADOW_MIN_CASES: u64 = 5;
/// A shadow handoff seen in at least this percentage of all cases is an error.
pub const SHADOW_ERROR_PERCENT: u64 = 10;
/// A latency target is judged once a handoff has at least this many transitions.
pub const LATENCY_MIN_TRANSITIONS: u64 = 5;
/// Rework needs at least this many cases that come back to the element...
pub const REWORK_MIN_CASES: u64 = 5;
/// ...and at least this percentage of the cases that visit it.
pub const REWORK_PERCENT: u64 = 10;
/// A hero appears in at least this percentage of all cases...
pub const HERO_PERCENT: u64 = 50;
/// ...at this many distinct elements or more.
pub const HERO_MIN_ELEMENTS: usize = 3;

/// The modelled handoffs between two element positions, in file order.
pub(crate) fn handoffs_by_pair<'w>(
    ws: &'w Workspace,
    lookup: &ElementLookup<'_>,
) -> FxHashMap<(u32, u32), Vec<&'w Handoff>> {
    let mut map: FxHashMap<(u32, u32), Vec<&Handoff>> = FxHashMap::default();
    for h in &ws.handoffs {
        if let (Some(a), Some(b)) = (lookup.find(h.from.as_str()), lookup.find(h.to.as_str())) {
            map.entry((a, b)).or_default().push(h);
        }
    }
    map
}

/// `part` is at least `percent` % of `whole`, in exact integer arithmetic.
fn at_least_percent(part: u64, whole: u64, percent: u64) -> bool {
    part * 100 >= whole * percent
}

fn pct(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0%".into();
    }
    format!("{:.0}%", part as f64 * 100.0 / whole as f64)
}

fn h(v: Option<f64>) -> String {
    v.map_or_else(|| "unknown".into(), |v| format!("{v:.1} h"))
}

/// Every reality finding for what was observed, each with the example cases that show it
/// (none for an unused handoff, or when only an aggregate was given).
pub(crate) fn findings<'o>(
    ws: &Workspace,
    lookup: &ElementLookup<'_>,
    obs: &'o Observed,
) -> Vec<(Finding, &'o [ExampleCase])> {
    let modelled = handoffs_by_pair(ws, lookup);
    let mut out: Vec<(Finding, &'o [ExampleCase])> = Vec::new();
    for p in &obs.pairs {
        match modelled.get(&(p.from, p.to)) {
            None => out.extend(shadow(lookup, obs, p).map(|f| (f, p.examples.as_slice()))),
            Some(hs) => {
                for h in hs {
                    out.extend(latency(lookup, h, p).map(|f| (f, p.examples.as_slice())));
                }
            }
        }
    }
    let observed: FxHashMap<(u32, u32), ()> =
        obs.pairs.iter().map(|p| ((p.from, p.to), ())).collect();
    for h in &ws.handoffs {
        out.extend(unused(h, lookup, obs, &observed).map(|f| (f, &[] as &[ExampleCase])));
    }
    if let Some(revisits) = &obs.revisits {
        for (el, r) in revisits.iter().enumerate() {
            if r.repeated >= REWORK_MIN_CASES
                && at_least_percent(r.repeated, r.cases, REWORK_PERCENT)
            {
                let id = lookup.id(el as u32);
                let name = lookup.name(el as u32);
                out.push((Finding::new(
                    RuleCode::ReworkLoop,
                    id,
                    vec![Subject::element(id)],
                    format!(
                        "{} of the {} cases that reach \"{name}\" come back to it: the same work is done again",
                        r.repeated, r.cases
                    ),
                    vec![
                        Evidence::value(Subject::element(id), "cases visiting", r.cases.to_string()),
                        Evidence::value(Subject::element(id), "cases visiting more than once", format!("{} ({})", r.repeated, pct(r.repeated, r.cases))),
                        Evidence::value(Subject::element(id), "most visits in one case", r.most.to_string()),
                        Evidence::value(Subject::element(id), "example cases", ExampleCase::names(&r.examples)),
                    ],
                    format!("Look at the example cases to see what sends work back to \"{name}\" (missing information, a failed check, a customer chasing) and fix that cause upstream; make the handoff into \"{name}\" carry what it needs the first time."),
                ), r.examples.as_slice()));
            }
        }
    }
    if let Some(resources) = &obs.resources {
        for r in resources {
            if obs.cases > 0
                && at_least_percent(r.cases, obs.cases, HERO_PERCENT)
                && r.elements.len() >= HERO_MIN_ELEMENTS
            {
                let ids: Vec<&str> = r.elements.iter().map(|&e| lookup.id(e)).collect();
                out.push((Finding::new(
                    RuleCode::ActualSinglePoint,
                    r.name.clone(),
                    ids.iter().map(|id| Subject::element(id)).collect(),
                    format!(
                        "\"{}\" works on {} of {} cases ({}) across {} elements: the journey depends on one person or system the map does not show",
                        r.name, r.cases, obs.cases, pct(r.cases, obs.cases), ids.len()
                    ),
                    ids.iter()
                        .map(|id| Evidence::value(Subject::element(id), "resource in the log", r.name.clone()))
                        .collect(),
                    format!("Find out why the work runs through \"{}\"; share that knowledge, give the elements their own owners or a backup, and record the dependency in the map until it is gone.", r.name),
                ), r.examples.as_slice()));
            }
        }
    }
    out
}

fn shadow(lookup: &ElementLookup<'_>, obs: &Observed, p: &PairStat) -> Option<Finding> {
    if p.cases < SHADOW_MIN_CASES {
        return None;
    }
    let (a, b) = (lookup.id(p.from), lookup.id(p.to));
    let (a_name, b_name) = (lookup.name(p.from), lookup.name(p.to));
    let severity = if at_least_percent(p.cases, obs.cases, SHADOW_ERROR_PERCENT) {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut evidence = vec![
        Evidence::value(Subject::element(a), "observed next step", b_name)
            .noted("no handoff in the map"),
        Evidence::value(
            Subject::element(a),
            "cases",
            format!("{} of {} ({})", p.cases, obs.cases, pct(p.cases, obs.cases)),
        ),
        Evidence::value(
            Subject::element(a),
            "transitions",
            p.transitions.to_string(),
        ),
        Evidence::value(
            Subject::element(a),
            "elapsed p50 / p90",
            format!("{} / {}", h(p.p50), h(p.p90)),
        ),
    ];
    if !p.examples.is_empty() {
        evidence.push(Evidence::value(
            Subject::element(a),
            "example cases",
            ExampleCase::names(&p.examples),
        ));
    }
    Some(
        Finding::new(
            RuleCode::ShadowHandoff,
            format!("{a}>{b}"),
            vec![Subject::element(a), Subject::element(b)],
            format!("Work passes from \"{a_name}\" to \"{b_name}\" in {} cases, but the map has no handoff between them: it runs outside the official graph", p.cases),
            evidence,
            format!("If this is how the work really goes, add a handoff from \"{a_name}\" to \"{b_name}\" with an owner, what it carries and how fast it must arrive; if it should not happen, find out who sends the work this way and stop it."),
        )
        .with_severity(severity),
    )
}

fn latency(lookup: &ElementLookup<'_>, hf: &Handoff, p: &PairStat) -> Option<Finding> {
    let target = f64::from(hf.latency_hours?);
    if p.transitions < LATENCY_MIN_TRANSITIONS {
        return None;
    }
    let over = |v: Option<f64>| v.is_some_and(|v| v > target);
    let (severity, which) = if over(p.p50) {
        (Severity::Error, "half of them take longer")
    } else if over(p.p90) {
        (Severity::Warning, "the slowest tenth take longer")
    } else {
        return None;
    };
    let id = hf.id.as_str();
    let (from, to) = (
        lookup.name_of(hf.from.as_str()),
        lookup.name_of(hf.to.as_str()),
    );
    // A target of 0 hours is the map's way of saying "at once".
    let promise = if target > 0.0 {
        format!("within {target} h")
    } else {
        "at once".to_string()
    };
    Some(
        Finding::new(
            RuleCode::LatencyBreach,
            id,
            vec![Subject::handoff(id), Subject::element(hf.from.as_str()), Subject::element(hf.to.as_str())],
            format!("The handoff from \"{from}\" to \"{to}\" should arrive {promise}, but {which}: p50 {}, p90 {} over {} transitions", h(p.p50), h(p.p90), p.transitions),
            vec![
                Evidence::value(Subject::handoff(id), "latency_hours", format!("{target}")).noted("target"),
                Evidence::value(Subject::handoff(id), "observed p50", h(p.p50)),
                Evidence::value(Subject::handoff(id), "observed p90", h(p.p90)),
                Evidence::value(Subject::handoff(id), "observed max", h(p.max)),
                Evidence::value(Subject::handoff(id), "transitions", p.transitions.to_string()),
            ],
            format!("Find where the time goes between \"{from}\" and \"{to}\" (a queue, a manual step, a batch job) and shorten it, or agree a target the owner can keep and record it."),
        )
        .with_severity(severity),
    )
}

fn unused(
    hf: &Handoff,
    lookup: &ElementLookup<'_>,
    obs: &Observed,
    observed: &FxHashMap<(u32, u32), ()>,
) -> Option<Finding> {
    if hf.trigger != Trigger::Always {
        return None;
    }
    let a = lookup.find(hf.from.as_str())?;
    let b = lookup.find(hf.to.as_str())?;
    let seen = |e: u32| obs.seen.get(e as usize).copied().unwrap_or(false);
    if !seen(a) || !seen(b) || observed.contains_key(&(a, b)) {
        return None;
    }
    let id = hf.id.as_str();
    let (from, to) = (hf.from.as_str(), hf.to.as_str());
    let (from_name, to_name) = (lookup.name(a), lookup.name(b));
    Some(Finding::new(
        RuleCode::UnusedHandoff,
        id,
        vec![Subject::handoff(id), Subject::element(from), Subject::element(to)],
        format!("The handoff from \"{from_name}\" to \"{to_name}\" always fires in the map, and both ends appear in the log, but no case ever goes directly from one to the other"),
        vec![
            Evidence::value(Subject::handoff(id), "trigger", "always"),
            Evidence::value(Subject::element(from), "in the log", "yes"),
            Evidence::value(Subject::element(to), "in the log", "yes"),
            Evidence::absent(Subject::handoff(id), "observed transitions", "none"),
        ],
        "Check whether the handoff happens in a system the log does not cover; if it does not happen at all, remove it from the map or give it the trigger it really has.".to_string(),
    ))
}
