//! Speed of compare and merge on generated workspaces of 1k, 10k and 100k elements (five
//! handoffs per element), each side changing about one item in a hundred.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use throughline_audit::generate;
use throughline_model::{Element, ElementKind, Id, Workspace};
use throughline_versions::{MergeOptions, compare, merge};

/// `base` with every `step`-th element renamed, every `step`-th handoff (from `offset`)
/// removed, and `step / 10` new elements: a realistic session of edits.
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

fn versions(c: &mut Criterion) {
    let mut group = c.benchmark_group("versions");
    group.sample_size(10);
    for elements in [1_000, 10_000, 100_000] {
        let base = generate(elements, 42);
        let ours = edited(&base, 100, 0, "ours");
        let theirs = edited(&base, 100, 50, "theirs");
        group.throughput(Throughput::Elements(elements as u64));
        group.bench_with_input(BenchmarkId::new("compare", elements), &elements, |b, _| {
            b.iter(|| compare(black_box(&base), black_box(&ours)))
        });
        group.bench_with_input(BenchmarkId::new("merge", elements), &elements, |b, _| {
            b.iter(|| {
                merge(
                    &base,
                    black_box(&ours),
                    black_box(&theirs),
                    MergeOptions::default(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, versions);
criterion_main!(benches);
