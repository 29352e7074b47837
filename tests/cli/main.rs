//! Black-box tests of the `throughline` command-line tool: the real binary, real files,
//! a throwaway library database per test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod contract;
mod monitor;
mod room;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
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
        assert!(
            !out.status.success(),
            "throughline {args:?} should have failed"
        );
        assert!(
            out.stdout.is_empty() || !String::from_utf8_lossy(&out.stdout).contains("Imported")
        );
        String::from_utf8(out.stderr).unwrap()
    }

    /// Creates the sandbox's library, empty, as the app does at its first start.
    fn empty_library(&self) -> &Self {
        throughline_store::Store::open(&self.db()).unwrap();
        self
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
    let slug = list
        .split_whitespace()
        .next()
        .expect("one workspace listed")
        .to_string();

    let exported = sb.path("exported.throughline.json");
    sb.ok(&["export", &slug, "-o", s(&exported)]);
    assert_eq!(
        std::fs::read_to_string(&sample).unwrap(),
        std::fs::read_to_string(&exported).unwrap(),
        "export of an imported file must be byte-identical to the file"
    );
}

#[test]
fn a_template_is_written_imported_and_audited_with_findings_to_discuss() {
    let sb = Sandbox::new();
    let file = sb.path("loyalty.throughline.json");
    let out = sb.ok(&["sample", "--template", "retail-loyalty", "-o", s(&file)]);
    assert!(out.contains("Loyalty app"), "{out}");
    sb.ok(&["import", s(&file)]);
    let audit = sb.run(&["audit", s(&file), "--format", "json", "--fail-on", "never"]);
    let report: serde_json::Value = serde_json::from_slice(&audit.stdout).unwrap();
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"conflicting-claim") && codes.contains(&"signal-conflict"),
        "the loyalty example shows the earn-rate and lapsed-visit divergences: {codes:?}"
    );
    let err = sb.fails(&["sample", "--template", "retail", "-o", s(&file)]);
    assert!(err.contains("the templates are saas-onboarding"), "{err}");
}

#[test]
fn list_of_an_empty_library_says_how_to_start() {
    let sb = Sandbox::new();
    sb.empty_library();
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
    let slugs: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(slugs.len(), 2, "{list}");
    assert_ne!(slugs[0], slugs[1]);
}

#[test]
fn a_malformed_file_is_refused_with_its_location_and_changes_nothing() {
    let sb = Sandbox::new();
    sb.empty_library();
    let bad = sb.write(
        "bad.throughline.json",
        "{\"format\": \"throughline\",\n  \"version\": 1,\n  oops }",
    );
    let err = sb.fails(&["import", s(&bad)]);
    assert!(err.contains("line 3"), "the message names the line: {err}");
    assert!(
        sb.ok(&["list"]).contains("The library is empty"),
        "nothing was imported"
    );
}

