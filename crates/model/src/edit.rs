//! Edits a user can make.
//!
//! The store never writes a whole workspace: an [`Edit`] is applied to the current
//! document ([`apply_edit`]), the result is validated, and the difference between the two
//! ([`diff`](crate::diff)) is what gets written and logged.

use serde::{Deserialize, Serialize};

use crate::{
    Element, Handoff, Id, Layer, LayerScore, Metric, MetricScope, Principle, Problem,
    ReadinessSession, Reading, Review, Stage, Waiver, Workspace, WorkspaceInfo, validate,
};

/// One user action on a workspace. A [`Edit::Batch`] is several actions undone as one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Edit {
    /// Sets the workspace's name, vision and journey-state keys.
    SetInfo {
        info: WorkspaceInfo,
    },
    /// Adds a stage (at `index`, or at the end) or replaces the stage with the same id.
    PutStage {
        stage: Stage,
        index: Option<u32>,
    },
    /// Moves a stage to a new position in the narrative.
    MoveStage {
        id: Id,
        index: u32,
    },
    /// Deletes a stage and removes it from every element that served it.
    DeleteStage {
        id: Id,
    },
    /// Adds an element (at the end) or replaces the element with the same id.
    PutElement {
        element: Element,
    },
    /// Deletes an element, every handoff to or from it, and every reference to it.
    DeleteElement {
        id: Id,
    },
    /// Adds a handoff or replaces the handoff with the same id.
    PutHandoff {
        handoff: Handoff,
    },
    DeleteHandoff {
        id: Id,
    },
    /// Adds a principle (at `index`, or at the end) or replaces the one with the same id.
    PutPrinciple {
        principle: Principle,
        index: Option<u32>,
    },
    DeletePrinciple {
        id: Id,
    },
    /// Adds a readiness session or replaces the one with the same id.
    PutSession {
        session: ReadinessSession,
    },
    DeleteSession {
        id: Id,
    },
    /// Adds a layer score or replaces the one for the same layer and date.
    PutLayerScore {
        score: LayerScore,
    },
    DeleteLayerScore {
        layer: Layer,
        date: String,
    },
    /// Adds a waiver or replaces the one for the same code and subject.
    PutWaiver {
        waiver: Waiver,
    },
    DeleteWaiver {
        code: String,
        subject: String,
    },
    /// Adds a metric or replaces the metric with the same id.
    PutMetric {
        metric: Metric,
    },
    /// Deletes a metric and its readings.
    DeleteMetric {
        id: Id,
    },
    /// Adds readings, each replacing the reading of the same metric and date.
    PutReadings {
        readings: Vec<Reading>,
    },
    DeleteReading {
        metric: Id,
        date: String,
    },
    /// Adds a review or replaces the one with the same id.
    PutReview {
        review: Review,
    },
    DeleteReview {
        id: Id,
    },
    /// Several edits applied, saved and undone together.
    Batch {
        edits: Vec<Edit>,
    },
}

/// Why an edit was refused. The workspace is unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("no {what} \"{id}\" in this workspace")]
    NotFound { what: &'static str, id: String },
    #[error("{}", join_problems(.0))]
    Invalid(Vec<Problem>),
}

fn join_problems(problems: &[Problem]) -> String {
    let shown: Vec<String> = problems.iter().take(5).map(ToString::to_string).collect();
    let more = problems.len().saturating_sub(5);
    if more > 0 {
        format!("{}; and {more} more", shown.join("; "))
    } else {
        shown.join("; ")
    }
}

/// Applies `edit` to a copy of `ws` and validates the result.
pub fn apply_edit(ws: &Workspace, edit: &Edit) -> Result<Workspace, EditError> {
    let mut next = ws.clone();
    apply_in_place(&mut next, edit)?;
    let problems = validate(&next);
    if problems.is_empty() {
        Ok(next)
    } else {
        Err(EditError::Invalid(problems))
    }
}

