//! Every rule has a fixture folder with a case where it fires (with the expected findings
//! in `expected.json`) and a case where it does not.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use serde::Deserialize;
use throughline_audit::{RuleCode, audit};

#[derive(Deserialize)]
struct Expected {
    findings: Vec<ExpectedFinding>,
}

#[derive(Deserialize)]
struct ExpectedFinding {
    key: String,
    /// `kind:id`, primary subject first.
    subjects: Vec<String>,
}

fn found(code: RuleCode, case: &str) -> Vec<(String, Vec<String>)> {
    let ws = common::fixture(code.as_str(), case);
    let problems = throughline_model::validate(&ws);
    assert!(
        problems.is_empty(),
        "{code}/{case} is not a valid workspace: {problems:?}"
    );
    audit(&ws)
        .findings
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| {
            let subjects = f
                .subjects
                .iter()
                .map(|s| format!("{}:{}", s.kind.as_str(), s.id))
                .collect();
            (f.key, subjects)
        })
        .collect()
}

#[test]
fn every_rule_fires_on_its_fires_fixture_with_the_expected_subjects() {
    for code in RuleCode::STRUCTURE {
        let path = common::fixtures().join(code.as_str()).join("expected.json");
        let text = std::fs::read_to_string(&path).expect("every rule has expected.json");
        let expected: Expected = serde_json::from_str(&text).expect("expected.json parses");
        let expected: Vec<(String, Vec<String>)> = expected
            .findings
            .into_iter()
            .map(|f| (f.key, f.subjects))
            .collect();
        assert!(
            !expected.is_empty(),
            "{code}: expected.json lists no finding"
        );
        assert_eq!(
            found(code, "fires"),
            expected,
            "{code}: findings in fires.throughline.json"
        );
    }
}

#[test]
fn no_rule_fires_on_its_passes_fixture() {
    for code in RuleCode::STRUCTURE {
        assert_eq!(
            found(code, "passes"),
            vec![],
            "{code} fired on passes.throughline.json"
        );
    }
}

#[test]
fn every_fixture_folder_names_a_rule() {
    for entry in std::fs::read_dir(common::fixtures()).expect("fixtures folder") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        assert!(
            RuleCode::parse(&name).is_some(),
            "fixtures/{name} is not a rule code"
        );
    }
}
