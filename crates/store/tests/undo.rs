//! Undo and redo over the change log, across restarts and other writers.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{cli, id, rich, snapshot, store_with_rich, ui};
use rusqlite::Connection;
use serde_json::json;
use throughline_model::{Edit, Element, ElementKind, Stage, apply_edit};
use throughline_store::Store;

fn add_stage(s: &str) -> Edit {
    Edit::PutStage {
        stage: Stage {
            id: id(s),
            name: s.to_uppercase(),
            emotion: Default::default(),
            moment: String::new(),
        },
        index: None,
    }
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_edits() {
    let (mut store, slug) = store_with_rich();
    let v0 = rich();
    let v1 = store.apply(&slug, &add_stage("a"), &ui()).unwrap().doc;
    let v2 = store
        .apply(&slug, &Edit::DeleteElement { id: id("wizard") }, &ui())
        .unwrap()
        .doc;

    let s = store.undo(&slug, &ui()).unwrap();
    assert_eq!(s.doc, v1, "first undo reverts the element's deletion");
    assert_eq!(
        s.undo.as_ref().map(|s| s.label.as_str()),
        Some("Add stage \u{201c}A\u{201d}")
    );
    assert_eq!(
        s.redo.as_ref().map(|s| s.label.as_str()),
        Some("Delete touchpoint \u{201c}Wizard\u{201d}")
    );
    let s = store.undo(&slug, &ui()).unwrap();
    assert_eq!(s.doc, v0);
    assert_eq!(s.undo, None, "the import itself cannot be undone");
    assert_eq!(
        store.undo(&slug, &ui()).unwrap_err().code(),
        "nothing_to_undo"
    );

    let s = store.redo(&slug, &ui()).unwrap();
    assert_eq!(
        s.doc, v1,
        "redo re-applies the most recently undone edit first"
    );
    let s = store.redo(&slug, &ui()).unwrap();
    assert_eq!(s.doc, v2);
    assert_eq!(s.redo, None);
    assert_eq!(
        store.redo(&slug, &ui()).unwrap_err().code(),
        "nothing_to_redo"
    );
    assert_eq!(store.load(&slug).unwrap(), v2);
}

#[test]
fn undo_and_redo_survive_closing_and_reopening_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let slug = {
        let mut store = Store::open(&path).unwrap();
        let slug = store.import_workspace(&rich(), &ui()).unwrap().slug;
        store.apply(&slug, &add_stage("a"), &ui()).unwrap();
        store.apply(&slug, &add_stage("b"), &ui()).unwrap();
        store.undo(&slug, &ui()).unwrap();
        slug
    };
    let expected_after_a = apply_edit(&rich(), &add_stage("a")).unwrap();
    {
        let mut store = Store::open(&path).unwrap();
        let state = store.state(&slug).unwrap();
        assert_eq!(state.doc, expected_after_a);
        assert_eq!(
            state.undo.as_ref().map(|s| s.label.as_str()),
            Some("Add stage \u{201c}A\u{201d}")
        );
        assert_eq!(
            state.redo.as_ref().map(|s| s.label.as_str()),
            Some("Add stage \u{201c}B\u{201d}")
        );
        store.undo(&slug, &ui()).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.load(&slug).unwrap(), rich());
    store.redo(&slug, &ui()).unwrap();
    let doc = store.redo(&slug, &ui()).unwrap().doc;
    let names: Vec<&str> = doc.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Discover", "Onboard", "Succeed", "A", "B"]);
}

#[test]
fn a_new_edit_discards_the_redo_stack() {
    let (mut store, slug) = store_with_rich();
    store.apply(&slug, &add_stage("a"), &ui()).unwrap();
    store.apply(&slug, &add_stage("b"), &ui()).unwrap();
    store.undo(&slug, &ui()).unwrap();
    store.undo(&slug, &ui()).unwrap();
    let s = store.apply(&slug, &add_stage("c"), &ui()).unwrap();
    assert_eq!(s.redo, None, "nothing left to redo after a new edit");
    assert_eq!(
        store.redo(&slug, &ui()).unwrap_err().code(),
        "nothing_to_redo"
    );
    let s = store.undo(&slug, &ui()).unwrap();
    assert_eq!(s.doc, rich(), "undo now reverts the new edit, and only it");
    assert_eq!(s.undo, None);
    assert_eq!(
        s.redo.as_ref().map(|s| s.label.as_str()),
        Some("Add stage \u{201c}C\u{201d}")
    );
}

