//! The report as a whole: waivers, ordering, the JSON shape and the text form.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use throughline_audit::{
    FailOn, RuleCode, Severity, audit, generate, render_json, render_text, should_fail,
};
use throughline_model::Waiver;

fn waiver(code: &str, subject: &str) -> Waiver {
    Waiver {
        code: code.into(),
        subject: subject.into(),
        reason: "Accepted for the pilot; revisit in Q3.".into(),
        who: "Ana".into(),
        when: "2025-03-01T09:00:00Z".into(),
        review: None,
    }
}

#[test]
fn a_waived_finding_is_marked_with_its_reason_and_does_not_fail() {
    let mut ws = common::fixture("lost-context", "fires");
    let before = audit(&ws);
    assert!(
        should_fail(&before, FailOn::Error),
        "lost-context is an error"
    );

    ws.waivers.push(waiver("lost-context", "desk"));
    let after = audit(&ws);
    let f = after
        .findings
        .iter()
        .find(|f| f.code == RuleCode::LostContext)
        .expect("the finding is still reported");
    let w = f.waived.as_ref().expect("and marked as waived");
    assert_eq!(w.reason, "Accepted for the pilot; revisit in Q3.");
    assert_eq!(
        (w.who.as_str(), w.when.as_str()),
        ("Ana", "2025-03-01T09:00:00Z")
    );
    assert_eq!(after.summary.waived, 1);
    assert_eq!(after.summary.error, before.summary.error - 1);
    assert!(
        !should_fail(&after, FailOn::Error),
        "a waived error does not fail"
    );
}

#[test]
fn a_waiver_matches_only_its_own_code_and_key() {
    let mut ws = common::fixture("signal-conflict", "fires");
    ws.waivers.push(waiver("signal-conflict", "scoring"));
    ws.waivers
        .push(waiver("uncoordinated-signal", "intent.rising"));
    let report = audit(&ws);
    assert!(
        report.findings.iter().all(|f| f.waived.is_none()),
        "signal findings are keyed by the signal, not an element; another code never waives"
    );
    ws.waivers.push(waiver("signal-conflict", "intent.rising"));
    let report = audit(&ws);
    let signal: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == RuleCode::SignalConflict)
        .collect();
    assert!(!signal.is_empty() && signal.iter().all(|f| f.waived.is_some()));
}

#[test]
fn fail_on_follows_the_threshold() {
    let ws = common::fixture("unowned-handoff", "fires");
    let report = audit(&ws);
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.severity != Severity::Error)
    );
    assert!(!should_fail(&report, FailOn::Error), "only warnings here");
    assert!(should_fail(&report, FailOn::Warning));
    assert!(!should_fail(&report, FailOn::Never));
    assert_eq!("warning".parse::<FailOn>(), Ok(FailOn::Warning));
    assert!("loud".parse::<FailOn>().is_err());
}

