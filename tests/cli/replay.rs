//! Black-box tests of `throughline replay`: the real binary on the reality fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(rule: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../reality/tests/fixtures")
        .join(rule)
        .join(name)
}

fn run(args: &[&Path], extra: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_throughline"))
        .arg("replay")
        .args(args)
        .args(extra)
        .arg("--db")
        .arg(dir.path().join("library.sqlite3"))
        .env_remove("THROUGHLINE_DB")
        .output()
        .unwrap()
}

#[test]
fn a_shadow_handoff_error_exits_1_and_prints_the_json_report() {
    let ws = fixture("shadow-handoff", "workspace.throughline.json");
    let log = fixture("shadow-handoff", "fires.csv");
    let out = run(&[&ws, &log], &["--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an unwaived error fails the run"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "cases",
        "events",
        "transitions",
        "fitness",
        "unmapped",
        "pairs",
        "findings",
    ] {
        assert!(report.get(key).is_some(), "JSON has `{key}`");
    }
    assert_eq!(report["cases"], 6);
    assert_eq!(report["findings"][0]["code"], "shadow-handoff");
    assert_eq!(report["findings"][0]["key"], "crm>support");
    assert_eq!(report["findings"][0]["severity"], "error");
}

#[test]
fn fail_on_decides_the_exit_code_as_in_the_audit() {
    let ws = fixture("rework-loop", "workspace.throughline.json");
    let log = fixture("rework-loop", "fires.csv");
    // Rework is a warning: passes at the default level, fails at --fail-on warning.
    assert_eq!(run(&[&ws, &log], &[]).status.code(), Some(0));
    assert_eq!(
        run(&[&ws, &log], &["--fail-on", "warning"]).status.code(),
        Some(1)
    );
    let out = run(&[&ws, &log], &["--fail-on", "never"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Reality check of \"Rework\""), "{text}");
    assert!(text.contains("rework-loop  support"), "{text}");
}

#[test]
fn a_log_with_bad_rows_fails_with_exit_2_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("bad.csv");
    std::fs::write(
        &log,
        "case_id,activity,timestamp\na,web,2026-03-02T09:00:00Z\na,crm,soon\na,support,2026-03-02T11:00:00Z\n",
    )
    .unwrap();
    let ws = fixture("shadow-handoff", "workspace.throughline.json");
    let out = run(&[&ws, &log], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("line 3") && err.contains("--skip-bad-rows"),
        "{err}"
    );
    let out = run(&[&ws, &log], &["--skip-bad-rows"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_missing_log_is_a_clear_error() {
    let ws = fixture("shadow-handoff", "workspace.throughline.json");
    let out = run(&[&ws, Path::new("/nonexistent/log.csv")], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot read /nonexistent/log.csv"), "{err}");
}
