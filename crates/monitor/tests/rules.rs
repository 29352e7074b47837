//! The monitor rules at their edges: what fires, what does not, and how their findings
//! join the audit's report (waivers, one report).

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::*;
use throughline_audit::{FailOn, RuleCode, Severity, should_fail};
use throughline_model::{Better, Layer, MetricKind, Waiver, Workspace};
use throughline_monitor::{GapGrade, MonitorOptions, audit_with_monitor, monitor};

fn codes(ws: &Workspace, code: RuleCode) -> Vec<String> {
    monitor(ws, &MonitorOptions::default())
        .unwrap()
        .report
        .findings
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| f.key)
        .collect()
}

fn one_metric(values: &[f64], direction: Better, target: Option<f64>) -> Workspace {
    let mut ws = workspace(&[]);
    metric(
        &mut ws,
        "m",
        MetricKind::Completion,
        (0.0, 100.0),
        "journey",
    );
    if let Some(t) = target {
        aim(&mut ws, "m", direction, t);
    } else {
        ws.metrics[0].direction = direction;
    }
    readings(&mut ws, "m", values);
    ws
}

#[test]
fn drift_fires_when_the_previous_reading_met_the_target_and_the_latest_does_not() {
    let ws = one_metric(&[80.0, 79.0], Better::Higher, Some(80.0));
    assert_eq!(
        codes(&ws, RuleCode::MetricDrift),
        ["m"],
        "80 met exactly, 79 misses"
    );
    let ws = one_metric(&[79.0, 80.0], Better::Higher, Some(80.0));
    assert!(
        codes(&ws, RuleCode::MetricDrift).is_empty(),
        "back on target exactly"
    );
    let ws = one_metric(&[78.0, 77.0], Better::Higher, Some(80.0));
    assert!(
        codes(&ws, RuleCode::MetricDrift).is_empty(),
        "it never met the target"
    );
}

#[test]
fn drift_with_lower_is_better_looks_the_other_way() {
    let ws = one_metric(&[20.0, 25.0], Better::Lower, Some(20.0));
    assert_eq!(
        codes(&ws, RuleCode::MetricDrift),
        ["m"],
        "churn 20 met, 25 misses"
    );
    let ws = one_metric(&[25.0, 20.0], Better::Lower, Some(20.0));
    assert!(codes(&ws, RuleCode::MetricDrift).is_empty());
    // Three rising readings are a slide when lower is better...
    let ws = one_metric(&[10.0, 15.0, 20.0], Better::Lower, None);
    assert_eq!(codes(&ws, RuleCode::MetricDrift), ["m"]);
    // ...and an improvement when higher is better.
    let ws = one_metric(&[10.0, 15.0, 20.0], Better::Higher, None);
    assert!(codes(&ws, RuleCode::MetricDrift).is_empty());
}

#[test]
fn drift_by_slide_needs_three_worsening_readings_and_a_tenth_of_the_scale() {
    let ws = one_metric(&[50.0, 45.0, 40.0], Better::Higher, None);
    assert_eq!(
        codes(&ws, RuleCode::MetricDrift),
        ["m"],
        "10 of 100: exactly a tenth"
    );
    let ws = one_metric(&[50.0, 46.0, 40.1], Better::Higher, None);
    assert!(
        codes(&ws, RuleCode::MetricDrift).is_empty(),
        "9.9 of 100 is under a tenth"
    );
    let ws = one_metric(&[50.0, 50.0, 30.0], Better::Higher, None);
    assert!(
        codes(&ws, RuleCode::MetricDrift).is_empty(),
        "a flat step is not a worsening"
    );
    let ws = one_metric(&[60.0, 40.0], Better::Higher, None);
    assert!(
        codes(&ws, RuleCode::MetricDrift).is_empty(),
        "two readings are not a slide"
    );
    // Only the last three count: an earlier rise does not hide a slide.
    let ws = one_metric(&[10.0, 50.0, 45.0, 40.0], Better::Higher, None);
    assert_eq!(codes(&ws, RuleCode::MetricDrift), ["m"]);
}

