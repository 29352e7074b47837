//! Rules about what a single handoff carries: conflicting claims, ownership, retyped
//! invariants, and context a receiver needs but never gets.

use throughline_model::{Handoff, HandoffMode};

use crate::claims::{Claims, fingerprint};
use crate::finding::{Evidence, Finding, RuleCode, Subject};
use crate::index::{Index, cat, list, subject};

/// `conflicting-claim` for handoff `i`: its two ends, or an end and the source of truth,
/// state different values for a key that must not vary.
pub(crate) fn conflicting_claim(ix: &Index, claims: &Claims, i: usize, out: &mut Vec<Finding>) {
    let (h, ends) = (ix.handoff(i as u32), &ix.ends[i]);
    let (Some((f, t)), false) = (ends, h.invariant.is_empty()) else {
        return;
    };
    let sot_pos = h
        .source_of_truth
        .as_ref()
        .and_then(|id| ix.element_pos(id.as_str()));
    let mut keys: Vec<&str> = Vec::new();
    let mut evidence = Vec::new();
    for key in &h.invariant {
        if keys.contains(&key.as_str()) {
            continue;
        }
        let print = fingerprint(key);
        let fv = claims.get(*f, key, print);
        let tv = claims.get(*t, key, print);
        let sv = sot_pos.and_then(|s| claims.get(s, key, print));
        let ends_differ = matches!((fv, tv), (Some(a), Some(b)) if a != b);
        let differs_from_truth =
            sv.is_some_and(|s| fv.is_some_and(|a| a != s) || tv.is_some_and(|b| b != s));
        if !(ends_differ || differs_from_truth) {
            continue;
        }
        keys.push(key);
        let (from, to) = (ix.element(*f), ix.element(*t));
        let sot = sot_pos.map(|p| ix.element(p));
        let field = cat(&["claims.", key]);
        if let Some(v) = fv {
            evidence.push(Evidence::value(subject(from), &field, v).noted("sending end"));
        }
        if let Some(v) = tv {
            evidence.push(Evidence::value(subject(to), &field, v).noted("receiving end"));
        }
        if let (Some(s), Some(v)) = (sot, sv) {
            evidence.push(Evidence::value(subject(s), &field, v).noted("source of truth"));
        }
    }
    if keys.is_empty() {
        return;
    }
    let (from, to) = (ix.element(*f), ix.element(*t));
    let sot = sot_pos.map(|p| ix.element(p));
    let mut subjects = vec![Subject::handoff(h.id.as_str()), subject(from), subject(to)];
    if let Some(s) = sot
        && s.id != from.id
        && s.id != to.id
    {
        subjects.push(subject(s));
    }
    let what = if keys.len() == 1 { "key" } else { "keys" };
    out.push(Finding::new(
        RuleCode::ConflictingClaim,
        h.id.as_str(),
        subjects,
        cat(&[
            "Handoff \"",
            h.id.as_str(),
            "\" from \"",
            from.id.as_str(),
            "\" to \"",
            to.id.as_str(),
            "\" must keep the ",
            what,
            " ",
            &list(&keys),
            " unchanged, but the values stated along it disagree.",
        ]),
        evidence,
        match sot {
            Some(s) => cat(&[
                "Make every end state the value that \"",
                s.id.as_str(),
                "\" (the source of truth) holds for ",
                &list(&keys),
                ", ideally by generating it from there.",
            ]),
            None => cat(&[
                "Agree one value for ",
                &list(&keys),
                ", name the element that owns it as the handoff's source of truth, and make both ends state it.",
            ]),
        },
    ));
}

