//! The four monitor rules: `metric-drift`, `promise-gap`, `unmeasured-stage` and
//! `unowned-metric` (explained in `docs/rules.md`). Each names the layer it implicates.

use serde::Serialize;
use throughline_audit::{Evidence, Finding, RuleCode, Subject};
use throughline_model::{ElementKind, Layer, Metric, MetricKind, MetricScope, Workspace};

use crate::compute::{Series, StageArc, to_target, worsened};
use crate::render::num;

/// A gap of at least this much, either way, between measured and planned emotion: the
/// stage is graded [`GapGrade::Bad`] and `promise-gap` fires.
pub const GAP_THRESHOLD: f64 = 1.0;
/// A gap under this much, either way, is on plan ([`GapGrade::Good`]).
pub const ON_PLAN: f64 = 0.5;

/// How far a stage's measured feeling is from the promised one, graded once for all.
// Good: under half a step either way; warning: under one step; bad: one step or more,
// where `promise-gap` fires ([`gap_grade`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum GapGrade {
    Good,
    Warning,
    Bad,
}

/// The grade of a gap (measured minus planned): under [`ON_PLAN`] good, under
/// [`GAP_THRESHOLD`] warning, else bad, whichever way the gap goes.
pub fn gap_grade(gap: f64) -> GapGrade {
    let a = gap.abs();
    if a < ON_PLAN {
        GapGrade::Good
    } else if a < GAP_THRESHOLD {
        GapGrade::Warning
    } else {
        GapGrade::Bad
    }
}
/// The share of a metric's scale that three worsening readings must lose in total.
pub const SLIDE_SHARE: f64 = 0.1;

/// Every monitor finding of `ws`, from the metric series and the measured arc.
pub(crate) fn run(ws: &Workspace, series: &[Series<'_>], arc: &[StageArc]) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in series {
        if let Some(f) = drift(ws, s) {
            out.push(f);
        }
        if let Some(f) = unowned(s.metric) {
            out.push(f);
        }
    }
    for stage in arc {
        if let Some(f) = promise_gap(stage) {
            out.push(f);
        }
        if let Some(f) = unmeasured(stage) {
            out.push(f);
        }
    }
    out
}

/// The layer a metric's drift points at: its scope decides.
pub fn drift_layer(ws: &Workspace, m: &Metric) -> Layer {
    match &m.scope {
        MetricScope::Element(id) => match ws.element(id.as_str()) {
            Some(e) if e.kind == ElementKind::Touchpoint => Layer::Touchpoint,
            _ => Layer::System,
        },
        MetricScope::Stage(_) => Layer::Narrative,
        MetricScope::Journey if m.kind == MetricKind::Recall => Layer::Vision,
        MetricScope::Journey => Layer::Narrative,
    }
}

fn metric_subject(m: &Metric) -> Subject {
    Subject::metric(m.id.as_str())
}

fn reading_evidence(m: &Metric, date: &str, value: f64, note: &str) -> Evidence {
    Evidence::value(metric_subject(m), format!("readings.{date}"), num(value)).noted(note)
}

fn drift(ws: &Workspace, s: &Series<'_>) -> Option<Finding> {
    let m = s.metric;
    let r = &s.readings;
    let n = r.len();
    if n < 2 {
        return None;
    }
    let (prev, last) = (r[n - 2], r[n - 1]);
    let mut reasons = Vec::new();
    let mut evidence = Vec::new();
    if let Some(target) = m.target
        && to_target(prev.value, target, m.direction) <= 0.0
        && to_target(last.value, target, m.direction) > 0.0
    {
        reasons.push(format!(
            "fell from {} on {} (meeting the target {}) to {} on {}, which misses it",
            num(prev.value),
            prev.date,
            num(target),
            num(last.value),
            last.date
        ));
        evidence.push(Evidence::value(metric_subject(m), "target", num(target)));
        evidence.push(reading_evidence(
            m,
            &prev.date,
            prev.value,
            "met the target",
        ));
        evidence.push(reading_evidence(
            m,
            &last.date,
            last.value,
            "misses the target",
        ));
    }
    if n >= 3 {
        let first = r[n - 3];
        let span = m.max - m.min;
        let total = (last.value - first.value).abs();
        let slid = worsened(first.value, prev.value, m.direction)
            && worsened(prev.value, last.value, m.direction)
            // A small tolerance so that a slide of exactly 10% counts despite rounding.
            && total + span * 1e-9 >= SLIDE_SHARE * span;
        if slid {
            reasons.push(format!(
                "got worse at each of its last three readings ({}, {}, {}), {} in all, at least a tenth of its scale {} to {}",
                num(first.value),
                num(prev.value),
                num(last.value),
                num(total),
                num(m.min),
                num(m.max)
            ));
            for (p, note) in [
                (first, "third last"),
                (prev, "second last"),
                (last, "latest"),
            ] {
                if !evidence.iter().any(|e: &Evidence| {
                    e.field == format!("readings.{}", p.date) && e.subject.id == m.id.as_str()
                }) {
                    evidence.push(reading_evidence(m, &p.date, p.value, note));
                }
            }
        }
    }
    if reasons.is_empty() {
        return None;
    }
    let layer = drift_layer(ws, m);
    evidence.push(Evidence::value(
        metric_subject(m),
        "scope",
        m.scope.to_string(),
    ));
    let message = format!(
        "Metric \"{}\" has drifted: it {}.",
        m.name,
        reasons.join("; and it ")
    );
    let fix = format!(
        "Look at the {} layer first ({}): find what changed there around {}, put it right, and confirm with the next reading.",
        layer.label().to_lowercase(),
        layer_hint(layer, ws, m),
        last.date
    );
    Some(
        Finding::new(
            RuleCode::MetricDrift,
            m.id.as_str(),
            vec![metric_subject(m)],
            message,
            evidence,
            fix,
        )
        .with_layer(layer),
    )
}

