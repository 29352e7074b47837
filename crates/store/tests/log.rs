//! The change log: who changed what, when, from where, and how it looked before and after.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{cli, id, rich, store_with_rich, ui};
use serde_json::json;
use throughline_model::{Edit, EntityKind, Stage};
use throughline_store::{Actor, BatchState, Source, Store};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

fn label_of(edit: serde_json::Value) -> String {
    let (mut store, slug) = store_with_rich();
    let edit: Edit = serde_json::from_value(edit).unwrap();
    store.apply(&slug, &edit, &ui()).unwrap();
    store.history(&slug, 1).unwrap().remove(0).label
}

#[test]
fn each_change_records_when_who_where_and_before_and_after() {
    let (mut store, slug) = store_with_rich();
    let mut stage = rich().stages[1].clone();
    stage.name = "Set up".into();
    store
        .apply(
            &slug,
            &Edit::PutStage {
                stage: stage.clone(),
                index: None,
            },
            &cli(),
        )
        .unwrap();

    let batch = store.history(&slug, 1).unwrap().remove(0);

    assert_eq!(batch.who, "Grace");
    assert_eq!(batch.source, Source::Cli);
    assert_eq!(batch.label, "Edit stage \u{201c}Set up\u{201d}");
    assert_eq!(batch.state, BatchState::Done);
    let at = OffsetDateTime::parse(&batch.at, &Rfc3339).expect("RFC 3339");
    assert_eq!(at.offset(), time::UtcOffset::UTC);
    assert_eq!(batch.changes.len(), 1);
    let change = &batch.changes[0];
    assert_eq!(
        (change.kind, change.key.as_str()),
        (EntityKind::Stage, "onboard")
    );
    let before = change.before.as_ref().unwrap();
    let after = change.after.as_ref().unwrap();
    assert_eq!((before.index, after.index), (1, 1));
    assert_eq!(before.value["name"], "Onboard");
    assert_eq!(after.value, serde_json::to_value(&stage).unwrap());
}

#[test]
fn history_is_newest_first_and_tracks_undo_and_redo() {
    let (mut store, slug) = store_with_rich();
    let stage = |s: &str| Edit::PutStage {
        stage: Stage {
            id: id(s),
            name: s.into(),
            emotion: Default::default(),
            moment: String::new(),
        },
        index: None,
    };
    store.apply(&slug, &stage("a"), &ui()).unwrap();
    store.apply(&slug, &stage("b"), &ui()).unwrap();
    store.undo(&slug, &Actor::new("Ada", Source::Ui)).unwrap();
    store.apply(&slug, &stage("c"), &ui()).unwrap();
    store.undo(&slug, &ui()).unwrap();
    store.redo(&slug, &ui()).unwrap();

    let history = store.history(&slug, 100).unwrap();
    let seen: Vec<(&str, Source, BatchState)> = history
        .iter()
        .map(|b| (b.label.as_str(), b.source, b.state))
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                "Redo: Add stage \u{201c}c\u{201d}",
                Source::Redo,
                BatchState::Record
            ),
            (
                "Undo: Add stage \u{201c}c\u{201d}",
                Source::Undo,
                BatchState::Record
            ),
            ("Add stage \u{201c}c\u{201d}", Source::Ui, BatchState::Done),
            (
                "Undo: Add stage \u{201c}b\u{201d}",
                Source::Undo,
                BatchState::Record
            ),
            (
                "Add stage \u{201c}b\u{201d}",
                Source::Ui,
                BatchState::Discarded
            ),
            ("Add stage \u{201c}a\u{201d}", Source::Ui, BatchState::Done),
            (
                "Import workspace \u{201c}NexusFlow onboarding\u{201d}",
                Source::Ui,
                BatchState::Record
            ),
        ]
    );
    assert_eq!(
        store.history(&slug, 2).unwrap().len(),
        2,
        "limit is honoured"
    );
    let undo = &history[1];
    assert_eq!(undo.changes.len(), 1);
    assert!(
        undo.changes[0].after.is_none(),
        "undoing an addition deletes"
    );
}

#[test]
fn an_import_logs_every_entity_as_added() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = store
        .import_workspace(&rich(), &Actor::new("Ada", Source::Import))
        .unwrap();
    let batch = store.history(&summary.slug, 10).unwrap().remove(0);
    assert_eq!(batch.source, Source::Import);
    assert_eq!(batch.changes.len(), 1 + 3 + 7 + 2 + 2 + 1 + 2 + 1);
    assert!(batch.changes.iter().all(|c| c.after.is_some()));
}

#[test]
fn labels_say_what_the_user_did() {
    assert_eq!(
        label_of(json!({"type": "delete_element", "id": "crm"})),
        "Delete system \u{201c}CRM\u{201d}"
    );
    assert_eq!(
        label_of(json!({"type": "put_element", "element":
            {"id": "wizard", "kind": "touchpoint", "name": "Wizard", "channel": "web"}})),
        "Edit touchpoint \u{201c}Wizard\u{201d}"
    );
    assert_eq!(
        label_of(json!({"type": "move_stage", "id": "succeed", "index": 0})),
        "Move stage \u{201c}Succeed\u{201d}"
    );
    assert_eq!(
        label_of(json!({"type": "delete_handoff", "id": "h2"})),
        "Delete handoff \u{201c}CRM\u{201d} \u{2192} \u{201c}Wizard\u{201d}"
    );
    assert_eq!(
        label_of(json!({"type": "set_info", "info": {"name": "Renamed"}})),
        "Rename workspace to \u{201c}Renamed\u{201d}"
    );
    assert_eq!(
        label_of(json!({"type": "put_layer_score", "score":
            {"layer": "system", "score": 3, "date": "2025-06-01"}})),
        "Score the System layer 3 on 2025-06-01"
    );
}

#[test]
fn saving_moves_the_revision_and_the_saved_time() {
    let (mut store, slug) = store_with_rich();
    let before = store.state(&slug).unwrap();
    let after = store
        .apply(&slug, &Edit::DeleteHandoff { id: id("h1") }, &ui())
        .unwrap();
    assert_eq!(after.revision, before.revision + 1);
    assert!(after.saved_at >= before.saved_at);
    assert_eq!(after.doc.handoffs.len(), 1);
    assert_eq!(after.saved_at, after.summary.updated_at);
}

#[test]
fn errors_cross_as_code_message_and_problems() {
    let store = Store::open_in_memory().unwrap();
    let err = store.load("nope").unwrap_err();
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        json!({
            "code": "not_found",
            "message": "no workspace \"nope\": the library is empty; create or import one first",
            "problems": []
        })
    );
}

#[test]
fn a_refused_edit_crosses_with_every_problem_and_its_path() {
    let (mut store, slug) = store_with_rich();
    let mut info = store.load(&slug).unwrap().workspace;
    info.name = " ".into();
    let err = store
        .apply(&slug, &Edit::SetInfo { info }, &ui())
        .unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "invalid_edit");
    let problems = json["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|p| p["path"] == "workspace.name"),
        "{json}"
    );
}
