//! What a facilitator needs before the room: a copy of a workspace to try a variant in, and
//! layer scores that belong to the session they were given in.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{rich, store_with_rich, ui};
use throughline_model::{Edit, Layer, LayerScore, Score};
use throughline_store::{NodePosition, Store};

#[test]
fn a_duplicate_has_the_same_content_and_layout_under_its_own_name_and_history() {
    let (mut store, slug) = store_with_rich();
    let first = store.load(&slug).unwrap().elements[0].id.to_string();
    store
        .save_layout(
            &slug,
            &[NodePosition {
                id: first.clone(),
                x: 12.0,
                y: 34.0,
            }],
        )
        .unwrap();

    let copy = store.duplicate_workspace(&slug, None, &ui()).unwrap();
    assert_eq!(copy.name, "NexusFlow onboarding (copy)");
    assert_ne!(copy.slug, slug, "the copy has a slug of its own");
    let (original, copied) = (store.load(&slug).unwrap(), store.load(&copy.slug).unwrap());
    assert_eq!(
        throughline_model::Workspace {
            workspace: original.workspace.clone(),
            ..copied.clone()
        },
        original,
        "everything but the name is the same"
    );
    assert_eq!(
        store.layout(&copy.slug).unwrap(),
        vec![NodePosition {
            id: first,
            x: 12.0,
            y: 34.0
        }]
    );
    let history = store.history(&copy.slug, 10).unwrap();
    assert_eq!(history.len(), 1, "the copy starts its own history");
    assert!(history[0].label.starts_with("Duplicate workspace"));
}

#[test]
fn a_duplicate_takes_the_name_given_and_refuses_a_bad_one_or_an_unknown_source() {
    let (mut store, slug) = store_with_rich();
    let named = store
        .duplicate_workspace(&slug, Some("  Variant B  "), &ui())
        .unwrap();
    assert_eq!(named.name, "Variant B");
    let before = store.list_workspaces().unwrap();

    let err = store
        .duplicate_workspace(&slug, Some(&"x".repeat(5000)), &ui())
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    let err = store
        .duplicate_workspace("no-such-workspace", None, &ui())
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(
        store.list_workspaces().unwrap(),
        before,
        "nothing was added"
    );
}

fn score(layer: Layer, date: &str, session: Option<&str>) -> Edit {
    Edit::PutLayerScore {
        score: LayerScore {
            layer,
            score: Score::new(3).unwrap(),
            date: date.into(),
            session: session.map(common::id),
        },
    }
}

#[test]
fn a_layer_score_belongs_to_a_session_that_exists() {
    let mut store = Store::open_in_memory().unwrap();
    let slug = store.import_workspace(&rich(), &ui()).unwrap().slug;
    store
        .apply(
            &slug,
            &score(Layer::System, "2025-03-04", Some("s1")),
            &ui(),
        )
        .unwrap();
    let err = store
        .apply(
            &slug,
            &score(Layer::Narrative, "2025-03-04", Some("s9")),
            &ui(),
        )
        .unwrap_err();
    assert_eq!(err.code(), "invalid_edit", "{err}");

    // Removing the session its scores belong to keeps the scores, on their own date.
    store
        .apply(
            &slug,
            &Edit::DeleteSession {
                id: common::id("s1"),
            },
            &ui(),
        )
        .unwrap();
    let doc = store.load(&slug).unwrap();
    assert!(doc.readiness.is_empty());
    assert_eq!(doc.layer_scores.len(), 3);
    assert!(doc.layer_scores.iter().all(|l| l.session.is_none()));
    assert_eq!(doc, store.load(&slug).unwrap());
}

#[test]
fn today_follows_the_stores_clock() {
    let mut store = Store::open_in_memory().unwrap();
    store.freeze_clock("2027-02-03T04:05:06Z");
    assert_eq!(store.today().unwrap(), "2027-02-03");
}