#[test]
fn drift_needs_readings_and_respects_the_as_of_date() {
    let ws = one_metric(&[], Better::Higher, Some(80.0));
    assert!(codes(&ws, RuleCode::MetricDrift).is_empty(), "no readings");
    let ws = one_metric(&[85.0], Better::Higher, Some(80.0));
    assert!(codes(&ws, RuleCode::MetricDrift).is_empty(), "one reading");
    let ws = one_metric(&[85.0, 70.0], Better::Higher, Some(80.0));
    let before = monitor(
        &ws,
        &MonitorOptions {
            as_of: Some("2026-01-31".into()),
        },
    )
    .unwrap();
    assert!(
        before
            .report
            .findings
            .iter()
            .all(|f| f.code != RuleCode::MetricDrift)
    );
}

#[test]
fn drift_names_the_layer_from_the_metric_scope() {
    let mut ws = workspace(&[("setup", 0)]);
    touchpoint(&mut ws, "wizard", &["setup"]);
    ws.elements.push(throughline_model::Element::new(
        id("crm"),
        throughline_model::ElementKind::System,
        "CRM",
    ));
    for (mid, kind, scope) in [
        ("on-wizard", MetricKind::Completion, "element:wizard"),
        ("on-crm", MetricKind::Custom, "element:crm"),
        ("on-setup", MetricKind::Completion, "stage:setup"),
        ("recall", MetricKind::Recall, "journey"),
        ("nps", MetricKind::Nps, "journey"),
    ] {
        metric(&mut ws, mid, kind, (-100.0, 100.0), scope);
        aim(&mut ws, mid, Better::Higher, 50.0);
        readings(&mut ws, mid, &[60.0, 40.0]);
    }
    let report = monitor(&ws, &MonitorOptions::default()).unwrap().report;
    let layer = |key: &str| {
        report
            .findings
            .iter()
            .find(|f| f.code == RuleCode::MetricDrift && f.key == key)
            .and_then(|f| f.layer)
    };
    assert_eq!(layer("on-wizard"), Some(Layer::Touchpoint));
    assert_eq!(layer("on-crm"), Some(Layer::System));
    assert_eq!(layer("on-setup"), Some(Layer::Narrative));
    assert_eq!(layer("recall"), Some(Layer::Vision));
    assert_eq!(layer("nps"), Some(Layer::Narrative));
}

#[test]
fn a_gap_of_exactly_one_is_a_promise_gap_and_just_under_is_not() {
    let mut ws = workspace(&[("setup", 1)]);
    sentiment(&mut ws, "csat", "stage:setup");
    readings(&mut ws, "csat", &[3.0]); // 0 against +1
    assert_eq!(codes(&ws, RuleCode::PromiseGap), ["setup"]);
    ws.readings[0].value = 3.02; // +0.02 against +1: gap -0.98
    assert!(codes(&ws, RuleCode::PromiseGap).is_empty());
    ws.readings.clear();
    assert!(
        codes(&ws, RuleCode::PromiseGap).is_empty(),
        "no readings, no gap"
    );
}

#[test]
fn a_better_than_promised_stage_is_a_gap_too() {
    let mut ws = workspace(&[("setup", -2)]);
    sentiment(&mut ws, "csat", "stage:setup");
    readings(&mut ws, "csat", &[3.0]);
    let m = monitor(&ws, &MonitorOptions::default()).unwrap();
    let f = m
        .report
        .findings
        .iter()
        .find(|f| f.code == RuleCode::PromiseGap)
        .unwrap();
    assert!(
        f.message.contains("better than the story promises"),
        "{}",
        f.message
    );
    assert_eq!(f.layer, Some(Layer::Narrative));
    assert_eq!(f.severity, Severity::Warning);
}

