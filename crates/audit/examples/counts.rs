//! Audits a generated workspace and prints the time and the findings per rule:
//! `cargo run --release -p throughline-audit --features bench --example counts -- 10000`.
//! On a busy machine the CPU time (from `/proc/self/schedstat`, Linux only) is the figure
//! to trust; wall time includes waiting for a core.

use std::collections::BTreeMap;
use std::time::Instant;

/// Nanoseconds this thread has spent on a CPU, where the kernel tells.
fn cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// The `i`th argument as a number, `default` when absent; a usage message when it is not one.
fn arg<T: std::str::FromStr>(i: usize, what: &str, default: T) -> T {
    match std::env::args().nth(i) {
        None => default,
        Some(s) => s.parse().unwrap_or_else(|_| {
            eprintln!("usage: counts [ELEMENTS] [ROUNDS]; {what} \"{s}\" is not a whole number");
            std::process::exit(2)
        }),
    }
}

fn main() {
    let n: usize = arg(1, "ELEMENTS", 10_000);
    let rounds: u32 = arg(2, "ROUNDS", 10);
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
