//! The entity-level changes an edit comes down to: what the store writes and logs.
//!
//! A workspace is stored as entities, one row each ([`entities`]). [`diff`] finds the
//! entities an edit added, removed, changed or moved; undo applies a logged difference
//! backwards ([`apply_changes`] with [`EntityChange::inverted`]), so every kind of edit is
//! undoable by the same mechanism.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{LayerScore, Waiver, Workspace, reading_key};

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
    Metric,
    /// Key `metric@date`.
    Reading,
    Review,
}

impl EntityKind {
    /// Every kind, in the order a workspace document lists them.
    pub const ALL: [EntityKind; 11] = [
        EntityKind::Info,
        EntityKind::Stage,
        EntityKind::Element,
        EntityKind::Handoff,
        EntityKind::Principle,
        EntityKind::Session,
        EntityKind::LayerScore,
        EntityKind::Waiver,
        EntityKind::Metric,
        EntityKind::Reading,
        EntityKind::Review,
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
            EntityKind::Metric => "metric",
            EntityKind::Reading => "reading",
            EntityKind::Review => "review",
        }
    }
}

/// An entity as it stands at a position in its collection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Placed {
    pub index: u32,
    /// The entity as its JSON (a stage, an element, ...); `unknown` to TypeScript, which
    /// reads it by the change's kind.
    #[cfg_attr(feature = "specta", specta(type = specta_typescript::Unknown))]
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
    push_all(&mut out, EntityKind::Metric, &ws.metrics, |m| {
        m.id.to_string()
    });
    push_all(&mut out, EntityKind::Reading, &ws.readings, reading_key);
    push_all(&mut out, EntityKind::Review, &ws.reviews, |r| {
        r.id.to_string()
    });
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
    apply_changes_in_place(&mut out, changes)?;
    Ok(out)
}

/// As [`apply_changes`], on `out` itself. On an error `out` may be partly changed: the caller
/// drops it.
pub fn apply_changes_in_place(
    out: &mut Workspace,
    changes: &[EntityChange],
) -> Result<(), ChangeError> {
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
            EntityKind::Metric => rebuild(&mut out.metrics, &mine, |m| m.id.to_string())?,
            EntityKind::Reading => rebuild(&mut out.readings, &mine, reading_key)?,
            EntityKind::Review => rebuild(&mut out.reviews, &mine, |r| r.id.to_string())?,
        }
    }
    Ok(())
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
