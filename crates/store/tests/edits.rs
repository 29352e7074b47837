//! Edits: every kind persists, a refused edit changes nothing, workspaces come and go.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{cli, id, one_edit_of_each_kind, rich, snapshot, store_with_rich, ui};
use throughline_model::{Edit, Workspace, apply_edit};
use throughline_store::Store;

/// The time the edits' waiver says it was made (by Grace, the CLI actor).
const WAIVER_TIME: &str = "2025-06-01T09:00:00Z";

#[test]
fn a_waiver_records_who_made_it_and_when_from_the_library_not_the_client() {
    let (mut store, slug) = store_with_rich();
    let edit: Edit = serde_json::from_value(serde_json::json!({"type": "put_waiver", "waiver": {
        "code": "hero", "subject": "ana", "reason": "Interim", "who": "Mallory", "when": "1999-01-01T00:00:00Z"}}))
    .unwrap();
    let state = store.apply(&slug, &edit, &ui()).unwrap();
    let w = state.doc.waivers.iter().find(|w| w.code == "hero").unwrap();
    assert_eq!(w.who, "Ada", "the actor's display name");
    assert_ne!(w.when, "1999-01-01T00:00:00Z", "the library's clock");
    assert!(
        w.when.starts_with("20") && w.when.ends_with('Z'),
        "{}",
        w.when
    );
    assert_eq!(w.reason, "Interim");
}

#[test]
fn every_kind_of_edit_persists_and_reloads_equal_to_apply_edit() {
    for (name, edit) in one_edit_of_each_kind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        let slug = {
            let mut store = Store::open(&path).unwrap();
            // The waiver among the edits is stamped with the actor and this time, as written.
            store.freeze_clock(WAIVER_TIME);
            let slug = store.import_workspace(&rich(), &cli()).unwrap().slug;
            let state = store.apply(&slug, &edit, &cli()).unwrap();
            let expected = apply_edit(&rich(), &edit).unwrap();
            assert_eq!(state.doc, expected, "{name}: the returned state");
            slug
        };
        let reopened = Store::open(&path).unwrap();
        assert_eq!(
            reopened.load(&slug).unwrap(),
            apply_edit(&rich(), &edit).unwrap(),
            "{name}: reloaded from the file"
        );
    }
}

#[test]
fn edits_in_sequence_accumulate() {
    let (mut store, slug) = store_with_rich();
    store.freeze_clock(WAIVER_TIME);
    let mut expected = rich();
    for (name, edit) in one_edit_of_each_kind() {
        // Some edits refer to what earlier ones removed; those are refused by both sides.
        match apply_edit(&expected, &edit) {
            Ok(next) => {
                let state = store.apply(&slug, &edit, &cli()).unwrap();
                assert_eq!(state.doc, next, "{name}");
                expected = next;
            }
            Err(_) => assert!(store.apply(&slug, &edit, &cli()).is_err(), "{name}"),
        }
    }
    assert_eq!(store.load(&slug).unwrap(), expected);
}

#[test]
fn an_invalid_edit_is_refused_with_its_problems_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let slug = store.import_workspace(&rich(), &ui()).unwrap().slug;
    store
        .apply(&slug, &Edit::DeleteHandoff { id: id("h2") }, &ui())
        .unwrap();
    store.undo(&slug, &ui()).unwrap();
    let before = snapshot(&path);

    let ghost: Edit = serde_json::from_value(serde_json::json!({
        "type": "batch", "edits": [
            {"type": "delete_stage", "id": "onboard"},
            {"type": "put_handoff", "handoff": {"id": "h9", "from": "wizard", "to": "ghost"}}
        ]
    }))
    .unwrap();
    let err = store.apply(&slug, &ghost, &ui()).unwrap_err();

    assert_eq!(err.code(), "invalid_edit");
    assert_eq!(err.problems().len(), 1, "{err}");
    assert_eq!(err.problems()[0].path, "handoffs[2].to");
    assert_eq!(err.to_string(), "handoffs[2].to: no element \"ghost\"");
    assert_eq!(
        snapshot(&path),
        before,
        "no row, log entry or redo state changed"
    );
    assert!(
        store.state(&slug).unwrap().redo.is_some(),
        "a refused edit does not discard the redo stack"
    );
}

#[test]
fn an_edit_of_something_missing_is_refused() {
    let (mut store, slug) = store_with_rich();
    let err = store
        .apply(&slug, &Edit::DeleteStage { id: id("nope") }, &ui())
        .unwrap_err();
    assert_eq!(err.code(), "invalid_edit");
    assert_eq!(err.to_string(), "no stage \"nope\" in this workspace");
    assert_eq!(store.load(&slug).unwrap(), rich());
}

#[test]
fn an_edit_that_changes_nothing_is_not_logged() {
    let (mut store, slug) = store_with_rich();
    let info = rich().workspace;
    let state = store.apply(&slug, &Edit::SetInfo { info }, &ui()).unwrap();
    assert_eq!(state.revision, 1, "still the import's revision");
    assert_eq!(state.undo, None);
    assert_eq!(store.history(&slug, 10).unwrap().len(), 1);
}

