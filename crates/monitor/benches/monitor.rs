//! Speed of the monitor report (500 metrics x 60 monthly readings) and of importing
//! 100,000 readings from CSV (500 metrics x 200 dates): parsing and checking the file,
//! making the edit and applying it to the document (validation included), and the same
//! into a file-backed store. Before criterion runs, the store's write of the 100k readings
//! is timed side by side with a peer, a bare rusqlite prepared-insert loop of the same rows
//! into a table of the same shape, and the ratio printed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use throughline_model::{
    Better, Edit, Element, ElementKind, Emotion, Id, Metric, MetricKind, MetricScope, Reading,
    Stage, Workspace, apply_edit,
};
use throughline_monitor::{ImportOptions, MonitorOptions, monitor, preview_csv};
use throughline_store::{Actor, Source, Store};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// `count` distinct dates, the 1st to the 28th of each month from January 2000.
fn dates(count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let (month, day) = (i / 28, i % 28 + 1);
            format!("{:04}-{:02}-{:02}", 2000 + month / 12, month % 12 + 1, day)
        })
        .collect()
}

/// 12 stages, 60 touchpoints and `metrics` metrics: half sentiment (on touchpoints and
/// stages), the rest completion, contacts (lower is better) and journey NPS.
fn workspace(metrics: usize) -> Workspace {
    let mut ws = Workspace::new("Bench");
    for s in 0..12 {
        ws.stages.push(Stage {
            id: id(&format!("s{s}")),
            name: format!("Stage {s}"),
            emotion: Emotion::new((s % 5) as i64 - 2).unwrap(),
            moment: String::new(),
        });
    }
    for t in 0..60 {
        let mut e = Element::new(
            id(&format!("t{t}")),
            ElementKind::Touchpoint,
            format!("T {t}"),
        );
        e.stages = vec![
            id(&format!("s{}", t % 12)),
            id(&format!("s{}", (t + 5) % 12)),
        ];
        ws.elements.push(e);
    }
    for m in 0..metrics {
        let (kind, min, max) = match m % 4 {
            0 | 1 => (MetricKind::Sentiment, 1.0, 5.0),
            2 => (MetricKind::Completion, 0.0, 100.0),
            _ => (MetricKind::Contacts, 0.0, 1000.0),
        };
        let mut metric = Metric::new(id(&format!("m{m}")), format!("Metric {m}"), kind, min, max);
        metric.scope = match m % 3 {
            0 => MetricScope::Element(id(&format!("t{}", m % 60))),
            1 => MetricScope::Stage(id(&format!("s{}", m % 12))),
            _ => MetricScope::Journey,
        };
        if kind == MetricKind::Contacts {
            metric.direction = Better::Lower;
        }
        metric.target = Some(min + (max - min) * 0.7);
        metric.owner = (m % 7 != 0).then(|| "CX team".to_string());
        ws.metrics.push(metric);
    }
    ws
}

/// A value on the metric's scale that wanders with the period.
fn value(m: &Metric, period: usize, salt: usize) -> f64 {
    let wave = ((period * 7 + salt * 13) % 20) as f64 / 20.0;
    let v = m.min + (m.max - m.min) * (0.3 + 0.6 * wave);
    (v * 100.0).round() / 100.0
}

fn with_readings(mut ws: Workspace, periods: usize) -> Workspace {
    let dates = dates(periods);
    let mut readings = Vec::with_capacity(ws.metrics.len() * periods);
    for (i, m) in ws.metrics.iter().enumerate() {
        for (p, date) in dates.iter().enumerate() {
            readings.push(Reading {
                metric: m.id.clone(),
                date: date.clone(),
                value: value(m, p, i),
                n: Some(100),
            });
        }
    }
    ws.readings = readings;
    ws
}

fn csv(ws: &Workspace, periods: usize) -> String {
    let mut out = String::from("metric,date,value,n\n");
    let dates = dates(periods);
    for (i, m) in ws.metrics.iter().enumerate() {
        for (p, date) in dates.iter().enumerate() {
            let _ = writeln!(out, "{},{date},{},120", m.id, value(m, p, i));
        }
    }
    out
}

fn report(c: &mut Criterion) {
    let ws = with_readings(workspace(500), 60);
    assert!(throughline_model::validate(&ws).is_empty());
    let mut group = c.benchmark_group("monitor");
    group.sample_size(20);
    group.throughput(Throughput::Elements(ws.readings.len() as u64));
    group.bench_function("500 metrics x 60 periods", |b| {
        b.iter(|| monitor(black_box(&ws), &MonitorOptions::default()).unwrap())
    });
    group.finish();
}

/// A file-backed store holding `ws`, as the app and the CLI open it.
fn store_with(dir: &Path, ws: &Workspace) -> (Store, String) {
    let mut store = Store::open(&dir.join("library.sqlite3")).unwrap();
    let slug = store
        .import_workspace(ws, &Actor::new("bench", Source::Import))
        .unwrap()
        .slug;
    (store, slug)
}

