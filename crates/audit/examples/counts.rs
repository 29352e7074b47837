//! Audits a generated workspace and prints the time and the findings per rule:
//! `cargo run --release -p throughline-audit --example counts -- 10000`.

#![allow(clippy::unwrap_used)]
use std::collections::BTreeMap;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(10_000);
    let ws = throughline_audit::generate(n, 42);
    let t = std::time::Instant::now();
    let r = throughline_audit::audit(&ws);
    let el = t.elapsed();
    let mut by: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for f in &r.findings {
        let e = by.entry(f.code.as_str()).or_default();
        e.0 += 1;
        e.1 += f.evidence.len();
    }
    println!(
        "{n}: {:?}, {} findings {:?}",
        el,
        r.findings.len(),
        r.summary
    );
    for (k, v) in by {
        println!("  {k}: {} findings, {} evidence", v.0, v.1);
    }
    let t = std::time::Instant::now();
    for _ in 0..5 {
        std::hint::black_box(throughline_audit::audit(&ws));
    }
    println!("avg {:?}", t.elapsed() / 5);
}