/// `unowned-handoff` for handoff `i`: nobody is named as its owner.
pub(crate) fn unowned_handoff(ix: &Index, i: usize, out: &mut Vec<Finding>) {
    let h = ix.handoff(i as u32);
    if h.owner
        .as_deref()
        .is_some_and(|o| !o.chars().all(char::is_whitespace))
    {
        return;
    }
    out.push(Finding::new(
        RuleCode::UnownedHandoff,
        h.id.as_str(),
        vec![
            Subject::handoff(h.id.as_str()),
            Subject::element(h.from.as_str()),
            Subject::element(h.to.as_str()),
        ],
        cat(&[
            "Nobody owns handoff \"",
            h.id.as_str(),
            "\" from \"",
            h.from.as_str(),
            "\" to \"",
            h.to.as_str(),
            "\", so nobody answers for what it carries.",
        ]),
        vec![Evidence::absent(
            Subject::handoff(h.id.as_str()),
            "owner",
            "no owner named",
        )],
        "Name the team or person accountable for this handoff as its owner.".to_string(),
    ));
}

/// `typed-invariant` for handoff `i`: retyped by hand, it carries keys that must never vary.
pub(crate) fn typed_invariant(ix: &Index, i: usize, out: &mut Vec<Finding>) {
    let h = ix.handoff(i as u32);
    if h.mode != HandoffMode::Typed || h.invariant.is_empty() {
        return;
    }
    let keys: Vec<&str> = h.invariant.iter().map(String::as_str).collect();
    let me = Subject::handoff(h.id.as_str());
    out.push(Finding::new(
        RuleCode::TypedInvariant,
        h.id.as_str(),
        vec![me.clone()],
        cat(&[
            "Handoff \"",
            h.id.as_str(),
            "\" is retyped by hand although ",
            &list(&keys),
            " must never vary.",
        ]),
        vec![
            Evidence::value(me.clone(), "mode", "typed"),
            Evidence::value(me, "invariant", keys.join(", ")),
        ],
        "Generate or sync these keys from their source of truth instead of retyping them (mode generated or synced).".to_string(),
    ));
}

/// The keys of `needs` that the element does not claim and no handoff in `incoming` carries.
pub(crate) fn missing_context<'a>(
    needs: &'a [String],
    claims: &std::collections::BTreeMap<String, String>,
    mut carried: impl FnMut(&str) -> bool,
) -> Vec<&'a str> {
    let mut missing: Vec<&str> = Vec::new();
    for key in needs {
        if !claims.contains_key(key) && !carried(key) && !missing.contains(&key.as_str()) {
            missing.push(key);
        }
    }
    missing
}

/// Whether any of `handoffs` carries `key`.
fn any_carries<'a>(mut handoffs: impl Iterator<Item = &'a Handoff>, key: &str) -> bool {
    handoffs.any(|h| h.carries.iter().any(|c| c == key))
}

/// `lost-context`: an element needs a key it neither claims nor receives.
pub(crate) fn lost_context(ix: &Index, out: &mut Vec<Finding>) {
    for (pos, e) in ix.ws.elements.iter().enumerate() {
        if e.needs.is_empty() || !ix.is_canonical(pos as u32) {
            continue;
        }
        let missing = missing_context(&e.needs, &e.claims, |key| {
            any_carries(ix.incoming(pos as u32), key)
        });
        if missing.is_empty() {
            continue;
        }
        let incoming = ix.incoming(pos as u32).count();
        let what = if missing.len() == 1 { "key" } else { "keys" };
        out.push(Finding::new(
            RuleCode::LostContext,
            e.id.as_str(),
            vec![subject(e)],
            cat(&[
                "\"",
                e.id.as_str(),
                "\" needs the context ",
                what,
                " ",
                &list(&missing),
                ", but does not hold it and none of the ",
                &incoming.to_string(),
                " handoffs into it carries it.",
            ]),
            missing
                .iter()
                .map(|k| Evidence::value(subject(e), "needs", *k).noted("not received"))
                .collect(),
            cat(&[
                "Add ",
                &list(&missing),
                " to what a handoff into \"",
                e.id.as_str(),
                "\" carries, from the element that holds it.",
            ]),
        ));
    }
}
