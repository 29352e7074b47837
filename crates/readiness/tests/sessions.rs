//! Specifications for the trend across sessions, finding a session, and the reports.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{close, rater, session};
use throughline_model::{Dimension, Layer, LayerScore, Score, Workspace};
use throughline_readiness::{
    ReadinessError, VerdictKind, diagnose_layers, find_session, render_layers_text, render_text,
    render_trend_text, report, summarize, trend,
};

fn workspace() -> Workspace {
    let mut ws = Workspace::new("Acme");
    ws.readiness = vec![
        session(
            "q2",
            "Q2 check-in",
            "2025-04-02",
            vec![rater("A", [4; 6]), rater("B", [3; 6])],
        ),
        session(
            "kickoff",
            "Kickoff",
            "2025-01-10",
            vec![rater("A", [2; 6]), rater("B", [3, 2, 3, 2, 3, 2])],
        ),
        session(
            "q2-b",
            "Another room",
            "2025-04-02",
            vec![rater("C", [3, 0, 3, 3, 3, 3])],
        ),
    ];
    ws
}

#[test]
fn the_trend_runs_in_date_order_then_by_name() {
    let points = trend(&workspace().readiness);
    let order: Vec<&str> = points.iter().map(|p| p.session_id.as_str()).collect();
    assert_eq!(
        order,
        vec!["kickoff", "q2-b", "q2"],
        "same date: 'Another room' before 'Q2'"
    );
}

#[test]
fn a_trend_point_carries_total_means_verdict_and_alpha() {
    let points = trend(&workspace().readiness);
    let kickoff = &points[0];
    close(
        kickoff.total,
        2.5 + 2.0 + 2.5 + 2.0 + 2.5 + 2.0,
        "kickoff total",
    );
    assert_eq!(kickoff.verdict, VerdictKind::FoundationsFirst);
    assert_eq!(kickoff.means.len(), 6);
    assert_eq!(kickoff.means[1].dimension, Dimension::Data);
    close(kickoff.means[1].mean, 2.0, "kickoff Data mean");
    assert!(kickoff.alpha.is_some());
    let another = &points[1];
    assert_eq!(another.total, None, "Data unscored");
    assert_eq!(another.verdict, VerdictKind::Incomplete);
    assert_eq!(another.alpha, None, "one rater");
    assert_eq!(points[2].verdict, VerdictKind::Ready);
}

#[test]
fn without_a_name_the_latest_session_is_found() {
    let ws = workspace();
    let s = find_session(&ws, None).unwrap();
    assert_eq!(
        s.id, "q2-b",
        "two sessions on the latest date: the last listed wins"
    );
}

#[test]
fn a_session_is_found_by_id_or_by_name_in_any_case() {
    let ws = workspace();
    assert_eq!(find_session(&ws, Some("kickoff")).unwrap().id, "kickoff");
    assert_eq!(find_session(&ws, Some("q2 CHECK-IN")).unwrap().id, "q2");
}

#[test]
fn an_unknown_session_lists_the_ones_there_are() {
    let err = find_session(&workspace(), Some("Offsite")).unwrap_err();
    assert_eq!(err.code(), "session_not_found");
    let msg = err.to_string();
    assert!(
        msg.starts_with("no readiness session is called \"Offsite\""),
        "{msg}"
    );
    assert!(
        msg.contains("\"Kickoff\" (id kickoff, 2025-01-10)"),
        "{msg}"
    );
}

