//! Rules about signals: elements that read one signal differently, and outbound elements
//! that all react to one signal with no shared rule between them.

use throughline_model::ElementKind;

use crate::finding::{Evidence, Finding, RuleCode};
use crate::fxhash::FxHashMap;
use crate::index::{Index, is_outbound, list, name, names, subject};

/// How many readers a message names before counting the rest (the subjects list them all).
const NAMES_SHOWN: usize = 5;

/// Who interprets each signal, grouped without a vector per signal: every reading goes
/// into one array, bucketed by signal afterwards (a counting sort).
struct Readers<'a> {
    /// The signals read by more than one element, sorted by name, with the range of their
    /// readers in `readers`.
    shared: Vec<(&'a str, std::ops::Range<usize>)>,
    /// (element position, intent), bucketed by signal, elements in order within a bucket.
    readers: Vec<(u32, &'a str)>,
}

fn readers<'a>(ix: &Index<'a>) -> Readers<'a> {
    let mut group_of: FxHashMap<&'a str, u32> = FxHashMap::default();
    let mut names: Vec<&'a str> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut readings: Vec<(u32, u32, &'a str)> = Vec::with_capacity(ix.ws.elements.len());
    for (pos, e) in ix.ws.elements.iter().enumerate() {
        for (signal, intent) in &e.interprets {
            let g = *group_of.entry(signal.as_str()).or_insert_with(|| {
                names.push(signal.as_str());
                counts.push(0);
                names.len() as u32 - 1
            });
            counts[g as usize] += 1;
            readings.push((g, pos as u32, intent.as_str()));
        }
    }
    let mut start = Vec::with_capacity(counts.len());
    let mut sum = 0;
    for c in &counts {
        start.push(sum);
        sum += c;
    }
    let mut cursor = start.clone();
    let mut readers = vec![(0u32, ""); readings.len()];
    for (g, pos, intent) in readings {
        readers[cursor[g as usize]] = (pos, intent);
        cursor[g as usize] += 1;
    }
    let mut shared: Vec<(&'a str, std::ops::Range<usize>)> = names
        .iter()
        .enumerate()
        .filter(|(g, _)| counts[*g] > 1)
        .map(|(g, name)| (*name, start[g]..start[g] + counts[g]))
        .collect();
    shared.sort_unstable_by(|a, b| a.0.cmp(b.0));
    Readers { shared, readers }
}

/// Both signal rules, sharing one pass over the elements.
pub(crate) fn check(ix: &Index, out: &mut Vec<Finding>) {
    let covering = rules_covering(ix);
    let Readers {
        shared,
        mut readers,
    } = readers(ix);
    for (signal, range) in shared {
        let readers = &mut readers[range];
        readers.sort_by(|a, b| ix.element(a.0).id.cmp(&ix.element(b.0).id));
        signal_conflict(ix, signal, readers, out);
        uncoordinated(ix, signal, readers, &covering, out);
    }
}

/// `signal-conflict`: the readers of `signal` do not agree on its intent.
fn signal_conflict(ix: &Index, signal: &str, readers: &[(u32, &str)], out: &mut Vec<Finding>) {
    let mut intents: Vec<&str> = Vec::new();
    for (_, intent) in readers {
        let intent = intent.trim();
        if !intents.iter().any(|i| i.eq_ignore_ascii_case(intent)) {
            intents.push(intent);
        }
    }
    if intents.len() < 2 {
        return;
    }
    let field = format!("interprets.{signal}");
    let who: Vec<&str> = readers.iter().map(|(p, _)| name(ix.element(*p))).collect();
    out.push(Finding::new(
        RuleCode::SignalConflict,
        signal,
        readers.iter().map(|(p, _)| subject(ix.element(*p))).collect(),
        format!(
            "{} read the signal \"{signal}\" in {} different ways ({}).",
            names(&who, NAMES_SHOWN),
            intents.len(),
            list(&intents)
        ),
        readers
            .iter()
            .map(|(p, intent)| Evidence::value(subject(ix.element(*p)), &field, *intent))
            .collect(),
        format!(
            "Agree what \"{signal}\" means, write it down once (for instance in a governance system), and have every element that reads it follow that meaning."
        ),
    ));
}

/// For each element, the positions of the rule elements that cover it.
fn rules_covering(ix: &Index) -> FxHashMap<u32, Vec<u32>> {
    let mut covering: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (pos, e) in ix.ws.elements.iter().enumerate() {
        if e.kind != ElementKind::Rule {
            continue;
        }
        for c in &e.covers {
            if let Some(target) = ix.element_pos(c.as_str()) {
                covering.entry(target).or_default().push(pos as u32);
            }
        }
    }
    covering
}

/// `uncoordinated-signal`: outbound readers of `signal` that no single rule covers.
fn uncoordinated(
    ix: &Index,
    signal: &str,
    readers: &[(u32, &str)],
    covering: &FxHashMap<u32, Vec<u32>>,
    out: &mut Vec<Finding>,
) {
    let outbound: Vec<u32> = readers
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| is_outbound(ix.element(*p)))
        .collect();
    let Some(first) = outbound.first() else {
        return;
    };
    if outbound.len() < 2 {
        return;
    }
    let none = Vec::new();
    let covers_all = covering.get(first).unwrap_or(&none).iter().any(|rule| {
        outbound
            .iter()
            .all(|p| covering.get(p).is_some_and(|rs| rs.contains(rule)))
    });
    if covers_all {
        return;
    }
    let who: Vec<&str> = outbound.iter().map(|p| name(ix.element(*p))).collect();
    let field = format!("interprets.{signal}");
    out.push(Finding::new(
        RuleCode::UncoordinatedSignal,
        signal,
        outbound.iter().map(|p| subject(ix.element(*p))).collect(),
        format!(
            "{} all react to \"{signal}\" and no single rule covers them, so the customer may hear from every one of them at once.",
            names(&who, NAMES_SHOWN)
        ),
        outbound
            .iter()
            .map(|p| {
                let e = ix.element(*p);
                let intent = e.interprets.get(signal).map_or("", String::as_str);
                Evidence::value(subject(e), &field, intent).noted("outbound")
            })
            .collect(),
        format!(
            "Add a suppression or priority rule that covers {}, or extend an existing rule to cover them all.",
            names(&who, usize::MAX)
        ),
    ));
}
