//! Black-box tests of the `throughline` command-line tool: the real binary, real files,
//! a throwaway library database per test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().unwrap() }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn db(&self) -> PathBuf {
        self.path("library.sqlite3")
    }

    /// Runs `throughline ARGS --db <sandbox library>`.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_throughline"))
            .args(args)
            .arg("--db")
            .arg(self.db())
            .env_remove("THROUGHLINE_DB")
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "throughline {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "throughline {args:?} should have failed");
        assert!(out.stdout.is_empty() || !String::from_utf8_lossy(&out.stdout).contains("Imported"));
        String::from_utf8(out.stderr).unwrap()
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).unwrap();
        p
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn sample_then_import_then_export_is_byte_identical() {
    let sb = Sandbox::new();
    let sample = sb.path("sample.throughline.json");
    sb.ok(&["sample", "-o", s(&sample)]);
    let out = sb.ok(&["import", s(&sample)]);
    assert!(out.contains("Imported"), "{out}");

    let list = sb.ok(&["list"]);
    let slug = list.split_whitespace().next().expect("one workspace listed").to_string();

    let exported = sb.path("exported.throughline.json");
    sb.ok(&["export", &slug, "-o", s(&exported)]);
    assert_eq!(
        std::fs::read_to_string(&sample).unwrap(),
        std::fs::read_to_string(&exported).unwrap(),
        "export of an imported file must be byte-identical to the file"
    );
}

#[test]
fn list_of_an_empty_library_says_how_to_start() {
    let sb = Sandbox::new();
    assert!(sb.ok(&["list"]).contains("The library is empty"));
}

#[test]
fn importing_twice_keeps_both_under_distinct_slugs() {
    let sb = Sandbox::new();
    let sample = sb.path("sample.throughline.json");
    sb.ok(&["sample", "-o", s(&sample)]);
    sb.ok(&["import", s(&sample)]);
    sb.ok(&["import", s(&sample)]);
    let list = sb.ok(&["list"]);
    let slugs: Vec<&str> = list.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(slugs.len(), 2, "{list}");
    assert_ne!(slugs[0], slugs[1]);
}

#[test]
fn a_malformed_file_is_refused_with_its_location_and_changes_nothing() {
    let sb = Sandbox::new();
    let bad = sb.write("bad.throughline.json", "{\"format\": \"throughline\",\n  \"version\": 1,\n  oops }");
    let err = sb.fails(&["import", s(&bad)]);
    assert!(err.contains("line 3"), "the message names the line: {err}");
    assert!(sb.ok(&["list"]).contains("The library is empty"), "nothing was imported");
}

#[test]
fn a_handoff_to_a_missing_element_is_refused_with_its_path() {
    let sb = Sandbox::new();
    let file = sb.write(
        "dangling.throughline.json",
        r#"{"format":"throughline","version":1,
            "workspace":{"name":"Dangling","vision":""},
            "elements":[{"id":"website","kind":"touchpoint","name":"Website"}],
            "handoffs":[{"id":"h1","from":"website","to":"crm","carries":[],"invariant":[],
              "may_vary":[],"owner":null,"source_of_truth":null,"mode":"typed","gate":null,
              "latency_hours":null,"trigger":"always"}]}"#,
    );
    let err = sb.fails(&["import", s(&file)]);
    assert!(err.contains("handoffs[0].to: no element \"crm\""), "{err}");
    assert!(sb.ok(&["list"]).contains("The library is empty"));
}

#[test]
fn a_score_of_seven_is_refused() {
    let sb = Sandbox::new();
    let file = sb.write(
        "score.throughline.json",
        r#"{"format":"throughline","version":1,"workspace":{"name":"Scores"},
            "readiness":[{"id":"s1","name":"Kick-off","date":"2026-01-10",
              "raters":[{"name":"Ana","scores":{"data":7}}]}]}"#,
    );
    let err = sb.fails(&["import", s(&file)]);
    assert!(err.contains("readiness[0].raters[0].scores.data"), "{err}");
    assert!(err.contains("score is 7; it runs from 1 to 5"), "{err}");
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let sb = Sandbox::new();
    let file = sb.write(
        "future.throughline.json",
        r#"{"format":"throughline","version":2,"workspace":{"name":"Future"}}"#,
    );
    let err = sb.fails(&["import", s(&file)]);
    assert!(err.contains("newer"), "{err}");
}

#[test]
fn a_missing_file_is_named() {
    let sb = Sandbox::new();
    let err = sb.fails(&["import", "/nonexistent/x.throughline.json"]);
    assert!(err.contains("/nonexistent/x.throughline.json"), "{err}");
}

#[test]
fn exporting_an_unknown_workspace_fails_and_writes_nothing() {
    let sb = Sandbox::new();
    let out = sb.path("out.throughline.json");
    let err = sb.fails(&["export", "nope", "-o", s(&out)]);
    assert!(err.contains("nope"), "{err}");
    assert!(!out.exists(), "no file is written on failure");
}

#[test]
fn export_accepts_the_workspace_name_as_well_as_its_slug() {
    let sb = Sandbox::new();
    let sample = sb.path("sample.throughline.json");
    sb.ok(&["sample", "-o", s(&sample)]);
    sb.ok(&["import", s(&sample)]);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sample).unwrap()).unwrap();
    let name = doc["workspace"]["name"].as_str().unwrap().to_string();
    let out = sb.path("by-name.throughline.json");
    sb.ok(&["export", &name, "-o", s(&out)]);
    assert!(out.exists());
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_alone() {
    let sb = Sandbox::new();
    sb.ok(&["list"]);
    {
        let conn = rusqlite::Connection::open(sb.db()).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(sb.db()).unwrap();
    let err = sb.fails(&["list"]);
    assert!(err.contains("newer"), "{err}");
    let version: i64 = rusqlite::Connection::open(sb.db())
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 999, "the database was not touched");
    assert_eq!(before.len(), std::fs::read(sb.db()).unwrap().len());
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let sb = Sandbox::new();
    std::fs::write(sb.db(), "this is not sqlite").unwrap();
    let err = sb.fails(&["list"]);
    assert!(!err.is_empty());
    assert_eq!(std::fs::read_to_string(sb.db()).unwrap(), "this is not sqlite");
}
