//! The figures of the Monitor step: each metric's latest reading and trend, and the
//! measured emotional arc per stage. Every formula is explained in `docs/monitor.md`.

use std::collections::HashMap;

use serde::Serialize;

use crate::rules::{GapGrade, gap_grade};
use throughline_model::{
    Better, ElementKind, Metric, MetricKind, MetricScope, Reading, Stage, Workspace,
};

/// One reading as the monitor shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Point {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub value: f64,
    /// The sample size, when the reading gives one.
    pub n: Option<u32>,
}

impl Point {
    fn of(r: &Reading) -> Self {
        Self {
            date: r.date.clone(),
            value: r.value,
            n: r.n,
        }
    }
}

/// How a metric moved: latest against previous and against first, and how far it still
/// is from its target.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Trend {
    /// Latest minus previous; none with fewer than two readings.
    pub since_previous: Option<f64>,
    /// Latest minus first; none with fewer than two readings.
    pub since_first: Option<f64>,
    /// How much the latest still has to move in the good direction to reach the target
    /// (zero or below: the target is met); none without a target or a reading.
    pub to_target: Option<f64>,
}

/// One metric as of the report's date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MetricStatus {
    pub id: String,
    pub name: String,
    pub kind: MetricKind,
    pub scope: MetricScope,
    pub direction: Better,
    pub leading: bool,
    pub owner: Option<String>,
    /// The newest reading on or before the report's date.
    pub latest: Option<Point>,
    /// The reading before the latest.
    pub previous: Option<Point>,
    /// The oldest reading.
    pub first: Option<Point>,
    pub target: Option<f64>,
    /// Whether the latest reading meets the target (exactly on target meets it); none
    /// without a target or a reading.
    pub meets_target: Option<bool>,
    pub trend: Trend,
}

/// One stage of the narrative: the promised emotion against the measured one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageArc {
    pub id: String,
    pub name: String,
    /// The stage's planned emotion, -2 to +2.
    pub planned: i8,
    /// The mean normalised latest sentiment of the stage's sentiment metrics; none when
    /// none of them has a reading.
    pub measured: Option<f64>,
    /// Measured minus planned.
    pub gap: Option<f64>,
    /// How far off the plan the gap is; none when not measured.
    pub grade: Option<GapGrade>,
    /// `1 - σ / 2` over the same normalised values; none with fewer than two.
    pub consistency: Option<f64>,
    /// The sentiment metrics that gave a value, with their normalised latest reading.
    pub sentiments: Vec<(String, f64)>,
    /// Every metric scoped to the stage or to a touchpoint serving it, of any kind.
    pub metrics: Vec<String>,
}

/// A metric's readings on or before the report's date, oldest first.
pub(crate) struct Series<'a> {
    pub metric: &'a Metric,
    pub readings: Vec<&'a Reading>,
}

/// Normalised sentiment: `v` on `[min, max]` mapped onto the emotion scale -2 to +2.
pub fn normalise(v: f64, min: f64, max: f64) -> f64 {
    -2.0 + 4.0 * (v - min) / (max - min)
}

/// Sentiment consistency of a set of normalised values: `1 - σ / 2`, σ the population
/// standard deviation; none with fewer than two values.
pub fn consistency(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    Some(1.0 - var.sqrt() / 2.0)
}

/// How far `value` still has to move in the good direction to reach `target`; zero or
/// below means the target is met.
pub fn to_target(value: f64, target: f64, direction: Better) -> f64 {
    match direction {
        Better::Higher => target - value,
        Better::Lower => value - target,
    }
}

/// Whether moving from `from` to `to` is a move in the bad direction.
pub(crate) fn worsened(from: f64, to: f64, direction: Better) -> bool {
    match direction {
        Better::Higher => to < from,
        Better::Lower => to > from,
    }
}

/// The newest reading date of the workspace, the default "as of".
pub(crate) fn newest_date(ws: &Workspace) -> Option<String> {
    ws.readings
        .iter()
        .map(|r| r.date.as_str())
        .max()
        .map(str::to_string)
}

/// Each metric's readings on or before `as_of` (all of them when `as_of` is none), oldest
/// first, in the workspace's order of metrics.
pub(crate) fn series<'a>(ws: &'a Workspace, as_of: Option<&str>) -> Vec<Series<'a>> {
    let index: HashMap<&str, usize> = ws
        .metrics
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut out: Vec<Series<'a>> = ws
        .metrics
        .iter()
        .map(|metric| Series {
            metric,
            readings: Vec::new(),
        })
        .collect();
    for r in &ws.readings {
        if as_of.is_some_and(|d| r.date.as_str() > d) {
            continue;
        }
        if let Some(&i) = index.get(r.metric.as_str()) {
            out[i].readings.push(r);
        }
    }
    for s in &mut out {
        s.readings.sort_by(|a, b| a.date.cmp(&b.date));
    }
    out
}

