//! Rules about signals: elements that read one signal differently, and outbound elements
//! that all react to one signal with no shared rule between them.

use throughline_model::ElementKind;

use crate::finding::{Evidence, Finding, RuleCode};
use crate::fxhash::FxHashMap;
use crate::index::{Index, is_outbound, list, subject};

/// Who interprets each signal: signal -> (element position, intent), elements in order.
fn readers<'a>(ix: &Index<'a>) -> Vec<(&'a str, Vec<(u32, &'a str)>)> {
    let mut by_signal: FxHashMap<&'a str, Vec<(u32, &'a str)>> = FxHashMap::default();
    for (pos, e) in ix.ws.elements.iter().enumerate() {
        for (signal, intent) in &e.interprets {
            by_signal
                .entry(signal.as_str())
                .or_default()
                .push((pos as u32, intent.as_str()));
        }
    }
    let mut shared: Vec<_> = by_signal.into_iter().filter(|(_, r)| r.len() > 1).collect();
    shared.sort_unstable_by(|a, b| a.0.cmp(b.0));
    shared
}

/// Both signal rules, sharing one pass over the elements.
pub(crate) fn check(ix: &Index, out: &mut Vec<Finding>) {
    let covering = rules_covering(ix);
    for (signal, mut readers) in readers(ix) {
        readers.sort_by(|a, b| ix.element(a.0).id.cmp(&ix.element(b.0).id));
        signal_conflict(ix, signal, &readers, out);
        uncoordinated(ix, signal, &readers, &covering, out);
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
    out.push(Finding::new(
        RuleCode::SignalConflict,
        signal,
        readers.iter().map(|(p, _)| subject(ix.element(*p))).collect(),
        format!(
            "{} elements read the signal \"{signal}\" as {} different intents ({}).",
            readers.len(),
            intents.len(),
            list(&intents)
        ),
        readers
            .iter()
            .map(|(p, intent)| Evidence::value(subject(ix.element(*p)), &field, *intent))
            .collect(),
        format!(
            "Agree what \"{signal}\" means, write it down once (for instance in a governance system), and make every reader interpret it that way."
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
    let ids: Vec<&str> = outbound
        .iter()
        .map(|p| ix.element(*p).id.as_str())
        .collect();
    let field = format!("interprets.{signal}");
    out.push(Finding::new(
        RuleCode::UncoordinatedSignal,
        signal,
        outbound.iter().map(|p| subject(ix.element(*p))).collect(),
        format!(
            "{} outbound elements react to \"{signal}\" and no rule covers them all, so the customer may hear from every one of them at once.",
            outbound.len()
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
            "Add a rule element (suppression or priority) that covers {}, or extend an existing rule to cover them all.",
            list(&ids)
        ),
    ));
}
