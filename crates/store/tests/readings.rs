//! Many readings at once (a readings import): one transaction, one compact log entry, and
//! undo and redo that remove or restore exactly the readings the import put or replaced.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use throughline_model::{
    Edit, Element, ElementKind, Emotion, Id, Metric, MetricKind, MetricScope, Reading, Stage,
    Workspace, apply_edit, diff,
};
use throughline_store::{Actor, Source, Store, StoreError};

fn ui() -> Actor {
    Actor::new("Ada", Source::Ui)
}

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn reading(metric: &str, date: &str, value: f64, n: Option<u32>) -> Reading {
    Reading {
        metric: id(metric),
        date: date.into(),
        value,
        n,
    }
}

/// A stage, a touchpoint, a 1..5 sentiment metric with two readings and an NPS without.
fn measured() -> Workspace {
    let mut ws = Workspace::new("Readings");
    ws.stages.push(Stage {
        id: id("set-up"),
        name: "Set up".into(),
        emotion: Emotion::new(1).unwrap(),
        moment: String::new(),
    });
    let mut wizard = Element::new(id("wizard"), ElementKind::Touchpoint, "Wizard");
    wizard.stages = vec![id("set-up")];
    ws.elements.push(wizard);
    let mut csat = Metric::new(id("csat"), "CSAT", MetricKind::Sentiment, 1.0, 5.0);
    csat.scope = MetricScope::Element(id("wizard"));
    ws.metrics.push(csat);
    ws.metrics.push(Metric::new(
        id("nps"),
        "NPS",
        MetricKind::Nps,
        -100.0,
        100.0,
    ));
    ws.readings = vec![
        reading("csat", "2026-01-31", 4.0, Some(100)),
        reading("csat", "2026-02-28", 3.5, None),
    ];
    ws
}

fn open(ws: &Workspace) -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    let slug = store.import_workspace(ws, &ui()).unwrap().slug;
    (store, slug)
}

fn import() -> Edit {
    Edit::PutReadings {
        readings: vec![
            reading("nps", "2026-01-31", 12.0, Some(400)),
            // Replaces the recorded 3.5 (no n) with 3.0 and an n.
            reading("csat", "2026-02-28", 3.0, Some(90)),
            reading("csat", "2026-03-31", 2.5, None),
            // Exactly as recorded: nothing to do.
            reading("csat", "2026-01-31", 4.0, Some(100)),
        ],
    }
}

#[test]
fn an_import_gives_the_model_document_and_exactly_the_changes_diff_gives() {
    let ws = measured();
    let (mut store, slug) = open(&ws);
    let delta = store.apply_delta(&slug, &import(), &ui()).unwrap();
    let expected = apply_edit(&ws, &import()).unwrap();
    assert_eq!(store.load(&slug).unwrap(), expected);
    assert_eq!(delta.changes, diff(&ws, &expected));
    assert_eq!(
        delta.changes.len(),
        3,
        "the unchanged reading is not a change"
    );
    assert_eq!(delta.undo.unwrap().label, "Record 4 readings");
}

#[test]
fn undo_removes_the_readings_the_import_added_and_restores_those_it_replaced() {
    let ws = measured();
    let (mut store, slug) = open(&ws);
    store.apply(&slug, &import(), &ui()).unwrap();
    let after = store.load(&slug).unwrap();
    let undone = store.undo_delta(&slug, &ui()).unwrap();
    assert_eq!(
        store.load(&slug).unwrap(),
        ws,
        "exactly the document before"
    );
    assert_eq!(undone.changes, diff(&after, &ws));
    let redone = store.redo_delta(&slug, &ui()).unwrap();
    assert_eq!(store.load(&slug).unwrap(), after, "redo puts them back");
    assert_eq!(redone.changes, diff(&ws, &after));
    store.undo(&slug, &ui()).unwrap();
    assert_eq!(store.load(&slug).unwrap(), ws, "and undo again");
    assert!(store.integrity_problems().unwrap().is_empty());
}

