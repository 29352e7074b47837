//! The Monitor step's edits (metrics, readings, reviews), applied through the real store
//! like the others: what the test double must answer the same way.

use crate::CasesError;
use serde_json::{Value, json};

/// The name of the base document with metrics, readings and a review.
pub(crate) const WITH_METRICS: &str = "with-metrics";

/// The edit that turns a workspace with the "kickoff" session into [`WITH_METRICS`]: a
/// touchpoint sentiment metric with three readings, a stage completion metric with one, a
/// journey NPS without any, and a review that looped back to the session.
pub(crate) fn with_metrics_edit() -> Value {
    json!({"type": "batch", "edits": [
        {"type": "put_metric", "metric": {"id": "wizard-csat", "name": "Wizard CSAT", "kind": "sentiment", "min": 1.0, "max": 5.0, "direction": "higher", "target": 4.0, "owner": "Onboarding", "scope": "element:wizard", "leading": true}},
        {"type": "put_metric", "metric": {"id": "setup-done", "name": "Set-up completion", "kind": "completion", "min": 0.0, "max": 100.0, "direction": "higher", "target": 80.0, "scope": "stage:set-up", "leading": true}},
        {"type": "put_metric", "metric": {"id": "nps", "name": "NPS", "kind": "nps", "min": -100.0, "max": 100.0, "direction": "higher", "scope": "journey", "leading": false}},
        {"type": "put_readings", "readings": [
            {"metric": "wizard-csat", "date": "2025-01-31", "value": 4.2, "n": 120},
            {"metric": "setup-done", "date": "2025-01-31", "value": 71.5},
            {"metric": "wizard-csat", "date": "2025-02-28", "value": 3.9, "n": 98},
            {"metric": "wizard-csat", "date": "2025-03-31", "value": 3.4}
        ]},
        {"type": "put_review", "review": {"id": "review-2025-03", "date": "2025-03-31", "attendees": ["Ana", "Ben"], "decisions": "Rework the wizard's second step.", "findings": ["metric-drift|wizard-csat"], "session": "kickoff"}}
    ]})
}

