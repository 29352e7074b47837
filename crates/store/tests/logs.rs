//! Stored event logs: imported under a name, listed, replayed after the map changes,
//! deleted; bad files refused with nothing stored.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::ui;
use throughline_model::{Edit, Workspace};
use throughline_reality::{BadRowPolicy, ReplayOptions, render_json};
use throughline_store::{Store, StoreError};

fn fixture(case: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../reality/tests/fixtures")
        .join(case)
        .join(file)
}

fn shadow_store() -> (Store, String, Workspace) {
    let ws =
        throughline_format::read_file(&fixture("shadow-handoff", "workspace.throughline.json"))
            .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let slug = store.import_workspace(&ws, &ui()).unwrap().slug;
    (store, slug, ws)
}

fn skipping() -> ReplayOptions {
    ReplayOptions {
        bad_rows: BadRowPolicy {
            skip_bad_rows: true,
        },
        ..ReplayOptions::default()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    path
}

#[test]
fn a_stored_log_replays_to_the_same_report_as_its_file() {
    let (mut store, slug, ws) = shadow_store();
    let file = fixture("shadow-handoff", "fires.csv");
    let import = store
        .import_log(
            &slug,
            " March tickets ",
            &file,
            &ReplayOptions::default(),
            &ui(),
        )
        .unwrap();
    assert_eq!(import.info.name, "March tickets", "the name is trimmed");
    assert_eq!(import.info.source, "fires.csv");
    assert_eq!(import.info.who, "Ada");
    assert!(import.info.events > 0 && import.info.cases > 0);
    assert!(import.skipped.is_empty());
    let first = import.info.first_event.clone().unwrap();
    assert!(first.starts_with("2026-03-02T"), "{first}");

    let from_file =
        throughline_reality::replay_file(&ws, &file, &ReplayOptions::default()).unwrap();
    let stored = store.replay_stored_log(&slug, "march TICKETS").unwrap();
    assert_eq!(render_json(&stored), render_json(&from_file));
    assert!(
        stored
            .findings()
            .iter()
            .any(|f| f.code.as_str() == "shadow-handoff")
    );
}

#[test]
fn a_stored_log_replays_against_the_map_as_it_is_now() {
    let (mut store, slug, ws) = shadow_store();
    let file = fixture("shadow-handoff", "fires.csv");
    store
        .import_log(&slug, "tickets", &file, &ReplayOptions::default(), &ui())
        .unwrap();
    let before = store.replay_stored_log(&slug, "tickets").unwrap();
    let shadow = before
        .findings()
        .iter()
        .find(|f| f.code.as_str() == "shadow-handoff")
        .unwrap()
        .key
        .clone();
    let (from, to) = shadow.split_once('>').unwrap();
    let mut handoff = ws.handoffs[0].clone();
    handoff.id = throughline_model::Id::new("adopted").unwrap();
    handoff.from = throughline_model::Id::new(from).unwrap();
    handoff.to = throughline_model::Id::new(to).unwrap();
    store
        .apply(&slug, &Edit::PutHandoff { handoff }, &ui())
        .unwrap();
    let after = store.replay_stored_log(&slug, "tickets").unwrap();
    assert!(
        !after.findings().iter().any(|f| f.key == shadow),
        "the adopted handoff clears the finding"
    );
    assert!(after.fitness > before.fitness);
}

#[test]
fn logs_are_listed_newest_first_and_deleted_by_name() {
    let (mut store, slug, _) = shadow_store();
    let file = fixture("shadow-handoff", "fires.csv");
    for name in ["First", "Second"] {
        store
            .import_log(&slug, name, &file, &ReplayOptions::default(), &ui())
            .unwrap();
    }
    let names =
        |s: &Store| -> Vec<String> { s.logs(&slug).unwrap().into_iter().map(|l| l.name).collect() };
    assert_eq!(names(&store), ["Second", "First"]);
    store.delete_log(&slug, "second").unwrap();
    assert_eq!(names(&store), ["First"]);
    let err = store.delete_log(&slug, "Second").unwrap_err();
    assert!(matches!(err, StoreError::LogNotFound { .. }));
    assert_eq!(
        err.to_string(),
        "no log \"Second\" in this workspace; it has: \"First\""
    );
}

#[test]
fn a_taken_name_is_refused_and_stores_nothing() {
    let (mut store, slug, _) = shadow_store();
    let file = fixture("shadow-handoff", "fires.csv");
    store
        .import_log(&slug, "Tickets", &file, &ReplayOptions::default(), &ui())
        .unwrap();
    let err = store
        .import_log(&slug, "tickets", &file, &ReplayOptions::default(), &ui())
        .unwrap_err();
    assert!(matches!(err, StoreError::LogNameTaken(ref n) if n == "Tickets"));
    assert_eq!(store.logs(&slug).unwrap().len(), 1);
}

#[test]
fn bad_rows_refuse_the_file_unless_skipped_and_then_are_counted() {
    let (mut store, slug, _) = shadow_store();
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bad.csv",
        "case_id,activity,timestamp\n\
         c1,web,2026-03-02T09:00:00Z\n\
         c1,crm,yesterday\n\
         ,crm,2026-03-02T10:00:00Z\n\
         c2,web,2026-03-02T09:00:00Z\n",
    );
    let err = store
        .import_log(&slug, "bad", &file, &ReplayOptions::default(), &ui())
        .unwrap_err();
    let message = err.to_string();
    assert!(message.contains("2 bad row(s)"), "{message}");
    assert!(message.contains("line 3"), "{message}");
    assert!(message.contains("--skip-bad-rows"), "{message}");
    assert!(store.logs(&slug).unwrap().is_empty(), "nothing is stored");

    let import = store
        .import_log(&slug, "bad", &file, &skipping(), &ui())
        .unwrap();
    assert_eq!(import.info.bad_rows, 2);
    assert_eq!(import.info.events, 2);
    let rows: Vec<u32> = import.skipped.iter().map(|s| s.row).collect();
    assert_eq!(rows, [3, 4]);
    let report = store.replay_stored_log(&slug, "bad").unwrap();
    assert!(
        report.notes.iter().any(|n| n.contains("2 unreadable rows")),
        "{:?}",
        report.notes
    );
}

