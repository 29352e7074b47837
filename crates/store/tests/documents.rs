//! A whole document applied as one undoable edit (a merge), and the workspace as it was
//! after any change batch of its log.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{cli, id, rich, store_with_rich, ui};
use throughline_model::{Edit, Workspace};
use throughline_store::{BatchState, Source, StoreError};

fn merged() -> Workspace {
    let mut doc = rich();
    doc.elements.retain(|e| e.id.as_str() != "agency");
    doc.stages[0].name = "Discover (merged)".into();
    doc.workspace.vision = "Value in the first week, for every customer".into();
    doc
}

#[test]
fn a_merged_document_is_one_undoable_edit_logged_as_a_merge() {
    let (mut store, slug) = store_with_rich();
    let before_batches = store.history(&slug, 100).unwrap().len();

    let state = store
        .apply_document(
            &slug,
            &merged(),
            "Merge theirs.throughline.json",
            Source::Merge,
            &cli(),
        )
        .unwrap();
    assert_eq!(state.doc, merged());
    assert_eq!(
        state.undo.as_ref().map(|s| s.label.as_str()),
        Some("Merge theirs.throughline.json")
    );
    let log = store.history(&slug, 100).unwrap();
    assert_eq!(
        log.len(),
        before_batches + 1,
        "one batch for the whole merge"
    );
    assert_eq!(log[0].source, Source::Merge);
    assert_eq!(log[0].who, "Grace");
    assert_eq!(log[0].state, BatchState::Done);
    assert_eq!(log[0].changes.len(), 3, "the info, one stage, one element");

    let undone = store.undo(&slug, &ui()).unwrap();
    assert_eq!(
        undone.doc,
        rich(),
        "undo brings back the workspace before the merge"
    );
    let redone = store.redo(&slug, &ui()).unwrap();
    assert_eq!(redone.doc, merged());
}

#[test]
fn a_document_equal_to_the_workspace_logs_nothing() {
    let (mut store, slug) = store_with_rich();
    let before = store.history(&slug, 100).unwrap().len();
    store
        .apply_document(&slug, &rich(), "Merge", Source::Merge, &ui())
        .unwrap();
    assert_eq!(store.history(&slug, 100).unwrap().len(), before);
}

#[test]
fn an_invalid_document_is_refused_with_its_problems_and_changes_nothing() {
    let (mut store, slug) = store_with_rich();
    let mut broken = rich();
    broken.elements.retain(|e| e.id.as_str() != "wizard"); // handoff h1 still points at it
    let before = store.history(&slug, 100).unwrap().len();
    let err = store
        .apply_document(&slug, &broken, "Merge", Source::Merge, &ui())
        .unwrap_err();
    assert!(!err.problems().is_empty(), "{err}");
    assert!(
        err.problems().iter().any(|p| p.message.contains("wizard")),
        "{:?}",
        err.problems()
    );
    assert_eq!(store.load(&slug).unwrap(), rich());
    assert_eq!(store.history(&slug, 100).unwrap().len(), before);
}

#[test]
fn a_restore_goes_through_the_same_whole_document_edit() {
    let (mut store, slug) = store_with_rich();
    store
        .create_snapshot(&slug, "Baseline", None, &ui())
        .unwrap();
    store
        .apply(&slug, &Edit::DeleteElement { id: id("agency") }, &ui())
        .unwrap();
    let restored = store.restore_snapshot(&slug, "Baseline", &ui()).unwrap();
    assert_eq!(restored.doc, rich());
    assert_eq!(store.history(&slug, 1).unwrap()[0].source, Source::Restore);
}

#[test]
fn the_state_after_each_batch_is_the_document_as_it_was_then() {
    let (mut store, slug) = store_with_rich();
    let mut seen = vec![(store.history(&slug, 1).unwrap()[0].id, rich())];
    let edits = [
        Edit::DeleteElement { id: id("agency") },
        Edit::DeleteStage { id: id("succeed") },
        Edit::DeleteElement { id: id("ana") },
    ];
    for edit in &edits {
        let doc = store.apply(&slug, edit, &ui()).unwrap().doc;
        seen.push((store.history(&slug, 1).unwrap()[0].id, doc));
    }
    let doc = store.undo(&slug, &ui()).unwrap().doc;
    seen.push((store.history(&slug, 1).unwrap()[0].id, doc));
    let doc = store
        .apply_document(&slug, &rich(), "Merge", Source::Merge, &ui())
        .unwrap()
        .doc;
    seen.push((store.history(&slug, 1).unwrap()[0].id, doc));

    for (batch, doc) in &seen {
        assert_eq!(
            &store.state_after(&slug, *batch).unwrap(),
            doc,
            "after batch {batch}"
        );
    }
    assert_eq!(
        store.state_after(&slug, seen.last().unwrap().0).unwrap(),
        store.load(&slug).unwrap(),
        "after the newest batch is now"
    );
}

#[test]
fn a_batch_that_is_not_in_the_log_is_refused_with_the_range_that_is() {
    let (store, slug) = store_with_rich();
    let newest = store.history(&slug, 1).unwrap()[0].id;
    let err = store.state_after(&slug, newest + 50).unwrap_err();
    assert!(matches!(err, StoreError::BatchNotFound { .. }), "{err:?}");
    assert!(err.to_string().contains(&format!("to {newest}")), "{err}");
}
