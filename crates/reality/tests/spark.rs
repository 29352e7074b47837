//! The Spark SQL query in docs/reality.md, run through pyspark on the sample logs, gives
//! the same pairs as the replay. pyspark (and the Java it needs) is too heavy for CI and
//! `scripts/setup` does not install it: the test runs with the Python named by
//! `THROUGHLINE_SPARK_PYTHON`, else `python3`, and says it is skipped when that Python
//! cannot import pyspark.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// What `spark_dfg.py` exits with when pyspark cannot be imported.
const NO_PYSPARK: i32 = 3;

fn python() -> PathBuf {
    std::env::var_os("THROUGHLINE_SPARK_PYTHON")
        .map_or_else(|| PathBuf::from("python3"), PathBuf::from)
}

#[test]
fn the_spark_sql_query_in_the_docs_gives_the_replays_pairs() {
    let python = python();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for log in common::warehouse_logs() {
        let out = match Command::new(&python)
            .arg(root.join("tests/spark_dfg.py"))
            .arg(root.join("../../docs/reality.md"))
            .arg(&log)
            .output()
        {
            Ok(out) => out,
            Err(e) => {
                println!(
                    "skipped: {} cannot be run ({e}), so the Spark SQL query cannot be checked",
                    python.display()
                );
                return;
            }
        };
        if out.status.code() == Some(NO_PYSPARK) {
            println!(
                "skipped: {} cannot import pyspark, so the Spark SQL query was not run; set \
                 THROUGHLINE_SPARK_PYTHON to a Python with pyspark (and Java 17) to run it",
                python.display()
            );
            return;
        }
        assert!(
            out.status.success(),
            "the Spark SQL query failed on {}: {}",
            log.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let table = String::from_utf8(out.stdout).unwrap();
        common::assert_table_matches_replay("Spark SQL", &table, &log);
    }
}
