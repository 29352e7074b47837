//! Speed of the monitor report (500 metrics x 60 monthly readings) and of importing
//! 100,000 readings from CSV (500 metrics x 200 dates): parsing and checking the file,
//! making the edit and applying it to the document (validation included), and the same
//! through an in-memory store.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use throughline_model::{
    Better, Element, ElementKind, Emotion, Id, Metric, MetricKind, MetricScope, Reading, Stage,
    Workspace, apply_edit,
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

fn import(c: &mut Criterion) {
    let ws = workspace(500);
    let text = csv(&ws, 200);
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
    group.bench_function("100k readings: preview + edit + in-memory store", |b| {
        b.iter_batched(
            || {
                let mut store = Store::open_in_memory().unwrap();
                let actor = Actor::new("bench", Source::Import);
                let slug = store.import_workspace(&ws, &actor).unwrap().slug;
                (store, actor, slug)
            },
            |(mut store, actor, slug)| {
                let doc = store.load(&slug).unwrap();
                let preview =
                    preview_csv(&doc, text.as_bytes(), &ImportOptions::default()).unwrap();
                store
                    .apply(&slug, &preview.edit().unwrap(), &actor)
                    .unwrap();
                store
            },
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, report, import);
criterion_main!(benches);
