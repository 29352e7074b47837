//! Snapshots: taken, listed, loaded, exported, restored as an undoable edit, deleted.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{cli, id, rich, store_with_rich, ui};
use throughline_model::Edit;
use throughline_store::{BatchState, Source, StoreError, decode_snapshot, encode_snapshot};

#[test]
fn a_snapshot_holds_the_workspace_as_it_was_when_taken() {
    let (mut store, slug) = store_with_rich();
    let info = store
        .create_snapshot(
            &slug,
            " Post-workshop baseline ",
            Some("After the March workshop"),
            &ui(),
        )
        .unwrap();
    assert_eq!(info.label, "Post-workshop baseline", "the label is trimmed");
    assert_eq!(info.note.as_deref(), Some("After the March workshop"));
    assert_eq!(info.who, "Ada");
    store
        .apply(&slug, &Edit::DeleteElement { id: id("wizard") }, &ui())
        .unwrap();
    let snap = store
        .load_snapshot(&slug, "post-workshop BASELINE")
        .unwrap();
    assert_eq!(
        snap,
        rich(),
        "labels are found ignoring case; the doc is as it was"
    );
    assert!(store.load(&slug).unwrap().element("wizard").is_none());
}

#[test]
fn snapshots_are_listed_newest_first() {
    let (mut store, slug) = store_with_rich();
    store.create_snapshot(&slug, "First", None, &ui()).unwrap();
    store.create_snapshot(&slug, "Second", None, &ui()).unwrap();
    let labels: Vec<String> = store
        .snapshots(&slug)
        .unwrap()
        .into_iter()
        .map(|s| s.label)
        .collect();
    assert_eq!(labels, ["Second", "First"]);
}

#[test]
fn a_label_taken_twice_is_refused_and_changes_nothing() {
    let (mut store, slug) = store_with_rich();
    store
        .create_snapshot(&slug, "Baseline", None, &ui())
        .unwrap();
    let err = store
        .create_snapshot(&slug, "baseline", None, &ui())
        .unwrap_err();
    assert!(matches!(err, StoreError::SnapshotLabelTaken(_)), "{err}");
    assert!(
        err.to_string()
            .contains("already has a snapshot labelled \"Baseline\""),
        "{err}"
    );
    assert_eq!(store.snapshots(&slug).unwrap().len(), 1);
    let empty = store.create_snapshot(&slug, "  ", None, &ui()).unwrap_err();
    assert_eq!(empty.code(), "invalid_input", "{empty}");
}

#[test]
fn an_unknown_label_names_the_labels_that_exist() {
    let (mut store, slug) = store_with_rich();
    let none = store.load_snapshot(&slug, "Baseline").unwrap_err();
    assert!(none.to_string().contains("has no snapshots yet"), "{none}");
    store
        .create_snapshot(&slug, "Kickoff", None, &ui())
        .unwrap();
    store
        .create_snapshot(&slug, "Q2 review", None, &ui())
        .unwrap();
    let err = store
        .restore_snapshot(&slug, "Baseline", &ui())
        .unwrap_err();
    assert_eq!(err.code(), "snapshot_not_found");
    assert!(
        err.to_string()
            .contains("it has: \"Q2 review\", \"Kickoff\""),
        "{err}"
    );
}

#[test]
fn restoring_is_one_undoable_edit_logged_as_a_restore() {
    let (mut store, slug) = store_with_rich();
    store
        .create_snapshot(&slug, "Baseline", None, &ui())
        .unwrap();
    store
        .apply(&slug, &Edit::DeleteElement { id: id("wizard") }, &ui())
        .unwrap();
    let edited = store
        .apply(&slug, &Edit::DeleteStage { id: id("succeed") }, &ui())
        .unwrap()
        .doc;

    let restored = store.restore_snapshot(&slug, "Baseline", &cli()).unwrap();
    assert_eq!(restored.doc, rich());
    assert_eq!(
        restored.undo.as_ref().map(|s| s.label.as_str()),
        Some("Restore snapshot \u{201c}Baseline\u{201d}")
    );
    let batch = &store.history(&slug, 1).unwrap()[0];
    assert_eq!(batch.source, Source::Restore);
    assert_eq!(batch.who, "Grace");
    assert_eq!(batch.state, BatchState::Done);

    let undone = store.undo(&slug, &ui()).unwrap();
    assert_eq!(
        undone.doc, edited,
        "undoing the restore brings the later edits back"
    );
    let redone = store.redo(&slug, &ui()).unwrap();
    assert_eq!(redone.doc, rich());
}

