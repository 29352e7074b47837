//! Every finding from raw events comes with up to three example cases, the first by case
//! name, each as its visits with times; memory stays bounded however long a case is.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use throughline_audit::RuleCode;
use throughline_reality::{CaseExample, RealityReport, render_json};

fn fires(rule: &str) -> RealityReport {
    common::replay(
        &common::workspace(rule),
        &common::fixtures().join(rule).join("fires.csv"),
    )
}

/// `(element, first, last)` of each visit of `case`.
fn visits(case: &CaseExample) -> Vec<(&str, &str, &str)> {
    case.visits
        .iter()
        .map(|v| (v.element.as_str(), v.first.as_str(), v.last.as_str()))
        .collect()
}

fn names(cases: &[CaseExample]) -> Vec<&str> {
    cases.iter().map(|c| c.case.as_str()).collect()
}

#[test]
fn a_shadow_handoff_shows_the_first_three_cases_by_name_as_their_visits_in_utc() {
    let report = fires("shadow-handoff");
    let cases = report.examples_of(RuleCode::ShadowHandoff, "crm>support");
    assert_eq!(names(cases), ["c0", "c1", "c2"]);
    // c0 was written in three zones: 09:00Z, 12:00+02:00, 07:00-05:00.
    assert_eq!(
        visits(&cases[0]),
        [
            ("web", "2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z"),
            ("crm", "2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z"),
            ("support", "2026-03-02T12:00:00Z", "2026-03-02T12:00:00Z"),
        ]
    );
    assert_eq!(cases[0].more_visits, 0);
}

#[test]
fn a_rework_loop_shows_cases_that_come_back_to_the_element() {
    let report = fires("rework-loop");
    let cases = report.examples_of(RuleCode::ReworkLoop, "support");
    assert_eq!(names(cases), ["c0", "c1", "c2"]);
    let elements: Vec<&str> = visits(&cases[1]).iter().map(|v| v.0).collect();
    assert_eq!(elements, ["web", "support", "crm", "support"]);
}

#[test]
fn a_hero_shows_cases_the_resource_works_on() {
    let report = fires("actual-single-point");
    let cases = report.examples_of(RuleCode::ActualSinglePoint, "dana");
    assert_eq!(names(cases), ["c0", "c1", "c2"]);
    assert!(cases.iter().all(|c| !c.visits.is_empty()));
}

#[test]
fn an_unused_handoff_and_a_directly_follows_table_have_no_examples() {
    let report = fires("unused-handoff");
    assert!(
        report
            .findings()
            .iter()
            .any(|f| f.code == RuleCode::UnusedHandoff)
    );
    assert!(
        report
            .examples_of(RuleCode::UnusedHandoff, "help")
            .is_empty()
    );
    assert!(
        report
            .examples
            .iter()
            .all(|e| e.code != RuleCode::UnusedHandoff)
    );

    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("dfg.csv");
    std::fs::write(
        &table,
        "from,to,cases,transitions,p50_hours,p90_hours,max_hours\n,web,6,,,,\ncrm,support,6,6,1,2,3\nweb,crm,6,6,1,2,3\n",
    )
    .unwrap();
    let report = common::replay(&common::workspace("shadow-handoff"), &table);
    assert!(
        report
            .findings()
            .iter()
            .any(|f| f.code == RuleCode::ShadowHandoff)
    );
    assert!(report.examples.is_empty(), "{:?}", report.examples);
}

#[test]
fn a_long_case_keeps_its_first_fifty_visits_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("long.csv");
    let mut csv = String::from("case_id,activity,timestamp\n");
    for case in 0..6 {
        for step in 0..120 {
            let activity = if step % 2 == 0 { "crm" } else { "support" };
            csv.push_str(&format!(
                "k{case},{activity},2026-03-02T{:02}:{:02}:00Z\n",
                step / 60,
                step % 60
            ));
        }
    }
    std::fs::write(&log, csv).unwrap();
    let report = common::replay(&common::workspace("shadow-handoff"), &log);
    let cases = report.examples_of(RuleCode::ShadowHandoff, "crm>support");
    assert_eq!(cases.len(), 3);
    assert_eq!(cases[0].visits.len(), 50);
    assert_eq!(cases[0].more_visits, 70);
    let json = render_json(&report);
    assert!(json.contains("\"more_visits\": 70"), "{json}");
}

#[test]
fn a_shuffled_file_gives_the_same_examples() {
    let path = common::fixtures().join("shadow-handoff/fires.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    lines.reverse();
    let dir = tempfile::tempdir().unwrap();
    let shuffled = dir.path().join("shuffled.csv");
    std::fs::write(&shuffled, format!("{header}\n{}\n", lines.join("\n"))).unwrap();
    let ws = common::workspace("shadow-handoff");
    assert_eq!(
        common::replay(&ws, &shuffled).examples,
        common::replay(&ws, &path).examples
    );
}

#[test]
fn the_json_form_lists_examples_beside_the_findings_named_by_code_and_key() {
    let report = fires("rework-loop");
    let json: serde_json::Value = serde_json::from_str(&render_json(&report)).unwrap();
    let examples = json["examples"].as_array().expect("an examples list");
    assert!(!examples.is_empty());
    let findings = json["findings"].as_array().unwrap();
    for e in examples {
        assert!(
            findings
                .iter()
                .any(|f| f["code"] == e["code"] && f["key"] == e["key"]),
            "{e} names a finding"
        );
        assert!(e["cases"][0]["visits"][0]["first"].is_string());
    }
    assert!(
        findings.iter().all(|f| f.get("examples").is_none()),
        "a finding keeps the audit's shape"
    );
}
