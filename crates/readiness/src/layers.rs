//! The gap pattern between the four layers of the Coherence Stack.
//!
//! Each layer informs the one below it, so a gap of two points or more between neighbours
//! matters most; those findings come first. Each layer is read at its most recent rating
//! (normally all four are rated on the same day), and compared with its rating before that.

use serde::Serialize;
use throughline_model::{Layer, LayerScore, Score};

use crate::advice::join_and;
use crate::layer_words::words;

/// A gap of this many points or more between two layers is a finding.
pub const LAYER_GAP: i32 = 2;
/// A layer at or above this is strong; at or below [`LAYER_WEAK`] it is weak.
pub const LAYER_STRONG: i32 = 4;
/// See [`LAYER_STRONG`].
pub const LAYER_WEAK: i32 = 2;

/// One layer's latest rating and how it moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LayerReading {
    pub layer: Layer,
    /// The most recent rating; absent when the layer was never rated.
    pub score: Option<Score>,
    pub date: Option<String>,
    /// The rating before that, if any.
    pub previous: Option<Score>,
    pub previous_date: Option<String>,
    /// `score - previous`.
    pub change: Option<i32>,
}

/// A named gap pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    NotRated,
    MissingLayers,
    VisionAheadOfNarrative,
    NarrativeAheadOfVision,
    NarrativeAheadOfSystem,
    SystemAheadOfNarrative,
    SystemAheadOfTouchpoints,
    TouchpointsAheadOfSystem,
    TouchpointsAheadOfNarrative,
    StrongVisionWeakSystem,
    LayerDropped,
    NoNorthStar,
    AllWeak,
    AllStrong,
    NoLargeGap,
}

/// One finding about the stack, with what it means in practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GapPattern {
    pub kind: GapKind,
    pub title: String,
    pub explanation: String,
    /// The layers involved, top first.
    pub layers: Vec<Layer>,
    /// The size of the gap in points, for gap patterns.
    pub gap: Option<u32>,
}

/// The stack's latest ratings and the patterns found, most important first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LayerDiagnosis {
    /// The most recent rating date of any layer.
    pub date: Option<String>,
    /// The four layers, top to bottom.
    pub layers: Vec<LayerReading>,
    pub patterns: Vec<GapPattern>,
}

/// Diagnoses the gap pattern of the Coherence Stack from dated layer scores.
pub fn diagnose_layers(scores: &[LayerScore]) -> LayerDiagnosis {
    let layers: Vec<LayerReading> = Layer::ALL.iter().map(|&l| reading(l, scores)).collect();
    let date = scores.iter().map(|s| s.date.clone()).max();
    let patterns = patterns(&layers);
    LayerDiagnosis {
        date,
        layers,
        patterns,
    }
}

fn reading(layer: Layer, scores: &[LayerScore]) -> LayerReading {
    let mut mine: Vec<&LayerScore> = scores.iter().filter(|s| s.layer == layer).collect();
    // Newest first; on the same date (invalid, but possible in raw input) the later entry wins.
    mine.reverse();
    mine.sort_by(|a, b| b.date.cmp(&a.date));
    let latest = mine.first();
    let previous = mine.get(1);
    LayerReading {
        layer,
        score: latest.map(|s| s.score),
        date: latest.map(|s| s.date.clone()),
        previous: previous.map(|s| s.score),
        previous_date: previous.map(|s| s.date.clone()),
        change: latest
            .zip(previous)
            .map(|(a, b)| i32::from(a.score.get()) - i32::from(b.score.get())),
    }
}

fn value(layers: &[LayerReading], layer: Layer) -> Option<i32> {
    layers
        .iter()
        .find(|r| r.layer == layer)
        .and_then(|r| r.score)
        .map(|s| i32::from(s.get()))
}

fn pattern(kind: GapKind, layers: Vec<Layer>, gap: Option<i32>, names: &str) -> GapPattern {
    let (title, explanation) = words(kind, names);
    GapPattern {
        kind,
        title: title.to_string(),
        explanation,
        layers,
        gap: gap.and_then(|g| u32::try_from(g.abs()).ok()),
    }
}

