//! `throughline monitor` and `throughline readings`: readings imported from CSV into a
//! library workspace, the drift they show, and the exit codes.

use super::{Sandbox, code_and_out, s};

const WORKSPACE: &str = r#"{"format":"throughline","version":2,
  "workspace":{"name":"Checkout","vision":"Buying is effortless."},
  "stages":[{"id":"buy","name":"Buy","emotion":1,"moment":"Pay"}],
  "elements":[{"id":"checkout","kind":"touchpoint","name":"Checkout","channel":"web","stages":["buy"]}],
  "handoffs":[],
  "metrics":[{"id":"csat-checkout","name":"Checkout satisfaction","kind":"sentiment","min":1,"max":5,
    "direction":"higher","target":4,"owner":"Web team","scope":"element:checkout","leading":true}]}"#;

fn library_with_workspace(sb: &Sandbox) {
    let file = sb.write("checkout.throughline.json", WORKSPACE);
    sb.ok(&["import", s(&file)]);
}

fn exported(sb: &Sandbox) -> String {
    let out = sb.path("out.csv");
    sb.ok(&["readings", "export", "checkout", "-o", s(&out)]);
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn imported_readings_show_a_drift_naming_the_touchpoint_layer() {
    let sb = Sandbox::new();
    library_with_workspace(&sb);
    let csv = sb.write(
        "readings.csv",
        "metric,date,value,n\ncsat-checkout,2026-01-31,4.2,300\ncsat-checkout,2026-02-28,3.5,280\n",
    );
    let out = sb.ok(&["readings", "import", "checkout", s(&csv)]);
    assert_eq!(
        out,
        "Imported 2 readings into \"Checkout\": 2 new, 0 replaced, 0 already recorded\n"
    );

    let (code, out, _) = code_and_out(&sb, &["monitor", "checkout"]);
    assert_eq!(
        code, 0,
        "drift is a warning; the default fails on errors:\n{out}"
    );
    assert!(out.contains("as of 2026-02-28"), "{out}");
    assert!(
        out.contains("[W] metric-drift  csat-checkout  (layer: touchpoint)"),
        "{out}"
    );

    let (code, _, _) = code_and_out(&sb, &["monitor", "checkout", "--fail-on", "warning"]);
    assert_eq!(code, 1, "--fail-on warning fails on the drift");

    let (_, json, _) = code_and_out(&sb, &["monitor", "checkout", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(json["metrics"][0]["latest"], 3.5);
    assert_eq!(json["metrics"][0]["meets_target"], false);
    assert_eq!(json["stages"][0]["measured"], 0.5, "3.5 on 1..5 is +0.5");
    assert_eq!(json["stages"][0]["gap"], -0.5);
    assert_eq!(json["findings"][0]["code"], "metric-drift");

    // As of January only one reading exists: no drift.
    let (_, out, _) = code_and_out(&sb, &["monitor", "checkout", "--as-of", "2026-01-31"]);
    assert!(!out.contains("metric-drift"), "{out}");

    // The audit is one report: its own findings and the monitor's.
    let (_, out, _) = code_and_out(&sb, &["audit", "checkout", "--format", "json"]);
    assert!(out.contains("\"metric-drift\""), "{out}");
}

#[test]
fn a_file_with_a_bad_row_is_refused_and_changes_nothing() {
    let sb = Sandbox::new();
    library_with_workspace(&sb);
    let before = exported(&sb);
    let csv = sb.write(
        "bad.csv",
        "metric,date,value\ncsat-checkout,2026-01-31,4\ncsat-checkout,2026-02-28,7.5\ncsat-chekout,2026-03-31,4\n",
    );
    let (code, out, err) = code_and_out(&sb, &["readings", "import", "checkout", s(&csv)]);
    assert_eq!(code, 2, "the command failed");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("row 3: 7.5 is outside the scale 1 to 5"),
        "{err}"
    );
    assert!(err.contains("row 4: no metric \"csat-chekout\""), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert_eq!(exported(&sb), before, "nothing imported");
}

#[test]
fn a_recorded_reading_is_replaced_only_with_replace() {
    let sb = Sandbox::new();
    library_with_workspace(&sb);
    let first = sb.write("a.csv", "metric,date,value\ncsat-checkout,2026-01-31,4\n");
    sb.ok(&["readings", "import", "checkout", s(&first)]);
    let second = sb.write("b.csv", "metric,date,value\ncsat-checkout,2026-01-31,4.5\n");
    let (code, _, err) = code_and_out(&sb, &["readings", "import", "checkout", s(&second)]);
    assert_eq!(code, 2);
    assert!(
        err.contains("already has 4 on 2026-01-31 (the file says 4.5)"),
        "{err}"
    );
    assert!(exported(&sb).contains("2026-01-31,4,"), "unchanged");
    let out = sb.ok(&["readings", "import", "checkout", s(&second), "--replace"]);
    assert!(out.contains("1 replaced"), "{out}");
    assert_eq!(
        exported(&sb),
        "metric,date,value,n\ncsat-checkout,2026-01-31,4.5,\n"
    );
}

#[test]
fn a_bad_as_of_date_is_an_error() {
    let sb = Sandbox::new();
    library_with_workspace(&sb);
    let (code, _, err) = code_and_out(&sb, &["monitor", "checkout", "--as-of", "March"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("\"March\" is not a date written YYYY-MM-DD"),
        "{err}"
    );
}