fn apply_in_place(ws: &mut Workspace, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetInfo { info } => ws.workspace = info.clone(),
        Edit::PutStage { stage, index } => put_at(&mut ws.stages, stage.clone(), *index, |s| &s.id),
        Edit::MoveStage { id, index } => {
            let from = position(&ws.stages, "stage", id, |s| &s.id)?;
            let stage = ws.stages.remove(from);
            let to = (*index as usize).min(ws.stages.len());
            ws.stages.insert(to, stage);
        }
        Edit::DeleteStage { id } => {
            let at = position(&ws.stages, "stage", id, |s| &s.id)?;
            ws.stages.remove(at);
            for e in &mut ws.elements {
                e.stages.retain(|s| s != id);
            }
            drop_metrics(ws, |scope| *scope == MetricScope::Stage(id.clone()));
        }
        Edit::PutElement { element } => put_at(&mut ws.elements, element.clone(), None, |e| &e.id),
        Edit::DeleteElement { id } => {
            let at = position(&ws.elements, "element", id, |e| &e.id)?;
            ws.elements.remove(at);
            ws.handoffs.retain(|h| h.from != *id && h.to != *id);
            for h in &mut ws.handoffs {
                if h.source_of_truth.as_ref() == Some(id) {
                    h.source_of_truth = None;
                }
            }
            for e in &mut ws.elements {
                e.covers.retain(|c| c != id);
            }
            drop_metrics(ws, |scope| *scope == MetricScope::Element(id.clone()));
        }
        Edit::PutHandoff { handoff } => put_at(&mut ws.handoffs, handoff.clone(), None, |h| &h.id),
        Edit::DeleteHandoff { id } => {
            let at = position(&ws.handoffs, "handoff", id, |h| &h.id)?;
            ws.handoffs.remove(at);
        }
        Edit::PutPrinciple { principle, index } => {
            put_at(&mut ws.principles, principle.clone(), *index, |p| &p.id)
        }
        Edit::DeletePrinciple { id } => {
            let at = position(&ws.principles, "principle", id, |p| &p.id)?;
            ws.principles.remove(at);
        }
        Edit::PutSession { session } => put_at(&mut ws.readiness, session.clone(), None, |s| &s.id),
        Edit::DeleteSession { id } => {
            let at = position(&ws.readiness, "readiness session", id, |s| &s.id)?;
            ws.readiness.remove(at);
            // The layers rated in it keep their scores and dates; they stand on their own.
            for l in &mut ws.layer_scores {
                if l.session.as_ref() == Some(id) {
                    l.session = None;
                }
            }
        }
        Edit::PutLayerScore { score } => {
            match ws
                .layer_scores
                .iter()
                .position(|l| l.layer == score.layer && l.date == score.date)
            {
                Some(at) => ws.layer_scores[at] = score.clone(),
                None => ws.layer_scores.push(score.clone()),
            }
        }
        Edit::DeleteLayerScore { layer, date } => {
            let before = ws.layer_scores.len();
            ws.layer_scores
                .retain(|l| !(l.layer == *layer && l.date == *date));
            if ws.layer_scores.len() == before {
                return Err(EditError::NotFound {
                    what: "layer score",
                    id: format!("{} on {date}", layer.label()),
                });
            }
        }
        Edit::PutWaiver { waiver } => {
            match ws
                .waivers
                .iter()
                .position(|w| w.code == waiver.code && w.subject == waiver.subject)
            {
                Some(at) => ws.waivers[at] = waiver.clone(),
                None => ws.waivers.push(waiver.clone()),
            }
        }
        Edit::DeleteWaiver { code, subject } => {
            let before = ws.waivers.len();
            ws.waivers
                .retain(|w| !(w.code == *code && w.subject == *subject));
            if ws.waivers.len() == before {
                return Err(EditError::NotFound {
                    what: "waiver",
                    id: format!("{code} on {subject}"),
                });
            }
        }
        Edit::PutMetric { metric } => put_at(&mut ws.metrics, metric.clone(), None, |m| &m.id),
        Edit::DeleteMetric { id } => {
            position(&ws.metrics, "metric", id, |m| &m.id)?;
            let id = id.clone();
            drop_metrics_where(ws, |m| m.id == id);
        }
        Edit::PutReadings { readings } => {
            // Where each reading goes, found through an index of (metric, date) borrowed
            // from the readings themselves: importing many stays linear and allocates
            // nothing per reading beyond the reading itself.
            let places: Vec<usize> = {
                let mut at: std::collections::HashMap<(&str, &str), usize> = ws
                    .readings
                    .iter()
                    .enumerate()
                    .map(|(i, x)| ((x.metric.as_str(), x.date.as_str()), i))
                    .collect();
                let mut next = ws.readings.len();
                readings
                    .iter()
                    .map(|r| {
                        *at.entry((r.metric.as_str(), r.date.as_str()))
                            .or_insert_with(|| {
                                next += 1;
                                next - 1
                            })
                    })
                    .collect()
            };
            ws.readings.reserve(readings.len());
            for (r, i) in readings.iter().zip(places) {
                if i < ws.readings.len() {
                    ws.readings[i] = r.clone();
                } else {
                    ws.readings.push(r.clone());
                }
            }
        }
        Edit::DeleteReading { metric, date } => {
            let before = ws.readings.len();
            ws.readings
                .retain(|r| !(r.metric == *metric && r.date == *date));
            if ws.readings.len() == before {
                return Err(EditError::NotFound {
                    what: "reading",
                    id: format!("{metric} on {date}"),
                });
            }
        }
        Edit::PutReview { review } => put_at(&mut ws.reviews, review.clone(), None, |r| &r.id),
        Edit::DeleteReview { id } => {
            let at = position(&ws.reviews, "review", id, |r| &r.id)?;
            ws.reviews.remove(at);
        }
        Edit::Batch { edits } => {
            for e in edits {
                apply_in_place(ws, e)?;
            }
        }
    }
    Ok(())
}

