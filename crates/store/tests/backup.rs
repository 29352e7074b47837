//! Backups and recovery: automatic and manual backups, the check at open, restoring a
//! backup and salvaging a damaged library.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use std::path::{Path, PathBuf};

use common::{rich, ui};
use rusqlite::Connection;
use throughline_model::Workspace;
use throughline_store::{
    BackupKind, BackupPolicy, SCHEMA_VERSION, Store, StoreError, backup_dir, list_backups,
    migration_sql, restore, salvage, salvage_in_place,
};

fn named(name: &str) -> Workspace {
    let mut ws = rich();
    ws.workspace.name = name.into();
    ws
}

fn integrity(path: &Path) -> String {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// A library on disk holding `names`, closed; returns its path.
fn library_with(dir: &Path, names: &[&str]) -> PathBuf {
    let path = dir.join("library.sqlite3");
    let mut store = Store::open(&path).unwrap();
    for name in names {
        store.import_workspace(&named(name), &ui()).unwrap();
    }
    path
}

/// Overwrites every page of the file in which `marker` fills most of the page, as a disk
/// fault would; returns how many pages were hit.
fn damage_pages_full_of(path: &Path, marker: u8) -> usize {
    // Move everything from the WAL into the main file first, so the pages are there.
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    let mut hit = 0;
    for chunk in bytes.chunks_mut(page).skip(1) {
        if chunk.iter().filter(|&&b| b == marker).count() > page / 2 {
            chunk.fill(0xA5);
            hit += 1;
        }
    }
    std::fs::write(path, bytes).unwrap();
    hit
}

/// Overwrites a run of pages in the middle of the file with garbage.
fn damage_middle(path: &Path) {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    let pages = bytes.len() / 4096;
    assert!(
        pages > 6,
        "the library is large enough to damage ({pages} pages)"
    );
    for b in &mut bytes[4096 * (pages / 2)..4096 * (pages / 2 + 2)] {
        *b = 0xA5;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn the_first_open_of_a_day_takes_one_daily_backup_beside_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with(dir.path(), &["Onboarding"]);
    assert!(
        list_backups(&path).unwrap().is_empty(),
        "a brand-new library has nothing to back up"
    );
    drop(Store::open(&path).unwrap());
    drop(Store::open(&path).unwrap());
    let backups = list_backups(&path).unwrap();
    assert_eq!(
        backups.len(),
        1,
        "one backup per day, however often it is opened"
    );
    let b = &backups[0];
    assert_eq!(b.kind, BackupKind::Daily);
    assert!(b.ok && b.problem.is_none(), "{b:?}");
    assert_eq!(b.schema_version, Some(SCHEMA_VERSION));
    assert_eq!(b.path.parent().unwrap(), backup_dir(&path));
    assert!(
        b.path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .contains(&b.date)
    );
    assert_eq!(b.size, std::fs::metadata(&b.path).unwrap().len());
    let copy = Store::open(&b.path).unwrap();
    assert_eq!(copy.list_workspaces().unwrap().len(), 1);
}

#[test]
fn the_backup_policy_is_a_setting_of_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with(dir.path(), &[]);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.backup_policy().unwrap(), BackupPolicy::default());
    let policy = BackupPolicy {
        keep_daily: 3,
        keep_weekly: 0,
    };
    store.set_backup_policy(policy).unwrap();
    drop(store);
    assert_eq!(Store::open(&path).unwrap().backup_policy().unwrap(), policy);
}

