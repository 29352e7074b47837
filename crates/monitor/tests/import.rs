//! Readings from CSV: the preview, its row errors worded for people, conflicts with what is
//! recorded, nothing imported unless every row is good, and export that reads back.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::*;
use throughline_model::{Edit, MetricKind, Workspace, apply_edit};
use throughline_monitor::{
    ColumnMap, ImportOptions, MonitorError, Preview, export_csv, preview_csv,
};
use throughline_store::{Actor, Source, Store};

fn ws() -> Workspace {
    let mut ws = workspace(&[("setup", 1)]);
    sentiment(&mut ws, "csat-checkout", "stage:setup");
    metric(&mut ws, "nps", MetricKind::Nps, (-100.0, 100.0), "journey");
    ws
}

fn preview(ws: &Workspace, csv: &str, replace: bool) -> Preview {
    preview_csv(
        ws,
        csv.as_bytes(),
        &ImportOptions {
            columns: None,
            replace,
        },
    )
    .unwrap()
}

fn messages(p: &Preview) -> Vec<String> {
    p.errors.iter().map(ToString::to_string).collect()
}

#[test]
fn a_good_file_becomes_one_put_readings_edit() {
    let ws = ws();
    let p = preview(
        &ws,
        "metric,date,value,n\ncsat-checkout,2026-01-01,4.2,120\nnps,2026-01-01,31,\n",
        false,
    );
    assert_eq!(p.rows, 2);
    assert_eq!(p.added, 2);
    assert!(p.errors.is_empty() && p.conflicts.is_empty());
    let Edit::PutReadings { readings } = p.edit().unwrap() else {
        panic!("one PutReadings")
    };
    assert_eq!(readings.len(), 2);
    assert_eq!((readings[0].value, readings[0].n), (4.2, Some(120)));
    assert_eq!(readings[1].n, None, "an empty n is no sample size");
    let next = apply_edit(&ws, &Edit::PutReadings { readings }).unwrap();
    assert_eq!(next.readings.len(), 2);
}

#[test]
fn row_errors_say_the_row_and_what_is_wrong() {
    let ws = ws();
    let csv = "metric,date,value\n\
               csat-checkout,2026-01-01,7.5\n\
               csat-chekout,2026-01-01,4\n\
               nps,2026-01-01,abc\n\
               nps,2026/01/02,10\n\
               nps,2026-02-30,10\n\
               nps,2026-03-01,\n\
               nps,2026-04-01,inf\n\
               csat-checkout,2026-05-01,4\n\
               csat-checkout,2026-05-01,4.1\n";
    let p = preview(&ws, csv, false);
    assert_eq!(
        messages(&p),
        [
            "row 2: 7.5 is outside the scale 1 to 5",
            "row 3: no metric \"csat-chekout\" (did you mean \"csat-checkout\"?)",
            "row 4: value \"abc\" is not a number",
            "row 5: date \"2026/01/02\" is not a date written YYYY-MM-DD",
            "row 6: date \"2026-02-30\" is not a date written YYYY-MM-DD",
            "row 7: the value is empty",
            "row 8: value \"inf\" is not a number",
            "row 10: metric \"csat-checkout\" has another reading on 2026-05-01 in row 9",
        ]
    );
    let err = p.edit().unwrap_err();
    assert!(matches!(err, MonitorError::Rows(ref rows) if rows.len() == 8));
    assert!(
        err.to_string()
            .starts_with("8 of the file's rows are wrong, so nothing was imported: row 2:"),
        "{err}"
    );
}

#[test]
fn an_unknown_metric_far_from_any_id_gets_no_suggestion() {
    let p = preview(&ws(), "metric,date,value\nchurn,2026-01-01,3\n", false);
    assert_eq!(messages(&p), ["row 2: no metric \"churn\""]);
}

#[test]
fn a_bad_sample_size_is_named() {
    let p = preview(&ws(), "metric,date,value,n\nnps,2026-01-01,3,12.5\n", false);
    assert_eq!(
        messages(&p),
        ["row 2: n \"12.5\" is not a whole number of responses"]
    );
}

