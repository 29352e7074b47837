//! The same readiness figures across sessions, oldest first.

use serde::Serialize;
use throughline_model::{Dimension, ReadinessSession};

use crate::advice::total_display;
use crate::agreement::agreement;
use crate::stats::{VerdictKind, session_dimensions, total, verdict};

/// One dimension's mean in a trend point.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DimensionMean {
    pub dimension: Dimension,
    pub mean: Option<f64>,
}

/// One session's figures in the trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TrendPoint {
    pub session_id: String,
    pub name: String,
    pub date: String,
    pub raters: u32,
    /// Absent when a dimension had no score (see `SessionSummary::total`).
    pub total: Option<f64>,
    /// The total as every view writes it: one decimal, rounded down; absent with the total.
    pub total_display: Option<String>,
    pub verdict: VerdictKind,
    /// The six means, in display order.
    pub means: Vec<DimensionMean>,
    /// Ordinal Krippendorff's alpha; absent when undefined.
    pub alpha: Option<f64>,
    /// Alpha with its meaning, as every view writes it ([`crate::alpha_in_words`]).
    pub alpha_words: String,
}

/// The sessions' figures ordered by date, then name, then id (the input order does not matter).
pub fn trend(sessions: &[ReadinessSession]) -> Vec<TrendPoint> {
    let mut ordered: Vec<&ReadinessSession> = sessions.iter().collect();
    ordered.sort_by(|a, b| {
        (a.date.as_str(), a.name.as_str(), a.id.as_str()).cmp(&(
            b.date.as_str(),
            b.name.as_str(),
            b.id.as_str(),
        ))
    });
    ordered.into_iter().map(point).collect()
}

fn point(session: &ReadinessSession) -> TrendPoint {
    let dimensions = session_dimensions(session);
    let total = total(&dimensions);
    let unscored: Vec<Dimension> = dimensions
        .iter()
        .filter(|d| d.count == 0)
        .map(|d| d.dimension)
        .collect();
    TrendPoint {
        session_id: session.id.to_string(),
        name: session.name.clone(),
        date: session.date.clone(),
        raters: u32::try_from(session.raters.len()).unwrap_or(u32::MAX),
        total,
        total_display: total.map(total_display),
        verdict: verdict(total, &unscored).kind,
        means: dimensions
            .iter()
            .map(|d| DimensionMean {
                dimension: d.dimension,
                mean: d.mean,
            })
            .collect(),
        alpha: agreement(session).alpha,
        alpha_words: crate::alpha_in_words(agreement(session).alpha),
    }
}