#[test]
fn manual_backups_go_to_a_file_or_the_folder_and_never_replace_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with(dir.path(), &["Onboarding", "Renewal"]);
    let store = Store::open(&path).unwrap();
    let out = dir.path().join("copy.sqlite3");
    let info = store.backup_to(&out).unwrap();
    assert!(info.ok, "{info:?}");
    assert_eq!(integrity(&out), "ok");
    let err = store.backup_to(&out).unwrap_err();
    assert!(err.to_string().contains("already there"), "{err}");
    let now = store.backup_now().unwrap();
    assert_eq!(now.kind, BackupKind::Manual);
    let again = store.backup_now().unwrap();
    assert_ne!(
        now.path, again.path,
        "two backups in one second get two names"
    );
    assert!(
        !std::fs::read_dir(backup_dir(&path)).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp")),
        "no temporary file is left behind"
    );
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with(dir.path(), &["Seed"]);
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        let mut store = Store::open(&writer_path).unwrap();
        for i in 0..40 {
            store
                .import_workspace(&named(&format!("W{i}")), &ui())
                .unwrap();
        }
    });
    let store = Store::open(&path).unwrap();
    let mut copies = Vec::new();
    for i in 0..10 {
        let out = dir.path().join(format!("during-{i}.sqlite3"));
        store.backup_to(&out).unwrap();
        copies.push(out);
    }
    writer.join().unwrap();
    for copy in copies {
        assert_eq!(integrity(&copy), "ok", "{}", copy.display());
        let copy = Store::open(&copy).unwrap();
        for w in copy.list_workspaces().unwrap() {
            assert_eq!(
                copy.load(&w.slug).unwrap(),
                named(&w.name),
                "every workspace in a backup is whole"
            );
        }
    }
}

#[test]
fn a_migration_is_preceded_by_a_backup_of_the_old_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        for n in 1..SCHEMA_VERSION {
            conn.execute_batch(migration_sql(n).unwrap()).unwrap();
        }
        conn.pragma_update(None, "user_version", SCHEMA_VERSION - 1)
            .unwrap();
    }
    drop(Store::open(&path).unwrap());
    let before: Vec<_> = list_backups(&path)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == BackupKind::BeforeMigration)
        .collect();
    assert_eq!(before.len(), 1, "{before:?}");
    assert_eq!(before[0].schema_version, Some(SCHEMA_VERSION - 1));
    assert!(before[0].ok);
}

#[test]
fn a_damaged_library_is_refused_untouched_and_the_error_names_the_backup_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with(dir.path(), &["Onboarding", "Renewal", "Support", "Churn"]);
    let good = Store::open(&path).unwrap().backup_now().unwrap();
    damage_middle(&path);
    let before = std::fs::read(&path).unwrap();

    let err = match Store::open(&path) {
        Err(e) => e,
        Ok(_) => panic!("a damaged library must not open"),
    };
    assert_eq!(err.code(), "damaged");
    let StoreError::Damaged {
        newest_good_backup,
        restore_command,
        ..
    } = &err
    else {
        panic!("expected Damaged, got {err:?}");
    };
    assert_eq!(newest_good_backup.as_ref().unwrap().path, good.path);
    let command = restore_command.as_ref().unwrap();
    assert!(command.starts_with("throughline --db "), "{command}");
    let message = err.to_string();
    assert!(message.contains("is damaged"), "{message}");
    assert!(message.contains(command.as_str()), "{message}");
    assert!(message.contains(&good.date), "{message}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is left as it was"
    );
}

#[test]
fn restoring_keeps_the_replaced_file_aside_and_backs_up_a_readable_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with(dir.path(), &["Onboarding"]);
    let backup = Store::open(&path).unwrap().backup_now().unwrap();
    Store::open(&path)
        .unwrap()
        .import_workspace(&named("Added later"), &ui())
        .unwrap();

    let outcome = restore(&path, &backup.path).unwrap();
    let aside = outcome.replaced_kept_at.unwrap();
    assert!(aside.to_string_lossy().contains(".replaced-"), "{aside:?}");
    assert_eq!(
        Store::open(&aside)
            .unwrap()
            .list_workspaces()
            .unwrap()
            .len(),
        2,
        "the replaced library is kept whole"
    );
    let before_restore = outcome.backup_of_replaced.unwrap();
    assert_eq!(before_restore.kind, BackupKind::BeforeRestore);
    let restored = Store::open(&path).unwrap();
    let names: Vec<String> = restored
        .list_workspaces()
        .unwrap()
        .into_iter()
        .map(|w| w.name)
        .collect();
    assert_eq!(names, ["Onboarding"]);
    assert!(
        backup.path.exists(),
        "the backup itself stays for another restore"
    );
}