#[test]
fn a_batch_is_undone_and_redone_as_one() {
    let (mut store, slug) = store_with_rich();
    let batch = Edit::Batch {
        edits: vec![
            add_stage("a"),
            Edit::PutElement {
                element: Element::new(id("bot"), ElementKind::Touchpoint, "Chatbot"),
            },
            Edit::DeleteElement { id: id("crm") },
            Edit::MoveStage {
                id: id("succeed"),
                index: 0,
            },
        ],
    };
    let after = store.apply(&slug, &batch, &ui()).unwrap();
    assert_eq!(
        after.undo.as_ref().map(|s| s.label.as_str()),
        Some("Add stage \u{201c}A\u{201d} and 3 more changes")
    );
    assert_eq!(store.undo(&slug, &ui()).unwrap().doc, rich());
    assert_eq!(store.redo(&slug, &ui()).unwrap().doc, after.doc);
}

#[test]
fn undo_is_refused_when_the_result_would_be_inconsistent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let slug = store.import_workspace(&rich(), &ui()).unwrap().slug;
    store
        .apply(
            &slug,
            &Edit::PutElement {
                element: Element::new(id("bot"), ElementKind::Touchpoint, "Chatbot"),
            },
            &ui(),
        )
        .unwrap();
    // Another program writes straight into the file: a handoff to the new element.
    Connection::open(&path)
        .unwrap()
        .execute(
            "INSERT INTO handoffs (workspace_id, id, ord, from_id, to_id)
             SELECT id, 'h9', 2, 'wizard', 'bot' FROM workspaces",
            [],
        )
        .unwrap();
    let before = snapshot(&path);

    let err = store.undo(&slug, &ui()).unwrap_err();

    assert_eq!(err.code(), "conflict");
    assert_eq!(
        err.to_string(),
        "cannot undo \"Add touchpoint \u{201c}Chatbot\u{201d}\": the workspace has \
         changed since, and doing it now would leave it inconsistent (handoffs[2].to: no \
         element \"bot\"). Nothing was changed."
    );
    assert_eq!(snapshot(&path), before, "nothing was changed");
}

#[test]
fn an_edit_from_another_handle_is_undone_by_either() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut app = Store::open(&path).unwrap();
    let mut cli_store = Store::open(&path).unwrap();
    let slug = app.import_workspace(&rich(), &ui()).unwrap().slug;

    cli_store.apply(&slug, &add_stage("a"), &cli()).unwrap();
    let seen = app.state(&slug).unwrap();
    assert_eq!(seen.doc.stages.len(), 4, "the app sees the CLI's edit");
    assert_eq!(seen.revision, 2);

    app.apply(&slug, &add_stage("b"), &ui()).unwrap();
    cli_store.undo(&slug, &cli()).unwrap();
    cli_store.undo(&slug, &cli()).unwrap();
    assert_eq!(app.load(&slug).unwrap(), rich());
    app.redo(&slug, &ui()).unwrap();
    assert_eq!(cli_store.load(&slug).unwrap().stages.len(), 4);
}

#[test]
fn two_handles_writing_in_turn_never_lose_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let slug = Store::open(&path)
        .unwrap()
        .import_workspace(&rich(), &ui())
        .unwrap()
        .slug;
    let writers: Vec<_> = ["x", "y"]
        .into_iter()
        .map(|prefix| {
            let path = path.clone();
            let slug = slug.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for i in 0..10 {
                    store
                        .apply(&slug, &add_stage(&format!("{prefix}{i}")), &cli())
                        .unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let state = Store::open(&path).unwrap().state(&slug).unwrap();
    assert_eq!(
        state.doc.stages.len(),
        3 + 20,
        "every edit of both writers is kept"
    );
    assert_eq!(state.revision, 21);
}

#[test]
fn undo_restores_positions_of_moved_entities() {
    let (mut store, slug) = store_with_rich();
    let edit: Edit = serde_json::from_value(json!({
        "type": "put_principle", "index": 0,
        "principle": {"id": "p2", "text": "One voice per day, always"}
    }))
    .unwrap();
    let moved = store.apply(&slug, &edit, &ui()).unwrap().doc;
    assert_eq!(moved.principles[0].id, "p2");
    assert_eq!(store.undo(&slug, &ui()).unwrap().doc, rich());
}
