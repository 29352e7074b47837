//! Edits a user can make, and the entity-level changes they come down to.
//!
//! The store never writes a whole workspace: an [`Edit`] is applied to the current
//! document ([`apply_edit`]), the result is validated, and the difference between the two
//! ([`diff`]) is what gets written and logged. Undo applies a logged difference backwards
//! ([`apply_changes`]), so every kind of edit is undoable by the same mechanism.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    Element, Handoff, Id, Layer, LayerScore, Principle, Problem, ReadinessSession, Stage, Waiver,
    Workspace, WorkspaceInfo, validate,
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
        Edit::Batch { edits } => {
            for e in edits {
                apply_in_place(ws, e)?;
            }
        }
    }
    Ok(())
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

/// The kinds of entity a workspace is stored as, one row each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// The workspace's name, vision and journey state (key `workspace`).
    Info,
    Stage,
    Element,
    Handoff,
    Principle,
    Session,
    /// Key `layer@date`.
    LayerScore,
    /// Key `code|subject`.
    Waiver,
}

impl EntityKind {
    /// Every kind, in the order a workspace document lists them.
    pub const ALL: [EntityKind; 8] = [
        EntityKind::Info,
        EntityKind::Stage,
        EntityKind::Element,
        EntityKind::Handoff,
        EntityKind::Principle,
        EntityKind::Session,
        EntityKind::LayerScore,
        EntityKind::Waiver,
    ];

    /// The kind's name as stored and logged.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Info => "info",
            EntityKind::Stage => "stage",
            EntityKind::Element => "element",
            EntityKind::Handoff => "handoff",
            EntityKind::Principle => "principle",
            EntityKind::Session => "session",
            EntityKind::LayerScore => "layer_score",
            EntityKind::Waiver => "waiver",
        }
    }
}

/// An entity as it stands at a position in its collection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Placed {
    pub index: u32,
    pub value: Value,
}

/// One entity's state before and after an edit; `None` means absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EntityChange {
    pub kind: EntityKind,
    pub key: String,
    pub before: Option<Placed>,
    pub after: Option<Placed>,
}

