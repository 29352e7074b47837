//! A small builder of workspaces with stages, touchpoints, metrics and readings.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use throughline_model::{
    Better, Element, ElementKind, Emotion, Id, Metric, MetricKind, MetricScope, Reading, Stage,
    Workspace,
};

pub fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// A workspace with the given stages (id, planned emotion).
pub fn workspace(stages: &[(&str, i64)]) -> Workspace {
    let mut ws = Workspace::new("Test journey");
    for (sid, emotion) in stages {
        ws.stages.push(Stage {
            id: id(sid),
            name: sid.to_string(),
            emotion: Emotion::new(*emotion).unwrap(),
            moment: String::new(),
        });
    }
    ws
}

/// Adds a touchpoint serving `stages`.
pub fn touchpoint(ws: &mut Workspace, tid: &str, stages: &[&str]) {
    let mut e = Element::new(id(tid), ElementKind::Touchpoint, tid);
    e.stages = stages.iter().map(|s| id(s)).collect();
    ws.elements.push(e);
}

/// Adds a metric with an owner and returns it for further settings.
pub fn metric<'a>(
    ws: &'a mut Workspace,
    mid: &str,
    kind: MetricKind,
    (min, max): (f64, f64),
    scope: &str,
) -> &'a mut Metric {
    let mut m = Metric::new(id(mid), mid, kind, min, max);
    m.owner = Some("CX team".into());
    m.scope = MetricScope::try_from(scope.to_string()).unwrap();
    ws.metrics.push(m);
    ws.metrics.last_mut().unwrap()
}

/// A sentiment metric on 1 to 5 scoped as given.
pub fn sentiment(ws: &mut Workspace, mid: &str, scope: &str) {
    metric(ws, mid, MetricKind::Sentiment, (1.0, 5.0), scope);
}

/// Readings of `mid` on the first of consecutive months from January 2026.
pub fn readings(ws: &mut Workspace, mid: &str, values: &[f64]) {
    for (i, v) in values.iter().enumerate() {
        ws.readings.push(Reading {
            metric: id(mid),
            date: format!("2026-{:02}-01", i + 1),
            value: *v,
            n: None,
        });
    }
}

/// Sets the direction and target of metric `mid`.
pub fn aim(ws: &mut Workspace, mid: &str, direction: Better, target: f64) {
    let m = ws.metrics.iter_mut().find(|m| m.id == mid).unwrap();
    m.direction = direction;
    m.target = Some(target);
}
