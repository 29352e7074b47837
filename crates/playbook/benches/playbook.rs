//! Rendering speed and file size: the sample workspace and a generated one with 300
//! touchpoints. Targets: 300 touchpoints under 500 ms and 1 MB; the sample well under 100 ms.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use throughline_model::Workspace;
use throughline_playbook::{PlaybookOptions, render};

/// The NexusFlow sample when it is in the checkout, else a sample-sized generated workspace.
fn sample() -> (String, Workspace) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/sample/nexusflow.throughline.json"
    );
    let parsed = std::fs::read_to_string(path).ok().and_then(|text| {
        let mut value: serde_json::Value = serde_json::from_str(&text).ok()?;
        let map = value.as_object_mut()?;
        map.remove("format");
        map.remove("version");
        serde_json::from_value(value).ok()
    });
    match parsed {
        Some(ws) => ("sample (nexusflow)".into(), ws),
        None => (
            "sample-sized (generated, 12 touchpoints)".into(),
            common::workspace(12),
        ),
    }
}

fn bench(c: &mut Criterion) {
    let options = PlaybookOptions {
        generated_on: "21 November 2025".into(),
        ..PlaybookOptions::default()
    };
    let (name, small) = sample();
    let big = common::workspace(300);
    for (label, ws) in [(name.as_str(), &small), ("300 touchpoints", &big)] {
        let rendered = render(ws, &options).unwrap();
        println!(
            "{label}: {} bytes ({:.1} KB), {} pages",
            rendered.bytes.len(),
            rendered.bytes.len() as f64 / 1024.0,
            rendered.pages
        );
    }
    c.bench_function("render sample", |b| {
        b.iter(|| render(&small, &options).unwrap())
    });
    c.bench_function("render 300 touchpoints", |b| {
        b.iter(|| render(&big, &options).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