#[test]
fn unmeasured_stage_counts_any_metric_kind_even_without_readings() {
    let mut ws = workspace(&[("setup", 0), ("renew", 0)]);
    touchpoint(&mut ws, "wizard", &["renew"]);
    metric(
        &mut ws,
        "done",
        MetricKind::Completion,
        (0.0, 100.0),
        "stage:setup",
    );
    metric(
        &mut ws,
        "wizard-contacts",
        MetricKind::Contacts,
        (0.0, 10.0),
        "element:wizard",
    );
    assert!(codes(&ws, RuleCode::UnmeasuredStage).is_empty());
    ws.metrics.pop();
    assert_eq!(codes(&ws, RuleCode::UnmeasuredStage), ["renew"]);
}

#[test]
fn a_waiver_on_a_monitor_finding_is_honoured_and_fail_on_sees_the_rest() {
    let mut ws = one_metric(&[80.0, 70.0], Better::Higher, Some(75.0));
    ws.metrics[0].owner = None;
    let report = monitor(&ws, &MonitorOptions::default()).unwrap().report;
    assert_eq!(report.summary.warning, 2, "drift and unowned");
    assert!(should_fail(&report, FailOn::Warning));
    assert!(
        !should_fail(&report, FailOn::Error),
        "monitor findings are warnings or info"
    );
    for code in ["metric-drift", "unowned-metric"] {
        ws.waivers.push(Waiver {
            code: code.into(),
            subject: "m".into(),
            reason: "Seasonal dip, reviewed in March".into(),
            who: "Dana".into(),
            when: "2026-03-02T10:00:00Z".into(),
            review: None,
        });
    }
    let report = monitor(&ws, &MonitorOptions::default()).unwrap().report;
    assert_eq!(report.summary.waived, 2);
    assert!(!should_fail(&report, FailOn::Warning));
}

#[test]
fn the_one_report_adds_monitor_findings_only_when_there_are_metrics() {
    let mut ws = workspace(&[("setup", 0)]);
    touchpoint(&mut ws, "wizard", &["setup"]);
    assert_eq!(
        audit_with_monitor(&ws),
        throughline_audit::audit(&ws),
        "no metrics: exactly the structural audit"
    );
    let mut ws = workspace(&[("setup", 0), ("renew", 0)]);
    touchpoint(&mut ws, "wizard", &["setup"]);
    sentiment(&mut ws, "csat", "element:wizard");
    ws.metrics[0].owner = None;
    let report = audit_with_monitor(&ws);
    let found: Vec<(RuleCode, &str)> = report
        .findings
        .iter()
        .map(|f| (f.code, f.key.as_str()))
        .collect();
    assert!(
        found.contains(&(RuleCode::UnownedMetric, "csat")),
        "{found:?}"
    );
    assert!(
        found.contains(&(RuleCode::UnmeasuredStage, "renew")),
        "{found:?}"
    );
    assert!(
        found.contains(&(RuleCode::UnsupportedStage, "renew")),
        "the audit's own: {found:?}"
    );
}

#[test]
fn each_stage_carries_its_gap_grade_and_bad_is_exactly_when_promise_gap_fires() {
    let mut ws = workspace(&[("setup", 1)]);
    sentiment(&mut ws, "csat", "stage:setup");
    // On 1 to 5 a reading v normalises to v - 3, so against +1 the gap is v - 4.
    for (value, grade) in [
        (3.0, GapGrade::Bad),
        (3.02, GapGrade::Warning),
        (3.5, GapGrade::Warning),
        (3.6, GapGrade::Good),
        (4.0, GapGrade::Good),
        (4.49, GapGrade::Good),
        (5.0, GapGrade::Bad),
    ] {
        ws.readings.clear();
        readings(&mut ws, "csat", &[value]);
        let m = monitor(&ws, &MonitorOptions::default()).unwrap();
        assert_eq!(m.stages[0].grade, Some(grade), "reading {value}");
        let fired = !codes(&ws, RuleCode::PromiseGap).is_empty();
        assert_eq!(fired, grade == GapGrade::Bad, "reading {value}");
    }
    ws.readings.clear();
    let m = monitor(&ws, &MonitorOptions::default()).unwrap();
    assert_eq!(m.stages[0].grade, None, "not measured, not graded");
}
