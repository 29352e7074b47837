//! Graph positions: kept per workspace, outside the change log, tolerant of deleted nodes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{id, store_with_rich, ui};
use throughline_model::Edit;
use throughline_store::{NodePosition, Store, StoreError};

fn pos(id: &str, x: f64, y: f64) -> NodePosition {
    NodePosition {
        id: id.into(),
        x,
        y,
    }
}

#[test]
fn positions_are_saved_moved_and_reloaded_in_element_order() {
    let (mut store, slug) = store_with_rich();
    let doc = store.load(&slug).unwrap();
    let first = doc.elements[0].id.to_string();
    let second = doc.elements[1].id.to_string();
    store
        .save_layout(&slug, &[pos(&second, 10.0, 20.0), pos(&first, 1.0, 2.0)])
        .unwrap();
    store
        .save_layout(&slug, &[pos(&second, 30.0, 40.0)])
        .unwrap();
    assert_eq!(
        store.layout(&slug).unwrap(),
        vec![pos(&first, 1.0, 2.0), pos(&second, 30.0, 40.0)]
    );
}

#[test]
fn moving_nodes_is_not_an_undoable_edit() {
    let (mut store, slug) = store_with_rich();
    let before = store.state(&slug).unwrap();
    let first = before.doc.elements[0].id.to_string();
    store.save_layout(&slug, &[pos(&first, 5.0, 5.0)]).unwrap();
    let after = store.state(&slug).unwrap();
    assert_eq!(
        after.revision, before.revision,
        "no change batch for a move"
    );
    assert_eq!(after.undo, before.undo);
}

#[test]
fn unknown_ids_are_ignored_and_a_deleted_node_keeps_its_place_for_undo() {
    let (mut store, slug) = store_with_rich();
    let doc = store.load(&slug).unwrap();
    let first = doc.elements[0].id.to_string();
    store
        .save_layout(&slug, &[pos("ghost", 1.0, 1.0), pos(&first, 7.0, 8.0)])
        .unwrap();
    assert_eq!(store.layout(&slug).unwrap(), vec![pos(&first, 7.0, 8.0)]);

    store
        .apply(&slug, &Edit::DeleteElement { id: id(&first) }, &ui())
        .unwrap();
    assert!(
        store.layout(&slug).unwrap().is_empty(),
        "a deleted element has no position"
    );
    store.undo(&slug, &ui()).unwrap();
    assert_eq!(store.layout(&slug).unwrap(), vec![pos(&first, 7.0, 8.0)]);
}

#[test]
fn a_non_finite_position_is_refused_and_changes_nothing() {
    let (mut store, slug) = store_with_rich();
    let first = store.load(&slug).unwrap().elements[0].id.to_string();
    store.save_layout(&slug, &[pos(&first, 1.0, 1.0)]).unwrap();
    let err = store.save_layout(&slug, &[pos(&first, 2.0, 2.0), pos(&first, f64::NAN, 0.0)]);
    assert!(
        matches!(err, Err(StoreError::InvalidPosition(ref i)) if *i == first),
        "{err:?}"
    );
    assert_eq!(store.layout(&slug).unwrap(), vec![pos(&first, 1.0, 1.0)]);
}

#[test]
fn positions_belong_to_their_workspace_and_go_with_it() {
    let mut store = Store::open_in_memory().unwrap();
    let a = store.create_workspace("A", &ui()).unwrap().slug;
    assert!(store.layout(&a).unwrap().is_empty());
    assert!(matches!(
        store.layout("nope"),
        Err(StoreError::NotFound { .. })
    ));
    store.delete_workspace(&a).unwrap();
    assert!(store.layout(&a).is_err());
}