/// Removes the metrics whose scope matches, with their readings: they measure something
/// that is gone, like the handoffs of a deleted element.
fn drop_metrics(ws: &mut Workspace, gone: impl Fn(&MetricScope) -> bool) {
    drop_metrics_where(ws, |m| gone(&m.scope));
}

fn drop_metrics_where(ws: &mut Workspace, dropped: impl Fn(&Metric) -> bool) {
    let ids: Vec<Id> = ws
        .metrics
        .iter()
        .filter(|m| dropped(m))
        .map(|m| m.id.clone())
        .collect();
    if ids.is_empty() {
        return;
    }
    ws.metrics.retain(|m| !ids.contains(&m.id));
    ws.readings.retain(|r| !ids.contains(&r.metric));
}

fn put_at<T>(items: &mut Vec<T>, item: T, index: Option<u32>, id: impl Fn(&T) -> &Id) {
    match items.iter().position(|x| id(x) == id(&item)) {
        Some(at) if index.is_none() => items[at] = item,
        existing => {
            if let Some(at) = existing {
                items.remove(at);
            }
            let to = index.map_or(items.len(), |i| (i as usize).min(items.len()));
            items.insert(to, item);
        }
    }
}

fn position<T>(
    items: &[T],
    what: &'static str,
    wanted: &Id,
    id: impl Fn(&T) -> &Id,
) -> Result<usize, EditError> {
    items
        .iter()
        .position(|x| id(x) == wanted)
        .ok_or_else(|| EditError::NotFound {
            what,
            id: wanted.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ElementKind, Emotion, EntityChange, MetricKind, apply_changes, diff};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    fn stage(s: &str) -> Stage {
        Stage {
            id: id(s),
            name: s.to_uppercase(),
            emotion: Emotion::default(),
            moment: String::new(),
        }
    }

    fn sample() -> Workspace {
        let mut ws = Workspace::new("Test");
        ws.stages = vec![stage("a"), stage("b"), stage("c")];
        let mut web = Element::new(id("web"), ElementKind::Touchpoint, "Website");
        web.stages = vec![id("a"), id("b")];
        ws.elements.push(web);
        ws.elements
            .push(Element::new(id("crm"), ElementKind::System, "CRM"));
        ws.handoffs
            .push(Handoff::new(id("h1"), id("web"), id("crm")));
        ws
    }

    fn round_trip(ws: &Workspace, edit: &Edit) -> Workspace {
        let next = apply_edit(ws, edit).unwrap();
        let changes = diff(ws, &next);
        assert_eq!(
            apply_changes(ws, &changes).unwrap(),
            next,
            "forward replay of {edit:?}"
        );
        let inverse: Vec<_> = changes.iter().rev().map(EntityChange::inverted).collect();
        assert_eq!(
            &apply_changes(&next, &inverse).unwrap(),
            ws,
            "undo of {edit:?}"
        );
        next
    }

    #[test]
    fn every_edit_is_reversible_through_its_diff() {
        let ws = sample();
        round_trip(
            &ws,
            &Edit::MoveStage {
                id: id("c"),
                index: 0,
            },
        );
        round_trip(
            &ws,
            &Edit::PutStage {
                stage: stage("d"),
                index: Some(1),
            },
        );
        round_trip(&ws, &Edit::DeleteStage { id: id("a") });
        round_trip(&ws, &Edit::DeleteElement { id: id("web") });
        let mut info = ws.workspace.clone();
        info.vision = "Customers succeed without help".into();
        round_trip(&ws, &Edit::SetInfo { info });
    }

    #[test]
    fn deleting_a_stage_removes_it_from_elements() {
        let next = apply_edit(&sample(), &Edit::DeleteStage { id: id("a") }).unwrap();
        assert_eq!(next.elements[0].stages, vec![id("b")]);
    }

    #[test]
    fn deleting_an_element_removes_its_handoffs() {
        let next = apply_edit(&sample(), &Edit::DeleteElement { id: id("crm") }).unwrap();
        assert!(next.handoffs.is_empty());
    }

    #[test]
    fn an_edge_to_a_missing_element_is_refused() {
        let edit = Edit::PutHandoff {
            handoff: Handoff::new(id("h2"), id("web"), id("ghost")),
        };
        let err = apply_edit(&sample(), &edit).unwrap_err();
        assert_eq!(err.to_string(), "handoffs[1].to: no element \"ghost\"");
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let ws = sample();
        let edit = Edit::Batch {
            edits: vec![
                Edit::DeleteStage { id: id("a") },
                Edit::DeleteStage { id: id("nope") },
            ],
        };
        assert_eq!(
            apply_edit(&ws, &edit).unwrap_err(),
            EditError::NotFound {
                what: "stage",
                id: "nope".into()
            }
        );
        assert_eq!(ws, sample());
    }

    fn with_metric() -> Workspace {
        let mut ws = sample();
        let mut m = Metric::new(
            id("web-csat"),
            "Website CSAT",
            MetricKind::Sentiment,
            1.0,
            5.0,
        );
        m.scope = MetricScope::Element(id("web"));
        ws.metrics.push(m);
        ws.readings.push(Reading {
            metric: id("web-csat"),
            date: "2026-10-01".into(),
            value: 3.5,
            n: Some(120),
        });
        ws
    }

    #[test]
    fn deleting_an_element_drops_the_metrics_scoped_to_it_and_undo_restores_them() {
        let ws = with_metric();
        let next = round_trip(&ws, &Edit::DeleteElement { id: id("web") });
        assert!(next.metrics.is_empty() && next.readings.is_empty());
    }

    #[test]
    fn readings_replace_the_one_of_the_same_metric_and_date() {
        let ws = with_metric();
        let edit = Edit::PutReadings {
            readings: vec![
                Reading {
                    metric: id("web-csat"),
                    date: "2026-10-01".into(),
                    value: 4.0,
                    n: None,
                },
                Reading {
                    metric: id("web-csat"),
                    date: "2026-11-01".into(),
                    value: 4.5,
                    n: None,
                },
            ],
        };
        let next = round_trip(&ws, &edit);
        let values: Vec<f64> = next.readings.iter().map(|r| r.value).collect();
        assert_eq!(values, vec![4.0, 4.5]);
    }

    #[test]
    fn a_reading_outside_the_scale_is_refused_with_its_path() {
        let edit = Edit::PutReadings {
            readings: vec![Reading {
                metric: id("web-csat"),
                date: "2026-12-01".into(),
                value: 7.5,
                n: None,
            }],
        };
        let err = apply_edit(&with_metric(), &edit).unwrap_err();
        assert_eq!(
            err.to_string(),
            "readings[1].value: 7.5 is outside the scale 1 to 5"
        );
    }

    #[test]
    fn deleting_a_metric_drops_its_readings() {
        let next = round_trip(&with_metric(), &Edit::DeleteMetric { id: id("web-csat") });
        assert!(next.readings.is_empty());
    }

    #[test]
    fn an_alias_that_names_another_element_is_refused() {
        let mut ws = sample();
        ws.elements[0].aliases = vec!["crm".into()];
        let err = apply_edit(&ws, &Edit::Batch { edits: vec![] }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "elements[0].aliases[0]: \"crm\" already names element \"crm\""
        );
    }
}
