//! Compares and merges generated workspaces and prints the time per call, for profiling:
//! `cargo run --profile bench -p throughline-versions --example rounds -- 10000 10`.
//! On a busy machine the CPU time (from `/proc/thread-self/schedstat`, Linux only) is the
//! figure to trust; wall time includes waiting for a core. A third argument `compare` or
//! `merge` runs only that (for `valgrind --tool=callgrind`).

use std::time::Instant;

use throughline_versions::{MergeOptions, compare, merge};

#[path = "../benches/support/edits.rs"]
mod edits;

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
            eprintln!("usage: rounds [ELEMENTS] [ROUNDS] [compare|merge]; {what} \"{s}\" is not a whole number");
            std::process::exit(2)
        }),
    }
}

/// Runs `f` `rounds` times and prints its wall and CPU time per call.
fn time(what: &str, rounds: u32, mut f: impl FnMut()) {
    let (wall, cpu) = (Instant::now(), cpu_ns());
    for _ in 0..rounds {
        f();
    }
    let wall = wall.elapsed() / rounds.max(1);
    let cpu = cpu.zip(cpu_ns()).map(|(a, b)| {
        format!(
            "{:.1} ms CPU",
            (b - a) as f64 / 1e6 / f64::from(rounds.max(1))
        )
    });
    println!(
        "{what}: {:.1} ms wall, {}",
        wall.as_secs_f64() * 1e3,
        cpu.unwrap_or_else(|| "CPU time unknown".into())
    );
}

fn main() {
    let n: usize = arg(1, "ELEMENTS", 10_000);
    let rounds: u32 = arg(2, "ROUNDS", 10);
    let only = std::env::args().nth(3).unwrap_or_default();
    let base = throughline_audit::generate(n, 42);
    let ours = edits::edited(&base, 100, 0, "ours");
    let theirs = edits::edited(&base, 100, 50, "theirs");
    println!("{n} elements, {} handoffs", base.handoffs.len());
    if only != "merge" {
        let c = compare(&base, &ours);
        println!("compare: {} changes", c.changes.len());
        time("compare", rounds, || {
            std::hint::black_box(compare(&base, &ours));
        });
    }
    if only != "compare" {
        let m = merge(&base, &ours, &theirs, MergeOptions::default());
        println!(
            "merge: {:?} conflicts",
            m.as_ref().map(|m| m.conflicts.len()).ok()
        );
        time("merge", rounds, || {
            std::hint::black_box(merge(&base, &ours, &theirs, MergeOptions::default()).ok());
        });
    }
}
