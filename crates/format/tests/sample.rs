//! The shipped sample (NexusFlow's first 30 days) is rich enough to show every part of
//! the app on first launch: every kind of element, channel, handoff mode and trigger, and
//! the raw material of every divergence class the audit checks.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use std::collections::BTreeSet;

use throughline_format::sample;
use throughline_model::{Capability, ElementKind, HandoffMode, Trigger, validate};

#[test]
fn the_sample_is_a_valid_workspace_of_readable_size() {
    let ws = sample();
    assert_eq!(validate(&ws), vec![]);
    assert!(!ws.workspace.vision.is_empty(), "it states a vision");
    assert!((5..=6).contains(&ws.stages.len()), "5-6 stages");
    assert!(
        (20..=30).contains(&ws.elements.len()),
        "about 20-30 elements"
    );
    assert!((25..=40).contains(&ws.handoffs.len()), "25-40 handoffs");
    assert!((4..=6).contains(&ws.principles.len()), "4-6 principles");
    assert!(ws.principles.iter().any(|p| p.non_negotiable));
    assert!(ws.principles.iter().any(|p| !p.non_negotiable));
}

#[test]
fn the_emotional_arc_dips_in_week_two() {
    let ws = sample();
    let lowest = ws.stages.iter().min_by_key(|s| s.emotion).unwrap();
    assert_eq!(lowest.id, "stuck");
    assert_eq!(lowest.emotion.get(), -2);
    assert!(
        ws.stages.iter().any(|s| s.emotion.get() == 2),
        "and peaks in the demo"
    );
}

#[test]
fn the_sample_uses_every_kind_capability_channel_mode_and_trigger() {
    let ws = sample();
    let kinds: BTreeSet<_> = ws.elements.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ElementKind::ALL.into_iter().collect());
    let caps: BTreeSet<_> = ws.elements.iter().filter_map(|e| e.capability).collect();
    assert_eq!(
        caps,
        [
            Capability::Data,
            Capability::Measurement,
            Capability::Governance
        ]
        .into()
    );
    let channels: BTreeSet<_> = ws
        .elements
        .iter()
        .filter_map(|e| e.channel.as_deref())
        .collect();
    for c in ["web", "app", "email", "chat", "phone", "demo"] {
        assert!(channels.contains(c), "a touchpoint on {c}");
    }
    for mode in [
        HandoffMode::Typed,
        HandoffMode::Generated,
        HandoffMode::Synced,
    ] {
        assert!(ws.handoffs.iter().any(|h| h.mode == mode), "{mode:?}");
    }
    for trigger in [Trigger::Always, Trigger::Failure, Trigger::Escalation] {
        assert!(
            ws.handoffs.iter().any(|h| h.trigger == trigger),
            "{trigger:?}"
        );
    }
    assert!(ws.handoffs.iter().any(|h| h.gate.is_some()));
    assert!(ws.handoffs.iter().any(|h| h.latency_hours.is_some()));
    assert!(ws.handoffs.iter().any(|h| !h.may_vary.is_empty()));
    assert!(!ws.workspace.journey_state.is_empty());
}

#[test]
fn the_readiness_picture_has_skips_disagreement_and_a_trend() {
    let ws = sample();
    assert!(!ws.readiness.is_empty() && ws.readiness.len() <= 2);
    let kickoff = &ws.readiness[0];
    assert!((4..=6).contains(&kickoff.raters.len()));
    let data: Vec<u8> = kickoff
        .raters
        .iter()
        .filter_map(|r| r.scores.data.map(|s| s.get()))
        .collect();
    assert!(
        data.iter().max().unwrap() - data.iter().min().unwrap() >= 3,
        "raters disagree on Data: {data:?}"
    );
    assert!(
        ws.readiness
            .iter()
            .flat_map(|s| &s.raters)
            .any(|r| r.scores.technology.is_none() || r.scores.metrics.is_none()),
        "someone skipped a dimension"
    );
    let dates: BTreeSet<_> = ws.layer_scores.iter().map(|l| l.date.as_str()).collect();
    assert_eq!(dates.len(), 2, "layer scores on two dates");
    assert_eq!(ws.waivers.len(), 1);
}

#[test]
fn the_website_and_the_wizard_promise_different_setup_effort_across_an_invariant_handoff() {
    let ws = sample();
    let h = ws.handoff("promise-to-setup").unwrap();
    assert!(h.invariant.iter().any(|k| k == "setup.effort"));
    let site = &ws.element(h.from.as_str()).unwrap().claims["setup.effort"];
    let wizard = &ws.element(h.to.as_str()).unwrap().claims["setup.effort"];
    assert_ne!(site, wizard);
}

#[test]
fn the_chatbot_escalates_without_the_conversation() {
    let ws = sample();
    let h = ws.handoff("bot-escalation").unwrap();
    assert_eq!(h.trigger, Trigger::Escalation);
    let desk = ws.element(h.to.as_str()).unwrap();
    assert!(desk.needs.iter().any(|k| k == "conversation.history"));
    assert!(
        !ws.handoffs
            .iter()
            .filter(|x| x.to == desk.id)
            .any(|x| x.carries.iter().any(|k| k == "conversation.history")),
        "no handoff brings the conversation to the desk"
    );
}

#[test]
fn four_outbound_readers_interpret_rising_intent_four_ways() {
    let ws = sample();
    let intents: BTreeSet<_> = ws
        .elements
        .iter()
        .filter_map(|e| e.interprets.get("intent.rising"))
        .collect();
    assert_eq!(intents.len(), 4, "{intents:?}");
    assert!(
        ws.elements
            .iter()
            .any(|e| e.tags.iter().any(|t| t == "consent"))
    );
    assert!(
        ws.handoffs.iter().any(|h| h.owner.is_none()),
        "one handoff nobody owns"
    );
}
