//! Short human labels for change batches: "Add stage “Onboard”", "Delete element “CRM”".

use throughline_audit::RuleCode;
use throughline_model::{Edit, Workspace};

/// Quotes a name the way labels show it.
pub(crate) fn quoted(name: &str) -> String {
    format!("\u{201c}{name}\u{201d}")
}

/// A label for `edit` as applied to `old` (the workspace before the edit).
pub(crate) fn label(old: &Workspace, edit: &Edit) -> String {
    match edit {
        Edit::SetInfo { info } => {
            if info.name != old.workspace.name {
                format!("Rename workspace to {}", quoted(&info.name))
            } else if info.vision != old.workspace.vision {
                "Edit the vision".to_string()
            } else {
                "Edit the journey state".to_string()
            }
        }
        Edit::PutStage { stage, index } => {
            let verb = match (old.stage(stage.id.as_str()), index) {
                (None, _) => "Add",
                (Some(_), Some(_)) => "Move",
                (Some(_), None) => "Edit",
            };
            format!("{verb} stage {}", quoted(&stage.name))
        }
        Edit::MoveStage { id, .. } => {
            format!("Move stage {}", quoted(&stage_name(old, id.as_str())))
        }
        Edit::DeleteStage { id } => {
            format!("Delete stage {}", quoted(&stage_name(old, id.as_str())))
        }
        Edit::PutElement { element } => {
            let verb = if old.element(element.id.as_str()).is_some() {
                "Edit"
            } else {
                "Add"
            };
            let kind = element.kind.label().to_lowercase();
            format!("{verb} {kind} {}", quoted(&element.name))
        }
        Edit::DeleteElement { id } => match old.element(id.as_str()) {
            Some(e) => format!(
                "Delete {} {}",
                e.kind.label().to_lowercase(),
                quoted(&e.name)
            ),
            None => format!("Delete element {}", quoted(id.as_str())),
        },
        Edit::PutHandoff { handoff } => {
            let verb = if old.handoff(handoff.id.as_str()).is_some() {
                "Edit"
            } else {
                "Add"
            };
            format!(
                "{verb} handoff {} \u{2192} {}",
                element_name(old, handoff.from.as_str()),
                element_name(old, handoff.to.as_str())
            )
        }
        Edit::DeleteHandoff { id } => match old.handoff(id.as_str()) {
            Some(h) => format!(
                "Delete handoff {} \u{2192} {}",
                element_name(old, h.from.as_str()),
                element_name(old, h.to.as_str())
            ),
            None => format!("Delete handoff {}", quoted(id.as_str())),
        },
        Edit::PutPrinciple { principle, .. } => {
            let verb = if old.principles.iter().any(|p| p.id == principle.id) {
                "Edit"
            } else {
                "Add"
            };
            format!("{verb} principle {}", quoted(&short(&principle.text)))
        }
        Edit::DeletePrinciple { id } => {
            let text = old
                .principles
                .iter()
                .find(|p| p.id == *id)
                .map_or_else(|| id.to_string(), |p| short(&p.text));
            format!("Delete principle {}", quoted(&text))
        }
        Edit::PutSession { session } => {
            let verb = if old.readiness.iter().any(|s| s.id == session.id) {
                "Edit"
            } else {
                "Add"
            };
            format!("{verb} readiness session {}", quoted(&session.name))
        }
        Edit::DeleteSession { id } => {
            let name = old
                .readiness
                .iter()
                .find(|s| s.id == *id)
                .map_or_else(|| id.to_string(), |s| s.name.clone());
            format!("Delete readiness session {}", quoted(&name))
        }
        Edit::PutLayerScore { score } => format!(
            "Score the {} layer {} on {}",
            score.layer.label(),
            score.score,
            score.date
        ),
        Edit::DeleteLayerScore { layer, date } => {
            format!("Delete the {} layer score of {date}", layer.label())
        }
        Edit::PutWaiver { waiver } => format!(
            "Waive {} on {}",
            quoted(rule_title(&waiver.code)),
            subject_name(old, &waiver.subject)
        ),
        Edit::DeleteWaiver { code, subject } => format!(
            "Withdraw the waiver of {} on {}",
            quoted(rule_title(code)),
            subject_name(old, subject)
        ),
        Edit::PutMetric { metric } => {
            let verb = if old.metric(metric.id.as_str()).is_some() {
                "Edit"
            } else {
                "Add"
            };
            format!("{verb} metric {}", quoted(&metric.name))
        }
        Edit::DeleteMetric { id } => format!("Delete metric {}", metric_name(old, id.as_str())),
        Edit::PutReadings { readings } => match readings.as_slice() {
            [only] => format!(
                "Record {} for {} on {}",
                only.value,
                metric_name(old, only.metric.as_str()),
                only.date
            ),
            many => format!("Record {} readings", many.len()),
        },
        Edit::DeleteReading { metric, date } => {
            format!(
                "Delete the reading of {} on {date}",
                metric_name(old, metric.as_str())
            )
        }
        Edit::PutReview { review } => {
            let verb = if old.reviews.iter().any(|r| r.id == review.id) {
                "Edit"
            } else {
                "Add"
            };
            format!("{verb} the review of {}", review.date)
        }
        Edit::DeleteReview { id } => {
            let date = old
                .reviews
                .iter()
                .find(|r| r.id == *id)
                .map_or_else(|| id.to_string(), |r| r.date.clone());
            format!("Delete the review of {date}")
        }
        Edit::Batch { edits } => match edits.as_slice() {
            [] => "No change".to_string(),
            [only] => label(old, only),
            [first, rest @ ..] => {
                let n = rest.len();
                let more = if n == 1 { "change" } else { "changes" };
                format!("{} and {n} more {more}", label(old, first))
            }
        },
    }
}

