//! Opening a library: creation, migration, reopening, and refusing files it must not touch.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use std::path::Path;

use common::{rich, snapshot, ui};
use rusqlite::Connection;
use throughline_store::{SCHEMA_VERSION, Store, migration_sql};

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_new_library_is_created_with_its_folders_and_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/library.sqlite3");
    let store = Store::open(&path).unwrap();
    assert!(path.exists(), "the file and its parent folders are created");
    assert_eq!(store.path(), Some(path.as_path()));
    assert!(store.list_workspaces().unwrap().is_empty());
    drop(store);
    assert_eq!(user_version(&path), i64::from(SCHEMA_VERSION));
}

#[test]
fn the_library_uses_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let _store = Store::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL is persistent in the file");
    let fk: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'handoffs'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        fk.contains("DEFERRABLE INITIALLY DEFERRED"),
        "handoff ends reference elements with a deferred check: {fk}"
    );
}

#[test]
fn reopening_keeps_every_workspace_and_setting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let slug = {
        let mut store = Store::open(&path).unwrap();
        store.set_display_name("Ada Lovelace").unwrap();
        store.import_workspace(&rich(), &ui()).unwrap().slug
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.load(&slug).unwrap(), rich());
    assert_eq!(store.display_name().unwrap(), "Ada Lovelace");
}

#[test]
fn a_library_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        store.import_workspace(&rich(), &ui()).unwrap();
    }
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let before = snapshot(&path);
    let bytes_before = std::fs::read(&path).unwrap();

    let err = Store::open(&path).err().expect("a newer schema is refused");

    assert_eq!(err.code(), "newer_database");
    assert_eq!(
        err.to_string(),
        format!(
            "this library was written by a newer Throughline (schema {}); this version \
             understands up to schema {SCHEMA_VERSION}. Update Throughline or open another library.",
            SCHEMA_VERSION + 1
        )
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes_before,
        "not a byte changed"
    );
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let text = "These are my workshop notes, not a database. ".repeat(40);
    std::fs::write(&path, &text).unwrap();

    let err = Store::open(&path).err().expect("a text file is refused");

    assert_eq!(err.code(), "not_a_database");
    assert!(
        err.to_string().contains("is not a Throughline library"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "left as it was"
    );
}

#[test]
fn an_in_memory_library_is_made_by_the_same_path() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.path(), None);
    let slug = store.import_workspace(&rich(), &ui()).unwrap().slug;
    assert_eq!(store.load(&slug).unwrap(), rich());
}

#[test]
fn the_default_path_is_the_app_data_folder_unless_throughline_db_is_set() {
    // Both cases in one test: the environment is shared by the tests of this file.
    let default = Store::default_path().unwrap();
    if std::env::var_os("THROUGHLINE_DB").is_none() {
        assert!(
            default.ends_with("app.throughline.desktop/library.sqlite3"),
            "{}",
            default.display()
        );
    }
    // `set_var` is unsafe while other test threads run, so the override is checked in a
    // child process that runs the ignored helper below with the variable set.
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "print_default_path_for_parent",
            "--nocapture",
            "--ignored",
        ])
        .env("THROUGHLINE_DB", "/tmp/elsewhere/lib.sqlite3")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("DEFAULT_PATH=/tmp/elsewhere/lib.sqlite3"),
        "{stdout}"
    );
}

/// Run by the test above in a child process with `THROUGHLINE_DB` set.
#[test]
#[ignore = "helper run by the_default_path_is_the_app_data_folder_unless_throughline_db_is_set"]
fn print_default_path_for_parent() {
    println!("DEFAULT_PATH={}", Store::default_path().unwrap().display());
}