/// Where in the named layer to start looking, in plain words.
fn layer_hint(layer: Layer, ws: &Workspace, m: &Metric) -> String {
    match (&m.scope, layer) {
        (MetricScope::Element(id), _) => {
            let name = ws
                .element(id.as_str())
                .map_or(id.as_str(), |e| e.name.as_str());
            format!("the element \"{name}\" it measures")
        }
        (MetricScope::Stage(id), _) => {
            let name = ws
                .stage(id.as_str())
                .map_or(id.as_str(), |s| s.name.as_str());
            format!("what the story promises at the stage \"{name}\"")
        }
        (MetricScope::Journey, Layer::Vision) => {
            "whether customers can still state the promise the vision makes".to_string()
        }
        (MetricScope::Journey, _) => "the story the journey tells as a whole".to_string(),
    }
}

fn unowned(m: &Metric) -> Option<Finding> {
    if m.owner.as_deref().is_some_and(|o| !o.trim().is_empty()) {
        return None;
    }
    Some(
        Finding::new(
            RuleCode::UnownedMetric,
            m.id.as_str(),
            vec![metric_subject(m)],
            format!("Metric \"{}\" has no owner.", m.name),
            vec![Evidence::absent(metric_subject(m), "owner", "missing")],
            "Name the team or person who answers for this metric and acts when it drifts."
                .to_string(),
        )
        .with_layer(Layer::System),
    )
}

fn promise_gap(stage: &StageArc) -> Option<Finding> {
    let (measured, gap) = (stage.measured?, stage.gap?);
    if gap_grade(gap) != GapGrade::Bad {
        return None;
    }
    let subject = Subject::stage(&stage.id);
    let way = if gap < 0.0 { "worse" } else { "better" };
    let mut evidence = vec![
        Evidence::value(subject.clone(), "emotion", format!("{:+}", stage.planned))
            .noted("planned"),
    ];
    for (metric, v) in &stage.sentiments {
        evidence.push(
            Evidence::value(Subject::metric(metric), "latest (normalised)", num(*v))
                .noted("measured"),
        );
    }
    let fix = if gap < 0.0 {
        format!(
            "Find which touchpoints of \"{}\" let customers down and bring them up to the story; if the story promises more than the stage can give, change the planned emotion.",
            stage.name
        )
    } else {
        format!(
            "Customers feel better than the story says at \"{}\": find out why, and either raise the planned emotion or tell the story the way customers live it.",
            stage.name
        )
    };
    let mut subjects = vec![subject];
    subjects.extend(stage.sentiments.iter().map(|(m, _)| Subject::metric(m)));
    Some(
        Finding::new(
            RuleCode::PromiseGap,
            stage.id.as_str(),
            subjects,
            format!(
                "At \"{}\" customers feel {} than the story promises: measured {}, planned {:+} (gap {}).",
                stage.name,
                way,
                num(measured),
                stage.planned,
                num(gap)
            ),
            evidence,
            fix,
        )
        .with_layer(Layer::Narrative),
    )
}

fn unmeasured(stage: &StageArc) -> Option<Finding> {
    if !stage.metrics.is_empty() {
        return None;
    }
    let subject = Subject::stage(&stage.id);
    Some(
        Finding::new(
            RuleCode::UnmeasuredStage,
            stage.id.as_str(),
            vec![subject.clone()],
            format!(
                "Nothing measures the stage \"{}\": no metric is scoped to it or to a touchpoint serving it.",
                stage.name
            ),
            vec![Evidence::absent(subject, "metrics", "none scoped here")],
            format!(
                "Add a metric for \"{}\" (a sentiment score of its touchpoints shows whether it keeps the story's promise).",
                stage.name
            ),
        )
        .with_layer(Layer::System),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_is_good_within_half_a_step_warning_within_one_and_bad_beyond_either_way() {
        assert_eq!(gap_grade(0.0), GapGrade::Good);
        assert_eq!(gap_grade(0.49), GapGrade::Good);
        assert_eq!(gap_grade(-0.49), GapGrade::Good);
        assert_eq!(
            gap_grade(0.5),
            GapGrade::Warning,
            "half a step is no longer on plan"
        );
        assert_eq!(gap_grade(-0.99), GapGrade::Warning);
        assert_eq!(
            gap_grade(1.0),
            GapGrade::Bad,
            "one step is where promise-gap fires"
        );
        assert_eq!(gap_grade(-2.5), GapGrade::Bad);
    }
}
