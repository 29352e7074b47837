//! Random workspaces and random edits for the store's property tests.
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::json;
use throughline_model::{Edit, Workspace, validate};

/// Cases per property: small and fixed in CI; `THROUGHLINE_FUZZ_CASES` runs more.
pub fn cases(default: u32) -> u32 {
    std::env::var("THROUGHLINE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &[T]) -> impl Strategy<Value = T> + use<T> {
    proptest::sample::select(items.to_vec())
}

const NAMES: &[&str] = &["Alpha", "Beta", "alpha", "Gamma ", "Delta", "", "Über"];
const DATES: &[&str] = &["2026-01-01", "2026-02-01", "2026-02-30", "2026-03-15"];

fn id(prefix: &'static str, n: u32) -> String {
    format!("{prefix}{n}")
}

fn stage_id() -> impl Strategy<Value = String> {
    (0..5u32).prop_map(|n| id("s", n))
}
fn element_id() -> impl Strategy<Value = String> {
    (0..7u32).prop_map(|n| id("e", n))
}
fn metric_id() -> impl Strategy<Value = String> {
    (0..3u32).prop_map(|n| id("m", n))
}
fn session_id() -> impl Strategy<Value = String> {
    (0..3u32).prop_map(|n| id("r", n))
}

fn stage() -> impl Strategy<Value = serde_json::Value> {
    (stage_id(), pick(NAMES), -2..=2i8)
        .prop_map(|(id, name, emotion)| json!({"id": id, "name": name, "emotion": emotion}))
}

fn element() -> impl Strategy<Value = serde_json::Value> {
    (
        element_id(),
        pick(&["touchpoint", "system", "rule", "team"]),
        pick(NAMES),
        proptest::collection::vec(stage_id(), 0..3),
        proptest::collection::vec(element_id(), 0..2),
        proptest::collection::vec(pick(NAMES), 0..2),
    )
        .prop_map(|(id, kind, name, mut stages, mut covers, aliases)| {
            stages.dedup();
            covers.dedup();
            json!({"id": id, "kind": kind, "name": name, "stages": stages,
                   "covers": covers, "aliases": aliases})
        })
}

fn handoff() -> impl Strategy<Value = serde_json::Value> {
    (
        (0..6u32).prop_map(|n| id("h", n)),
        element_id(),
        element_id(),
        proptest::option::of(element_id()),
        any::<bool>(),
    )
        .prop_map(|(id, from, to, sot, invariant)| {
            let invariant: Vec<&str> = if invariant { vec!["case.id"] } else { vec![] };
            json!({"id": id, "from": from, "to": to, "source_of_truth": sot,
                   "carries": ["case.id"], "invariant": invariant})
        })
}

fn metric() -> impl Strategy<Value = serde_json::Value> {
    (
        metric_id(),
        pick(&[(0.0, 10.0), (1.0, 5.0), (5.0, 5.0)]),
        prop_oneof![
            Just("journey".to_string()),
            stage_id().prop_map(|s| format!("stage:{s}")),
            element_id().prop_map(|e| format!("element:{e}")),
        ],
    )
        .prop_map(|(id, (min, max), scope)| {
            json!({"id": id, "name": format!("Metric {id}"), "kind": "custom",
                   "min": min, "max": max, "scope": scope})
        })
}

fn reading() -> impl Strategy<Value = serde_json::Value> {
    (metric_id(), pick(DATES), pick(&[0.0, 3.0, 7.5]))
        .prop_map(|(metric, date, value)| json!({"metric": metric, "date": date, "value": value}))
}

fn session() -> impl Strategy<Value = serde_json::Value> {
    (session_id(), pick(NAMES), pick(DATES))
        .prop_map(|(id, name, date)| json!({"id": id, "name": name, "date": date}))
}

fn review() -> impl Strategy<Value = serde_json::Value> {
    (
        (0..3u32).prop_map(|n| id("v", n)),
        pick(DATES),
        proptest::option::of(session_id()),
    )
        .prop_map(|(id, date, session)| json!({"id": id, "date": date, "session": session}))
}

fn principle() -> impl Strategy<Value = serde_json::Value> {
    (
        (0..3u32).prop_map(|n| id("p", n)),
        pick(&["Say it once", "", "Keep promises"]),
    )
        .prop_map(|(id, text)| json!({"id": id, "text": text}))
}

fn parse<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("the generators write valid JSON for the model")
}