#[test]
fn restoring_a_snapshot_equal_to_the_workspace_logs_nothing() {
    let (mut store, slug) = store_with_rich();
    store
        .create_snapshot(&slug, "Baseline", None, &ui())
        .unwrap();
    let before = store.history(&slug, 100).unwrap().len();
    store.restore_snapshot(&slug, "Baseline", &ui()).unwrap();
    assert_eq!(store.history(&slug, 100).unwrap().len(), before);
}

#[test]
fn a_deleted_snapshot_is_gone_and_the_workspace_untouched() {
    let (mut store, slug) = store_with_rich();
    store
        .create_snapshot(&slug, "Baseline", None, &ui())
        .unwrap();
    let revision = store.state(&slug).unwrap().revision;
    store.delete_snapshot(&slug, "BASELINE").unwrap();
    assert!(store.snapshots(&slug).unwrap().is_empty());
    assert_eq!(store.state(&slug).unwrap().revision, revision);
    let again = store.delete_snapshot(&slug, "Baseline").unwrap_err();
    assert_eq!(again.code(), "snapshot_not_found");
}

#[test]
fn deleting_a_workspace_deletes_its_snapshots() {
    let (mut store, slug) = store_with_rich();
    store
        .create_snapshot(&slug, "Baseline", None, &ui())
        .unwrap();
    store.delete_workspace(&slug).unwrap();
    let (store2, slug2) = {
        let s = store.import_workspace(&rich(), &ui()).unwrap();
        (store, s.slug)
    };
    assert!(store2.snapshots(&slug2).unwrap().is_empty());
}

#[test]
fn a_snapshot_exports_as_a_throughline_file() {
    let (mut store, slug) = store_with_rich();
    store
        .create_snapshot(&slug, "Baseline", None, &ui())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("baseline.throughline.json");
    store.export_snapshot(&slug, "Baseline", &path).unwrap();
    assert_eq!(throughline_format::read_file(&path).unwrap(), rich());
}

#[test]
fn a_snapshot_takes_at_most_a_third_of_the_json_export() {
    let ws = throughline_audit::generate(2_000, 7);
    let (bytes, _) = encode_snapshot(&ws).unwrap();
    let export = throughline_format::to_string(&ws).len();
    assert!(
        bytes.len() * 3 <= export,
        "snapshot {} bytes against an export of {export}",
        bytes.len()
    );
    assert_eq!(decode_snapshot(&bytes).unwrap(), ws);
}

#[test]
fn a_snapshot_opens_read_only_under_the_name_slug_at_label() {
    let (mut store, slug) = store_with_rich();
    store
        .create_snapshot(&slug, "Baseline", Some("Before the workshop"), &ui())
        .unwrap();
    store
        .apply(&slug, &Edit::DeleteElement { id: id("wizard") }, &ui())
        .unwrap();

    let state = store.snapshot_state(&slug, "baseline").unwrap();
    assert_eq!(state.summary.slug, format!("{slug}@Baseline"));
    assert_eq!(
        state.doc,
        rich(),
        "the snapshot's document, not the workspace's"
    );
    assert_eq!((state.revision, state.undo, state.redo), (0, None, None));
    let taken = &store.snapshots(&slug).unwrap()[0];
    assert_eq!(state.saved_at, taken.at);

    // Every reader takes the state's name; the snapshot is read where the workspace would be.
    let target = state.summary.slug.clone();
    assert_eq!(store.load(&target).unwrap(), rich());
    assert!(store.load(&slug).unwrap().element("wizard").is_none());
    assert_eq!(store.layout(&target).unwrap(), store.layout(&slug).unwrap());

    // Nothing writes through it, and the refusal says what to do.
    let before = store.state(&slug).unwrap();
    let refused = store
        .apply(&target, &Edit::DeleteElement { id: id("wizard") }, &ui())
        .unwrap_err();
    assert!(
        matches!(refused, StoreError::ReadOnlySnapshot(_)),
        "{refused:?}"
    );
    assert_eq!(
        refused.error_code(),
        throughline_model::ErrorCode::Forbidden
    );
    assert!(
        refused.to_string().contains("cannot be changed"),
        "{refused}"
    );
    assert!(store.undo(&target, &ui()).is_err());
    assert!(store.save_layout(&target, &[]).is_err());
    assert_eq!(
        store.state(&slug).unwrap().revision,
        before.revision,
        "nothing was written"
    );

    let missing = store.snapshot_state(&slug, "Q3").unwrap_err();
    assert!(
        matches!(missing, StoreError::SnapshotNotFound { .. }),
        "{missing:?}"
    );
    assert!(store.load(&format!("{slug}@Q3")).is_err());
}
