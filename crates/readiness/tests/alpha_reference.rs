//! Our ordinal alpha against the `krippendorff` package from PyPI.
//!
//! The expected values live in `tests/fixtures/alpha_reference.json`, written by
//! `scripts/krippendorff_reference.py`; this test reads them and needs no Python.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use serde_json::Value;
use throughline_model::Score;
use throughline_readiness::ordinal_alpha;

const REFERENCE: &str = include_str!("fixtures/alpha_reference.json");

/// Turns a raters-by-units matrix into units listing the scores they received.
fn units_of(raters: &[Value]) -> Vec<Vec<Score>> {
    let width = raters
        .iter()
        .map(|r| r.as_array().unwrap().len())
        .max()
        .unwrap_or(0);
    (0..width)
        .map(|u| {
            raters
                .iter()
                .filter_map(|r| r.as_array().unwrap()[u].as_i64())
                .map(|v| Score::new(v).unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn ordinal_alpha_matches_the_krippendorff_package_within_1e_9() {
    let doc: Value = serde_json::from_str(REFERENCE).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 10, "the reference should hold many cases");
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let units = units_of(case["raters"].as_array().unwrap());
        let ours = ordinal_alpha(&units);
        match case["alpha"].as_f64() {
            Some(expected) => {
                let got = ours.unwrap_or_else(|why| {
                    panic!("{name}: the package gives {expected}, we said undefined ({why:?})")
                });
                assert!(
                    (got - expected).abs() < 1e-9,
                    "{name}: expected {expected}, got {got}"
                );
            }
            None => assert!(
                ours.is_err(),
                "{name}: the package has no value, we gave {ours:?}"
            ),
        }
    }
}

#[test]
fn the_reference_covers_the_cases_the_brief_names() {
    let doc: Value = serde_json::from_str(REFERENCE).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    let has = |pred: &dyn Fn(&Value) -> bool| cases.iter().any(pred);
    let raters = |c: &Value| c["raters"].as_array().unwrap().len();
    assert!(has(&|c| raters(c) == 2), "two raters");
    assert!(has(&|c| raters(c) == 8), "eight raters");
    assert!(
        has(&|c| c["raters"].to_string().contains("null")),
        "missing values"
    );
    assert!(
        has(&|c| c["alpha"].as_f64().is_some_and(|a| a > 0.9)),
        "near agreement"
    );
    assert!(
        has(&|c| c["alpha"].as_f64().is_some_and(|a| a < 0.0)),
        "strong disagreement"
    );
    assert!(has(&|c| c["alpha"].is_null()), "an undefined case");
}
