//! The four edge cases an orchestration layer must survive, each checked as a scenario:
//! a consent change, a failed delivery, a bot-to-agent escalation and a channel switch.

use throughline_model::Trigger;

use crate::finding::{Evidence, Finding, RuleCode, Subject};
use crate::graph::reachable_from;
use crate::index::{
    CONSENT, Index, OUTBOUND, cat, has_tag, is_outbound, is_touchpoint, list, subject,
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
            format!(
                "{} elements contact the customer but no element is tagged \"{CONSENT}\", so a withdrawn consent has nowhere to start from.",
                outbound.len()
            ),
            evidence,
            format!(
                "Tag the element that records the customer's consent (a preference centre, the CRM) \"{CONSENT}\" and hand its changes on to every outbound element."
            ),
        ));
        return;
    }
    let reached = reachable_from(&ix.graph, &sources);
    let n_sources = sources.len();
    for p in outbound {
        if reached[p as usize] {
            continue;
        }
        let e = ix.element(p);
        out.push(Finding::new(
            RuleCode::ConsentUnreachable,
            e.id.as_str(),
            vec![subject(e)],
            format!(
                "Outbound element \"{}\" cannot be reached along handoffs from any of the {n_sources} consent elements, so it would keep contacting a customer who opted out.",
                e.id
            ),
            vec![Evidence::value(subject(e), "tags", OUTBOUND).noted("no handoff path from a consent element")],
            format!(
                "Add a handoff chain from a consent element to \"{}\" that carries the consent state.",
                e.id
            ),
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
            format!(
                "Outbound touchpoint \"{}\" has no handoff triggered by failure, so a bounced or undelivered message goes nowhere.",
                e.id
            ),
            vec![Evidence::absent(subject(e), "handoffs", "none with trigger \"failure\"")],
            format!(
                "Add a handoff from \"{}\" with trigger \"failure\" to the channel or team that recovers the message.",
                e.id
            ),
        ));
    }
}

/// `escalation-drops-context` for handoff `i`: an escalation does not carry what the
/// receiver needs.
pub(crate) fn escalation(ix: &Index, i: usize, out: &mut Vec<Finding>) {
    let (h, ends) = (ix.handoff(i as u32), &ix.ends[i]);
    let (Some((_, t)), Trigger::Escalation) = (ends, h.trigger) else {
        return;
    };
    let to = ix.element(*t);
    let missing = missing_context(&to.needs, &to.claims, |key| {
        h.carries.iter().any(|c| c == key)
    });
    if missing.is_empty() {
        return;
    }
    let me = Subject::handoff(h.id.as_str());
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
            "Escalation \"",
            h.id.as_str(),
            "\" hands the customer to \"",
            to.id.as_str(),
            "\" without ",
            &list(&missing),
            ", so the customer must repeat it.",
        ]),
        evidence,
        cat(&[
            "Make handoff \"",
            h.id.as_str(),
            "\" carry ",
            &list(&missing),
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
            "Handoff \"",
            h.id.as_str(),
            "\" switches the customer from ",
            fc,
            " to ",
            tc,
            " without the journey state ",
            &list(&missing),
            ", so the journey restarts.",
        ]),
        evidence,
        cat(&[
            "Make handoff \"",
            h.id.as_str(),
            "\" carry ",
            &list(&missing),
            ".",
        ]),
    ));
}
