//! Speed of the store on generated workspaces (five handoffs per element): renaming one
//! element, undoing and redoing it, and opening the workspace beside a raw SELECT of its
//! rows. Run with `cargo bench -p throughline-store`; the open/SELECT ratio is printed.
//! Edits go through the delta methods, which return what changed, not the document.
#![allow(clippy::expect_used)] // a benchmark that cannot set up has nothing to measure

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The app's and the CLI's allocator, so that the figures are theirs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rusqlite::Connection;
use rusqlite::types::Value;
use throughline_audit::generate;
use throughline_model::Edit;
use throughline_store::{Actor, Source, Store};

const SIZES: [usize; 2] = [2_000, 10_000];
const TABLES: [&str; 10] = [
    "stages",
    "elements",
    "handoffs",
    "principles",
    "readiness_sessions",
    "layer_scores",
    "waivers",
    "metrics",
    "readings",
    "reviews",
];

struct Library {
    _dir: tempfile::TempDir,
    store: Store,
    raw: Connection,
    slug: String,
    rename: [Edit; 2],
}

fn library(elements: usize) -> Library {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("library.sqlite3");
    let mut store = Store::open(&path).expect("a new library");
    let ws = generate(elements, 42);
    let actor = Actor::new("Bench", Source::Cli);
    let slug = store.import_workspace(&ws, &actor).expect("import").slug;
    let middle = ws.elements[elements / 2].clone();
    let mut renamed = middle.clone();
    renamed.name = format!("{} (renamed)", middle.name);
    let raw = Connection::open(&path).expect("a second connection");
    Library {
        _dir: dir,
        store,
        raw,
        slug,
        rename: [
            Edit::PutElement { element: renamed },
            Edit::PutElement { element: middle },
        ],
    }
}

/// Every row of every entity table of the workspace, each column read as a value.
fn raw_select(conn: &Connection) -> usize {
    let mut cells = 0;
    for table in TABLES {
        let sql = format!("SELECT * FROM {table} WHERE workspace_id = 1 ORDER BY ord");
        let Ok(mut stmt) = conn.prepare(&sql) else {
            continue;
        };
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).expect("query");
        while let Some(row) = rows.next().expect("row") {
            for i in 0..columns {
                let v: Value = row.get(i).expect("cell");
                black_box(v);
                cells += 1;
            }
        }
    }
    cells
}

fn time<F: FnMut()>(mut f: F, runs: u32) -> Duration {
    let mut all: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    all.sort();
    all[all.len() / 2]
}

fn store(c: &mut Criterion) {
    for elements in SIZES {
        let mut lib = library(elements);
        let actor = Actor::new("Bench", Source::Ui);
        let mut group = c.benchmark_group(format!("store/{elements}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(3));

        // `rename[current]` is the element as it stands; the other edit changes it. Undo
        // and redo leave it as it stood.
        let mut current = 1;
        group.bench_function(BenchmarkId::from_parameter("rename"), |b| {
            b.iter(|| {
                current = 1 - current;
                lib.store
                    .apply_delta(&lib.slug, &lib.rename[current], &actor)
                    .expect("rename")
            })
        });
        group.bench_function(BenchmarkId::from_parameter("undo"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    lib.store
                        .apply_delta(&lib.slug, &lib.rename[1 - current], &actor)
                        .expect("rename");
                    let t = Instant::now();
                    black_box(lib.store.undo_delta(&lib.slug, &actor).expect("undo"));
                    total += t.elapsed();
                }
                total
            })
        });
        group.bench_function(BenchmarkId::from_parameter("redo"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    lib.store
                        .apply_delta(&lib.slug, &lib.rename[1 - current], &actor)
                        .expect("rename");
                    lib.store.undo_delta(&lib.slug, &actor).expect("undo");
                    let t = Instant::now();
                    black_box(lib.store.redo_delta(&lib.slug, &actor).expect("redo"));
                    total += t.elapsed();
                }
                total
            })
        });
        group.bench_function(BenchmarkId::from_parameter("open"), |b| {
            b.iter(|| lib.store.load(&lib.slug).expect("load"))
        });
        group.bench_function(BenchmarkId::from_parameter("raw-select"), |b| {
            b.iter(|| raw_select(&lib.raw))
        });
        group.finish();

        let open = time(
            || {
                black_box(lib.store.load(&lib.slug).expect("load"));
            },
            15,
        );
        let select = time(
            || {
                black_box(raw_select(&lib.raw));
            },
            15,
        );
        println!(
            "store/{elements}: open {open:?}, raw SELECT {select:?}, ratio {:.2}",
            open.as_secs_f64() / select.as_secs_f64()
        );
    }
}

criterion_group!(benches, store);
criterion_main!(benches);