/// A rule's title; a code this build does not know stays as it is.
fn rule_title(code: &str) -> &str {
    RuleCode::parse(code).map_or(code, |c| c.title())
}

/// What a waiver's subject (a finding key) names: an element, stage, handoff or metric by
/// its display name; any other key (e.g. a claim key) quoted as it is.
fn subject_name(ws: &Workspace, key: &str) -> String {
    if let Some(e) = ws.element(key) {
        e.name.clone()
    } else if let Some(s) = ws.stage(key) {
        format!("stage {}", s.name)
    } else if let Some(h) = ws.handoff(key) {
        format!(
            "the handoff {} \u{2192} {}",
            element_name(ws, h.from.as_str()),
            element_name(ws, h.to.as_str())
        )
    } else if let Some(m) = ws.metric(key) {
        format!("metric {}", quoted(&m.name))
    } else {
        quoted(key)
    }
}

fn metric_name(ws: &Workspace, id: &str) -> String {
    quoted(
        &ws.metric(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone()),
    )
}

fn stage_name(ws: &Workspace, id: &str) -> String {
    ws.stage(id)
        .map_or_else(|| id.to_string(), |s| s.name.clone())
}

fn element_name(ws: &Workspace, id: &str) -> String {
    quoted(
        &ws.element(id)
            .map_or_else(|| id.to_string(), |e| e.name.clone()),
    )
}

/// The first words of a long text, for a label.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    let text = text.trim();
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{}\u{2026}", cut.trim_end())
}

/// The part of the workspace `label` reads for `edit`: the entities the edit names (and
/// a handoff's ends), loaded by key, in a document that holds nothing else.
pub(crate) fn context(
    conn: &rusqlite::Connection,
    ws: i64,
    edit: &Edit,
) -> Result<Workspace, crate::StoreError> {
    use throughline_model::EntityKind as K;
    fn fetch<T: serde::de::DeserializeOwned>(
        conn: &rusqlite::Connection,
        ws: i64,
        kind: throughline_model::EntityKind,
        key: &str,
    ) -> Result<Option<T>, crate::StoreError> {
        Ok(crate::rows::by_key(conn, kind, ws, key)?.map(|l| l.item))
    }
    let mut doc = Workspace::default();
    match edit {
        Edit::SetInfo { .. } => doc.workspace = crate::rows::info(conn, ws)?,
        Edit::PutStage { stage, .. } => {
            doc.stages
                .extend(fetch(conn, ws, K::Stage, stage.id.as_str())?)
        }
        Edit::MoveStage { id, .. } | Edit::DeleteStage { id } => {
            doc.stages.extend(fetch(conn, ws, K::Stage, id.as_str())?)
        }
        Edit::PutElement { element } => {
            doc.elements
                .extend(fetch(conn, ws, K::Element, element.id.as_str())?)
        }
        Edit::DeleteElement { id } => {
            doc.elements
                .extend(fetch(conn, ws, K::Element, id.as_str())?)
        }
        Edit::PutHandoff { handoff } => {
            doc.handoffs
                .extend(fetch(conn, ws, K::Handoff, handoff.id.as_str())?);
            doc.elements
                .extend(fetch(conn, ws, K::Element, handoff.from.as_str())?);
            doc.elements
                .extend(fetch(conn, ws, K::Element, handoff.to.as_str())?);
        }
        Edit::DeleteHandoff { id } => {
            let found: Option<throughline_model::Handoff> =
                fetch(conn, ws, K::Handoff, id.as_str())?;
            if let Some(h) = found {
                doc.elements
                    .extend(fetch(conn, ws, K::Element, h.from.as_str())?);
                doc.elements
                    .extend(fetch(conn, ws, K::Element, h.to.as_str())?);
                doc.handoffs.push(h);
            }
        }
        Edit::PutPrinciple { principle, .. } => {
            doc.principles
                .extend(fetch(conn, ws, K::Principle, principle.id.as_str())?)
        }
        Edit::DeletePrinciple { id } => {
            doc.principles
                .extend(fetch(conn, ws, K::Principle, id.as_str())?)
        }
        Edit::PutSession { session } => {
            doc.readiness
                .extend(fetch(conn, ws, K::Session, session.id.as_str())?)
        }
        Edit::DeleteSession { id } => {
            doc.readiness
                .extend(fetch(conn, ws, K::Session, id.as_str())?)
        }
        Edit::PutMetric { metric } => {
            doc.metrics
                .extend(fetch(conn, ws, K::Metric, metric.id.as_str())?)
        }
        Edit::DeleteMetric { id } => doc.metrics.extend(fetch(conn, ws, K::Metric, id.as_str())?),
        Edit::PutReadings { readings } => {
            if let [only] = readings.as_slice() {
                doc.metrics
                    .extend(fetch(conn, ws, K::Metric, only.metric.as_str())?);
            }
        }
        Edit::DeleteReading { metric, .. } => {
            doc.metrics
                .extend(fetch(conn, ws, K::Metric, metric.as_str())?)
        }
        Edit::PutReview { review } => {
            doc.reviews
                .extend(fetch(conn, ws, K::Review, review.id.as_str())?)
        }
        Edit::DeleteReview { id } => doc.reviews.extend(fetch(conn, ws, K::Review, id.as_str())?),
        Edit::PutWaiver { waiver } => doc = subject_context(conn, ws, &waiver.subject)?,
        Edit::DeleteWaiver { subject, .. } => doc = subject_context(conn, ws, subject)?,
        Edit::PutLayerScore { .. } | Edit::DeleteLayerScore { .. } => {}
        Edit::Batch { edits } => {
            if let Some(first) = edits.first() {
                doc = context(conn, ws, first)?;
            }
        }
    }
    Ok(doc)
}