#[test]
fn renaming_keeps_the_slug() {
    let mut store = Store::open_in_memory().unwrap();
    let created = store.create_workspace("Retail loyalty", &ui()).unwrap();
    assert_eq!(created.slug, "retail-loyalty");
    let mut info = store.load("retail-loyalty").unwrap().workspace;
    info.name = "Loyalty app".into();
    let state = store
        .apply("retail-loyalty", &Edit::SetInfo { info }, &ui())
        .unwrap();
    assert_eq!(state.summary.slug, "retail-loyalty");
    assert_eq!(state.summary.name, "Loyalty app");
    assert_eq!(store.find("loyalty APP").unwrap().slug, "retail-loyalty");
}

#[test]
fn import_then_load_gives_back_the_document() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = store.import_workspace(&rich(), &ui()).unwrap();
    assert_eq!(summary.slug, "nexusflow-onboarding");
    assert_eq!(summary.name, "NexusFlow onboarding");
    assert_eq!((summary.stages, summary.elements), (3, 7));
    assert_eq!(store.load(&summary.slug).unwrap(), rich());
}

#[test]
fn a_second_import_of_the_same_name_gets_a_suffixed_slug() {
    let mut store = Store::open_in_memory().unwrap();
    store.import_workspace(&rich(), &ui()).unwrap();
    let second = store.import_workspace(&rich(), &ui()).unwrap();
    assert_eq!(second.slug, "nexusflow-onboarding-2");
    let err = store.find("NexusFlow onboarding").unwrap_err();
    assert_eq!(err.code(), "ambiguous", "{err}");
}

#[test]
fn an_invalid_document_is_not_imported() {
    let mut store = Store::open_in_memory().unwrap();
    let mut doc = rich();
    doc.handoffs[0].to = id("ghost");
    let err = store.import_workspace(&doc, &ui()).unwrap_err();
    assert_eq!(err.code(), "invalid_edit");
    assert_eq!(err.problems()[0].path, "handoffs[0].to");
    assert!(store.list_workspaces().unwrap().is_empty());
    let err = store.create_workspace("   ", &ui()).unwrap_err();
    assert_eq!(err.problems()[0].path, "workspace.name");
}

#[test]
fn deleting_a_workspace_removes_it_and_its_log() {
    let (mut store, slug) = store_with_rich();
    store.create_workspace("Keep me", &ui()).unwrap();
    store.delete_workspace(&slug).unwrap();
    let names: Vec<String> = store
        .list_workspaces()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, vec!["Keep me".to_string()]);
    assert_eq!(store.load(&slug).unwrap_err().code(), "not_found");
    assert_eq!(
        store.delete_workspace(&slug).unwrap_err().code(),
        "not_found"
    );
    // The same name can be used again, and starts with an empty log.
    let again = store.import_workspace(&rich(), &ui()).unwrap();
    assert_eq!(again.slug, slug);
    assert_eq!(store.history(&slug, 10).unwrap().len(), 1);
}

#[test]
fn find_goes_by_slug_then_by_name_and_lists_what_exists_when_it_fails() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(
        store.find("anything").unwrap_err().to_string(),
        "no workspace \"anything\": the library is empty; create or import one first"
    );
    store.create_workspace("Retail loyalty", &ui()).unwrap();
    store.create_workspace("Promotions", &ui()).unwrap();
    assert_eq!(store.find("promotions").unwrap().name, "Promotions");
    assert_eq!(store.find("RETAIL LOYALTY").unwrap().slug, "retail-loyalty");
    let err = store.find("Loyalty").unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(
        err.to_string(),
        "no workspace \"Loyalty\" in this library; it has: Promotions (promotions), \
         Retail loyalty (retail-loyalty)"
    );
}

#[test]
fn the_display_name_defaults_and_is_validated() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.display_name().unwrap(), "Someone");
    store.set_display_name("  Ada  ").unwrap();
    assert_eq!(store.display_name().unwrap(), "Ada");
    let err = store.set_display_name(" ").unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert_eq!(err.to_string(), "the display name cannot be empty");
    assert_eq!(store.display_name().unwrap(), "Ada");
}

#[test]
fn an_empty_workspace_round_trips() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_workspace("Blank", &ui()).unwrap();
    assert_eq!(store.load(&s.slug).unwrap(), Workspace::new("Blank"));
}

#[test]
fn namesakes_are_the_workspaces_an_import_of_the_same_name_would_sit_beside() {
    let mut store = Store::open_in_memory().unwrap();
    let doc = rich();
    assert!(store.namesakes(&doc.workspace.name).unwrap().is_empty());
    let first = store.import_workspace(&doc, &ui()).unwrap();
    let mut other = rich();
    other.workspace.name = "Something else".into();
    store.import_workspace(&other, &ui()).unwrap();

    let shouted = format!("  {}  ", doc.workspace.name.to_uppercase());
    let found = store.namesakes(&shouted).unwrap();
    assert_eq!(
        found.iter().map(|w| w.slug.as_str()).collect::<Vec<_>>(),
        [first.slug.as_str()],
        "case and surrounding spaces do not tell names apart"
    );
}