#[test]
fn a_handoff_to_a_missing_element_is_refused_with_its_path() {
    let sb = Sandbox::new();
    sb.empty_library();
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
    sb.empty_library();
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
    sb.empty_library();
    let file = sb.write(
        "future.throughline.json",
        r#"{"format":"throughline","version":3,"workspace":{"name":"Future"}}"#,
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
    sb.empty_library();
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
    sb.empty_library();
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
    assert_eq!(
        std::fs::read_to_string(sb.db()).unwrap(),
        "this is not sqlite"
    );
}

/// The exit code of `throughline ARGS`, with stdout.
fn code_and_out(sb: &Sandbox, args: &[&str]) -> (i32, String, String) {
    let out = sb.run(args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn sample_file(sb: &Sandbox) -> PathBuf {
    let sample = sb.path("sample.throughline.json");
    sb.ok(&["sample", "-o", s(&sample)]);
    sample
}

/// A workspace whose only divergence is a handoff nobody owns (a warning).
fn unowned_only(sb: &Sandbox) -> PathBuf {
    sb.write(
        "unowned.throughline.json",
        r#"{"format":"throughline","version":1,
            "workspace":{"name":"Unowned","vision":""},
            "stages":[{"id":"start","name":"Start","emotion":0,"moment":""}],
            "elements":[
              {"id":"site","kind":"touchpoint","name":"Site","channel":"web","stages":["start"]},
              {"id":"crm","kind":"system","name":"CRM"}],
            "handoffs":[{"id":"h1","from":"site","to":"crm","carries":[],"invariant":[],
              "may_vary":[],"owner":null,"source_of_truth":null,"mode":"synced","gate":null,
              "latency_hours":null,"trigger":"always"}]}"#,
    )
}

#[test]
fn audit_of_the_sample_lists_its_divergences_and_fails_on_errors() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    let (code, out, _) = code_and_out(&sb, &["audit", s(&sample)]);
    assert_eq!(code, 1, "unwaived errors fail the run by default:\n{out}");
    assert!(out.contains("conflicting-claim"), "{out}");
    assert!(
        out.contains("setup.effort"),
        "the evidence names the key: {out}"
    );
    let (code, _, _) = code_and_out(&sb, &["audit", s(&sample), "--fail-on", "never"]);
    assert_eq!(code, 0, "--fail-on never never fails");
}

#[test]
fn audit_json_has_findings_and_a_summary() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    let (_, out, _) = code_and_out(&sb, &["audit", s(&sample), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let findings = report["findings"].as_array().expect("a findings array");
    assert!(!findings.is_empty());
    for f in findings {
        for field in [
            "code", "severity", "subjects", "message", "evidence", "waived",
        ] {
            assert!(f.get(field).is_some(), "finding without {field}: {f}");
        }
    }
    let waived: Vec<_> = findings.iter().filter(|f| !f["waived"].is_null()).collect();
    assert!(!waived.is_empty(), "the sample's waiver shows as waived");
    let errors = findings
        .iter()
        .filter(|f| f["severity"] == "error" && f["waived"].is_null())
        .count();
    assert_eq!(report["summary"]["error"].as_u64(), Some(errors as u64));
}

#[test]
fn audit_fail_on_warning_gates_warnings_and_error_does_not() {
    let sb = Sandbox::new();
    let file = unowned_only(&sb);
    let (code, out, _) = code_and_out(&sb, &["audit", s(&file)]);
    assert_eq!(
        code, 0,
        "a warning does not fail at the default level:\n{out}"
    );
    assert!(out.contains("unowned-handoff"), "{out}");
    let (code, _, _) = code_and_out(&sb, &["audit", s(&file), "--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn audit_reads_a_workspace_from_the_library_too() {
    let sb = Sandbox::new();
    let file = unowned_only(&sb);
    sb.ok(&["import", s(&file)]);
    let (code, out, _) = code_and_out(&sb, &["audit", "unowned", "--fail-on", "warning"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("unowned-handoff"));
}

#[test]
fn audit_of_a_broken_file_is_an_error_not_a_finding() {
    let sb = Sandbox::new();
    let bad = sb.write("bad.throughline.json", "{");
    let (code, _, err) = code_and_out(&sb, &["audit", s(&bad)]);
    assert_eq!(
        code, 2,
        "2 means the command failed; 1 is kept for findings"
    );
    assert!(
        err.contains("bad.throughline.json") || err.contains("line"),
        "{err}"
    );
}

#[test]
fn readiness_prints_the_figures_of_the_latest_session() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    let out = sb.ok(&["readiness", s(&sample)]);
    assert!(out.contains("30"), "the total is out of 30: {out}");
    assert!(out.contains("18"), "the threshold is named: {out}");
    let json: serde_json::Value =
        serde_json::from_str(&sb.ok(&["readiness", s(&sample), "--format", "json"])).unwrap();
    let session = &json["session"];
    for field in [
        "dimensions",
        "total",
        "verdict",
        "weakest",
        "agreement",
        "discuss",
    ] {
        assert!(
            session.get(field).is_some(),
            "readiness JSON without session.{field}: {json}"
        );
    }
    assert_eq!(session["dimensions"].as_array().map(Vec::len), Some(6));
    assert!(json.get("layers").is_some() && json.get("trend").is_some());
}

#[test]
fn readiness_of_an_unknown_session_lists_the_sessions() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    let err = sb.fails(&["readiness", s(&sample), "--session", "No such workshop"]);
    assert!(err.contains("No such workshop"), "{err}");
}

/// The page count the CLI reports: "Wrote the playbook to X (N pages, K KB)".
fn pages_of(out: &str) -> u32 {
    let after = out.split('(').nth(1).unwrap_or_default();
    after
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no page count in {out}"))
}

#[test]
fn playbook_editions_and_skipped_sections() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    let pdf = sb.path("p.pdf");
    let lead = pages_of(&sb.ok(&["playbook", s(&sample), "-o", s(&pdf)]));
    assert!(lead <= 6, "the leadership edition has {lead} pages");
    let full = pages_of(&sb.ok(&["playbook", s(&sample), "-o", s(&pdf), "--edition", "full"]));
    assert!(full > lead, "full {full}, leadership {lead}");
    let fewer = pages_of(&sb.ok(&[
        "playbook",
        s(&sample),
        "-o",
        s(&pdf),
        "--edition",
        "full",
        "--skip",
        "checklists,integrity",
    ]));
    assert!(
        fewer < full,
        "skipping sections left {fewer} of {full} pages"
    );
    let err = sb.fails(&["playbook", s(&sample), "-o", s(&pdf), "--skip", "appendix"]);
    assert!(err.contains("appendix"), "{err}");
}

#[test]
fn playbook_writes_a_pdf_in_either_paper_size() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    let a4 = sb.path("a4.pdf");
    let out = sb.ok(&["playbook", s(&sample), "-o", s(&a4)]);
    assert!(out.contains("pages"), "{out}");
    let bytes = std::fs::read(&a4).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    assert!(bytes.len() < 1024 * 1024, "the sample playbook stays small");
    let letter = sb.path("letter.pdf");
    sb.ok(&[
        "playbook",
        s(&sample),
        "-o",
        s(&letter),
        "--paper",
        "letter",
    ]);
    assert_ne!(
        std::fs::read(&letter).unwrap(),
        bytes,
        "US Letter differs from A4"
    );
}

#[test]
fn playbook_to_an_unwritable_place_fails_and_leaves_nothing() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    let err = sb.fails(&["playbook", s(&sample), "-o", "/nonexistent/dir/out.pdf"]);
    assert!(err.contains("/nonexistent/dir/out.pdf"), "{err}");
}

mod backup;
mod behave;
mod crash;
