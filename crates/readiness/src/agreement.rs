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
/// Alpha below this (and at least 0): agreement hardly above chance. Our own line, like
/// [`ALPHA_SPLIT`].
pub const ALPHA_BARELY: f64 = 0.1;

/// Agreement across all raters and dimensions of one session.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Agreement {
    /// Ordinal Krippendorff's alpha, absent when it cannot be computed.
    pub alpha: Option<f64>,
    pub reading: AgreementReading,
    /// Alpha in a few words, as every view shows it beside or instead of the number
    /// ("alpha 0.18: the room barely agrees"); see [`alpha_in_words`].
    pub short: String,
    /// One or two sentences for the room.
    pub words: String,
}

/// What an alpha means, in a few words: the one rule every view (app, CLI, PDF) uses, so that
/// a bare number never reaches a reader. Alpha runs from 1 (full agreement) through 0 (no
/// better than chance) to negative (systematic disagreement).
pub fn alpha_meaning(alpha: f64) -> &'static str {
    if alpha >= ALPHA_STRONG {
        "the room agrees strongly"
    } else if alpha >= ALPHA_BROAD {
        "the room broadly agrees"
    } else if alpha >= ALPHA_SPLIT {
        "the room is split"
    } else if alpha >= ALPHA_BARELY {
        "the room barely agrees"
    } else if alpha >= 0.0 {
        "the room agrees no better than chance"
    } else {
        "the room pulls in opposite directions"
    }
}

/// Alpha as every view writes it: the figure with its meaning ("alpha 0.18: the room barely
/// agrees"), or why there is none.
pub fn alpha_in_words(alpha: Option<f64>) -> String {
    match alpha {
        Some(a) => format!("alpha {a:.2}: {}", alpha_meaning(a)),
        None => "agreement not measurable".to_string(),
    }
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
    let (reading, advice) = if alpha >= ALPHA_STRONG {
        (
            AgreementReading::StronglyAgrees,
            "the averages speak for the group.",
        )
    } else if alpha >= ALPHA_BROAD {
        (
            AgreementReading::BroadlyAgrees,
            "the averages are a fair picture; talk through any flagged dimension.",
        )
    } else if alpha >= ALPHA_SPLIT {
        (
            AgreementReading::Mixed,
            "people see some dimensions differently, so talk those through before treating the total as settled.",
        )
    } else {
        (
            AgreementReading::Disagrees,
            "discuss before acting, because the averages hide quite different views of where you stand.",
        )
    };
    let short = alpha_in_words(Some(alpha));
    let mut words = format!(
        "{} (alpha {alpha:.2}): {advice}",
        capitalised(alpha_meaning(alpha))
    );
    if alpha < 0.0 {
        words.push_str(
            " The scores pull against each other more than chance would: check that everyone read the questions the same way.",
        );
    }
    Agreement {
        alpha: Some(alpha),
        reading,
        short,
        words,
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
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
        short: alpha_in_words(None),
        words: words.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alpha_is_shown_with_its_meaning() {
        assert_eq!(
            alpha_in_words(Some(0.18)),
            "alpha 0.18: the room barely agrees"
        );
        assert_eq!(
            alpha_in_words(Some(0.85)),
            "alpha 0.85: the room agrees strongly"
        );
        assert_eq!(
            alpha_in_words(Some(0.7)),
            "alpha 0.70: the room broadly agrees"
        );
        assert_eq!(alpha_in_words(Some(0.5)), "alpha 0.50: the room is split");
        assert_eq!(
            alpha_in_words(Some(0.05)),
            "alpha 0.05: the room agrees no better than chance"
        );
        assert_eq!(
            alpha_in_words(Some(-0.3)),
            "alpha -0.30: the room pulls in opposite directions"
        );
        assert_eq!(alpha_in_words(None), "agreement not measurable");
    }

    #[test]
    fn the_sentence_for_the_room_starts_with_the_same_words() {
        let a = read_alpha(0.18);
        assert_eq!(a.short, "alpha 0.18: the room barely agrees");
        assert!(
            a.words
                .starts_with("The room barely agrees (alpha 0.18): discuss before acting"),
            "{}",
            a.words
        );
    }
}
