//! The incremental edit path is the whole-document path, only cheaper: for random edits
//! on random workspaces it gives exactly the changes `diff` gives, refuses exactly what
//! `apply_edit` refuses, and leaves the document the model computes. Undo and redo give
//! back each document, and the database stays sound after every step.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod props;

use proptest::prelude::*;
use throughline_model::{Edit, apply_edit, diff};
use throughline_store::{Actor, Source, Store, StoreError, stamped_edit};

fn ui() -> Actor {
    Actor::new("Ada", Source::Ui)
}

/// The store's frozen clock in these tests.
const NOW: &str = "2026-01-01T10:00:00Z";

/// A store whose clock is frozen at [`NOW`].
fn frozen(mut store: Store) -> Store {
    store.freeze_clock(NOW);
    store
}

/// What the model computes for `edit` as the store records it (waivers stamped by Ada, now).
fn model(
    doc: &throughline_model::Workspace,
    edit: &Edit,
) -> Result<throughline_model::Workspace, throughline_model::EditError> {
    apply_edit(doc, &stamped_edit(edit, "Ada", NOW))
}

fn sound(store: &Store) {
    let problems = store.integrity_problems().unwrap();
    assert!(
        problems.is_empty(),
        "the database is not sound: {problems:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: props::cases(48),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn an_edit_changes_exactly_what_the_model_says(
        ws in props::workspace(),
        edits in proptest::collection::vec(props::edit(), 1..12),
    ) {
        let mut store = frozen(Store::open_in_memory().unwrap());
        let slug = store.import_workspace(&ws, &ui()).unwrap().slug;
        let mut doc = ws;
        for edit in &edits {
            let expected = model(&doc, edit);
            let got = store.apply_delta(&slug, edit, &ui());
            match (expected, got) {
                (Ok(next), Ok(delta)) => {
                    prop_assert_eq!(&delta.changes, &diff(&doc, &next), "changes of {:?}", edit);
                    doc = next;
                }
                (Err(want), Err(StoreError::InvalidEdit(got))) => {
                    prop_assert_eq!(got, want, "refusal of {:?}", edit);
                }
                (want, got) => prop_assert!(false, "{:?}: the model gives {:?}, the store {:?}", edit, want.map(|_| ()), got.map(|d| d.changes)),
            }
            prop_assert_eq!(&store.load(&slug).unwrap(), &doc, "stored document after {:?}", edit);
        }
    }

    #[test]
    fn undo_gives_back_the_original_and_redo_the_edited(
        ws in props::workspace(),
        edits in proptest::collection::vec(props::edit(), 1..8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = frozen(Store::open(&dir.path().join("library.sqlite3")).unwrap());
        let slug = store.import_workspace(&ws, &ui()).unwrap().slug;
        let mut doc = ws;
        for edit in &edits {
            let Ok(next) = model(&doc, edit) else { continue };
            let delta = store.apply_delta(&slug, edit, &ui()).unwrap();
            sound(&store);
            if delta.changes.is_empty() {
                continue;
            }
            let undone = store.undo_delta(&slug, &ui()).unwrap();
            prop_assert_eq!(&store.load(&slug).unwrap(), &doc, "undo of {:?}", edit);
            prop_assert_eq!(undone.changes, diff(&next, &doc));
            sound(&store);
            store.redo_delta(&slug, &ui()).unwrap();
            prop_assert_eq!(&store.load(&slug).unwrap(), &next, "redo of {:?}", edit);
            sound(&store);
            doc = next;
        }
        // Every edit undone, newest first, gives back the workspace as imported.
        while store.undo_delta(&slug, &ui()).is_ok() {
            sound(&store);
        }
    }
}

#[test]
fn a_deleted_workspace_leaves_no_rows_behind() {
    // Deleting the workspace row removes its entities only through the foreign keys'
    // cascades: with foreign keys off, rows would be left behind and `verify` reports them.
    let mut store = Store::open_in_memory().unwrap();
    let ws = throughline_audit::generate(40, 7);
    let slug = store.import_workspace(&ws, &ui()).unwrap().slug;
    store.delete_workspace(&slug).unwrap();
    assert_eq!(store.integrity_problems().unwrap(), Vec::<String>::new());
}

#[test]
fn an_edit_batch_that_returns_to_the_start_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let ws = throughline_audit::generate(30, 3);
    let slug = store.import_workspace(&ws, &ui()).unwrap().slug;
    let before = store.state(&slug).unwrap();
    let element = ws.elements[3].clone();
    let mut renamed = element.clone();
    renamed.name = "Renamed".into();
    let edit = Edit::Batch {
        edits: vec![
            Edit::PutElement { element: renamed },
            Edit::PutElement { element },
        ],
    };
    let delta = store.apply_delta(&slug, &edit, &ui()).unwrap();
    assert!(delta.changes.is_empty());
    assert_eq!(delta.revision, before.revision);
    assert_eq!(store.state(&slug).unwrap(), before);
}
