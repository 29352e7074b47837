//! The incremental edit path is the whole-document path, only cheaper: for random edits
//! on random workspaces it gives exactly the changes `diff` gives, refuses exactly what
//! `apply_edit` refuses, and leaves the document the model computes. Undo and redo give
//! back each document, and the database stays sound after every step. The document the store
//! holds in memory (`Store::current`), carried forward by those edits, equals the stored one.
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
        prop_assert_eq!(&*store.current(&slug).unwrap(), &ws);
        let mut doc = ws;
        for (n, edit) in edits.iter().enumerate() {
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
            // Read every other step, so that some reads carry two edits at once.
            if n % 2 == 1 {
                prop_assert_eq!(&*store.current(&slug).unwrap(), &doc, "held document after {:?}", edit);
            }
        }
        prop_assert_eq!(&*store.current(&slug).unwrap(), &doc, "held document at the end");
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
            prop_assert_eq!(&*store.current(&slug).unwrap(), &next, "held document after {:?}", edit);
            let undone = store.undo_delta(&slug, &ui()).unwrap();
            prop_assert_eq!(&store.load(&slug).unwrap(), &doc, "undo of {:?}", edit);
            prop_assert_eq!(&*store.current(&slug).unwrap(), &doc, "held document after the undo of {:?}", edit);
            prop_assert_eq!(undone.changes, diff(&next, &doc));
            sound(&store);
            store.redo_delta(&slug, &ui()).unwrap();
            prop_assert_eq!(&store.load(&slug).unwrap(), &next, "redo of {:?}", edit);
            prop_assert_eq!(&*store.current(&slug).unwrap(), &next, "held document after the redo of {:?}", edit);
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

#[test]
fn the_held_document_follows_writes_it_did_not_make() {
    // Another connection (the CLI beside the app) renames an element; this store's held
    // document must not hide that, and a delete and re-import under the same name neither.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut app = Store::open(&path).unwrap();
    let ws = throughline_audit::generate(30, 3);
    let slug = app.import_workspace(&ws, &ui()).unwrap().slug;
    assert_eq!(*app.current(&slug).unwrap(), ws);

    let mut cli = Store::open(&path).unwrap();
    let mut renamed = ws.elements[2].clone();
    renamed.name = "Renamed elsewhere".into();
    cli.apply_delta(&slug, &Edit::PutElement { element: renamed }, &ui())
        .unwrap();
    assert_eq!(
        app.current(&slug).unwrap().elements[2].name,
        "Renamed elsewhere"
    );
    assert_eq!(*app.current(&slug).unwrap(), app.load(&slug).unwrap());

    // This store's own edit after the other's is carried on top of it.
    let mut again = ws.elements[3].clone();
    again.name = "Renamed here".into();
    app.apply_delta(&slug, &Edit::PutElement { element: again }, &ui())
        .unwrap();
    let held = app.current(&slug).unwrap();
    assert_eq!(held.elements[3].name, "Renamed here");
    assert_eq!(held.elements[2].name, "Renamed elsewhere");

    cli.delete_workspace(&slug).unwrap();
    let mut other = throughline_audit::generate(12, 9);
    other.workspace.name = ws.workspace.name.clone();
    let slug2 = cli.import_workspace(&other, &ui()).unwrap().slug;
    assert_eq!(slug2, slug, "the name is free again");
    assert_eq!(*app.current(&slug).unwrap(), other);
}

#[test]
fn two_edits_to_one_entity_carried_together_leave_the_last_state() {
    // Found by the property test: a held document carried over an edit that renamed an
    // element and one that renamed it again, read only after both, must show the second name.
    let mut store = Store::open_in_memory().unwrap();
    let ws = throughline_audit::generate(20, 5);
    let slug = store.import_workspace(&ws, &ui()).unwrap().slug;
    assert_eq!(*store.current(&slug).unwrap(), ws);
    let mut element = ws.elements[1].clone();
    element.name = "First".into();
    store
        .apply_delta(
            &slug,
            &Edit::PutElement {
                element: element.clone(),
            },
            &ui(),
        )
        .unwrap();
    store
        .apply_delta(
            &slug,
            &Edit::DeleteElement {
                id: element.id.clone(),
            },
            &ui(),
        )
        .unwrap();
    assert_eq!(*store.current(&slug).unwrap(), store.load(&slug).unwrap());
    assert!(
        store
            .current(&slug)
            .unwrap()
            .elements
            .iter()
            .all(|e| e.id != element.id)
    );
}
