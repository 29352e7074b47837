//! Format version 2's room fields: a waiver's review date and a layer score's session. A
//! version-1 file, which has neither, reads unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use throughline_format::{parse, to_string};

const V1: &str = r#"{"format": "throughline", "version": 1,
  "workspace": {"name": "Old file"},
  "readiness": [{"id": "s1", "name": "Kick-off", "date": "2024-02-01", "raters": []}],
  "layer_scores": [{"layer": "vision", "score": 2, "date": "2024-02-01"}],
  "waivers": [{"code": "unowned-handoff", "subject": "h1", "reason": "Agency",
               "who": "Ann", "when": "2024-03-01T09:00:00Z"}]}"#;

#[test]
fn a_version_one_file_reads_with_no_session_and_no_review_date() {
    let ws = parse(V1).unwrap();
    assert_eq!(ws.layer_scores[0].session, None);
    assert_eq!(ws.waivers[0].review, None);
    let written = to_string(&ws);
    assert!(written.contains("\"version\": 2"), "{written}");
    assert!(
        !written.contains("\"session\"") && !written.contains("\"review\""),
        "absent fields stay absent: {written}"
    );
}

#[test]
fn a_layer_score_names_its_session_and_a_waiver_its_review_date() {
    let text = V1
        .replace("\"version\": 1", "\"version\": 2")
        .replace(
            "\"date\": \"2024-02-01\"}]",
            "\"date\": \"2024-02-01\", \"session\": \"s1\"}]",
        )
        .replace(
            "\"2024-03-01T09:00:00Z\"}",
            "\"2024-03-01T09:00:00Z\", \"review\": \"2024-09-01\"}",
        );
    let ws = parse(&text).unwrap();
    assert_eq!(
        ws.layer_scores[0].session.as_ref().map(|s| s.as_str()),
        Some("s1")
    );
    assert_eq!(ws.waivers[0].review.as_deref(), Some("2024-09-01"));
}

#[test]
fn a_session_that_does_not_exist_or_a_bad_review_date_is_refused_with_its_path() {
    let bad_session = V1.replace(
        "\"date\": \"2024-02-01\"}]",
        "\"date\": \"2024-02-01\", \"session\": \"s9\"}]",
    );
    let err = parse(&bad_session).unwrap_err().to_string();
    assert!(err.contains("layer_scores[0].session"), "{err}");
    assert!(err.contains("no readiness session \"s9\""), "{err}");

    let bad_date = V1.replace(
        "\"2024-03-01T09:00:00Z\"}",
        "\"2024-03-01T09:00:00Z\", \"review\": \"1 Sept\"}",
    );
    let err = parse(&bad_date).unwrap_err().to_string();
    assert!(err.contains("waivers[0].review"), "{err}");
}