#[test]
fn a_directly_follows_table_is_not_stored() {
    let (mut store, slug, _) = shadow_store();
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "dfg.csv",
        "from,to,cases,transitions\nweb,crm,5,5\n",
    );
    let err = store
        .import_log(&slug, "dfg", &file, &ReplayOptions::default(), &ui())
        .unwrap_err();
    assert!(err.to_string().contains("directly-follows table"), "{err}");
    assert!(store.logs(&slug).unwrap().is_empty());
}

#[test]
fn a_log_for_an_unknown_workspace_or_an_empty_name_is_refused() {
    let (mut store, slug, _) = shadow_store();
    let file = fixture("shadow-handoff", "fires.csv");
    let err = store
        .import_log("nowhere", "x", &file, &ReplayOptions::default(), &ui())
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }));
    let err = store
        .import_log(&slug, "  ", &file, &ReplayOptions::default(), &ui())
        .unwrap_err();
    assert_eq!(err.to_string(), "the log name cannot be empty");
}

/// 100,000 events in 20,000 cases of five steps, with resources: the stored size is printed
/// (run with `--nocapture`) and must stay well under the CSV's.
#[test]
fn a_hundred_thousand_events_take_a_few_bytes_each() {
    let (mut store, slug, _) = shadow_store();
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("case_id,activity,timestamp,resource\n");
    let steps = ["web", "crm", "support", "billing", "crm"];
    let mut seed = 17u64;
    for case in 0..20_000u64 {
        let mut t = 1_772_000_000 + case * 97;
        for step in steps {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            t += 60 + (seed >> 40) % 86_400;
            let secs = t % 86_400;
            let day = 20_500 + t / 86_400 - 1_772_000_000 / 86_400;
            let who = ["ana", "bo", "cy", "dee"][((seed >> 20) % 4) as usize];
            let _ = day;
            csv.push_str(&format!(
                "case-{case},{step},2026-03-{:02}T{:02}:{:02}:{:02}Z,{who}\n",
                1 + (t / 86_400) % 28,
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            ));
        }
    }
    let file = write(dir.path(), "big.csv", &csv);
    let info = store
        .import_log(&slug, "big", &file, &ReplayOptions::default(), &ui())
        .unwrap()
        .info;
    assert_eq!(info.events, 100_000);
    println!(
        "100,000 events: CSV {} bytes, stored {} bytes ({:.1} bytes an event)",
        csv.len(),
        info.stored_bytes,
        f64::from(info.stored_bytes) / 100_000.0
    );
    assert!((info.stored_bytes as usize) < csv.len() / 4);
    let report = store.replay_stored_log(&slug, "big").unwrap();
    assert_eq!(report.events, 100_000);
}