/// The entities a waiver's subject key may name (an element, stage, handoff with its ends,
/// or metric), loaded by key so the label can use display names.
fn subject_context(
    conn: &rusqlite::Connection,
    ws: i64,
    key: &str,
) -> Result<Workspace, crate::StoreError> {
    use throughline_model::EntityKind as K;
    fn fetch<T: serde::de::DeserializeOwned>(
        conn: &rusqlite::Connection,
        ws: i64,
        kind: K,
        key: &str,
    ) -> Result<Option<T>, crate::StoreError> {
        Ok(crate::rows::by_key(conn, kind, ws, key)?.map(|l| l.item))
    }
    let mut doc = Workspace::default();
    doc.elements.extend(fetch(conn, ws, K::Element, key)?);
    doc.stages.extend(fetch(conn, ws, K::Stage, key)?);
    doc.metrics.extend(fetch(conn, ws, K::Metric, key)?);
    let handoff: Option<throughline_model::Handoff> = fetch(conn, ws, K::Handoff, key)?;
    if let Some(h) = handoff {
        doc.elements
            .extend(fetch(conn, ws, K::Element, h.from.as_str())?);
        doc.elements
            .extend(fetch(conn, ws, K::Element, h.to.as_str())?);
        doc.handoffs.push(h);
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_model::Waiver;

    fn with_webinar() -> Workspace {
        let doc = serde_json::json!({
            "workspace": {"name": "Labels"},
            "stages": [{"id": "discover", "name": "Discover", "emotion": 0, "moment": ""}],
            "elements": [{"id": "webinar", "kind": "touchpoint", "name": "Webinar"}],
        });
        match serde_json::from_value(doc) {
            Ok(ws) => ws,
            Err(e) => panic!("the test workspace does not parse: {e}"),
        }
    }

    fn waiver(code: &str, subject: &str) -> Edit {
        Edit::PutWaiver {
            waiver: Waiver {
                code: code.to_string(),
                subject: subject.to_string(),
                reason: "Agreed".to_string(),
                who: "Dana".to_string(),
                when: "2025-03-01T10:00:00Z".to_string(),
                review: None,
            },
        }
    }

    #[test]
    fn a_waiver_label_names_the_rule_by_its_title_and_the_subject_by_its_name() {
        let ws = with_webinar();
        assert_eq!(
            label(&ws, &waiver("orphan-touchpoint", "webinar")),
            "Waive \u{201c}Touchpoint serves no stage\u{201d} on Webinar"
        );
        assert_eq!(
            label(&ws, &waiver("unsupported-stage", "discover")),
            "Waive \u{201c}Stage no touchpoint serves\u{201d} on stage Discover"
        );
        assert_eq!(
            label(
                &ws,
                &Edit::DeleteWaiver {
                    code: "orphan-touchpoint".into(),
                    subject: "webinar".into()
                }
            ),
            "Withdraw the waiver of \u{201c}Touchpoint serves no stage\u{201d} on Webinar"
        );
    }

    #[test]
    fn a_waiver_of_an_unknown_code_or_key_keeps_them_as_they_are() {
        let ws = with_webinar();
        assert_eq!(
            label(&ws, &waiver("future-rule", "intent.rising")),
            "Waive \u{201c}future-rule\u{201d} on \u{201c}intent.rising\u{201d}"
        );
    }
}
