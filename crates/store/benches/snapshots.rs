//! Taking a snapshot of generated workspaces of 1k and 10k elements (five handoffs per
//! element), and the size a snapshot takes against the workspace's JSON export.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use throughline_audit::generate;
use throughline_store::{Actor, Source, Store, encode_snapshot};

fn snapshots(c: &mut Criterion) {
    let mut group = c.benchmark_group("snapshot");
    group.sample_size(10);
    let actor = Actor::new("Bench", Source::Cli);
    for elements in [1_000, 10_000] {
        let ws = generate(elements, 42);
        let export = throughline_format::to_string(&ws).len();
        let stored = encode_snapshot(&ws).map(|(b, _)| b.len()).unwrap_or(0);
        eprintln!(
            "{elements} elements, {} handoffs: export {export} bytes, snapshot {stored} bytes \
             ({:.1} % of the export)",
            ws.handoffs.len(),
            100.0 * stored as f64 / export as f64
        );
        let Ok(mut store) = Store::open_in_memory() else {
            return;
        };
        let Ok(summary) = store.import_workspace(&ws, &actor) else {
            return;
        };
        let mut n = 0u32;
        group.bench_with_input(BenchmarkId::new("create", elements), &elements, |b, _| {
            b.iter(|| {
                n += 1;
                store.create_snapshot(&summary.slug, &format!("s{n}"), None, &actor)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, snapshots);
criterion_main!(benches);
