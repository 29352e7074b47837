//! Readiness and layer scores before and after.

use serde::Serialize;
use throughline_model::{Layer, Workspace};
use throughline_readiness::{
    DimensionMean, diagnose_layers, find_session, session_dimensions, total,
};

/// The latest readiness session of one state: its total and per-dimension means.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReadinessPoint {
    pub session: String,
    pub name: String,
    pub date: String,
    /// Out of 30; absent when a dimension has no score.
    pub total: Option<f64>,
    /// The total as every view writes it (rounded down: 18.58 reads "18.5").
    pub total_display: Option<String>,
    /// The six means, in display order.
    pub means: Vec<DimensionMean>,
}

/// One layer's latest rating before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LayerDelta {
    pub layer: Layer,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

/// Readiness and layer scores in the two states.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReadinessDelta {
    /// The older state's latest session, if it has one.
    pub before: Option<ReadinessPoint>,
    pub after: Option<ReadinessPoint>,
    /// The four layers, top to bottom, at their latest rating in each state.
    pub layers: Vec<LayerDelta>,
}

impl ReadinessDelta {
    /// True when neither the latest session nor any layer rating differs.
    pub fn is_unchanged(&self) -> bool {
        self.before == self.after && self.layers.iter().all(|l| l.before == l.after)
    }
}

fn point(ws: &Workspace) -> Option<ReadinessPoint> {
    let session = find_session(ws, None).ok()?;
    let dims = session_dimensions(session);
    Some(ReadinessPoint {
        session: session.id.to_string(),
        name: session.name.clone(),
        date: session.date.clone(),
        total: total(&dims),
        total_display: total(&dims).map(throughline_readiness::total_display),
        means: dims
            .iter()
            .map(|d| DimensionMean {
                dimension: d.dimension,
                mean: d.mean,
            })
            .collect(),
    })
}

fn latest_layers(ws: &Workspace) -> Vec<(Layer, Option<u8>)> {
    diagnose_layers(&ws.layer_scores)
        .layers
        .iter()
        .map(|r| (r.layer, r.score.map(|s| s.get())))
        .collect()
}

pub(crate) fn readiness_delta(a: &Workspace, b: &Workspace) -> ReadinessDelta {
    let after = latest_layers(b);
    ReadinessDelta {
        before: point(a),
        after: point(b),
        layers: latest_layers(a)
            .into_iter()
            .map(|(layer, before)| LayerDelta {
                layer,
                before,
                after: after
                    .iter()
                    .find(|(l, _)| *l == layer)
                    .and_then(|(_, s)| *s),
            })
            .collect(),
    }
}
