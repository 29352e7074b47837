//! The collections of a workspace, visited one kind of entity at a time with their real
//! types, so that comparing and merging never turn an unchanged item into JSON.
//!
//! [`visit_all`] matches on every [`EntityKind`] without a wildcard: a kind added to the
//! model later does not compile here until it is named, so no collection is ever skipped.

use std::borrow::Cow;

use serde::Serialize;
use serde::de::DeserializeOwned;
use throughline_model::{
    Element, ElementKind, EntityKind, Handoff, Layer, LayerScore, Metric, Principle,
    ReadinessSession, Reading, Review, Stage, Waiver, Workspace, WorkspaceInfo, layer_score_key,
    reading_key, waiver_key,
};

/// An item of a collection: comparable, cloneable, (de)serialisable, with a stable key.
pub(crate) trait Item: Serialize + DeserializeOwned + PartialEq + Clone {
    /// The key the item is stored and compared under (its id, or a composite key).
    fn key(&self) -> Cow<'_, str>;
    /// The layer of the Coherence Stack the item belongs to, if any.
    fn layer(&self) -> Option<Layer>;
}

macro_rules! by_id {
    ($($t:ty => $layer:expr),* $(,)?) => {$(
        impl Item for $t {
            fn key(&self) -> Cow<'_, str> {
                Cow::Borrowed(self.id.as_str())
            }
            fn layer(&self) -> Option<Layer> {
                $layer
            }
        }
    )*};
}

by_id!(
    Stage => Some(Layer::Narrative),
    Handoff => Some(Layer::System),
    Principle => Some(Layer::Vision),
    ReadinessSession => None,
    Metric => None,
    Review => None,
);

impl Item for Element {
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.id.as_str())
    }
    fn layer(&self) -> Option<Layer> {
        Some(element_layer(self.kind))
    }
}

impl Item for WorkspaceInfo {
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(INFO_KEY)
    }
    fn layer(&self) -> Option<Layer> {
        Some(Layer::Vision)
    }
}

impl Item for LayerScore {
    fn key(&self) -> Cow<'_, str> {
        Cow::Owned(layer_score_key(self))
    }
    fn layer(&self) -> Option<Layer> {
        None
    }
}

impl Item for Waiver {
    fn key(&self) -> Cow<'_, str> {
        Cow::Owned(waiver_key(self))
    }
    fn layer(&self) -> Option<Layer> {
        None
    }
}

impl Item for Reading {
    fn key(&self) -> Cow<'_, str> {
        Cow::Owned(reading_key(self))
    }
    fn layer(&self) -> Option<Layer> {
        None
    }
}

/// The key of the workspace's own record (name, vision, journey state).
pub const INFO_KEY: &str = "workspace";

/// The layer an element of `kind` sits in: touchpoints are the touchpoint layer; systems,
/// rules, teams, people and partners make up the system behind them.
pub fn element_layer(kind: ElementKind) -> Layer {
    match kind {
        ElementKind::Touchpoint => Layer::Touchpoint,
        ElementKind::System
        | ElementKind::Rule
        | ElementKind::Team
        | ElementKind::Person
        | ElementKind::Partner => Layer::System,
    }
}

/// The name of the collection holding entities of `kind`: the field of the workspace
/// document (`elements`, `layer_scores`; `workspace` for the workspace's own record).
pub fn collection_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Info => "workspace",
        EntityKind::Stage => "stages",
        EntityKind::Element => "elements",
        EntityKind::Handoff => "handoffs",
        EntityKind::Principle => "principles",
        EntityKind::Session => "readiness",
        EntityKind::LayerScore => "layer_scores",
        EntityKind::Waiver => "waivers",
        EntityKind::Metric => "metrics",
        EntityKind::Reading => "readings",
        EntityKind::Review => "reviews",
    }
}

/// The kind whose collection is called `name`.
pub fn collection_kind(name: &str) -> Option<EntityKind> {
    EntityKind::ALL
        .into_iter()
        .find(|k| collection_name(*k) == name)
}

/// Whether the order of the collection means something to the user (the narrative's
/// stages, the principles as listed), so that a change of position is reported as a move.
pub fn is_ordered(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Stage | EntityKind::Principle)
}

/// Reads one collection of a workspace.
pub(crate) type Get<T> = for<'a> fn(&'a Workspace) -> &'a [T];
/// Replaces one collection of a workspace.
pub(crate) type Set<T> = fn(&mut Workspace, Vec<T>);

/// Something done to each collection in turn, with the collection's item type.
pub(crate) trait Visitor {
    fn visit<T: Item>(&mut self, kind: EntityKind, get: Get<T>, set: Set<T>);
}

/// Visits every collection of a workspace, in document order.
pub(crate) fn visit_all(v: &mut impl Visitor) {
    for kind in EntityKind::ALL {
        match kind {
            EntityKind::Info => v.visit::<WorkspaceInfo>(
                kind,
                |w| std::slice::from_ref(&w.workspace),
                |w, items| {
                    if let Some(info) = items.into_iter().next() {
                        w.workspace = info;
                    }
                },
            ),
            EntityKind::Stage => v.visit(kind, |w| &w.stages, |w, x| w.stages = x),
            EntityKind::Element => v.visit(kind, |w| &w.elements, |w, x| w.elements = x),
            EntityKind::Handoff => v.visit(kind, |w| &w.handoffs, |w, x| w.handoffs = x),
            EntityKind::Principle => v.visit(kind, |w| &w.principles, |w, x| w.principles = x),
            EntityKind::Session => v.visit(kind, |w| &w.readiness, |w, x| w.readiness = x),
            EntityKind::LayerScore => v.visit(kind, |w| &w.layer_scores, |w, x| w.layer_scores = x),
            EntityKind::Waiver => v.visit(kind, |w| &w.waivers, |w, x| w.waivers = x),
            EntityKind::Metric => v.visit(kind, |w| &w.metrics, |w, x| w.metrics = x),
            EntityKind::Reading => v.visit(kind, |w| &w.readings, |w, x| w.readings = x),
            EntityKind::Review => v.visit(kind, |w| &w.reviews, |w, x| w.reviews = x),
        }
    }
}

/// Serialises a model item; a model type always serialises (every map key is a string).
pub(crate) fn to_value<T: Serialize>(item: &T) -> serde_json::Value {
    serde_json::to_value(item).unwrap_or(serde_json::Value::Null)
}