#[test]
fn a_damaged_library_can_be_restored_and_a_damaged_backup_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with(dir.path(), &["Onboarding", "Renewal", "Support", "Churn"]);
    let good = Store::open(&path).unwrap().backup_now().unwrap();
    let bad = dir.path().join("bad.sqlite3");
    std::fs::copy(&good.path, &bad).unwrap();
    damage_middle(&bad);
    assert!(!list_backups(&path).unwrap().is_empty());

    damage_middle(&path);
    let damaged_bytes = std::fs::read(&path).unwrap();
    let err = restore(&path, &bad).unwrap_err();
    assert_eq!(err.code(), "bad_backup", "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        damaged_bytes,
        "nothing changed"
    );

    let outcome = restore(&path, &good.path).unwrap();
    assert!(
        outcome.backup_of_replaced.is_none(),
        "a damaged file cannot be backed up"
    );
    let aside = outcome.replaced_kept_at.unwrap();
    assert_eq!(
        std::fs::read(aside).unwrap(),
        damaged_bytes,
        "kept as it was"
    );
    assert_eq!(
        Store::open(&path).unwrap().list_workspaces().unwrap().len(),
        4
    );
}

#[test]
fn salvage_copies_every_readable_workspace_and_names_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with(dir.path(), &["Onboarding", "Renewal"]);
    // A third workspace with a long vision, which SQLite keeps on pages of its own.
    let mut doomed = named("Doomed");
    doomed.workspace.vision = "Q".repeat(9_000);
    Store::open(&path)
        .unwrap()
        .import_workspace(&doomed, &ui())
        .unwrap();
    assert!(damage_pages_full_of(&path, b'Q') > 0);
    assert_eq!(Store::open(&path).err().unwrap().code(), "damaged");

    let new = dir.path().join("salvaged.sqlite3");
    let report = salvage(&path, &new).unwrap();
    let saved: Vec<&str> = report.saved.iter().map(|s| s.name.as_str()).collect();
    let lost: Vec<&str> = report.lost.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(saved, ["Onboarding", "Renewal"]);
    assert_eq!(lost, ["Doomed"], "{:?}", report.lost);
    assert_eq!(integrity(&new), "ok");
    let new_store = Store::open(&new).unwrap();
    for s in &report.saved {
        assert_eq!(new_store.load(&s.new_slug).unwrap(), named(&s.name));
    }
    let err = salvage(&path, &new).unwrap_err();
    assert!(err.to_string().contains("already there"), "{err}");
}

#[test]
fn salvaging_in_place_puts_the_readable_workspaces_where_the_library_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with(dir.path(), &["Onboarding"]);
    let mut doomed = named("Doomed");
    doomed.workspace.vision = "Q".repeat(9_000);
    Store::open(&path)
        .unwrap()
        .import_workspace(&doomed, &ui())
        .unwrap();
    assert!(damage_pages_full_of(&path, b'Q') > 0);
    let damaged_bytes = std::fs::read(&path).unwrap();

    let done = salvage_in_place(&path).unwrap();
    let saved: Vec<&str> = done.report.saved.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(saved, ["Onboarding"]);
    assert_eq!(
        done.report.library, path,
        "the report names the library itself"
    );
    let kept = done
        .damaged_kept_at
        .expect("the damaged file is kept aside");
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        damaged_bytes,
        "the damaged file is moved aside untouched"
    );
    let store = Store::open(&path).unwrap();
    let names: Vec<String> = store
        .list_workspaces()
        .unwrap()
        .into_iter()
        .map(|w| w.name)
        .collect();
    assert_eq!(names, ["Onboarding"]);
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("salvaged"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file is left: {leftovers:?}"
    );
}
