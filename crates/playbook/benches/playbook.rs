//! Rendering speed, file size and page counts of both editions: the sample workspace, a
//! generated one with 300 touchpoints and the audit's generated 2,000-element workspace.
//! Targets: 300 touchpoints under 500 ms and 1 MB; the sample well under 100 ms; the
//! leadership edition at most six pages for every size.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use throughline_model::Workspace;
use throughline_playbook::{Edition, PlaybookOptions, render};

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
    let lead = PlaybookOptions {
        generated_on: "21 November 2025".into(),
        ..PlaybookOptions::default()
    };
    let full = PlaybookOptions {
        edition: Edition::Full,
        ..lead.clone()
    };
    let (name, small) = sample();
    let big = common::workspace(300);
    let huge = throughline_audit::generate(2_000, 7);
    for (label, ws) in [
        (name.as_str(), &small),
        ("300 touchpoints", &big),
        ("2,000 elements", &huge),
    ] {
        for (edition, options) in [("leadership", &lead), ("full", &full)] {
            let rendered = render(ws, options).unwrap();
            println!(
                "{label}, {edition} edition: {} pages, {:.1} KB",
                rendered.pages,
                rendered.bytes.len() as f64 / 1024.0,
            );
        }
    }
    for (edition, options) in [("leadership", &lead), ("full", &full)] {
        c.bench_function(&format!("render sample, {edition}"), |b| {
            b.iter(|| render(&small, options).unwrap())
        });
        c.bench_function(&format!("render 300 touchpoints, {edition}"), |b| {
            b.iter(|| render(&big, options).unwrap())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
