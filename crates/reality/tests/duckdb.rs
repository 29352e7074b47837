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
    for log in common::warehouse_logs() {
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
        common::assert_table_matches_replay("DuckDB", &table, &log);
    }
}