#[test]
fn the_report_is_ordered_by_severity_code_and_key_and_repeatable() {
    let ws = generate(2_000, 9);
    let report = audit(&ws);
    assert!(
        report.findings.len() > 50,
        "the generator gives every rule work"
    );
    for pair in report.findings.windows(2) {
        let key = |f: &throughline_audit::Finding| (f.severity, f.code.as_str(), f.key.clone());
        assert!(
            key(&pair[0]) <= key(&pair[1]),
            "{:?} before {:?}",
            key(&pair[0]),
            key(&pair[1])
        );
    }
    let mut shuffled = ws.clone();
    shuffled.elements.reverse();
    shuffled.handoffs.reverse();
    shuffled.stages.reverse();
    let again = audit(&shuffled);
    let codes = |r: &throughline_audit::Report| {
        r.findings
            .iter()
            .map(|f| (f.code, f.key.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(&report),
        codes(&again),
        "document order does not change the report"
    );
    assert_eq!(
        render_json(&report),
        render_json(&audit(&ws)),
        "same input, same bytes"
    );
}

#[test]
fn the_json_form_has_findings_and_a_summary_by_severity() {
    let ws = common::fixture("conflicting-claim", "fires");
    let json: serde_json::Value = serde_json::from_str(&render_json(&audit(&ws))).unwrap();
    let summary = json["summary"].as_object().expect("summary is an object");
    for k in ["error", "warning", "info", "waived"] {
        assert!(summary[k].is_u64(), "summary.{k} is a count");
    }
    let findings = json["findings"].as_array().expect("findings is an array");
    assert!(!findings.is_empty());
    for f in findings {
        for k in [
            "code", "severity", "key", "subjects", "message", "evidence", "fix", "waived",
        ] {
            assert!(f.get(k).is_some(), "finding has {k}: {f}");
        }
    }
    let first = &findings[0];
    assert_eq!(first["code"], "conflicting-claim");
    assert_eq!(first["severity"], "error");
    assert_eq!(
        first["subjects"][0],
        serde_json::json!({"kind": "handoff", "id": "price"})
    );
    assert_eq!(
        first["evidence"][0],
        serde_json::json!({
            "subject": {"kind": "element", "id": "website"},
            "field": "claims.plan.price",
            "value": "EUR 39",
            "note": "sending end"
        })
    );
    assert_eq!(first["waived"], serde_json::Value::Null);
}

#[test]
fn the_text_form_groups_findings_and_indents_evidence_and_fix() {
    let mut ws = common::fixture("conflicting-claim", "fires");
    ws.waivers.push(waiver("conflicting-claim", "promise"));
    let text = render_text(&audit(&ws), &ws.workspace.name);
    let expected =
        std::fs::read_to_string(common::fixtures().join("../expected/conflicting-claim.txt"))
            .expect("expected text");
    assert_eq!(
        text, expected,
        "render_text changed; if on purpose, update the expected file"
    );
    assert!(text.is_ascii(), "plain ASCII marks only");
}

#[test]
fn an_empty_workspace_has_no_findings_and_nothing_to_check() {
    let ws = throughline_model::Workspace::new("Empty");
    let report = audit(&ws);
    assert!(report.findings.is_empty());
    assert_eq!(
        render_text(&report, "Empty"),
        "Audit of \"Empty\": nothing to check yet. Add touchpoints and the handoffs between \
         them (or start from a template: throughline sample --template ID).\n"
    );
}

#[test]
fn a_conflicting_claim_names_the_ends_by_display_name_not_id() {
    let mut ws = common::fixture("conflicting-claim", "fires");
    let long = format!("The \"Marketing\" website {}", "x".repeat(480));
    for e in &mut ws.elements {
        if e.id.as_str() == "website" {
            e.name = long.clone();
        }
    }
    let report = audit(&ws);
    let f = report
        .findings
        .iter()
        .find(|f| f.code == RuleCode::ConflictingClaim && f.key == "promise")
        .expect("the promise handoff conflicts");
    assert_eq!(
        f.message,
        format!(
            "{long} and Onboarding wizard disagree on \"setup.effort\", which must not vary across their handoff."
        )
    );
    for id in ["\"website\"", "\"wizard\"", "\"promise\""] {
        assert!(!f.message.contains(id), "{id} in {}", f.message);
        assert!(!f.fix.contains(id), "{id} in {}", f.fix);
    }
    assert!(f.fix.contains(&long) && f.fix.contains("Onboarding wizard"));
    assert_eq!(f.key, "promise", "ids stay in the key and subjects");
    assert_eq!(f.subjects[1].id, "website");
}

#[test]
fn a_waiver_past_its_review_date_is_marked_due_and_counted() {
    let mut ws = common::fixture("lost-context", "fires");
    ws.waivers.push(Waiver {
        review: Some("2026-06-01".into()),
        ..waiver("lost-context", "desk")
    });
    let mut report = audit(&ws);
    report.mark_due("2026-05-31");
    let w = report.findings[0].waived.clone().expect("waived");
    assert_eq!(w.review.as_deref(), Some("2026-06-01"));
    assert!(!w.due, "the day before the review date, nothing is due");
    assert_eq!(report.summary.due, 0);

    report.mark_due("2026-06-01");
    assert!(report.findings[0].waived.as_ref().is_some_and(|w| w.due));
    assert_eq!(report.summary.due, 1);
    let text = render_text(&report, "Desk");
    assert!(text.contains("(1 due for review)"), "{text}");
    assert!(
        text.contains("review due: the waiver was to be reviewed on 2026-06-01"),
        "{text}"
    );
    assert!(
        !should_fail(&report, FailOn::Error),
        "a due waiver still accepts its finding"
    );
}

#[test]
fn an_empty_workspace_has_nothing_to_check_rather_than_no_divergences() {
    let empty = throughline_model::Workspace::new("Fresh");
    let report = audit(&empty);
    assert!(report.summary.nothing_to_check);
    let text = render_text(&report, "Fresh");
    assert!(text.contains("nothing to check yet"), "{text}");
    assert!(!text.contains("no findings"), "{text}");

    let sample = common::fixture("lost-context", "fires");
    assert!(!audit(&sample).summary.nothing_to_check);
}
