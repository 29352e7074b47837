//! Specifications for reading a typed score.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use throughline_model::Dimension;
use throughline_readiness::{ReadinessError, parse_score};

#[test]
fn a_whole_number_from_1_to_5_is_a_score() {
    for (input, value) in [("1", 1), ("5", 5), (" 3 ", 3), ("4.0", 4), ("+2", 2)] {
        let got = parse_score(input, "Alex", Dimension::Data).unwrap();
        assert_eq!(got.map(|s| s.get()), Some(value), "input {input:?}");
    }
}

#[test]
fn an_empty_cell_is_a_skipped_score() {
    assert_eq!(parse_score("", "Alex", Dimension::Data), Ok(None));
    assert_eq!(parse_score("   ", "Alex", Dimension::Data), Ok(None));
}

#[test]
fn out_of_range_input_is_refused_with_a_clear_message() {
    let err = parse_score("7", "Alex", Dimension::Data).unwrap_err();
    assert_eq!(
        err.to_string(),
        "score for Data by Alex is 7; scores run from 1 to 5"
    );
    assert_eq!(err.code(), "score_out_of_range");
    for input in ["0", "-1", "6.0", "99999999999999999999999", "1e9"] {
        assert!(
            matches!(
                parse_score(input, "Bea", Dimension::Team),
                Err(ReadinessError::ScoreOutOfRange { .. })
            ),
            "input {input:?}"
        );
    }
}

#[test]
fn text_or_fractions_are_not_scores() {
    for input in ["3.5", "high", "-", "NaN", "inf", "4 stars"] {
        let err = parse_score(input, "Cho", Dimension::Culture).unwrap_err();
        assert_eq!(err.code(), "not_a_score", "input {input:?}");
        assert!(
            err.to_string().starts_with("score for Culture by Cho is"),
            "{err}"
        );
    }
}

#[test]
fn an_error_crosses_to_the_ui_in_the_shared_error_contract() {
    let err = parse_score("9", "Dee", Dimension::Metrics).unwrap_err();
    assert_eq!(err.code(), "score_out_of_range", "the fine-grained kind");
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "invalid_input");
    assert_eq!(json["problems"], serde_json::json!([]));
    assert_eq!(
        json["message"],
        "score for Metrics by Dee is 9; scores run from 1 to 5"
    );
}