#[test]
fn a_name_shared_by_two_sessions_asks_for_the_id() {
    let mut ws = workspace();
    ws.readiness[2].name = "Kickoff".to_string();
    let err = find_session(&ws, Some("Kickoff")).unwrap_err();
    assert!(
        matches!(err, ReadinessError::AmbiguousSession { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("kickoff (2025-01-10)"), "{err}");
}

#[test]
fn a_workspace_without_sessions_says_so() {
    let err = find_session(&Workspace::new("Empty"), None).unwrap_err();
    assert_eq!(err, ReadinessError::NoSessions);
    assert!(err.to_string().contains("no readiness sessions yet"));
}

#[test]
fn the_text_report_shows_figures_total_verdict_weakest_agreement_and_disagreements() {
    let s = session(
        "w",
        "Workshop",
        "2025-05-05",
        vec![
            rater("A", [4, 1, 3, 3, 4, 3]),
            rater("B", [2, 2, 3, 3, 4, 3]),
        ],
    );
    let text = render_text(&summarize(&s));
    for needle in [
        "Readiness: Workshop (2025-05-05), 2 raters",
        "Strategy       3.0     3.0    2     4     2/2  discuss in the room",
        "Total: 17.5 of 30",
        "below 18",
        "- Data (mean 1.5): Unify the customer data",
        "Agreement: ",
        "- Strategy: from 2 to 4",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn the_layer_and_trend_reports_render_without_data_too() {
    assert!(render_layers_text(&diagnose_layers(&[])).contains("No layer rated yet"));
    assert_eq!(render_trend_text(&[]), "No readiness sessions yet.\n");
    let text = render_trend_text(&trend(&workspace().readiness));
    assert_eq!(text.lines().count(), 4, "{text}");
}

#[test]
fn the_summary_serialises_for_the_cli_and_the_ui() {
    let sum = summarize(&session(
        "s",
        "Solo",
        "2025-01-10",
        vec![rater("A", [3; 6])],
    ));
    let json = serde_json::to_value(&sum).unwrap();
    assert_eq!(json["verdict"]["kind"], "ready");
    assert_eq!(json["agreement"]["alpha"], serde_json::Value::Null);
    assert_eq!(json["agreement"]["reading"]["kind"], "undefined");
    assert_eq!(json["agreement"]["reading"]["reason"], "one_rater");
    assert_eq!(json["dimensions"][0]["dimension"], "strategy");
    assert_eq!(json["dimensions"][0]["lowest"], 3);
    assert_eq!(json["total"], 18.0);
}

#[test]
fn an_earlier_session_shows_the_stack_as_it_stood_then_and_the_latest_shows_it_now() {
    let mut ws = workspace();
    let rated = |layer, score, date: &str| LayerScore {
        layer,
        score: Score::new(score).unwrap(),
        date: date.to_string(),
        session: None,
    };
    ws.layer_scores = vec![
        rated(Layer::Vision, 4, "2025-01-10"),
        rated(Layer::System, 1, "2025-01-10"),
        rated(Layer::Vision, 5, "2025-04-02"),
        rated(Layer::System, 3, "2025-04-02"),
        rated(Layer::System, 4, "2025-06-30"),
    ];
    let system = |r: &throughline_readiness::ReadinessReport| {
        let l = r
            .layers
            .layers
            .iter()
            .find(|l| l.layer == Layer::System)
            .unwrap();
        (l.score.map(|s| s.get()), l.date.clone())
    };

    let kickoff = report(&ws, Some("kickoff")).unwrap();
    assert_eq!(system(&kickoff), (Some(1), Some("2025-01-10".into())));
    assert_eq!(kickoff.layers.date.as_deref(), Some("2025-01-10"));
    let vision = &kickoff.layers.layers[0];
    assert_eq!(
        (vision.score.map(|s| s.get()), vision.previous),
        (Some(4), None)
    );

    // The latest session, by name or by default, reads every score, even one rated since.
    for latest in [
        report(&ws, Some("q2-b")).unwrap(),
        report(&ws, None).unwrap(),
    ] {
        assert_eq!(system(&latest), (Some(4), Some("2025-06-30".into())));
    }
    // An earlier session on the latest date still stops at its own date.
    assert_eq!(
        system(&report(&ws, Some("q2")).unwrap()),
        (Some(3), Some("2025-04-02".into()))
    );
}
