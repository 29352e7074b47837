//! The CLI and the app answer alike: the same readiness JSON as the app's command, the
//! same error contract in `--format json`, and CLI writes logged as the CLI's.

use super::{Sandbox, code_and_out, s, sample_file};

#[test]
fn readiness_json_is_the_report_the_app_receives() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    let printed: serde_json::Value =
        serde_json::from_str(&sb.ok(&["readiness", s(&sample), "--format", "json"])).unwrap();
    // The app's `readiness_report` command returns exactly this value, serialised by serde.
    let doc = throughline_format::read_file(&sample).unwrap();
    let report = throughline_readiness::report(&doc, None).unwrap();
    assert_eq!(printed, serde_json::to_value(&report).unwrap());
}

#[test]
fn a_json_run_reports_a_bad_file_as_the_error_contract_on_stderr() {
    let sb = Sandbox::new();
    let bad = sb.write(
        "bad.throughline.json",
        r#"{"format":"throughline","version":2,"workspace":{"name":""}}"#,
    );
    let (code, out, err) = code_and_out(&sb, &["audit", s(&bad), "--format", "json"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "nothing on stdout: {out}");
    let e: serde_json::Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(e["code"], "bad_file", "{err}");
    assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()));
    let problems = e["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|p| p["path"]
            .as_str()
            .is_some_and(|p| p.starts_with("workspace"))),
        "each problem with its path: {err}"
    );
}

#[test]
fn a_json_run_reports_a_missing_workspace_as_not_found() {
    let sb = Sandbox::new();
    let (code, _, err) = code_and_out(&sb, &["readiness", "no-such-workspace", "--format", "json"]);
    assert_eq!(code, 2);
    let e: serde_json::Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(e["code"], "not_found");
    assert_eq!(e["problems"], serde_json::json!([]));
}

#[test]
fn a_text_run_reports_errors_as_one_readable_line() {
    let sb = Sandbox::new();
    let (code, _, err) = code_and_out(&sb, &["readiness", "no-such-workspace"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("throughline: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn an_import_is_logged_as_a_cli_write() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    sb.ok(&["import", s(&sample)]);
    let store = throughline_store::Store::open(&sb.db()).unwrap();
    let slug = store.list_workspaces().unwrap()[0].slug.clone();
    let history = store.history(&slug, 1).unwrap();
    assert_eq!(history[0].source, throughline_store::Source::Cli);
}
