//! Audits a generated workspace and prints the time and the findings per rule:
//! `cargo run --release -p throughline-audit --features bench --example counts -- 10000`.
//! On a busy machine the CPU time (from `/proc/self/schedstat`, Linux only) is the figure
//! to trust; wall time includes waiting for a core.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::Instant;

/// Nanoseconds this thread has spent on a CPU, where the kernel tells.
fn cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().expect("a number of elements"))
        .unwrap_or(10_000);
    let rounds: u32 = std::env::args()
        .nth(2)
        .map(|s| s.parse().expect("a number of rounds"))
        .unwrap_or(10);
    let ws = throughline_audit::generate(n, 42);
    let report = throughline_audit::audit(&ws);
    let mut by: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for f in &report.findings {
        let e = by.entry(f.code.as_str()).or_default();
        e.0 += 1;
        e.1 += f.evidence.len();
    }
    println!(
        "{n} elements, {} handoffs: {} findings {:?}",
        ws.handoffs.len(),
        report.findings.len(),
        report.summary
    );
    for (k, v) in by {
        println!("  {k}: {} findings, {} evidence", v.0, v.1);
    }
    let (wall, cpu) = (Instant::now(), cpu_ns());
    for _ in 0..rounds {
        std::hint::black_box(throughline_audit::audit(&ws));
    }
    let wall = wall.elapsed() / rounds;
    match (cpu, cpu_ns()) {
        (Some(a), Some(b)) => println!(
            "per audit: wall {wall:?}, cpu {:.2} ms",
            (b - a) as f64 / f64::from(rounds) / 1e6
        ),
        _ => println!("per audit: wall {wall:?}"),
    }
}
