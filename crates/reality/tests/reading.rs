//! Reading logs: time zones, file order, XES against CSV, gzip, bad rows, unmapped
//! activities, percentiles, previews and directly-follows tables.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use throughline_reality::{ColumnMapping, RealityError, ReplayOptions, preview_csv, replay_file};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn gzip(src: &Path, dst: &Path) {
    let bytes = std::fs::read(src).unwrap();
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(dst).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(&bytes).unwrap();
    enc.finish().unwrap();
}

fn same_log() -> PathBuf {
    common::fixtures().join("same-log")
}

#[test]
fn the_same_instants_written_in_different_zones_give_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let utc = write(
        dir.path(),
        "utc.csv",
        "case_id,activity,timestamp\n\
         a,web,2026-03-02T09:00:00Z\na,crm,2026-03-02T10:30:00Z\na,support,2026-03-03T09:00:00Z\n",
    );
    let zoned = write(
        dir.path(),
        "zoned.csv",
        "case_id,activity,timestamp\n\
         a,web,2026-03-02T11:00:00+02:00\na,crm,2026-03-02 10:30:00\na,support,2026-03-03T04:00:00-05:00\n",
    );
    let ws = common::workspace("same-log");
    let a = common::replay(&ws, &utc);
    let b = common::replay(&ws, &zoned);
    assert_eq!(common::json(&a), common::json(&b));
    let web_crm = a.pairs.iter().find(|p| p.from == "web").unwrap();
    assert_eq!(web_crm.p50_hours, Some(1.5), "web > crm took 1.5 hours");
}

#[test]
fn a_shuffled_file_gives_the_same_report() {
    let text = std::fs::read_to_string(same_log().join("log.csv")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    // A fixed permutation: odd rows reversed, then even rows.
    let mut shuffled: Vec<&str> = lines.iter().skip(1).step_by(2).rev().copied().collect();
    shuffled.extend(lines.iter().step_by(2).copied());
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "shuffled.csv",
        &format!("{header}\n{}\n", shuffled.join("\n")),
    );
    let ws = common::workspace("same-log");
    assert_eq!(
        common::json(&common::replay(&ws, &same_log().join("log.csv"))),
        common::json(&common::replay(&ws, &path))
    );
}

#[test]
fn xes_and_csv_of_the_same_log_give_the_same_report_gzipped_or_not() {
    let ws = common::workspace("same-log");
    let csv = common::json(&common::replay(&ws, &same_log().join("log.csv")));
    let xes = common::json(&common::replay(&ws, &same_log().join("log.xes")));
    assert_eq!(csv, xes, "XES and CSV differ");
    let dir = tempfile::tempdir().unwrap();
    for name in ["log.csv", "log.xes"] {
        let gz = dir.path().join(format!("{name}.gz"));
        gzip(&same_log().join(name), &gz);
        assert_eq!(
            common::json(&common::replay(&ws, &gz)),
            csv,
            "{name}.gz differs"
        );
    }
    assert!(
        csv["findings"].as_array().is_some_and(|f| !f.is_empty()),
        "the log has findings to compare"
    );
}

#[test]
fn pairs_carry_nearest_rank_percentiles_cases_and_the_modelled_handoff() {
    let ws = common::workspace("same-log");
    let report = common::replay(&ws, &same_log().join("log.csv"));
    let pair = |from: &str, to: &str| {
        report
            .pairs
            .iter()
            .find(|p| p.from == from && p.to == to)
            .unwrap_or_else(|| panic!("{from}>{to} observed"))
    };
    // crm > support: eight cases take 1 h, two take 100 h. Rank ceil(0.5 x 10) = 5 is 1 h;
    // rank ceil(0.9 x 10) = 9 is 100 h.
    let ticket = pair("crm", "support");
    assert_eq!((ticket.cases, ticket.transitions), (10, 10));
    assert_eq!(ticket.p50_hours, Some(1.0));
    assert_eq!(ticket.p90_hours, Some(100.0));
    assert_eq!(ticket.max_hours, Some(100.0));
    assert_eq!(ticket.handoff.as_deref(), Some("ticket"));
    assert_eq!(ticket.resources, vec!["bo", "cy"]);
    // support > crm is not modelled: 10 transitions of 40 are outside the map.
    assert_eq!(pair("support", "crm").handoff, None);
    assert_eq!(report.transitions, 30);
    assert_eq!(report.fitness, Some(20.0 / 30.0));
    assert_eq!((report.cases, report.events), (10, 40));
}

#[test]
fn bad_rows_refuse_the_file_with_line_numbers_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.csv",
        "case_id,activity,timestamp\n\
         a,web,2026-03-02T09:00:00Z\n\
         a,crm,next tuesday\n\
         ,crm,2026-03-02T10:00:00Z\n\
         a,,2026-03-02T10:00:00Z\n\
         a,support,2026-03-02T11:00:00Z\n",
    );
    let ws = common::workspace("same-log");
    let err = replay_file(&ws, &path, &ReplayOptions::default()).unwrap_err();
    let RealityError::BadRows { count, first, .. } = &err else {
        panic!("expected bad rows, got {err}");
    };
    assert_eq!(*count, 3);
    let lines: Vec<u64> = first.iter().map(|b| b.row).collect();
    assert_eq!(lines, vec![3, 4, 5], "line 1 is the header");
    let message = err.to_string();
    assert!(
        message.contains("line 3") && message.contains("--skip-bad-rows"),
        "{message}"
    );

    let report = replay_file(&ws, &path, &common::skipping()).unwrap();
    assert_eq!(report.events, 2);
    assert!(
        report.notes.iter().any(|n| n.contains("3 unreadable rows")),
        "{:?}",
        report.notes
    );
}

