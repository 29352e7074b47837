//! Every monitor rule has a fixture folder with a case where it fires (the expected
//! findings, with the layer each names, in `expected.json`) and a case where it does not.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use serde::Deserialize;
use throughline_audit::RuleCode;
use throughline_monitor::{MonitorOptions, monitor};

const RULES: [RuleCode; 4] = [
    RuleCode::MetricDrift,
    RuleCode::PromiseGap,
    RuleCode::UnmeasuredStage,
    RuleCode::UnownedMetric,
];

#[derive(Deserialize)]
struct Expected {
    findings: Vec<ExpectedFinding>,
}

#[derive(Deserialize)]
struct ExpectedFinding {
    key: String,
    layer: String,
    /// `kind:id`, primary subject first.
    subjects: Vec<String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn found(code: RuleCode, case: &str) -> Vec<(String, String, Vec<String>)> {
    let path = fixtures()
        .join(code.as_str())
        .join(format!("{case}.throughline.json"));
    let ws = throughline_format::read_file(&path)
        .unwrap_or_else(|e| panic!("{} does not read: {e}", path.display()));
    monitor(&ws, &MonitorOptions::default())
        .unwrap()
        .report
        .findings
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| {
            assert!(
                !f.fix.is_empty(),
                "{code}: every finding says how to fix it"
            );
            assert!(
                !f.evidence.is_empty(),
                "{code}: every finding shows its evidence"
            );
            let layer = f
                .layer
                .map(|l| l.label().to_lowercase())
                .unwrap_or_default();
            let subjects = f
                .subjects
                .iter()
                .map(|s| format!("{}:{}", s.kind.as_str(), s.id))
                .collect();
            (f.key, layer, subjects)
        })
        .collect()
}

#[test]
fn every_monitor_rule_fires_on_its_fires_fixture_naming_the_layer() {
    for code in RULES {
        let path = fixtures().join(code.as_str()).join("expected.json");
        let text = std::fs::read_to_string(&path).expect("every rule has expected.json");
        let expected: Expected = serde_json::from_str(&text).expect("expected.json parses");
        let expected: Vec<_> = expected
            .findings
            .into_iter()
            .map(|f| (f.key, f.layer, f.subjects))
            .collect();
        assert!(
            !expected.is_empty(),
            "{code}: expected.json lists no finding"
        );
        assert_eq!(found(code, "fires"), expected, "{code}: findings in fires");
    }
}

#[test]
fn no_monitor_rule_fires_on_its_passes_fixture() {
    for code in RULES {
        assert_eq!(found(code, "passes"), vec![], "{code} fired on passes");
    }
}

#[test]
fn the_monitor_rules_are_exactly_the_monitor_family() {
    let family: Vec<RuleCode> = RuleCode::ALL
        .into_iter()
        .filter(|c| c.family() == throughline_audit::Family::Monitor)
        .collect();
    assert_eq!(family, RULES);
}
