//! Speed of a full audit on generated workspaces of 1k, 10k and 100k elements, five
//! handoffs per element.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use throughline_audit::{audit, generate};

fn full_audit(c: &mut Criterion) {
    let mut group = c.benchmark_group("audit");
    group.sample_size(10);
    for elements in [1_000, 10_000, 100_000] {
        let ws = generate(elements, 42);
        group.throughput(Throughput::Elements(elements as u64));
        group.bench_with_input(BenchmarkId::from_parameter(elements), &ws, |b, ws| {
            b.iter(|| audit(black_box(ws)))
        });
    }
    group.finish();
}

criterion_group!(benches, full_audit);
criterion_main!(benches);