fn patterns(layers: &[LayerReading]) -> Vec<GapPattern> {
    use Layer::{Narrative, System, Touchpoint, Vision};
    let score = |l| value(layers, l);
    let rated: Vec<(Layer, i32)> = Layer::ALL
        .iter()
        .filter_map(|&l| score(l).map(|v| (l, v)))
        .collect();
    if rated.is_empty() {
        return vec![pattern(GapKind::NotRated, Vec::new(), None, "")];
    }
    let mut found = Vec::new();
    let missing: Vec<Layer> = Layer::ALL
        .iter()
        .copied()
        .filter(|&l| score(l).is_none())
        .collect();
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|l| l.label()).collect();
        found.push(pattern(
            GapKind::MissingLayers,
            missing,
            None,
            &join_and(&names),
        ));
    }

    // Neighbours first, widest gap first; the stack's order breaks ties.
    let neighbours = [
        (
            Vision,
            Narrative,
            GapKind::VisionAheadOfNarrative,
            GapKind::NarrativeAheadOfVision,
        ),
        (
            Narrative,
            System,
            GapKind::NarrativeAheadOfSystem,
            GapKind::SystemAheadOfNarrative,
        ),
        (
            System,
            Touchpoint,
            GapKind::SystemAheadOfTouchpoints,
            GapKind::TouchpointsAheadOfSystem,
        ),
    ];
    let mut gaps: Vec<GapPattern> = Vec::new();
    for (upper, lower, upper_ahead, lower_ahead) in neighbours {
        if let (Some(u), Some(l)) = (score(upper), score(lower)) {
            if u - l >= LAYER_GAP {
                gaps.push(pattern(upper_ahead, vec![upper, lower], Some(u - l), ""));
            } else if l - u >= LAYER_GAP {
                gaps.push(pattern(lower_ahead, vec![upper, lower], Some(l - u), ""));
            }
        }
    }
    gaps.sort_by_key(|p| std::cmp::Reverse(p.gap));
    let narrative_over_system = gaps
        .iter()
        .any(|p| p.kind == GapKind::NarrativeAheadOfSystem);
    found.extend(gaps);

    if let (Some(n), Some(t)) = (score(Narrative), score(Touchpoint))
        && t - n >= LAYER_GAP
    {
        found.push(pattern(
            GapKind::TouchpointsAheadOfNarrative,
            vec![Narrative, Touchpoint],
            Some(t - n),
            "",
        ));
    }
    // When the narrative itself is ahead of the system, that finding already says it better.
    if let (Some(v), Some(s)) = (score(Vision), score(System))
        && v >= LAYER_STRONG
        && s <= LAYER_WEAK
        && !narrative_over_system
    {
        found.push(pattern(
            GapKind::StrongVisionWeakSystem,
            vec![Vision, System],
            Some(v - s),
            "",
        ));
    }
    for r in layers {
        if let Some(change) = r.change.filter(|&c| c <= -LAYER_GAP) {
            found.push(pattern(
                GapKind::LayerDropped,
                vec![r.layer],
                Some(change),
                r.layer.label(),
            ));
        }
    }

    let all_rated = rated.len() == Layer::ALL.len();
    let all = |f: &dyn Fn(i32) -> bool| all_rated && rated.iter().all(|&(_, v)| f(v));
    if all(&|v| v <= LAYER_WEAK) {
        found.push(pattern(GapKind::AllWeak, Layer::ALL.to_vec(), None, ""));
    } else if score(Vision).is_some_and(|v| v <= LAYER_WEAK) {
        found.push(pattern(GapKind::NoNorthStar, vec![Vision], None, ""));
    }
    if all(&|v| v >= LAYER_STRONG) {
        found.push(pattern(GapKind::AllStrong, Layer::ALL.to_vec(), None, ""));
    } else if all_rated && found.is_empty() {
        found.push(pattern(GapKind::NoLargeGap, Layer::ALL.to_vec(), None, ""));
    }
    found
}
