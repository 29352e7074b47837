//! Per-dimension statistics, the total, the verdict and the weakest dimensions of a session.

use serde::Serialize;
use throughline_model::{Dimension, ReadinessSession, Score};

use crate::advice::{
    foundations_sentence, incomplete_sentence, ready_sentence, recommendation, total_display,
};
use crate::agreement::{Agreement, agreement};

/// The total below which foundational work comes first.
pub const THRESHOLD: f64 = 18.0;
/// The highest possible total: six dimensions of at most 5.
pub const TOTAL_MAX: u32 = 30;
/// A spread (highest minus lowest) of this many points or more is flagged for discussion.
pub const DISAGREEMENT_SPREAD: u32 = 2;
/// Means and totals closer than this count as equal: sums of thirds must not miss 18 by 1e-15.
pub const EPSILON: f64 = 1e-9;

/// The statistics of one dimension across the raters who scored it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DimensionStats {
    pub dimension: Dimension,
    /// Absent when nobody scored the dimension.
    pub mean: Option<f64>,
    /// The middle score; with an even count, the mean of the two middle scores.
    pub median: Option<f64>,
    pub lowest: Option<Score>,
    pub highest: Option<Score>,
    /// How many raters scored it (skips are not counted).
    pub count: u32,
    /// Highest minus lowest.
    pub spread: Option<u32>,
    /// True when the spread is 2 or more: a finding to discuss in the room, not an error.
    pub disagreement: bool,
}

/// Whether the session's total clears the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    /// Total of 18 or more.
    Ready,
    /// Total below 18: foundational work first.
    FoundationsFirst,
    /// Some dimension has no score, so there is no total to judge.
    Incomplete,
}

/// The verdict and a sentence saying what it means.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Verdict {
    pub kind: VerdictKind,
    pub sentence: String,
}

/// What to do first about one of the weakest dimensions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Recommendation {
    pub dimension: Dimension,
    pub mean: f64,
    pub text: String,
}

/// Everything the readiness view and `throughline readiness` show for one session.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SessionSummary {
    pub session_id: String,
    pub name: String,
    pub date: String,
    /// How many raters the session lists.
    pub raters: u32,
    /// One entry per dimension, in display order.
    pub dimensions: Vec<DimensionStats>,
    /// The sum of the six means; absent when a dimension has no score at all.
    pub total: Option<f64>,
    /// The total as every view writes it: one decimal, rounded down; absent with the total.
    pub total_display: Option<String>,
    /// Always 30.
    pub total_max: u32,
    /// Always 18.
    pub threshold: f64,
    /// Dimensions nobody scored (the reason a total is missing).
    pub unscored: Vec<Dimension>,
    pub verdict: Verdict,
    /// The dimension(s) with the lowest mean; ties are all listed, in display order.
    pub weakest: Vec<Dimension>,
    /// One per weakest dimension, same order.
    pub recommendations: Vec<Recommendation>,
    pub agreement: Agreement,
    /// Dimensions whose scores span 2 points or more: discuss in the room.
    pub discuss: Vec<Dimension>,
}

/// Computes the statistics of one dimension from the scores given (skips left out).
pub fn dimension_stats(dimension: Dimension, scores: &[Score]) -> DimensionStats {
    let mut values: Vec<u8> = scores.iter().map(|s| s.get()).collect();
    values.sort_unstable();
    let count = values.len();
    let mean =
        (count > 0).then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / count as f64);
    let median = match count {
        0 => None,
        n if n % 2 == 1 => Some(f64::from(values[n / 2])),
        n => Some((f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0),
    };
    let lowest = scores.iter().copied().min();
    let highest = scores.iter().copied().max();
    let spread = lowest
        .zip(highest)
        .map(|(lo, hi)| u32::from(hi.get() - lo.get()));
    DimensionStats {
        dimension,
        mean,
        median,
        lowest,
        highest,
        count: u32::try_from(count).unwrap_or(u32::MAX),
        spread,
        disagreement: spread.is_some_and(|s| s >= DISAGREEMENT_SPREAD),
    }
}

/// The statistics of every dimension of a session, in display order.
pub fn session_dimensions(session: &ReadinessSession) -> Vec<DimensionStats> {
    Dimension::ALL
        .iter()
        .map(|&d| {
            let scores: Vec<Score> = session
                .raters
                .iter()
                .filter_map(|r| r.scores.get(d))
                .collect();
            dimension_stats(d, &scores)
        })
        .collect()
}

/// The total of the means, or None when a dimension has no score (see [`SessionSummary::total`]).
pub fn total(dimensions: &[DimensionStats]) -> Option<f64> {
    dimensions.iter().map(|d| d.mean).sum()
}

/// The verdict for a total; `unscored` explains a missing one.
pub fn verdict(total: Option<f64>, unscored: &[Dimension]) -> Verdict {
    match total {
        Some(t) if t + EPSILON >= THRESHOLD => Verdict {
            kind: VerdictKind::Ready,
            sentence: ready_sentence(t, TOTAL_MAX, THRESHOLD),
        },
        Some(t) => Verdict {
            kind: VerdictKind::FoundationsFirst,
            sentence: foundations_sentence(t, TOTAL_MAX, THRESHOLD),
        },
        None => Verdict {
            kind: VerdictKind::Incomplete,
            sentence: incomplete_sentence(unscored),
        },
    }
}

/// The scored dimensions sharing the lowest mean, in display order.
pub fn weakest(dimensions: &[DimensionStats]) -> Vec<Dimension> {
    let lowest = dimensions
        .iter()
        .filter_map(|d| d.mean)
        .fold(f64::INFINITY, f64::min);
    dimensions
        .iter()
        .filter(|d| d.mean.is_some_and(|m| m - lowest <= EPSILON))
        .map(|d| d.dimension)
        .collect()
}

/// Summarises one readiness session: statistics, total, verdict, weakest, agreement.
pub fn summarize(session: &ReadinessSession) -> SessionSummary {
    let dimensions = session_dimensions(session);
    let total = total(&dimensions);
    let unscored: Vec<Dimension> = dimensions
        .iter()
        .filter(|d| d.count == 0)
        .map(|d| d.dimension)
        .collect();
    let weakest = weakest(&dimensions);
    let recommendations = dimensions
        .iter()
        .filter(|d| weakest.contains(&d.dimension))
        .filter_map(|d| {
            d.mean.map(|mean| Recommendation {
                dimension: d.dimension,
                mean,
                text: recommendation(d.dimension).to_string(),
            })
        })
        .collect();
    let discuss = dimensions
        .iter()
        .filter(|d| d.disagreement)
        .map(|d| d.dimension)
        .collect();
    SessionSummary {
        session_id: session.id.to_string(),
        name: session.name.clone(),
        date: session.date.clone(),
        raters: u32::try_from(session.raters.len()).unwrap_or(u32::MAX),
        verdict: verdict(total, &unscored),
        dimensions,
        total,
        total_display: total.map(total_display),
        total_max: TOTAL_MAX,
        threshold: THRESHOLD,
        unscored,
        weakest,
        recommendations,
        agreement: agreement(session),
        discuss,
    }
}
