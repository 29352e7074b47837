//! Salvaging a damaged library brings the stored event logs of every saved workspace into
//! the new library, and names the logs it could not read.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use std::path::{Path, PathBuf};

use common::{rich, ui};
use rusqlite::Connection;
use throughline_reality::{ReplayOptions, render_json};
use throughline_store::{Store, salvage};

fn fixture(case: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../reality/tests/fixtures")
        .join(case)
        .join(file)
}

/// Overwrites every page in which `marker` fills most of the page, as a disk fault would.
fn damage_pages_full_of(path: &Path, marker: u8) -> usize {
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

/// A damaged library: "Shadow" holds the logs "March" (sound) and "April" (whose events no
/// longer decode); "Doomed" (with a log of its own) sits on pages a disk fault destroyed.
/// Returns the library's path, Shadow's slug and March's report before the damage.
fn damaged_library(dir: &Path) -> (PathBuf, String, String) {
    let path = dir.join("library.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let ws =
        throughline_format::read_file(&fixture("shadow-handoff", "workspace.throughline.json"))
            .unwrap();
    let slug = store.import_workspace(&ws, &ui()).unwrap().slug;
    let log = fixture("shadow-handoff", "fires.csv");
    let options = ReplayOptions::default();
    store
        .import_log(&slug, "March", &log, &options, &ui())
        .unwrap();
    store
        .import_log(&slug, "April", &log, &options, &ui())
        .unwrap();
    let before = render_json(&store.replay_stored_log(&slug, "March").unwrap());
    let mut doomed = rich();
    doomed.workspace.name = "Doomed".into();
    doomed.workspace.vision = "Q".repeat(9_000);
    let doomed_slug = store.import_workspace(&doomed, &ui()).unwrap().slug;
    store
        .import_log(&doomed_slug, "Doomed log", &log, &options, &ui())
        .unwrap();
    drop(store);
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE logs SET data = x'00ff00ff' WHERE name = 'April'",
            [],
        )
        .unwrap();
    assert!(damage_pages_full_of(&path, b'Q') > 0);
    assert_eq!(Store::open(&path).err().unwrap().code(), "damaged");
    (path, slug, before)
}

#[test]
fn salvage_carries_the_readable_logs_of_saved_workspaces_into_the_new_library() {
    let dir = tempfile::tempdir().unwrap();
    let (path, slug, before) = damaged_library(dir.path());
    let new = dir.path().join("salvaged.sqlite3");
    let report = salvage(&path, &new).unwrap();
    assert_eq!(
        report
            .saved
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Shadow"],
        "{report:?}"
    );
    let copied: Vec<(&str, &str)> = report
        .logs
        .iter()
        .filter(|l| l.lost.is_none())
        .map(|l| (l.workspace.as_str(), l.name.as_str()))
        .collect();
    assert_eq!(copied, [(slug.as_str(), "March")]);

    let store = Store::open(&new).unwrap();
    let listed: Vec<String> = store
        .logs(&slug)
        .unwrap()
        .into_iter()
        .map(|l| l.name)
        .collect();
    assert_eq!(
        listed,
        ["March"],
        "only the readable log is in the new library"
    );
    let after = render_json(&store.replay_stored_log(&slug, "March").unwrap());
    assert_eq!(after, before, "the copied log replays exactly as before");
}

#[test]
fn salvage_names_a_log_it_cannot_read_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let (path, slug, _) = damaged_library(dir.path());
    let report = salvage(&path, &dir.path().join("salvaged.sqlite3")).unwrap();
    let lost: Vec<_> = report.logs.iter().filter(|l| l.lost.is_some()).collect();
    assert_eq!(lost.len(), 1, "{:?}", report.logs);
    assert_eq!(
        (lost[0].workspace.as_str(), lost[0].name.as_str()),
        (slug.as_str(), "April")
    );
    let why = lost[0].lost.as_deref().unwrap_or_default();
    assert!(why.contains("cannot be read"), "{why}");
    assert!(
        report.logs.iter().all(|l| l.name != "Doomed log"),
        "a lost workspace's logs are not listed as copied: {:?}",
        report.logs
    );
}