impl EntityChange {
    /// The same change run backwards.
    pub fn inverted(&self) -> Self {
        Self {
            kind: self.kind,
            key: self.key.clone(),
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
}

/// Every entity of `ws` as `(kind, key, index, value)`, in document order.
pub fn entities(ws: &Workspace) -> Vec<(EntityKind, String, u32, Value)> {
    let mut out = Vec::new();
    out.push((
        EntityKind::Info,
        "workspace".to_string(),
        0,
        to_value(&ws.workspace),
    ));
    fn push_all<T: Serialize>(
        out: &mut Vec<(EntityKind, String, u32, Value)>,
        kind: EntityKind,
        items: &[T],
        key: impl Fn(&T) -> String,
    ) {
        for (i, item) in items.iter().enumerate() {
            out.push((kind, key(item), i as u32, to_value(item)));
        }
    }
    push_all(&mut out, EntityKind::Stage, &ws.stages, |s| {
        s.id.to_string()
    });
    push_all(&mut out, EntityKind::Element, &ws.elements, |e| {
        e.id.to_string()
    });
    push_all(&mut out, EntityKind::Handoff, &ws.handoffs, |h| {
        h.id.to_string()
    });
    push_all(&mut out, EntityKind::Principle, &ws.principles, |p| {
        p.id.to_string()
    });
    push_all(&mut out, EntityKind::Session, &ws.readiness, |s| {
        s.id.to_string()
    });
    push_all(
        &mut out,
        EntityKind::LayerScore,
        &ws.layer_scores,
        layer_score_key,
    );
    push_all(&mut out, EntityKind::Waiver, &ws.waivers, waiver_key);
    out
}

/// The key a layer score is stored under: `layer@date`.
pub fn layer_score_key(l: &LayerScore) -> String {
    format!("{}@{}", l.layer.label().to_lowercase(), l.date)
}

/// The key a waiver is stored under: `code|subject`.
pub fn waiver_key(w: &Waiver) -> String {
    format!("{}|{}", w.code, w.subject)
}

fn to_value<T: Serialize>(item: &T) -> Value {
    // Serialising a model type to a Value cannot fail: every map key is a string.
    serde_json::to_value(item).unwrap_or(Value::Null)
}

/// The entity-level difference from `old` to `new`: every entity added, removed, changed
/// or moved to another position, in document order.
pub fn diff(old: &Workspace, new: &Workspace) -> Vec<EntityChange> {
    use std::collections::BTreeMap;
    let index = |ws: &Workspace| -> BTreeMap<(EntityKind, String), (u32, Value)> {
        entities(ws)
            .into_iter()
            .map(|(k, key, i, v)| ((k, key), (i, v)))
            .collect()
    };
    let before = index(old);
    let after = index(new);
    let mut changes = Vec::new();
    for kind in EntityKind::ALL {
        let keys: std::collections::BTreeSet<&String> = before
            .keys()
            .chain(after.keys())
            .filter(|(k, _)| *k == kind)
            .map(|(_, key)| key)
            .collect();
        for key in keys {
            let b = before.get(&(kind, key.clone()));
            let a = after.get(&(kind, key.clone()));
            if b != a {
                let placed = |x: Option<&(u32, Value)>| {
                    x.map(|(index, value)| Placed {
                        index: *index,
                        value: value.clone(),
                    })
                };
                changes.push(EntityChange {
                    kind,
                    key: key.clone(),
                    before: placed(b),
                    after: placed(a),
                });
            }
        }
    }
    changes
}

/// Why logged changes could not be applied (a damaged or foreign change log).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("change to {kind} \"{key}\" cannot be applied: {reason}")]
pub struct ChangeError {
    pub kind: &'static str,
    pub key: String,
    pub reason: String,
}

/// Applies entity changes to `ws`, moving each entity to its `after` state. Used with
/// [`EntityChange::inverted`] to undo. The result is validated by the caller.
pub fn apply_changes(ws: &Workspace, changes: &[EntityChange]) -> Result<Workspace, ChangeError> {
    let mut out = ws.clone();
    for kind in EntityKind::ALL {
        let mine: Vec<&EntityChange> = changes.iter().filter(|c| c.kind == kind).collect();
        if mine.is_empty() {
            continue;
        }
        match kind {
            EntityKind::Info => {
                for c in &mine {
                    if let Some(after) = &c.after {
                        out.workspace = parse(c, &after.value)?;
                    }
                }
            }
            EntityKind::Stage => rebuild(&mut out.stages, &mine, |s| s.id.to_string())?,
            EntityKind::Element => rebuild(&mut out.elements, &mine, |e| e.id.to_string())?,
            EntityKind::Handoff => rebuild(&mut out.handoffs, &mine, |h| h.id.to_string())?,
            EntityKind::Principle => rebuild(&mut out.principles, &mine, |p| p.id.to_string())?,
            EntityKind::Session => rebuild(&mut out.readiness, &mine, |s| s.id.to_string())?,
            EntityKind::LayerScore => rebuild(&mut out.layer_scores, &mine, layer_score_key)?,
            EntityKind::Waiver => rebuild(&mut out.waivers, &mine, waiver_key)?,
        }
    }
    Ok(out)
}

fn parse<T: serde::de::DeserializeOwned>(c: &EntityChange, v: &Value) -> Result<T, ChangeError> {
    serde_json::from_value(v.clone()).map_err(|e| ChangeError {
        kind: c.kind.as_str(),
        key: c.key.clone(),
        reason: e.to_string(),
    })
}

fn rebuild<T: serde::de::DeserializeOwned>(
    items: &mut Vec<T>,
    changes: &[&EntityChange],
    key: impl Fn(&T) -> String,
) -> Result<(), ChangeError> {
    let touched: std::collections::HashSet<&str> = changes.iter().map(|c| c.key.as_str()).collect();
    items.retain(|x| !touched.contains(key(x).as_str()));
    let mut placed: Vec<(u32, T)> = Vec::new();
    for c in changes {
        if let Some(after) = &c.after {
            placed.push((after.index, parse(c, &after.value)?));
        }
    }
    placed.sort_by_key(|(i, _)| *i);
    for (i, item) in placed {
        let at = (i as usize).min(items.len());
        items.insert(at, item);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ElementKind, Emotion};

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
}
