//! The DuckDB query in docs/reality.md, run through the `duckdb` Python package on the
//! sample log, gives the same pairs as the replay. `scripts/setup --test` installs duckdb
//! into `target/pyenv`; the test is skipped (with a printed reason) only when there is no
//! python3 at all.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// `THROUGHLINE_PYTHON`, else the venv `scripts/setup --test` makes, else `python3`.
fn python() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("THROUGHLINE_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let venv = root.join("target/pyenv/bin/python");
    if venv.is_file() {
        return Some(venv);
    }
    let found = Command::new("python3").arg("--version").output().is_ok();
    found.then(|| PathBuf::from("python3"))
}

#[test]
fn the_duckdb_query_in_the_docs_gives_the_replays_pairs() {
    let Some(python) = python() else {
        println!("skipped: python3 is not installed, so the DuckDB query cannot be run");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let log = common::fixtures().join("same-log/log.csv");
    let out = Command::new(&python)
        .arg(root.join("tests/duckdb_dfg.py"))
        .arg(root.join("../../docs/reality.md"))
        .arg(&log)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "the DuckDB query failed (run scripts/setup --test to install duckdb): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    let mut sql: Vec<(String, String, u64, u64, f64, f64, f64)> = table
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
    let report = common::replay(&common::workspace("same-log"), &log);
    let replay: Vec<_> = report
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
    assert_eq!(sql, replay);
    let starts: u64 = table
        .lines()
        .filter(|l| l.starts_with(','))
        .map(|l| l.split(',').nth(2).unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(starts, report.cases, "start rows count every case once");
}
