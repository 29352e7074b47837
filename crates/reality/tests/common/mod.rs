//! Shared helpers: fixture paths, workspaces, replay with default options.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use throughline_model::Workspace;
use throughline_reality::{BadRowPolicy, RealityReport, ReplayOptions};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn workspace(case: &str) -> Workspace {
    let path = fixtures().join(case).join("workspace.throughline.json");
    let ws = throughline_format::read_file(&path).expect("fixture workspace reads");
    let problems = throughline_model::validate(&ws);
    assert!(
        problems.is_empty(),
        "{case}: invalid workspace: {problems:?}"
    );
    ws
}

pub fn replay(ws: &Workspace, path: &Path) -> RealityReport {
    throughline_reality::replay_file(ws, path, &ReplayOptions::default())
        .unwrap_or_else(|e| panic!("{} replays: {e}", path.display()))
}

pub fn skipping() -> ReplayOptions {
    ReplayOptions {
        bad_rows: BadRowPolicy {
            skip_bad_rows: true,
        },
        ..ReplayOptions::default()
    }
}

/// `(key, severity)` of every finding of `code`.
pub fn keyed(report: &RealityReport, code: &str) -> Vec<(String, String)> {
    report
        .findings()
        .iter()
        .filter(|f| f.code.as_str() == code)
        .map(|f| (f.key.clone(), f.severity.as_str().to_string()))
        .collect()
}

/// The report with every floating value rounded, as JSON, for comparisons.
pub fn json(report: &RealityReport) -> serde_json::Value {
    serde_json::from_str(&throughline_reality::render_json(report)).expect("report is JSON")
}

/// The sample logs the warehouse queries are checked on: whole hours, and minutes and
/// milliseconds in several zones with ties.
pub fn warehouse_logs() -> [PathBuf; 2] {
    let dir = fixtures().join("same-log");
    [dir.join("log.csv"), dir.join("minutes.csv")]
}

/// Checks that `table`, a directly-follows table printed as CSV by one of the warehouse
/// query scripts, has exactly the pairs the replay of `log` gives, and start rows that
/// count every case once. `engine` names the query in failure messages.
pub fn assert_table_matches_replay(engine: &str, table: &str, log: &Path) {
    type Row = (String, String, u64, u64, f64, f64, f64);
    let mut sql: Vec<Row> = table
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with(','))
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                f[0].to_string(),
                f[1].to_string(),
                f[2].parse().unwrap(),
                f[3].parse().unwrap(),
                f[4].parse().unwrap(),
                f[5].parse().unwrap(),
                f[6].parse().unwrap(),
            )
        })
        .collect();
    sql.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let report = replay(&workspace("same-log"), log);
    let replayed: Vec<Row> = report
        .pairs
        .iter()
        .map(|p| {
            (
                p.from.clone(),
                p.to.clone(),
                p.cases,
                p.transitions,
                p.p50_hours.unwrap(),
                p.p90_hours.unwrap(),
                p.max_hours.unwrap(),
            )
        })
        .collect();
    assert_eq!(sql, replayed, "{engine} on {}", log.display());
    let starts: u64 = table
        .lines()
        .filter(|l| l.starts_with(','))
        .map(|l| l.split(',').nth(2).unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(
        starts,
        report.cases,
        "{engine} on {}: start rows count every case once",
        log.display()
    );
}
