//! Speed of compare and merge on generated workspaces of 1k, 10k and 100k elements (five
//! handoffs per element), each side changing about one item in a hundred.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use throughline_audit::generate;
use throughline_versions::{MergeOptions, changes, compare, merge};

#[path = "support/edits.rs"]
mod edits;
use edits::edited;

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
        // Where compare's time goes: the item changes, and one of the two audits it runs.
        group.bench_with_input(BenchmarkId::new("changes", elements), &elements, |b, _| {
            b.iter(|| changes(black_box(&base), black_box(&ours)))
        });
        group.bench_with_input(BenchmarkId::new("audit", elements), &elements, |b, _| {
            b.iter(|| throughline_audit::audit(black_box(&ours)))
        });
        // And what merge's final check of the result costs.
        group.bench_with_input(BenchmarkId::new("validate", elements), &elements, |b, _| {
            b.iter(|| throughline_model::validate(black_box(&ours)))
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