#[test]
fn the_log_keeps_one_compact_entry_and_the_history_lists_each_reading() {
    let ws = measured();
    let (mut store, slug) = open(&ws);
    store.apply(&slug, &import(), &ui()).unwrap();
    let batch = &store.history(&slug, 1).unwrap()[0];
    assert_eq!(batch.label, "Record 4 readings");
    let keys: Vec<&str> = batch.changes.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        ["csat@2026-02-28", "csat@2026-03-31", "nps@2026-01-31"]
    );
    store.undo(&slug, &ui()).unwrap();
    let undo = &store.history(&slug, 1).unwrap()[0];
    assert_eq!(undo.label, "Undo: Record 4 readings");
    assert_eq!(undo.changes.len(), 3);
    assert!(
        undo.changes
            .iter()
            .all(|c| c.kind == throughline_model::EntityKind::Reading)
    );
}

#[test]
fn a_reading_given_twice_goes_where_the_first_goes_with_the_last_value() {
    let ws = measured();
    let (mut store, slug) = open(&ws);
    let edit = Edit::PutReadings {
        readings: vec![
            reading("nps", "2026-01-31", 12.0, None),
            reading("csat", "2026-03-31", 2.5, None),
            reading("nps", "2026-01-31", 15.0, Some(3)),
        ],
    };
    store.apply(&slug, &edit, &ui()).unwrap();
    assert_eq!(store.load(&slug).unwrap(), apply_edit(&ws, &edit).unwrap());
    store.undo(&slug, &ui()).unwrap();
    assert_eq!(store.load(&slug).unwrap(), ws);
}

#[test]
fn a_bad_reading_refuses_the_whole_import_with_its_place_and_changes_nothing() {
    let ws = measured();
    let (mut store, slug) = open(&ws);
    let edit = Edit::PutReadings {
        readings: vec![
            reading("nps", "2026-01-31", 12.0, None),
            reading("csat", "2026-03-31", 7.5, None),
            reading("churn", "2026-03-31", 1.0, None),
        ],
    };
    let expected = apply_edit(&ws, &edit).unwrap_err().to_string();
    let err = store.apply(&slug, &edit, &ui()).unwrap_err();
    assert_eq!(
        err.to_string(),
        expected,
        "the model's words, in the model's order"
    );
    assert!(
        err.to_string()
            .contains("readings[3].value: 7.5 is outside the scale 1 to 5"),
        "{err}"
    );
    assert_eq!(store.load(&slug).unwrap(), ws);
    assert_eq!(
        store.history(&slug, 10).unwrap().len(),
        1,
        "only the creation"
    );
}

#[test]
fn undo_refuses_when_a_reading_the_import_put_has_changed_since_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let slug = store.import_workspace(&measured(), &ui()).unwrap().slug;
    store.apply(&slug, &import(), &ui()).unwrap();
    // Another program writes straight into the file: one imported reading changes.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE readings SET value = 4.5 WHERE key = 'csat@2026-03-31'",
            [],
        )
        .unwrap();
    let before = store.load(&slug).unwrap();

    let err = store.undo(&slug, &ui()).unwrap_err();

    assert_eq!(err.code(), "conflict");
    assert_eq!(
        err.to_string(),
        "cannot undo \"Record 4 readings\": the workspace has changed since, and doing it now \
         would leave it inconsistent (reading \"csat@2026-03-31\" has changed since). Nothing \
         was changed."
    );
    assert_eq!(store.load(&slug).unwrap(), before, "nothing was changed");
}

#[test]
fn an_import_that_changes_nothing_is_not_logged() {
    let ws = measured();
    let (mut store, slug) = open(&ws);
    let same = Edit::PutReadings {
        readings: vec![reading("csat", "2026-02-28", 3.5, None)],
    };
    let delta = store.apply_delta(&slug, &same, &ui()).unwrap();
    assert!(delta.changes.is_empty());
    assert!(delta.undo.is_none());
    assert!(matches!(
        store.undo(&slug, &ui()),
        Err(StoreError::NothingToUndo)
    ));
}

#[test]
fn the_state_before_an_import_is_read_back_through_its_compact_entry() {
    let ws = measured();
    let (mut store, slug) = open(&ws);
    let created = store.history(&slug, 1).unwrap()[0].id;
    store.apply(&slug, &import(), &ui()).unwrap();
    store.undo(&slug, &ui()).unwrap();
    store.redo(&slug, &ui()).unwrap();
    assert_eq!(
        store.state_after(&slug, created).unwrap(),
        ws,
        "running the import, its undo and its redo backwards gives the document before it"
    );
}
