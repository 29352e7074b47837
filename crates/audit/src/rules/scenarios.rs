//! The four edge cases an orchestration layer must survive, each checked as a scenario:
//! a consent change, a failed delivery, a bot-to-agent escalation and a channel switch.

use throughline_model::Trigger;

use crate::finding::{Evidence, Finding, RuleCode, Subject};
use crate::graph::reachable_from;
use crate::index::{
    CONSENT, Index, OUTBOUND, cat, has_tag, is_outbound, is_touchpoint, list, name, subject,
};
use crate::rules::handoffs::missing_context;

/// What a waiver names to accept [`RuleCode::NoConsentSource`], which is about the
/// workspace as a whole.
pub const WORKSPACE_KEY: &str = "workspace";

/// `consent-unreachable` and `no-consent-source`: a consent change must reach every
/// element that contacts the customer.
pub(crate) fn consent(ix: &Index, out: &mut Vec<Finding>) {
    let mut outbound: Vec<u32> = Vec::new();
    let mut sources: Vec<u32> = Vec::new();
    for (pos, e) in ix.ws.elements.iter().enumerate() {
        if !ix.is_canonical(pos as u32) {
            continue;
        }
        if is_outbound(e) {
            outbound.push(pos as u32);
        }
        if has_tag(e, CONSENT) {
            sources.push(pos as u32);
        }
    }
    if outbound.is_empty() {
        return;
    }
    if sources.is_empty() {
        let mut subjects: Vec<Subject> = outbound.iter().map(|p| subject(ix.element(*p))).collect();
        subjects.sort();
        let evidence = subjects
            .iter()
            .map(|s| Evidence::value(s.clone(), "tags", OUTBOUND))
            .collect();
        out.push(Finding::new(
            RuleCode::NoConsentSource,
            WORKSPACE_KEY,
            subjects,
            if outbound.len() == 1 {
                cat(&[
                    name(ix.element(outbound[0])),
                    " contacts the customer, but no element records consent (none is tagged \"",
                    CONSENT,
                    "\"), so a withdrawn consent has nowhere to start from.",
                ])
            } else {
                cat(&[
                    &outbound.len().to_string(),
                    " elements contact the customer, but no element records consent (none is tagged \"",
                    CONSENT,
                    "\"), so a withdrawn consent has nowhere to start from.",
                ])
            },
            evidence,
            cat(&[
                "Tag the element that records the customer's consent (a preference centre, the CRM) \"",
                CONSENT,
                "\" and hand its changes on to ",
                &if outbound.len() == 1 {
                    name(ix.element(outbound[0])).to_string()
                } else {
                    cat(&["all ", &outbound.len().to_string(), " elements that contact the customer"])
                },
                ".",
            ]),
        ));
        return;
    }
    let reached = reachable_from(&ix.graph, &sources);
    // The consent elements as a sentence names them: by name when there is one.
    let n_sources = sources.len().to_string();
    let from_consent: [&str; 3] = match sources.as_slice() {
        [one] => ["from ", name(ix.element(*one)), ""],
        _ => ["from any of the ", &n_sources, " consent elements"],
    };
    let chain_from = match sources.as_slice() {
        [one] => name(ix.element(*one)),
        _ => "a consent element",
    };
    for p in outbound {
        if reached[p as usize] {
            continue;
        }
        let e = ix.element(p);
        out.push(Finding::new(
            RuleCode::ConsentUnreachable,
            e.id.as_str(),
            vec![subject(e)],
            cat(&[
                "No chain of handoffs leads to ",
                name(e),
                " ",
                from_consent[0],
                from_consent[1],
                from_consent[2],
                ", so it would keep contacting a customer who withdrew consent.",
            ]),
            vec![
                Evidence::value(subject(e), "tags", OUTBOUND)
                    .noted("no handoff path from a consent element"),
            ],
            cat(&[
                "Add handoffs from ",
                chain_from,
                " to ",
                name(e),
                ", directly or through other elements, that carry the consent state.",
            ]),
        ));
    }
}

