//! Rules about what a single handoff carries: conflicting claims, ownership, retyped
//! invariants, and context a receiver needs but never gets.

use throughline_model::{Handoff, HandoffMode};

use crate::claims::{Claims, fingerprint};
use crate::finding::{Evidence, Finding, RuleCode, Subject};
use crate::index::{Index, cat, list, name, subject};

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
    // Whether every flagged key is one the ends disagree on, and whether every one differs
    // from the source of truth: this picks the sentence that says what happened.
    let (mut all_ends_differ, mut all_differ_from_truth) = (true, true);
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
        all_ends_differ &= ends_differ;
        all_differ_from_truth &= differs_from_truth;
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
    let (from_name, to_name) = (name(from), name(to));
    let keys_said = list(&keys);
    let one = keys.len() == 1;
    let message = match sot {
        // Only a source of truth apart from both ends can be the one the ends differ from.
        _ if all_ends_differ => cat(&[
            from_name,
            " and ",
            to_name,
            " disagree on ",
            &keys_said,
            ", which must not vary across their handoff.",
        ]),
        Some(s) if all_differ_from_truth => cat(&[
            "Along the handoff from ",
            from_name,
            " to ",
            to_name,
            ", ",
            &keys_said,
            if one { " differs" } else { " differ" },
            " from what ",
            name(s),
            ", the source of truth, holds, although ",
            if one { "it" } else { "they" },
            " must not vary.",
        ]),
        _ => cat(&[
            "Along the handoff from ",
            from_name,
            " to ",
            to_name,
            ", the values stated for ",
            &keys_said,
            " disagree with each other or with the source of truth, although they must not vary.",
        ]),
    };
    let fix = match sot {
        Some(s) => cat(&[
            "Have ",
            from_name,
            " and ",
            to_name,
            " state the value that ",
            name(s),
            ", the source of truth, holds for ",
            &keys_said,
            ", ideally generated from it rather than copied.",
        ]),
        None => cat(&[
            "Agree one value for ",
            &keys_said,
            ", record it on the element that owns it, name that element as the source of truth of the handoff from ",
            from_name,
            " to ",
            to_name,
            ", and have both ends state it.",
        ]),
    };
    out.push(Finding::new(
        RuleCode::ConflictingClaim,
        h.id.as_str(),
        subjects,
        message,
        evidence,
        fix,
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
    let (from, to) = ix.end_names(i);
    out.push(Finding::new(
        RuleCode::UnownedHandoff,
        h.id.as_str(),
        vec![
            Subject::handoff(h.id.as_str()),
            Subject::element(h.from.as_str()),
            Subject::element(h.to.as_str()),
        ],
        cat(&[
            "Nobody owns the handoff from ",
            from,
            " to ",
            to,
            ", so nobody answers for what it carries.",
        ]),
        vec![Evidence::absent(
            Subject::handoff(h.id.as_str()),
            "owner",
            "no owner named",
        )],
        cat(&[
            "Name the team or person accountable for what passes from ",
            from,
            " to ",
            to,
            " as the owner of that handoff.",
        ]),
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
    let (from, to) = ix.end_names(i);
    let keys_said = list(&keys);
    let one = keys.len() == 1;
    let source = match &h.source_of_truth {
        Some(s) => ix.name_of(s.as_str()),
        None => "their source of truth",
    };
    out.push(Finding::new(
        RuleCode::TypedInvariant,
        h.id.as_str(),
        vec![me.clone()],
        cat(&[
            "The handoff from ",
            from,
            " to ",
            to,
            " is retyped by hand, although ",
            &keys_said,
            " must never vary.",
        ]),
        vec![
            Evidence::value(me.clone(), "mode", "typed"),
            Evidence::value(me, "invariant", keys.join(", ")),
        ],
        cat(&[
            "Generate or sync ",
            &keys_said,
            " from ",
            source,
            " instead of retyping ",
            if one { "it" } else { "them" },
            " (set the handoff's mode to generated or synced).",
        ]),
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
        let it = if missing.len() == 1 { "it" } else { "them" };
        let count = incoming.to_string();
        let keys_said = list(&missing);
        let who = name(e);
        let none_carry: [&str; 4] = match incoming {
            0 => ["no handoff leads into it", "", "", ""],
            1 => ["the one handoff into it does not carry ", it, "", ""],
            _ => ["none of the ", &count, " handoffs into it carries ", it],
        };
        out.push(Finding::new(
            RuleCode::LostContext,
            e.id.as_str(),
            vec![subject(e)],
            cat(&[
                who,
                " needs ",
                &keys_said,
                " but does not hold ",
                it,
                ", and ",
                none_carry[0],
                none_carry[1],
                none_carry[2],
                none_carry[3],
                ".",
            ]),
            missing
                .iter()
                .map(|k| Evidence::value(subject(e), "needs", *k).noted("not received"))
                .collect(),
            cat(&[
                "Have a handoff into ",
                who,
                " carry ",
                &keys_said,
                " from the element that holds ",
                it,
                ".",
            ]),
        ));
    }
}
