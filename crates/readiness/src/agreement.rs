//! How far the raters in a session agree, in words a non-statistician can act on.

use serde::Serialize;
use throughline_model::{Dimension, ReadinessSession, Score};

use crate::alpha::{AlphaUndefined, ordinal_alpha};

/// Alpha at or above this: the room agrees strongly (Krippendorff's usual bar for reliable data).
pub const ALPHA_STRONG: f64 = 0.8;
/// Alpha at or above this: the room broadly agrees (the commonly used tentative bar).
pub const ALPHA_BROAD: f64 = 0.667;
/// Alpha below this: the room disagrees. Our own line between "split" and "disagrees";
/// there is no published convention below 0.667.
pub const ALPHA_SPLIT: f64 = 0.4;

/// Agreement across all raters and dimensions of one session.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Agreement {
    /// Ordinal Krippendorff's alpha, absent when it cannot be computed.
    pub alpha: Option<f64>,
    pub reading: AgreementReading,
    /// One or two sentences for the room.
    pub words: String,
}

/// The reading of alpha against the thresholds above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AgreementReading {
    /// alpha >= 0.8.
    StronglyAgrees,
    /// 0.667 <= alpha < 0.8.
    BroadlyAgrees,
    /// 0.4 <= alpha < 0.667.
    Mixed,
    /// alpha < 0.4.
    Disagrees,
    /// No alpha, and why.
    Undefined { reason: UndefinedReason },
}

/// Why a session's agreement cannot be measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum UndefinedReason {
    /// Nobody scored anything.
    NoScores,
    /// Only one person gave any score.
    OneRater,
    /// Several people scored, but never the same dimension.
    NoSharedDimension,
    /// Every score given is the same number, so there is no variation to measure against.
    IdenticalScores,
}

/// The scores each dimension received, skips left out: alpha's units.
pub(crate) fn units(session: &ReadinessSession) -> Vec<Vec<Score>> {
    Dimension::ALL
        .iter()
        .map(|&d| {
            session
                .raters
                .iter()
                .filter_map(|r| r.scores.get(d))
                .collect()
        })
        .collect()
}

/// Measures the agreement of a session's raters.
pub fn agreement(session: &ReadinessSession) -> Agreement {
    match ordinal_alpha(&units(session)) {
        Ok(alpha) => read_alpha(alpha),
        Err(why) => {
            let scoring = session
                .raters
                .iter()
                .filter(|r| Dimension::ALL.iter().any(|&d| r.scores.get(d).is_some()))
                .count();
            let reason = match (why, scoring) {
                (_, 0) => UndefinedReason::NoScores,
                (_, 1) => UndefinedReason::OneRater,
                (AlphaUndefined::NothingToCompare, _) => UndefinedReason::NoSharedDimension,
                (AlphaUndefined::NoVariation, _) => UndefinedReason::IdenticalScores,
            };
            undefined(reason)
        }
    }
}

fn read_alpha(alpha: f64) -> Agreement {
    let (reading, words) = if alpha >= ALPHA_STRONG {
        (
            AgreementReading::StronglyAgrees,
            format!(
                "The room agrees strongly (alpha {alpha:.2}): the averages speak for the group."
            ),
        )
    } else if alpha >= ALPHA_BROAD {
        (
            AgreementReading::BroadlyAgrees,
            format!(
                "The room broadly agrees (alpha {alpha:.2}): the averages are a fair picture; talk through any flagged dimension."
            ),
        )
    } else if alpha >= ALPHA_SPLIT {
        (
            AgreementReading::Mixed,
            format!(
                "The room is split (alpha {alpha:.2}): people see some dimensions differently, so talk those through before treating the total as settled."
            ),
        )
    } else {
        let mut words = format!(
            "The room disagrees (alpha {alpha:.2}): discuss before acting, because the averages hide quite different views of where you stand."
        );
        if alpha < 0.0 {
            words.push_str(
                " The scores pull against each other more than chance would: check that everyone read the questions the same way.",
            );
        }
        (AgreementReading::Disagrees, words)
    };
    Agreement {
        alpha: Some(alpha),
        reading,
        words,
    }
}

fn undefined(reason: UndefinedReason) -> Agreement {
    let words = match reason {
        UndefinedReason::NoScores => "Agreement can't be measured yet: nobody has given a score.",
        UndefinedReason::OneRater => {
            "Agreement can't be measured: only one person scored. Ask at least one more to score the same dimensions."
        }
        UndefinedReason::NoSharedDimension => {
            "Agreement can't be measured: no dimension was scored by two or more people, so there is nothing to compare."
        }
        UndefinedReason::IdenticalScores => {
            "Agreement can't be put into a number: every score given is the same, so there is no variation to measure it against. Nobody disagrees; just check that each person scored on their own before the discussion."
        }
    };
    Agreement {
        alpha: None,
        reading: AgreementReading::Undefined { reason },
        words: words.to_string(),
    }
}