#[test]
fn a_bad_xes_event_is_reported_by_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.xes",
        r#"<log><trace><string key="concept:name" value="a"/>
        <event><string key="concept:name" value="web"/><date key="time:timestamp" value="2026-03-02T09:00:00Z"/></event>
        <event><string key="concept:name" value="crm"/></event>
        </trace></log>"#,
    );
    let err = replay_file(
        &common::workspace("same-log"),
        &path,
        &ReplayOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("event 2") && err.contains("time:timestamp"),
        "{err}"
    );
}

#[test]
fn unmapped_activities_are_listed_with_counts_and_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "log.csv",
        "case:concept:name;concept:name;time:timestamp\n\
         a;Website;2026-03-02T09:00:00Z\n\
         a;Coffee break;2026-03-02T09:30:00Z\n\
         a;SUPPORT DESK;2026-03-02T10:00:00Z\n\
         a;Invoice sent;2026-03-02T11:00:00Z\n\
         b;Coffee break;2026-03-02T09:00:00Z\n\
         b;lunch;2026-03-02T09:10:00Z\n",
    );
    let report = common::replay(&common::workspace("same-log"), &path);
    let unmapped: Vec<(&str, u64)> = report
        .unmapped
        .iter()
        .map(|u| (u.activity.as_str(), u.events))
        .collect();
    assert_eq!(unmapped, vec![("Coffee break", 2), ("lunch", 1)]);
    // By name ignoring case, and by alias; the coffee break between them is left out.
    let pairs: Vec<(&str, &str)> = report
        .pairs
        .iter()
        .map(|p| (p.from.as_str(), p.to.as_str()))
        .collect();
    assert_eq!(pairs, vec![("support", "billing"), ("web", "support")]);
    assert_eq!(
        (report.cases, report.events),
        (1, 3),
        "case b has no mapped event"
    );
}

#[test]
fn a_preview_shows_the_first_rows_and_the_detected_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "log.csv",
        "Case_ID\tActivity\tTimestamp\torg:resource\tchannel\n1\tweb\t2026-03-02 09:00:00\tana\tweb\n2\tcrm\t2026-03-02 09:00:00\tbo\temail\n3\tcrm\t2026-03-02 09:00:00\tbo\temail\n",
    );
    let preview = preview_csv(&path, 2).unwrap();
    assert_eq!(preview.delimiter, '\t');
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(preview.mapping.case.as_deref(), Some("Case_ID"));
    assert_eq!(preview.mapping.resource.as_deref(), Some("org:resource"));
    assert_eq!(preview.mapping.channel.as_deref(), Some("channel"));
}

#[test]
fn a_missing_column_is_named_and_a_mapping_can_supply_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "log.csv",
        "journey,step,at\nj1,web,2026-03-02T09:00:00Z\nj1,crm,2026-03-02T10:00:00Z\n",
    );
    let ws = common::workspace("same-log");
    let err = replay_file(&ws, &path, &ReplayOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("case") && err.contains("journey, step, at"),
        "{err}"
    );
    let options = ReplayOptions {
        mapping: Some(ColumnMapping {
            case: "journey".into(),
            activity: "step".into(),
            timestamp: "at".into(),
            resource: None,
            channel: None,
        }),
        ..ReplayOptions::default()
    };
    let report = replay_file(&ws, &path, &options).unwrap();
    assert_eq!(report.transitions, 1);
}

#[test]
fn a_directly_follows_table_replays_like_the_events_it_summarises() {
    let ws = common::workspace("same-log");
    let raw = common::replay(&ws, &same_log().join("log.csv"));
    let mut table =
        String::from("from,to,cases,transitions,p50_hours,p90_hours,max_hours\n,web,10,,,,\n");
    for p in &raw.pairs {
        table.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            p.from,
            p.to,
            p.cases,
            p.transitions,
            p.p50_hours.unwrap(),
            p.p90_hours.unwrap(),
            p.max_hours.unwrap()
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "dfg.csv", &table);
    let agg = common::replay(&ws, &path);
    assert_eq!(agg.cases, raw.cases);
    assert_eq!(agg.transitions, raw.transitions);
    assert_eq!(agg.fitness, raw.fitness);
    let strip = |r: &throughline_reality::RealityReport| {
        r.pairs
            .iter()
            .map(|p| {
                (
                    p.from.clone(),
                    p.to.clone(),
                    p.cases,
                    p.p90_hours,
                    p.handoff.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&agg), strip(&raw));
    let codes = |r: &throughline_reality::RealityReport, skip: &[&str]| {
        r.findings()
            .iter()
            .filter(|f| !skip.contains(&f.code.as_str()))
            .map(|f| (f.code.as_str(), f.key.clone(), f.severity))
            .collect::<Vec<_>>()
    };
    let raw_only = ["rework-loop", "actual-single-point"];
    assert_eq!(codes(&agg, &[]), codes(&raw, &raw_only));
    assert!(
        agg.notes.iter().any(|n| n.contains("need raw events")),
        "{:?}",
        agg.notes
    );
}