/// One edit of any kind, often naming things that do not exist or breaking a rule.
pub fn edit() -> impl Strategy<Value = Edit> {
    let leaf = prop_oneof![
        pick(NAMES).prop_map(|name| parse(json!({"type": "set_info", "info": {"name": name}}))),
        (stage(), proptest::option::of(0..6u32))
            .prop_map(|(stage, index)| parse(json!({"type": "put_stage", "stage": stage, "index": index}))),
        (stage_id(), 0..6u32).prop_map(|(id, index)| parse(json!({"type": "move_stage", "id": id, "index": index}))),
        stage_id().prop_map(|id| parse(json!({"type": "delete_stage", "id": id}))),
        element().prop_map(|element| parse(json!({"type": "put_element", "element": element}))),
        element().prop_map(|element| parse(json!({"type": "put_element", "element": element}))),
        element_id().prop_map(|id| parse(json!({"type": "delete_element", "id": id}))),
        handoff().prop_map(|handoff| parse(json!({"type": "put_handoff", "handoff": handoff}))),
        (0..6u32).prop_map(|n| parse(json!({"type": "delete_handoff", "id": id("h", n)}))),
        (principle(), proptest::option::of(0..4u32)).prop_map(|(principle, index)| {
            parse(json!({"type": "put_principle", "principle": principle, "index": index}))
        }),
        (0..3u32).prop_map(|n| parse(json!({"type": "delete_principle", "id": id("p", n)}))),
        session().prop_map(|session| parse(json!({"type": "put_session", "session": session}))),
        session_id().prop_map(|id| parse(json!({"type": "delete_session", "id": id}))),
        (pick(&["vision", "narrative"]), 1..=5u8, pick(DATES)).prop_map(|(layer, score, date)| {
            parse(json!({"type": "put_layer_score", "score": {"layer": layer, "score": score, "date": date}}))
        }),
        (pick(&["vision", "narrative"]), pick(DATES)).prop_map(|(layer, date)| {
            parse(json!({"type": "delete_layer_score", "layer": layer, "date": date}))
        }),
        (pick(&["orphan-element", "unowned-handoff"]), element_id(), pick(&["2026-01-01T10:00:00Z", "soon"]))
            .prop_map(|(code, subject, when)| parse(json!({"type": "put_waiver", "waiver": {
                "code": code, "subject": subject, "reason": "Accepted", "who": "Ada", "when": when}}))),
        (pick(&["orphan-element", "unowned-handoff"]), element_id()).prop_map(|(code, subject)| {
            parse(json!({"type": "delete_waiver", "code": code, "subject": subject}))
        }),
        metric().prop_map(|metric| parse(json!({"type": "put_metric", "metric": metric}))),
        metric_id().prop_map(|id| parse(json!({"type": "delete_metric", "id": id}))),
        proptest::collection::vec(reading(), 1..3)
            .prop_map(|readings| parse(json!({"type": "put_readings", "readings": readings}))),
        (metric_id(), pick(DATES)).prop_map(|(metric, date)| {
            parse(json!({"type": "delete_reading", "metric": metric, "date": date}))
        }),
        review().prop_map(|review| parse(json!({"type": "put_review", "review": review}))),
        (0..3u32).prop_map(|n| parse(json!({"type": "delete_review", "id": id("v", n)}))),
    ];
    leaf.prop_recursive(1, 6, 3, |inner| {
        proptest::collection::vec(inner, 0..3).prop_map(|edits| Edit::Batch { edits })
    })
}

/// A small valid workspace: random edits from an empty one, keeping those the model accepts.
pub fn workspace() -> impl Strategy<Value = Workspace> {
    proptest::collection::vec(edit(), 0..25).prop_map(|edits| {
        let mut ws = Workspace::new("Random");
        for e in &edits {
            if let Ok(next) = throughline_model::apply_edit(&ws, e) {
                ws = next;
            }
        }
        debug_assert!(validate(&ws).is_empty());
        ws
    })
}
