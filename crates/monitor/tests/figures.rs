//! The figures of the monitor, formula by formula (see `docs/monitor.md`).

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::*;
use throughline_model::{Better, MetricKind};
use throughline_monitor::{Monitor, MonitorError, MonitorOptions, monitor};

fn run(ws: &throughline_model::Workspace, as_of: Option<&str>) -> Monitor {
    monitor(
        ws,
        &MonitorOptions {
            as_of: as_of.map(str::to_string),
        },
    )
    .unwrap()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn as_of_defaults_to_the_newest_reading_and_picks_the_latest_on_or_before_it() {
    let mut ws = workspace(&[("setup", 1)]);
    sentiment(&mut ws, "csat", "stage:setup");
    readings(&mut ws, "csat", &[3.0, 4.0, 2.0]);
    let m = run(&ws, None);
    assert_eq!(m.as_of.as_deref(), Some("2026-03-01"));
    let s = &m.metrics[0];
    assert_eq!(s.latest.as_ref().unwrap().value, 2.0);
    assert_eq!(s.previous.as_ref().unwrap().value, 4.0);
    assert_eq!(s.first.as_ref().unwrap().value, 3.0);
    assert!(close(s.trend.since_previous, -2.0));
    assert!(close(s.trend.since_first, -1.0));

    // As of a date between readings: the March reading is in the future.
    let m = run(&ws, Some("2026-02-15"));
    let s = &m.metrics[0];
    assert_eq!(
        s.latest.as_ref().unwrap().value,
        4.0,
        "latest on or before 15 Feb"
    );
    assert_eq!(s.previous.as_ref().unwrap().value, 3.0);
    // A reading dated exactly on the as-of date counts.
    let m = run(&ws, Some("2026-03-01"));
    assert_eq!(m.metrics[0].latest.as_ref().unwrap().value, 2.0);
}

#[test]
fn readings_out_of_order_in_the_file_are_taken_by_date() {
    let mut ws = workspace(&[]);
    sentiment(&mut ws, "csat", "journey");
    readings(&mut ws, "csat", &[3.0, 4.0]);
    ws.readings.reverse();
    let s = &run(&ws, None).metrics[0];
    assert_eq!(s.latest.as_ref().unwrap().date, "2026-02-01");
    assert_eq!(s.first.as_ref().unwrap().date, "2026-01-01");
}

#[test]
fn one_reading_has_no_previous_and_no_trend() {
    let mut ws = workspace(&[]);
    sentiment(&mut ws, "csat", "journey");
    readings(&mut ws, "csat", &[4.0]);
    let s = &run(&ws, None).metrics[0];
    assert!(s.latest.is_some());
    assert_eq!(s.previous, None);
    assert_eq!(s.trend.since_previous, None);
    assert_eq!(s.trend.since_first, None);
}

#[test]
fn no_readings_means_no_date_no_latest_and_nothing_measured() {
    let mut ws = workspace(&[("setup", 1)]);
    sentiment(&mut ws, "csat", "stage:setup");
    aim(&mut ws, "csat", Better::Higher, 4.0);
    let m = run(&ws, None);
    assert_eq!(m.as_of, None);
    assert_eq!(m.metrics[0].latest, None);
    assert_eq!(
        m.metrics[0].meets_target, None,
        "no reading: neither met nor missed"
    );
    assert_eq!(m.stages[0].measured, None);
    assert_eq!(m.stages[0].gap, None);
    assert_eq!(m.stages[0].consistency, None);
    // Before the first reading, too.
    readings(&mut ws, "csat", &[4.0]);
    assert_eq!(run(&ws, Some("2025-12-31")).metrics[0].latest, None);
}

#[test]
fn a_reading_exactly_on_target_meets_it_in_either_direction() {
    let mut ws = workspace(&[]);
    sentiment(&mut ws, "csat", "journey");
    metric(
        &mut ws,
        "contacts",
        MetricKind::Contacts,
        (0.0, 1000.0),
        "journey",
    );
    aim(&mut ws, "csat", Better::Higher, 4.0);
    aim(&mut ws, "contacts", Better::Lower, 200.0);
    readings(&mut ws, "csat", &[4.0]);
    readings(&mut ws, "contacts", &[200.0]);
    let m = run(&ws, None);
    for s in &m.metrics {
        assert_eq!(s.meets_target, Some(true), "{} exactly on target", s.id);
        assert_eq!(s.trend.to_target, Some(0.0));
    }
}

#[test]
fn distance_to_target_is_what_is_left_to_gain_in_the_good_direction() {
    let mut ws = workspace(&[]);
    sentiment(&mut ws, "csat", "journey");
    metric(
        &mut ws,
        "contacts",
        MetricKind::Contacts,
        (0.0, 1000.0),
        "journey",
    );
    aim(&mut ws, "csat", Better::Higher, 4.0);
    aim(&mut ws, "contacts", Better::Lower, 200.0);
    readings(&mut ws, "csat", &[3.5]);
    readings(&mut ws, "contacts", &[150.0]);
    let m = run(&ws, None);
    assert_eq!(m.metrics[0].meets_target, Some(false));
    assert!(close(m.metrics[0].trend.to_target, 0.5), "0.5 short of 4");
    assert_eq!(
        m.metrics[1].meets_target,
        Some(true),
        "150 contacts beats 200 when lower is better"
    );
    assert!(close(m.metrics[1].trend.to_target, -50.0));
}

#[test]
fn the_measured_arc_averages_normalised_sentiment_of_the_stage_and_its_touchpoints() {
    let mut ws = workspace(&[("discover", 0), ("setup", 1), ("renew", 2)]);
    touchpoint(&mut ws, "wizard", &["setup"]);
    touchpoint(&mut ws, "help", &["setup", "renew"]);
    sentiment(&mut ws, "setup-mood", "stage:setup");
    sentiment(&mut ws, "wizard-csat", "element:wizard");
    sentiment(&mut ws, "help-csat", "element:help");
    // Not sentiment: scoped to setup but not part of the arc.
    metric(
        &mut ws,
        "setup-done",
        MetricKind::Completion,
        (0.0, 100.0),
        "stage:setup",
    );
    // NPS on -100..100 is not a sentiment metric either.
    metric(&mut ws, "nps", MetricKind::Nps, (-100.0, 100.0), "journey");
    readings(&mut ws, "setup-mood", &[5.0]); // +2
    readings(&mut ws, "wizard-csat", &[3.0]); // 0
    readings(&mut ws, "help-csat", &[1.0, 2.0]); // latest 2 -> -1
    readings(&mut ws, "setup-done", &[10.0]);
    readings(&mut ws, "nps", &[-100.0]);
    let m = run(&ws, None);
    let [discover, setup, renew] = &m.stages[..] else {
        panic!("three stages")
    };
    assert_eq!(discover.measured, None, "nothing measures discover");
    assert!(close(setup.measured, 1.0 / 3.0), "mean of +2, 0 and -1");
    assert!(close(setup.gap, 1.0 / 3.0 - 1.0));
    assert!(close(renew.measured, -1.0), "help serves renew too");
    assert!(close(renew.gap, -3.0), "measured -1 against planned +2");
    assert_eq!(renew.consistency, None, "one value: no consistency");
    // σ of (2, 0, -1): mean 1/3, variance (25/9 + 1/9 + 16/9) / 3 = 14/9.
    let sigma = (14.0_f64 / 9.0).sqrt();
    assert!(close(setup.consistency, 1.0 - sigma / 2.0));
}

#[test]
fn two_readings_on_the_same_stage_give_a_consistency() {
    let mut ws = workspace(&[("setup", 0)]);
    touchpoint(&mut ws, "wizard", &["setup"]);
    touchpoint(&mut ws, "help", &["setup"]);
    sentiment(&mut ws, "wizard-csat", "element:wizard");
    sentiment(&mut ws, "help-csat", "element:help");
    readings(&mut ws, "wizard-csat", &[5.0]); // +2
    readings(&mut ws, "help-csat", &[1.0]); // -2
    let s = &run(&ws, None).stages[0];
    assert!(close(s.measured, 0.0));
    assert!(
        close(s.consistency, 0.0),
        "as far apart as the scale allows"
    );
    let mut same = ws.clone();
    same.readings[1].value = 5.0;
    assert!(
        close(run(&same, None).stages[0].consistency, 1.0),
        "the same feeling"
    );
}

#[test]
fn a_metric_on_a_system_element_does_not_count_for_the_stages_it_serves() {
    let mut ws = workspace(&[("setup", 0)]);
    let mut crm =
        throughline_model::Element::new(id("crm"), throughline_model::ElementKind::System, "CRM");
    crm.stages = vec![id("setup")];
    ws.elements.push(crm);
    sentiment(&mut ws, "crm-mood", "element:crm");
    readings(&mut ws, "crm-mood", &[5.0]);
    let s = &run(&ws, None).stages[0];
    assert_eq!(s.measured, None);
    assert!(s.metrics.is_empty());
}

#[test]
fn an_as_of_that_is_not_a_date_is_refused_with_its_text() {
    let ws = workspace(&[]);
    let err = monitor(
        &ws,
        &MonitorOptions {
            as_of: Some("31/03/2026".into()),
        },
    )
    .unwrap_err();
    assert_eq!(err, MonitorError::BadDate("31/03/2026".into()));
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn json_has_the_documented_shape_with_nulls_for_missing_values() {
    let mut ws = workspace(&[("setup", 1), ("renew", 0)]);
    sentiment(&mut ws, "csat", "stage:setup");
    aim(&mut ws, "csat", Better::Higher, 4.0);
    readings(&mut ws, "csat", &[3.9, 4.1]);
    let json: serde_json::Value =
        serde_json::from_str(&throughline_monitor::render_json(&run(&ws, None))).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&json), ["as_of", "stages", "metrics", "findings"]);
    assert_eq!(json["as_of"], "2026-02-01");
    assert_eq!(
        keys(&json["stages"][0]),
        ["id", "planned", "measured", "gap", "consistency"]
    );
    assert_eq!(json["stages"][0]["measured"], 1.1, "4.1 on 1..5 is +1.1");
    assert_eq!(json["stages"][0]["consistency"], serde_json::Value::Null);
    assert_eq!(json["stages"][1]["measured"], serde_json::Value::Null);
    assert_eq!(
        keys(&json["metrics"][0]),
        [
            "id",
            "latest",
            "previous",
            "target",
            "meets_target",
            "trend"
        ]
    );
    assert_eq!(json["metrics"][0]["latest"], 4.1);
    assert_eq!(json["metrics"][0]["meets_target"], true);
    assert_eq!(
        json["metrics"][0]["trend"]["since_previous"], 0.2,
        "rounded, not 0.1999…"
    );
    let finding = &json["findings"][0];
    assert_eq!(
        keys(finding),
        [
            "code", "key", "severity", "layer", "message", "evidence", "fix", "waived"
        ]
    );
    assert_eq!(finding["code"], "unmeasured-stage");
    assert_eq!(finding["layer"], "system");
    assert_eq!(finding["waived"], serde_json::Value::Null);
}

#[test]
fn text_shows_the_arc_the_metrics_and_the_findings() {
    let mut ws = workspace(&[("setup", 1)]);
    sentiment(&mut ws, "csat", "stage:setup");
    aim(&mut ws, "csat", Better::Higher, 4.0);
    readings(&mut ws, "csat", &[4.5, 3.0]);
    let text = throughline_monitor::render_text(&run(&ws, None), "Test journey");
    assert!(
        text.starts_with("Monitor of \"Test journey\" as of 2026-02-01"),
        "{text}"
    );
    assert!(text.contains("planned +1  measured 0  gap -1"), "{text}");
    assert!(
        text.contains("3 on 2026-02-01; -1.5 since 2026-01-01"),
        "{text}"
    );
    assert!(text.contains("target 4 missed by 1"), "{text}");
    assert!(
        text.contains("[W] metric-drift  csat  (layer: narrative)"),
        "{text}"
    );
    assert!(
        text.contains("[W] promise-gap  setup  (layer: narrative)"),
        "{text}"
    );
}