/// Adds the Monitor cases through `case(name, base, edit)`; `plain` is a base without
/// metrics.
pub(crate) fn monitor_cases(
    case: &mut dyn FnMut(&str, &str, Value) -> Result<(), CasesError>,
    plain: &str,
) -> Result<(), CasesError> {
    let m = WITH_METRICS;
    let wizard = json!({"id": "wizard-csat", "name": "Wizard satisfaction", "kind": "sentiment", "min": 1.0, "max": 5.0, "direction": "higher", "target": 4.5, "owner": "Onboarding", "scope": "element:wizard", "leading": true});
    case(
        "add a metric",
        plain,
        json!({"type": "put_metric", "metric": {"id": "chat-csat", "name": "Chat CSAT", "kind": "sentiment", "min": 1.0, "max": 5.0, "direction": "higher", "target": 4.0, "owner": "Support", "scope": "element:chatbot", "leading": true}}),
    )?;
    case(
        "edit a metric in place",
        m,
        json!({"type": "put_metric", "metric": wizard}),
    )?;
    case(
        "a metric cannot measure a missing stage",
        m,
        json!({"type": "put_metric", "metric": {"id": "x", "name": "X", "kind": "custom", "min": 0.0, "max": 10.0, "direction": "higher", "scope": "stage:nowhere", "leading": false}}),
    )?;
    case(
        "narrowing a metric's scale under its readings is refused",
        m,
        json!({"type": "put_metric", "metric": {"id": "wizard-csat", "name": "Wizard CSAT", "kind": "sentiment", "min": 1.0, "max": 4.0, "direction": "higher", "target": 4.0, "owner": "Onboarding", "scope": "element:wizard", "leading": true}}),
    )?;
    case(
        "delete a metric and its readings",
        m,
        json!({"type": "delete_metric", "id": "wizard-csat"}),
    )?;
    case(
        "deleting a missing metric is refused",
        m,
        json!({"type": "delete_metric", "id": "nowhere"}),
    )?;
    case(
        "deleting a touchpoint drops its metrics and their readings",
        m,
        json!({"type": "delete_element", "id": "wizard"}),
    )?;
    case(
        "deleting a stage drops its metrics and their readings",
        m,
        json!({"type": "delete_stage", "id": "set-up"}),
    )?;
    case(
        "record a reading",
        m,
        json!({"type": "put_readings", "readings": [{"metric": "nps", "date": "2025-03-31", "value": 31.0, "n": 410}]}),
    )?;
    case(
        "replace a reading",
        m,
        json!({"type": "put_readings", "readings": [{"metric": "wizard-csat", "date": "2025-02-28", "value": 4.1}]}),
    )?;
    case(
        "import readings that add and replace",
        m,
        json!({"type": "put_readings", "readings": [
            {"metric": "wizard-csat", "date": "2025-04-30", "value": 3.6, "n": 87},
            {"metric": "setup-done", "date": "2025-01-31", "value": 74.0, "n": 300},
            {"metric": "nps", "date": "2025-04-30", "value": 12.0},
            {"metric": "wizard-csat", "date": "2025-03-31", "value": 3.4}
        ]}),
    )?;
    case(
        "a reading given twice keeps its first place and its last value",
        m,
        json!({"type": "put_readings", "readings": [
            {"metric": "nps", "date": "2025-04-30", "value": 12.0},
            {"metric": "setup-done", "date": "2025-04-30", "value": 75.0},
            {"metric": "nps", "date": "2025-04-30", "value": 15.0}
        ]}),
    )?;
    case(
        "readings that change nothing are not an edit",
        m,
        json!({"type": "put_readings", "readings": [{"metric": "wizard-csat", "date": "2025-03-31", "value": 3.4}]}),
    )?;
    case(
        "a reading outside the scale is refused",
        m,
        json!({"type": "put_readings", "readings": [
            {"metric": "nps", "date": "2025-04-30", "value": 12.0},
            {"metric": "wizard-csat", "date": "2025-04-30", "value": 7.5}
        ]}),
    )?;
    case(
        "a reading of a missing metric is refused",
        plain,
        json!({"type": "put_readings", "readings": [{"metric": "csat-chekout", "date": "2025-04-30", "value": 3.0}]}),
    )?;
    case(
        "delete a reading",
        m,
        json!({"type": "delete_reading", "metric": "wizard-csat", "date": "2025-01-31"}),
    )?;
    case(
        "deleting a missing reading is refused",
        m,
        json!({"type": "delete_reading", "metric": "wizard-csat", "date": "2024-12-31"}),
    )?;
    case(
        "log a review",
        m,
        json!({"type": "put_review", "review": {"id": "review-2025-04", "date": "2025-04-30", "attendees": ["Ana"], "decisions": "Keep watching the wizard.", "findings": []}}),
    )?;
    case(
        "edit a review",
        m,
        json!({"type": "put_review", "review": {"id": "review-2025-03", "date": "2025-03-31", "attendees": ["Ana", "Ben", "Cleo"], "decisions": "Rework the wizard's second step by May.", "findings": ["metric-drift|wizard-csat", "promise-gap|set-up"], "session": "kickoff"}}),
    )?;
    case(
        "a review cannot start a missing session",
        m,
        json!({"type": "put_review", "review": {"id": "review-2025-04", "date": "2025-04-30", "session": "nowhere"}}),
    )?;
    case(
        "delete a review",
        m,
        json!({"type": "delete_review", "id": "review-2025-03"}),
    )?;
    case(
        "deleting a missing review is refused",
        m,
        json!({"type": "delete_review", "id": "nowhere"}),
    )?;
    case(
        "delete a readiness session a review links to",
        m,
        json!({"type": "delete_session", "id": "kickoff"}),
    )?;
    Ok(())
}