/// The status of one metric from its series.
pub(crate) fn status(s: &Series<'_>) -> MetricStatus {
    let m = s.metric;
    let latest = s.readings.last().map(|r| Point::of(r));
    let previous = s
        .readings
        .len()
        .checked_sub(2)
        .map(|i| Point::of(s.readings[i]));
    let first = s.readings.first().map(|r| Point::of(r));
    let to_target = match (&latest, m.target) {
        (Some(l), Some(t)) => Some(to_target(l.value, t, m.direction)),
        _ => None,
    };
    let delta = |other: &Option<Point>| match (&latest, other, &previous) {
        (Some(l), Some(o), Some(_)) => Some(l.value - o.value),
        _ => None,
    };
    let trend = Trend {
        since_previous: delta(&previous),
        since_first: delta(&first),
        to_target,
    };
    MetricStatus {
        id: m.id.to_string(),
        name: m.name.clone(),
        kind: m.kind,
        scope: m.scope.clone(),
        direction: m.direction,
        leading: m.leading,
        owner: m.owner.clone(),
        latest,
        previous,
        first,
        target: m.target,
        meets_target: to_target.map(|d| d <= 0.0),
        trend,
    }
}

/// The stages each metric speaks for: its stage, or every stage its touchpoint serves.
pub(crate) fn stages_of<'a>(ws: &'a Workspace, m: &'a Metric) -> Vec<&'a str> {
    match &m.scope {
        MetricScope::Journey => Vec::new(),
        MetricScope::Stage(id) => vec![id.as_str()],
        MetricScope::Element(id) => match ws.elements.iter().find(|e| e.id == *id) {
            Some(e) if e.kind == ElementKind::Touchpoint => {
                e.stages.iter().map(|s| s.as_str()).collect()
            }
            _ => Vec::new(),
        },
    }
}

/// A stage's sentiment metrics with their normalised latest value, and all its metrics.
type StageMetrics = (Vec<(String, f64)>, Vec<String>);

/// The measured arc: one entry per stage, in the narrative's order.
pub(crate) fn arc(ws: &Workspace, series: &[Series<'_>]) -> Vec<StageArc> {
    let mut per_stage: HashMap<&str, StageMetrics> = HashMap::new();
    for s in series {
        let m = s.metric;
        let normalised = match (m.kind, s.readings.last()) {
            (MetricKind::Sentiment, Some(r)) => Some(normalise(r.value, m.min, m.max)),
            _ => None,
        };
        for stage in stages_of(ws, m) {
            let slot = per_stage.entry(stage).or_default();
            slot.1.push(m.id.to_string());
            if let Some(v) = normalised {
                slot.0.push((m.id.to_string(), v));
            }
        }
    }
    ws.stages
        .iter()
        .map(|stage| {
            let (sentiments, metrics) = per_stage.remove(stage.id.as_str()).unwrap_or_default();
            stage_arc(stage, sentiments, metrics)
        })
        .collect()
}

fn stage_arc(stage: &Stage, sentiments: Vec<(String, f64)>, metrics: Vec<String>) -> StageArc {
    let values: Vec<f64> = sentiments.iter().map(|(_, v)| *v).collect();
    let measured = (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64);
    let planned = stage.emotion.get();
    let gap = measured.map(|m| m - f64::from(planned));
    StageArc {
        id: stage.id.to_string(),
        name: stage.name.clone(),
        planned,
        measured,
        gap,
        grade: gap.map(gap_grade),
        consistency: consistency(&values),
        sentiments,
        metrics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ends_and_middle_of_a_scale_map_to_minus_two_zero_and_plus_two() {
        assert_eq!(normalise(1.0, 1.0, 5.0), -2.0);
        assert_eq!(normalise(3.0, 1.0, 5.0), 0.0);
        assert_eq!(normalise(5.0, 1.0, 5.0), 2.0);
        assert_eq!(normalise(50.0, -100.0, 100.0), 1.0);
    }

    #[test]
    fn consistency_needs_two_values_and_spans_zero_to_one() {
        assert_eq!(consistency(&[]), None);
        assert_eq!(consistency(&[1.5]), None, "one value has no spread");
        assert_eq!(
            consistency(&[1.0, 1.0]),
            Some(1.0),
            "equal values agree fully"
        );
        assert_eq!(
            consistency(&[-2.0, 2.0]),
            Some(0.0),
            "opposite ends: σ is 2"
        );
        // Population σ of 0 and 1 is 0.5 (the sample σ would be 0.707).
        assert_eq!(consistency(&[0.0, 1.0]), Some(0.75));
    }

    #[test]
    fn distance_to_target_respects_the_direction() {
        assert_eq!(
            to_target(3.5, 4.0, Better::Higher),
            0.5,
            "higher: 0.5 short"
        );
        assert_eq!(
            to_target(4.0, 4.0, Better::Higher),
            0.0,
            "exactly on target"
        );
        assert_eq!(
            to_target(12.0, 10.0, Better::Lower),
            2.0,
            "lower: 2 too many"
        );
        assert_eq!(
            to_target(8.0, 10.0, Better::Lower),
            -2.0,
            "lower: beaten by 2"
        );
    }
}