/// `no-failure-path`: an outbound touchpoint with no handoff for when delivery fails.
pub(crate) fn failed_delivery(ix: &Index, out: &mut Vec<Finding>) {
    for (pos, e) in ix.ws.elements.iter().enumerate() {
        if !is_touchpoint(e) || !is_outbound(e) || !ix.is_canonical(pos as u32) {
            continue;
        }
        if ix
            .outgoing(pos as u32)
            .any(|h| h.trigger == Trigger::Failure)
        {
            continue;
        }
        out.push(Finding::new(
            RuleCode::NoFailurePath,
            e.id.as_str(),
            vec![subject(e)],
            cat(&[
                name(e),
                " has no handoff for when a delivery fails, so a bounced or undelivered message goes nowhere.",
            ]),
            vec![Evidence::absent(subject(e), "handoffs", "none with trigger \"failure\"")],
            cat(&[
                "Add a handoff from ",
                name(e),
                " with trigger \"failure\" to the channel or team that recovers the message.",
            ]),
        ));
    }
}

/// `escalation-drops-context` for handoff `i`: an escalation does not carry what the
/// receiver needs.
pub(crate) fn escalation(ix: &Index, i: usize, out: &mut Vec<Finding>) {
    let (h, ends) = (ix.handoff(i as u32), &ix.ends[i]);
    let (Some((f, t)), Trigger::Escalation) = (ends, h.trigger) else {
        return;
    };
    let (from, to) = (ix.element(*f), ix.element(*t));
    let missing = missing_context(&to.needs, &to.claims, |key| {
        h.carries.iter().any(|c| c == key)
    });
    if missing.is_empty() {
        return;
    }
    let me = Subject::handoff(h.id.as_str());
    let keys_said = list(&missing);
    let mut evidence: Vec<Evidence> = missing
        .iter()
        .map(|k| Evidence::value(subject(to), "needs", *k).noted("not carried"))
        .collect();
    evidence.push(Evidence::value(me.clone(), "carries", h.carries.join(", ")));
    out.push(Finding::new(
        RuleCode::EscalationDropsContext,
        h.id.as_str(),
        vec![me, Subject::element(h.from.as_str()), subject(to)],
        cat(&[
            "The escalation from ",
            name(from),
            " to ",
            name(to),
            " does not pass on ",
            &keys_said,
            ", so the customer has to repeat ",
            if missing.len() == 1 { "it" } else { "them" },
            ".",
        ]),
        evidence,
        cat(&[
            "Make the escalation from ",
            name(from),
            " to ",
            name(to),
            " carry ",
            &keys_said,
            ".",
        ]),
    ));
}

/// `channel-switch-drops-state` for handoff `i`: between touchpoints on different
/// channels, it loses part of the journey state.
pub(crate) fn channel_switch(ix: &Index, i: usize, out: &mut Vec<Finding>) {
    let state = &ix.ws.workspace.journey_state;
    if state.is_empty() {
        return;
    }
    let Some((f, t)) = ix.ends[i] else { return };
    // Touchpoints with a channel only, compared as interned channels (trimmed, any case).
    let (Some(cf), Some(ct)) = (ix.channel(f), ix.channel(t)) else {
        return;
    };
    if cf == ct {
        return;
    }
    let h = ix.handoff(i as u32);
    let (from, to) = (ix.element(f), ix.element(t));
    let (Some(fc), Some(tc)) = (&from.channel, &to.channel) else {
        return;
    };
    let mut missing: Vec<&str> = Vec::new();
    for key in state {
        if !h.carries.contains(key) && !missing.contains(&key.as_str()) {
            missing.push(key);
        }
    }
    if missing.is_empty() {
        return;
    }
    let me = Subject::handoff(h.id.as_str());
    let keys_said = list(&missing);
    let mut evidence = vec![
        Evidence::value(subject(from), "channel", fc),
        Evidence::value(subject(to), "channel", tc),
    ];
    evidence.extend(missing.iter().map(|k| {
        Evidence::absent(
            me.clone(),
            "carries",
            cat(&["lacks journey state \"", k, "\""]),
        )
    }));
    out.push(Finding::new(
        RuleCode::ChannelSwitchDropsState,
        h.id.as_str(),
        vec![me, subject(from), subject(to)],
        cat(&[
            "The handoff from ",
            name(from),
            " (",
            fc.trim(),
            ") to ",
            name(to),
            " (",
            tc.trim(),
            ") drops the journey state ",
            &keys_said,
            ", so the customer's journey starts over.",
        ]),
        evidence,
        cat(&[
            "Make the handoff from ",
            name(from),
            " to ",
            name(to),
            " carry ",
            &keys_said,
            ".",
        ]),
    ));
}
