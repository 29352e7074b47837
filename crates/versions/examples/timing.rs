//! Times the parts of compare and merge on a generated workspace, to see where time goes:
//! `cargo run --release -p throughline-versions --example timing -- 10000`.

use std::time::Instant;

use throughline_audit::{audit, generate};
use throughline_model::{Element, ElementKind, Id, Workspace, validate};
use throughline_versions::{MergeOptions, changes, compare, merge};

fn edited(base: &Workspace, step: usize, offset: usize, tag: &str) -> Workspace {
    let mut ws = base.clone();
    for e in ws.elements.iter_mut().skip(offset).step_by(step) {
        e.name = format!("{} ({tag})", e.name);
    }
    let mut i = 0;
    ws.handoffs.retain(|_| {
        i += 1;
        !(i + offset).is_multiple_of(step)
    });
    for n in 0..(base.elements.len() / step / 10).max(1) {
        if let Ok(id) = Id::new(format!("new.{tag}.{n}")) {
            ws.elements.push(Element::new(
                id,
                ElementKind::Team,
                format!("New {tag} {n}"),
            ));
        }
    }
    ws
}

fn time<T>(what: &str, f: impl Fn() -> T) -> T {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        out = Some(f());
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!("{what:<12} {best:8.1} ms (best of 5)");
    out.unwrap_or_else(f)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let base = generate(n, 42);
    let ours = edited(&base, 100, 0, "ours");
    let theirs = edited(&base, 100, 50, "theirs");
    time("changes", || changes(&base, &ours).len());
    time("audit", || audit(&base).findings.len());
    time("validate", || validate(&base).len());
    time("compare", || compare(&base, &ours).changes.len());
    let _ = time("merge", || {
        merge(&base, &ours, &theirs, MergeOptions::default()).map(|m| m.conflicts.len())
    });
    time("clone", || base.clone().elements.len());
}
