//! Measures a backup and the open-time `quick_check` of a library of about 100 MB.
//!
//! `cargo run --release -p throughline-store --example bench_backup [MB]`: builds the
//! library in a temporary folder from generated workspaces, then prints the figures.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a measuring script, not a library

use std::time::Instant;

use rusqlite::Connection;
use throughline_store::{Actor, Source, Store};

fn main() {
    let target_mb: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let actor = Actor::new("bench", Source::Import);
    let doc = throughline_audit::generate(2_000, 1);
    let started = Instant::now();
    {
        let mut store = Store::open(&path).unwrap();
        let mut n = 0;
        while size_mb(&path) < target_mb as f64 {
            store.import_workspace(&doc, &actor).unwrap();
            n += 1;
            if n % 10 == 0 {
                checkpoint(&path);
            }
        }
        checkpoint(&path);
        println!(
            "library: {n} workspaces of 2,000 elements, {:.1} MB, built in {:.1} s",
            size_mb(&path),
            started.elapsed().as_secs_f64()
        );
    }

    let conn = Connection::open(&path).unwrap();
    let t = Instant::now();
    let ok: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap();
    println!("quick_check: {ok} in {:.0} ms", ms(t));
    let t = Instant::now();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    println!("integrity_check (for comparison): {ok} in {:.0} ms", ms(t));
    drop(conn);

    let store = Store::open(&path).unwrap();
    for i in 0..3 {
        let out = dir.path().join(format!("copy-{i}.sqlite3"));
        let t = Instant::now();
        let info = store.backup_to(&out).unwrap();
        println!(
            "backup {}: {:.1} MB in {:.0} ms (ok: {})",
            i + 1,
            info.size as f64 / 1e6,
            ms(t),
            info.ok
        );
    }
}

fn checkpoint(path: &std::path::Path) {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
}

fn size_mb(path: &std::path::Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
