//! Black-box tests of `throughline logs` and of `replay` by a stored log's name.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(rule: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../reality/tests/fixtures")
        .join(rule)
        .join(name)
}

/// A library in a temporary folder holding the shadow-handoff fixture workspace.
struct Lib {
    dir: tempfile::TempDir,
}

impl Lib {
    fn new() -> Self {
        let lib = Lib {
            dir: tempfile::tempdir().unwrap(),
        };
        let ws = fixture("shadow-handoff", "workspace.throughline.json");
        let out = lib.run(&["import", ws.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        lib
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_throughline"))
            .args(args)
            .arg("--db")
            .arg(self.dir.path().join("library.sqlite3"))
            .env_remove("THROUGHLINE_DB")
            .output()
            .unwrap()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn an_imported_log_is_listed_and_replays_by_name() {
    let lib = Lib::new();
    let log = fixture("shadow-handoff", "fires.csv");
    let out = lib.run(&["logs", "import", "shadow", log.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("Stored log \"fires\" in shadow"), "{said}");

    let out = lib.run(&["logs", "list", "shadow"]);
    let listed = text(&out.stdout);
    assert!(listed.starts_with("fires  "), "{listed}");
    assert!(listed.contains("from fires.csv"), "{listed}");

    let out = lib.run(&["replay", "shadow", "FIRES", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "the shadow handoff is an error");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["findings"][0]["key"], "crm>support");
    assert_eq!(report["cases"], 6);
}

#[test]
fn a_log_is_imported_under_the_name_given_and_deleted() {
    let lib = Lib::new();
    let log = fixture("shadow-handoff", "passes.csv");
    let out = lib.run(&[
        "logs",
        "import",
        "Shadow",
        log.to_str().unwrap(),
        "--name",
        "March",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = lib.run(&["logs", "list", "shadow", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["name"], "March");
    assert_eq!(list[0]["source"], "passes.csv");

    let out = lib.run(&["logs", "delete", "shadow", "march"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = lib.run(&["replay", "shadow", "March"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("March is neither a file nor a stored log"),
        "{err}"
    );
}

#[test]
fn bad_rows_refuse_the_import_unless_skipped_and_are_listed_by_row() {
    let lib = Lib::new();
    let log = lib.dir.path().join("bad.csv");
    std::fs::write(
        &log,
        "case_id,activity,timestamp\na,web,2026-03-02T09:00:00Z\na,crm,soon\na,support,2026-03-02T11:00:00Z\n",
    )
    .unwrap();
    let out = lib.run(&["logs", "import", "shadow", log.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("line 3") && err.contains("--skip-bad-rows"),
        "{err}"
    );
    let out = lib.run(&["logs", "list", "shadow"]);
    assert!(text(&out.stdout).contains("has no stored logs"));

    let out = lib.run(&[
        "logs",
        "import",
        "shadow",
        log.to_str().unwrap(),
        "--skip-bad-rows",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("Left out 1 unreadable rows"), "{said}");
    assert!(said.contains("  line 3: "), "{said}");
}

#[test]
fn a_name_taken_twice_is_refused() {
    let lib = Lib::new();
    let log = fixture("shadow-handoff", "fires.csv");
    let log = log.to_str().unwrap();
    assert_eq!(
        lib.run(&["logs", "import", "shadow", log]).status.code(),
        Some(0)
    );
    let out = lib.run(&["logs", "import", "shadow", log]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("already has a log named \"fires\""),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn mapping_an_activity_saves_an_alias_that_later_replays_use() {
    let lib = Lib::new();
    let log = lib.dir.path().join("renamed.csv");
    // The shadow fixture's steps, with the support desk under another name.
    let csv = std::fs::read_to_string(fixture("shadow-handoff", "fires.csv"))
        .unwrap()
        .replace(",support,", ",Ticket opened,");
    std::fs::write(&log, csv).unwrap();
    let out = lib.run(&["logs", "import", "shadow", log.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out));
    let before = lib.run(&["replay", "shadow", "renamed", "--format", "json"]);
    let before: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(before["unmapped"][0]["activity"], "Ticket opened");

    let out = lib.run(&["logs", "map", "shadow", "Ticket opened", "support"]);
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out));
    let after = lib.run(&["replay", "shadow", "renamed", "--format", "json"]);
    let after: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(after["unmapped"], serde_json::json!([]));
    assert_eq!(after["findings"][0]["key"], "crm>support");

    let out = lib.run(&["logs", "map", "shadow", "Ticket opened", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no element \"nowhere\""));
}

fn text_of(out: &Output) -> String {
    format!("{}{}", text(&out.stdout), text(&out.stderr))
}
