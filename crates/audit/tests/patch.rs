//! A report told as the difference from an earlier one gives back exactly the new report,
//! and sends only the findings that changed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use throughline_audit::{PatchRun, Report, ReportPatch, SubjectKind, audit};
use throughline_format::sample;

#[test]
fn a_report_against_itself_is_one_kept_run() {
    let report = audit(&sample());
    let patch = ReportPatch::between(&report, &report);
    assert_eq!(
        patch.runs,
        vec![PatchRun::Keep {
            from: 0,
            count: report.findings.len() as u32
        }]
    );
    assert_eq!(patch.apply(&report).unwrap(), report);
}

#[test]
fn a_rename_sends_only_the_findings_that_name_the_element() {
    let ws = sample();
    let old = audit(&ws);
    // An element some finding names, renamed.
    let id = old
        .findings
        .iter()
        .find_map(|f| f.subjects.iter().find(|s| s.kind == SubjectKind::Element))
        .map(|s| s.id.clone())
        .expect("the sample has findings on elements");
    let mut renamed = ws.clone();
    let element = renamed
        .elements
        .iter_mut()
        .find(|e| e.id.as_str() == id)
        .expect("the element");
    element.name = "A name no finding had".into();
    let new = audit(&renamed);
    let patch = ReportPatch::between(&old, &new);
    assert_eq!(patch.apply(&old).unwrap(), new);
    let sent: Vec<_> = patch
        .runs
        .iter()
        .flat_map(|r| match r {
            PatchRun::New { findings } => findings.clone(),
            PatchRun::Keep { .. } => Vec::new(),
        })
        .collect();
    assert!(!sent.is_empty(), "the renamed element's findings are sent");
    for f in &sent {
        let about = f.subjects.iter().any(|s| s.id == id)
            || format!("{f:?}").contains("A name no finding had");
        assert!(
            about,
            "{} on {} was sent, but the rename does not touch it",
            f.code.as_str(),
            f.key
        );
    }
    assert!(patch.sent() < new.findings.len(), "not the whole report");
}

#[test]
fn a_patch_against_another_report_is_refused_not_misread() {
    let report = audit(&sample());
    let patch = ReportPatch::between(&report, &report);
    let empty = Report::default();
    let err = patch.apply(&empty).unwrap_err();
    assert_eq!(err.len, 0);
    assert!(err.to_string().contains("earlier report has 0"));
}

#[test]
fn findings_in_a_new_order_are_kept_by_position_and_new_ones_sent() {
    let report = audit(&sample());
    assert!(report.findings.len() >= 3, "the sample has findings");
    let mut new = report.clone();
    new.findings.swap(0, 2);
    let mut changed = new.findings[1].clone();
    changed.message.push_str(" (changed)");
    new.findings[1] = changed;
    let patch = ReportPatch::between(&report, &new);
    assert_eq!(patch.sent(), 1);
    assert_eq!(patch.apply(&report).unwrap(), new);
}