/// Reads the CSV against the stored workspace and imports it: the whole user action.
fn import_file(store: &mut Store, slug: &str, text: &str) {
    let doc = store.load(slug).unwrap();
    let preview = preview_csv(&doc, text.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(preview.readings.len(), 100_000);
    let edit = preview.into_edit().unwrap();
    store
        .apply(slug, &edit, &Actor::new("bench", Source::Import))
        .unwrap();
}

/// The peer: the same rows written by a bare prepared-insert loop, in one transaction, into
/// a table of the same shape (same columns, key, index and reference to the metrics) in a
/// fresh file with the store's settings (WAL, foreign keys).
fn peer(dir: &Path, ws: &Workspace) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(dir.join("peer.sqlite3")).unwrap();
    let _: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    conn.execute_batch(
        "CREATE TABLE metrics (workspace_id INTEGER NOT NULL, id TEXT NOT NULL,
           PRIMARY KEY (workspace_id, id));
         CREATE TABLE readings (
           workspace_id INTEGER NOT NULL, key TEXT NOT NULL, ord INTEGER NOT NULL,
           metric TEXT NOT NULL, date TEXT NOT NULL, value REAL NOT NULL, n INTEGER,
           PRIMARY KEY (workspace_id, key),
           FOREIGN KEY (workspace_id, metric) REFERENCES metrics(workspace_id, id)
             DEFERRABLE INITIALLY DEFERRED);
         CREATE INDEX readings_metric ON readings(workspace_id, metric, date);",
    )
    .unwrap();
    for m in &ws.metrics {
        conn.execute("INSERT INTO metrics VALUES (1, ?1)", [m.id.as_str()])
            .unwrap();
    }
    conn
}

fn peer_insert(conn: &mut rusqlite::Connection, readings: &[Reading]) {
    let tx = conn.transaction().unwrap();
    {
        let mut stmt = tx
            .prepare("INSERT INTO readings VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)")
            .unwrap();
        for (i, r) in readings.iter().enumerate() {
            stmt.execute(rusqlite::params![
                format!("{}@{}", r.metric, r.date),
                i as i64,
                r.metric.as_str(),
                r.date,
                r.value,
                r.n
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

/// The store's bulk write of 100k readings against the bare peer, side by side in one run,
/// and the whole import (CSV read and checked, then stored), as medians of a few runs.
fn side_by_side(ws: &Workspace, text: &str, readings: &[Reading]) {
    const RUNS: usize = 5;
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (mut stored, mut bare, mut whole) = (Vec::new(), Vec::new(), Vec::new());
    let edit = Edit::PutReadings {
        readings: readings.to_vec(),
    };
    for _ in 0..RUNS {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, slug) = store_with(dir.path(), ws);
        let start = Instant::now();
        store
            .apply(&slug, &edit, &Actor::new("bench", Source::Import))
            .unwrap();
        stored.push(start.elapsed());

        let mut conn = peer(dir.path(), ws);
        let start = Instant::now();
        peer_insert(&mut conn, readings);
        bare.push(start.elapsed());

        let dir = tempfile::tempdir().unwrap();
        let (mut store, slug) = store_with(dir.path(), ws);
        let start = Instant::now();
        import_file(&mut store, &slug, text);
        whole.push(start.elapsed());
    }
    let (stored, bare, whole) = (median(stored), median(bare), median(whole));
    println!(
        "import side by side (median of {RUNS}, file databases): store.apply of 100k readings {:.1} ms; \
         bare rusqlite prepared-insert loop {:.1} ms; ratio {:.2}x; whole CSV import (read, check, store) {:.1} ms",
        stored.as_secs_f64() * 1e3,
        bare.as_secs_f64() * 1e3,
        stored.as_secs_f64() / bare.as_secs_f64(),
        whole.as_secs_f64() * 1e3,
    );
}

fn import(c: &mut Criterion) {
    let ws = workspace(500);
    let text = csv(&ws, 200);
    let readings = with_readings(ws.clone(), 200).readings;
    side_by_side(&ws, &text, &readings);
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.throughput(Throughput::Elements(100_000));
    group.bench_function("100k readings: preview + edit + apply_edit", |b| {
        b.iter(|| {
            let preview = preview_csv(&ws, text.as_bytes(), &ImportOptions::default()).unwrap();
            assert_eq!(preview.readings.len(), 100_000);
            let edit = preview.into_edit().unwrap();
            apply_edit(&ws, &edit).unwrap()
        })
    });
    group.bench_function("100k readings: CSV import into a file store", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let (store, slug) = store_with(dir.path(), &ws);
                (dir, store, slug)
            },
            |(dir, mut store, slug)| {
                import_file(&mut store, &slug, &text);
                (dir, store)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    group.bench_function("100k readings: peer, bare rusqlite insert loop", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let conn = peer(dir.path(), &ws);
                (dir, conn)
            },
            |(dir, mut conn)| {
                peer_insert(&mut conn, &readings);
                (dir, conn)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, report, import);
criterion_main!(benches);
