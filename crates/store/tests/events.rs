//! Live updates: one event per committed transaction, with its workspace and source, and
//! writes by another connection (another process, such as the CLI) noticed by polling.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{cli, rich, ui};
use throughline_model::{Edit, Workspace};
use throughline_store::{ChangeKind, Committed, Source, Store};

/// Renames the workspace `slug` of `store`.
fn rename(store: &Store, slug: &str, name: &str) -> Edit {
    let mut info = store.load(slug).unwrap().workspace;
    info.name = name.into();
    Edit::SetInfo { info }
}

fn event(slug: Option<&str>, source: Option<Source>, kind: ChangeKind) -> Committed {
    Committed {
        slug: slug.map(str::to_string),
        source,
        kind,
    }
}

#[test]
fn each_committed_write_publishes_one_event_with_its_workspace_and_source() {
    let mut store = Store::open_in_memory().unwrap();
    let slug = store.import_workspace(&rich(), &cli()).unwrap().slug;
    store
        .apply(&slug, &rename(&store, &slug, "Renamed"), &ui())
        .unwrap();
    store.undo(&slug, &ui()).unwrap();
    assert_eq!(
        store.take_committed(),
        vec![
            event(Some(&slug), Some(Source::Cli), ChangeKind::Created),
            event(Some(&slug), Some(Source::Ui), ChangeKind::Edited),
            event(Some(&slug), Some(Source::Undo), ChangeKind::Edited),
        ]
    );
    assert!(store.take_committed().is_empty(), "taken once");
}

#[test]
fn a_refused_or_empty_write_publishes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let slug = store.import_workspace(&rich(), &ui()).unwrap().slug;
    store.take_committed();
    let refused = rename(&store, &slug, " ");
    assert!(store.apply(&slug, &refused, &ui()).is_err());
    let name = store.load(&slug).unwrap().workspace.name;
    let unchanged = rename(&store, &slug, &name);
    store.apply(&slug, &unchanged, &ui()).unwrap();
    assert!(store.take_committed().is_empty());
}

#[test]
fn a_write_by_another_connection_is_noticed_with_its_workspace_and_source() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut app = Store::open(&path).unwrap();
    let own = app.import_workspace(&rich(), &ui()).unwrap().slug;
    assert!(
        app.external_changes().unwrap().is_empty(),
        "the app's own writes are not news to it"
    );

    let mut other = Store::open(&path).unwrap();
    let mut doc = Workspace::new("From the command line");
    doc.workspace.vision = "Imported while the app is open".into();
    let imported = other.import_workspace(&doc, &cli()).unwrap().slug;
    let edit = rename(&other, &own, "Renamed elsewhere");
    other.apply(&own, &edit, &cli()).unwrap();

    assert_eq!(
        app.external_changes().unwrap(),
        vec![
            event(Some(&imported), Some(Source::Cli), ChangeKind::Created),
            event(Some(&own), Some(Source::Cli), ChangeKind::Edited),
        ]
    );
    assert!(app.external_changes().unwrap().is_empty(), "reported once");
    assert!(
        app.take_committed()
            .iter()
            .all(|c| c.slug.as_deref() == Some(&*own))
    );
}

#[test]
fn a_write_the_change_log_does_not_describe_is_still_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut app = Store::open(&path).unwrap();
    let slug = app.import_workspace(&rich(), &ui()).unwrap().slug;
    let mut other = Store::open(&path).unwrap();
    other.delete_workspace(&slug).unwrap();
    assert_eq!(
        app.external_changes().unwrap(),
        vec![event(None, None, ChangeKind::External)]
    );
}
