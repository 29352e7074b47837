//! The user's settings, the workspace opened last, and the first start: library calls,
//! each one transaction.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{rich, ui};
use throughline_model::Workspace;
use throughline_store::{Actor, ChangeKind, Settings, Source, Store};

fn settings(name: &str, last: Option<&str>) -> Settings {
    Settings {
        display_name: name.into(),
        last_workspace: last.map(str::to_string),
        named: true,
    }
}

#[test]
fn settings_are_saved_together_and_returned_as_stored() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(
        store.settings().unwrap(),
        Settings {
            named: false,
            ..settings("Someone", None)
        },
        "until the user gives a name, the placeholder is not theirs"
    );
    let slug = store.import_workspace(&rich(), &ui()).unwrap().slug;
    let stored = store
        .set_settings(&settings("  Ada  ", Some(&slug)))
        .unwrap();
    assert_eq!(stored, settings("Ada", Some(&slug)));
    assert_eq!(store.settings().unwrap(), stored);
}

#[test]
fn a_refused_setting_changes_neither_setting() {
    let mut store = Store::open_in_memory().unwrap();
    let slug = store.import_workspace(&rich(), &ui()).unwrap().slug;
    store.set_settings(&settings("Ada", Some(&slug))).unwrap();

    let err = store.set_settings(&settings(" ", None)).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    let err = store
        .set_settings(&settings("Grace", Some("no-such-workspace")))
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(store.settings().unwrap(), settings("Ada", Some(&slug)));
}

#[test]
fn opening_a_workspace_remembers_it_and_deleting_it_forgets_it() {
    let mut store = Store::open_in_memory().unwrap();
    let first = store.import_workspace(&rich(), &ui()).unwrap().slug;
    let second = store
        .import_workspace(&Workspace::new("Second"), &ui())
        .unwrap()
        .slug;
    let state = store.open_workspace(&second).unwrap();
    assert_eq!(state.summary.slug, second);
    assert_eq!(
        store.settings().unwrap().last_workspace.as_deref(),
        Some(&*second)
    );

    store.take_committed();
    store.open_workspace(&second).unwrap();
    assert!(
        store.take_committed().is_empty(),
        "opening the last workspace again writes nothing"
    );

    store.delete_workspace(&first).unwrap();
    assert_eq!(
        store.settings().unwrap().last_workspace.as_deref(),
        Some(&*second),
        "deleting another workspace keeps the last one"
    );
    store.delete_workspace(&second).unwrap();
    assert_eq!(store.settings().unwrap().last_workspace, None);
}

#[test]
fn the_first_start_adds_the_sample_once_and_opens_it_next() {
    let mut store = Store::open_in_memory().unwrap();
    let actor = Actor::new("Throughline", Source::Import);
    let added = store.seed_first_run(rich, &actor).unwrap().unwrap();
    assert_eq!(
        store.settings().unwrap().last_workspace.as_deref(),
        Some(&*added.slug)
    );
    assert_eq!(
        store.take_committed().last().map(|c| c.kind),
        Some(ChangeKind::Created)
    );

    store.delete_workspace(&added.slug).unwrap();
    assert_eq!(store.seed_first_run(rich, &actor).unwrap(), None);
    assert!(
        store.list_workspaces().unwrap().is_empty(),
        "a user who deleted the sample does not get it back"
    );
}

#[test]
fn a_library_that_already_holds_workspaces_gets_no_sample() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_workspace(&Workspace::new("Mine"), &ui())
        .unwrap();
    let actor = Actor::new("Throughline", Source::Import);
    let called = std::cell::Cell::new(false);
    let added = store
        .seed_first_run(
            || {
                called.set(true);
                rich()
            },
            &actor,
        )
        .unwrap();
    assert_eq!(added, None);
    assert!(!called.get(), "the sample is not even built");
    assert_eq!(store.list_workspaces().unwrap().len(), 1);
}

#[test]
fn the_user_is_named_once_they_give_a_name_and_waivers_carry_it() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(
        !store.settings().unwrap().named,
        "a new library asks for a name"
    );
    store.set_display_name("  Dana Whitfield ").unwrap();
    let s = store.settings().unwrap();
    assert!(s.named);
    assert_eq!(s.display_name, "Dana Whitfield");
    let slug = store.import_workspace(&rich(), &ui()).unwrap().slug;
    let actor = store.actor(Source::Ui).unwrap();
    let edit = throughline_model::Edit::PutWaiver {
        waiver: throughline_model::Waiver {
            code: "unowned-handoff".into(),
            subject: "anything".into(),
            reason: "Agency owns it".into(),
            who: String::new(),
            when: String::new(),
            review: Some("2027-01-31".into()),
        },
    };
    store.apply(&slug, &edit, &actor).unwrap();
    let doc = store.load(&slug).unwrap();
    let w = doc
        .waivers
        .iter()
        .find(|w| w.subject == "anything")
        .unwrap();
    assert_eq!(
        w.who, "Dana Whitfield",
        "the waiver is signed by the user's name"
    );
    assert_eq!(
        w.review.as_deref(),
        Some("2027-01-31"),
        "the review date is kept"
    );
}