#[test]
fn a_recorded_reading_is_replaced_only_when_asked() {
    let mut ws = ws();
    readings(&mut ws, "nps", &[10.0, 20.0]);
    let csv = "metric,date,value\nnps,2026-01-01,10\nnps,2026-02-01,25\nnps,2026-03-01,30\n";
    let p = preview(&ws, csv, false);
    assert_eq!((p.added, p.unchanged, p.conflicts.len()), (1, 1, 1));
    assert_eq!(
        p.conflicts[0].to_string(),
        "row 3: metric \"nps\" already has 20 on 2026-02-01 (the file says 25)"
    );
    let err = p.edit().unwrap_err();
    assert!(matches!(err, MonitorError::Conflicts(_)));
    assert!(
        err.to_string().contains("Import again with replace"),
        "{err}"
    );

    let p = preview(&ws, csv, true);
    let next = apply_edit(&ws, &p.edit().unwrap()).unwrap();
    let values: Vec<f64> = next.readings.iter().map(|r| r.value).collect();
    assert_eq!(values, [10.0, 25.0, 30.0]);
}

#[test]
fn columns_are_found_by_name_in_any_order_and_case_and_can_be_mapped() {
    let ws = ws();
    let p = preview(&ws, "\u{feff}Value;Date;Metric\n31;2026-01-01;nps\n", false);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(p.columns.value, "Value");
    assert_eq!(p.columns.n, None, "no n column: fine by default");
    let mapped = preview_csv(
        &ws,
        "kpi,period,score,responses\nnps,2026-01-01,31,400\n".as_bytes(),
        &ImportOptions {
            columns: Some(ColumnMap {
                metric: "kpi".into(),
                date: "period".into(),
                value: "score".into(),
                n: Some("responses".into()),
            }),
            replace: false,
        },
    )
    .unwrap();
    assert_eq!(mapped.readings[0].n, Some(400));
}

#[test]
fn a_missing_column_or_an_empty_file_is_refused_as_a_whole() {
    let err = preview_csv(
        &ws(),
        "metric,date,score\n".as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no \"value\" column for the value: the header row has \"metric\", \"date\", \"score\"; name the column that holds the value"
    );
    let err = preview_csv(&ws(), "".as_bytes(), &ImportOptions::default()).unwrap_err();
    assert!(err.to_string().starts_with("the file is empty"), "{err}");
}

#[test]
fn text_that_is_not_utf8_is_a_row_error() {
    let bytes = b"metric,date,value\nnps,2026-01-01,3\nnp\xffs,2026-01-02,3\n";
    let p = preview_csv(&ws(), &bytes[..], &ImportOptions::default()).unwrap();
    assert_eq!(p.errors.len(), 1);
    assert!(
        p.errors[0].to_string().contains("not UTF-8"),
        "{}",
        p.errors[0]
    );
}

#[test]
fn export_then_import_into_the_same_workspace_changes_nothing() {
    let mut ws = ws();
    readings(&mut ws, "csat-checkout", &[4.25, 3.0]);
    readings(&mut ws, "nps", &[-12.0]);
    ws.readings[0].n = Some(88);
    let csv = export_csv(&ws);
    assert_eq!(
        csv,
        "metric,date,value,n\n\
         csat-checkout,2026-01-01,4.25,88\n\
         csat-checkout,2026-02-01,3,\n\
         nps,2026-01-01,-12,\n"
    );
    let p = preview(&ws, &csv, false);
    assert_eq!((p.unchanged, p.added), (3, 0));
    assert_eq!(apply_edit(&ws, &p.edit().unwrap()).unwrap(), ws);
}

#[test]
fn through_the_store_an_import_is_one_undoable_change_and_a_bad_file_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let actor = Actor::new("test", Source::Import);
    let slug = store.import_workspace(&ws(), &actor).unwrap().slug;
    let before = store.state(&slug).unwrap();

    let bad = preview(
        &store.load(&slug).unwrap(),
        "metric,date,value\nnps,2026-01-01,abc\n",
        false,
    );
    assert!(bad.edit().is_err());
    assert_eq!(
        store.state(&slug).unwrap().revision,
        before.revision,
        "nothing written"
    );

    let good = preview(
        &store.load(&slug).unwrap(),
        "metric,date,value\nnps,2026-01-01,10\nnps,2026-02-01,12\n",
        false,
    );
    let after = store.apply(&slug, &good.edit().unwrap(), &actor).unwrap();
    assert_eq!(after.doc.readings.len(), 2);
    assert_eq!(after.revision, before.revision + 1, "one change");
    let undone = store.undo(&slug, &actor).unwrap();
    assert!(
        undone.doc.readings.is_empty(),
        "one undo takes the whole import back"
    );
}