/// Builds a library exactly as schema `n` left it, with one workspace in it written by
/// raw SQL of that schema. When a migration is added, add the rows its schema had here.
fn build_library_at_schema(path: &Path, n: u32) {
    let conn = Connection::open(path).unwrap();
    for v in 1..=n {
        conn.execute_batch(migration_sql(v).unwrap()).unwrap();
    }
    conn.pragma_update(None, "user_version", n).unwrap();
    conn.execute_batch(
        "INSERT INTO settings VALUES ('display_name', 'Old Ada');
         INSERT INTO workspaces (id, slug, name, vision, journey_state, revision, created_at, updated_at)
           VALUES (1, 'legacy', 'Legacy', 'Keep customers', '[\"case.id\"]', 1,
                   '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
         INSERT INTO stages (workspace_id, id, ord, name, emotion, moment)
           VALUES (1, 'start', 0, 'Start', -1, 'Signs up');
         INSERT INTO elements (workspace_id, id, ord, kind, name, stages, claims)
           VALUES (1, 'site', 0, 'touchpoint', 'Site', '[\"start\"]', '{\"price\":\"Free\"}');
         INSERT INTO elements (workspace_id, id, ord, kind, name) VALUES (1, 'crm', 1, 'system', 'CRM');
         INSERT INTO handoffs (workspace_id, id, ord, from_id, to_id, carries, mode, trigger)
           VALUES (1, 'h1', 0, 'site', 'crm', '[\"price\"]', 'synced', 'always');
         INSERT INTO change_batches (id, workspace_id, at, who, source, label, role, state)
           VALUES (1, 1, '2025-01-01T00:00:00Z', 'Old Ada', 'import', 'Import workspace', 'create', NULL);",
    )
    .unwrap();
}

#[test]
fn a_library_made_by_every_earlier_schema_opens_with_its_data() {
    for n in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        build_library_at_schema(&path, n);

        let mut store = Store::open(&path).unwrap();

        let doc = store.load("legacy").unwrap();
        assert_eq!(doc.workspace.name, "Legacy", "schema {n}");
        assert_eq!(doc.workspace.journey_state, vec!["case.id".to_string()]);
        assert_eq!(doc.stages[0].emotion.get(), -1);
        assert_eq!(doc.elements[0].claims["price"], "Free");
        assert_eq!(doc.handoffs[0].to, "crm");
        assert_eq!(store.display_name().unwrap(), "Old Ada");
        assert_eq!(store.history("legacy", 10).unwrap().len(), 1);
        let edit = throughline_model::Edit::DeleteElement {
            id: common::id("crm"),
        };
        store.apply("legacy", &edit, &ui()).unwrap();
        store.undo("legacy", &ui()).unwrap();
        assert_eq!(store.load("legacy").unwrap(), doc, "schema {n}: edits work");
        let at = throughline_store::NodePosition {
            id: "site".into(),
            x: 1.0,
            y: 2.0,
        };
        store
            .save_layout("legacy", std::slice::from_ref(&at))
            .unwrap();
        assert_eq!(
            store.layout("legacy").unwrap(),
            vec![at],
            "schema {n}: the graph layout works"
        );
        drop(store);
        assert_eq!(user_version(&path), i64::from(SCHEMA_VERSION));
    }
}

#[test]
fn the_database_itself_refuses_a_handoff_to_a_missing_element() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    Store::open(&path)
        .unwrap()
        .import_workspace(&rich(), &ui())
        .unwrap();
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let result = conn.execute_batch(
        "BEGIN;
         INSERT INTO handoffs (workspace_id, id, ord, from_id, to_id)
           SELECT id, 'h9', 9, 'wizard', 'ghost' FROM workspaces;
         COMMIT;",
    );
    assert!(result.is_err(), "the deferred foreign key fails the commit");
}

#[test]
fn app_settings_are_kept_across_reopening_and_can_be_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.setting("last_workspace").unwrap(), None);
        store
            .set_setting("last_workspace", Some("nexusflow"))
            .unwrap();
        store.set_setting("last_workspace", Some("acme")).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.setting("last_workspace").unwrap().as_deref(),
        Some("acme")
    );
    store.set_setting("last_workspace", None).unwrap();
    assert_eq!(store.setting("last_workspace").unwrap(), None);
}
