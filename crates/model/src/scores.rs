use std::fmt;

use serde::{Deserialize, Serialize};

/// A value outside the range a score or emotion may hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} is {value}; it runs from {min} to {max}")]
pub struct RangeError {
    pub what: &'static str,
    pub value: i64,
    pub min: i64,
    pub max: i64,
}

/// A readiness or layer score: a whole number from 1 (absent) to 5 (fully integrated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "specta", specta(type = u8))]
#[serde(try_from = "i32", into = "u8")]
pub struct Score(u8);

impl Score {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    /// Checks and wraps a score.
    pub fn new(value: i64) -> Result<Self, RangeError> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&value) {
            Ok(Self(value as u8))
        } else {
            Err(RangeError {
                what: "score",
                value,
                min: 1,
                max: 5,
            })
        }
    }

    /// The score as a number from 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Score {
    type Error = RangeError;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl TryFrom<i32> for Score {
    type Error = RangeError;
    fn try_from(value: i32) -> Result<Self, Self::Error> {
        Self::new(i64::from(value))
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> Self {
        s.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// How the customer feels at a stage: -2 (a trough) to +2 (a peak); 0 is neutral.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "specta", specta(type = i8))]
#[serde(try_from = "i32", into = "i8")]
pub struct Emotion(i8);

impl Emotion {
    pub const MIN: i8 = -2;
    pub const MAX: i8 = 2;

    /// Checks and wraps an emotion value.
    pub fn new(value: i64) -> Result<Self, RangeError> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&value) {
            Ok(Self(value as i8))
        } else {
            Err(RangeError {
                what: "emotion",
                value,
                min: -2,
                max: 2,
            })
        }
    }

    /// The word for an emotion value, from "Frustrated" (-2) to "Delighted" (+2); values
    /// outside the scale take the word of the nearest end.
    pub fn label_of(value: i8) -> &'static str {
        match value {
            i8::MIN..=-2 => "Frustrated",
            -1 => "Uneasy",
            0 => "Neutral",
            1 => "Positive",
            _ => "Delighted",
        }
    }

    /// The word for this emotion ("Uneasy" for -1).
    pub fn label(self) -> &'static str {
        Self::label_of(self.0)
    }

    /// The emotion as a number from -2 to +2.
    pub fn get(self) -> i8 {
        self.0
    }
}

impl TryFrom<i64> for Emotion {
    type Error = RangeError;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl TryFrom<i32> for Emotion {
    type Error = RangeError;
    fn try_from(value: i32) -> Result<Self, Self::Error> {
        Self::new(i64::from(value))
    }
}

impl From<Emotion> for i8 {
    fn from(e: Emotion) -> Self {
        e.0
    }
}

/// The six readiness dimensions, in the order they are always shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Strategy,
    Data,
    Team,
    Technology,
    Culture,
    Metrics,
}

impl Dimension {
    /// Every dimension, in display order.
    pub const ALL: [Dimension; 6] = [
        Dimension::Strategy,
        Dimension::Data,
        Dimension::Team,
        Dimension::Technology,
        Dimension::Culture,
        Dimension::Metrics,
    ];

    /// The dimension's display name.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Strategy => "Strategy",
            Dimension::Data => "Data",
            Dimension::Team => "Team",
            Dimension::Technology => "Technology",
            Dimension::Culture => "Culture",
            Dimension::Metrics => "Metrics",
        }
    }
}

/// The four layers of the Coherence Stack, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    Vision,
    Narrative,
    System,
    Touchpoint,
}

impl Layer {
    /// Every layer, top to bottom.
    pub const ALL: [Layer; 4] = [
        Layer::Vision,
        Layer::Narrative,
        Layer::System,
        Layer::Touchpoint,
    ];

    /// The layer's display name.
    pub fn label(self) -> &'static str {
        match self {
            Layer::Vision => "Vision",
            Layer::Narrative => "Narrative",
            Layer::System => "System",
            Layer::Touchpoint => "Touchpoint",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_holds_only_one_to_five() {
        assert_eq!(Score::new(1).map(Score::get), Ok(1));
        assert_eq!(Score::new(5).map(Score::get), Ok(5));
        let err = Score::new(7).unwrap_err();
        assert_eq!(err.to_string(), "score is 7; it runs from 1 to 5");
        assert!(Score::new(0).is_err());
        assert!(Score::new(-1).is_err());
    }

    #[test]
    fn score_rejects_out_of_range_json() {
        let err = serde_json::from_str::<Score>("7").unwrap_err();
        assert!(
            err.to_string().contains("score is 7; it runs from 1 to 5"),
            "{err}"
        );
        assert!(serde_json::from_str::<Score>("2.5").is_err());
        assert_eq!(serde_json::from_str::<Score>("3").unwrap().get(), 3);
    }

    #[test]
    fn emotion_holds_minus_two_to_plus_two() {
        assert_eq!(Emotion::new(-2).map(Emotion::get), Ok(-2));
        assert_eq!(Emotion::new(2).map(Emotion::get), Ok(2));
        assert_eq!(
            Emotion::new(3).unwrap_err().to_string(),
            "emotion is 3; it runs from -2 to 2"
        );
    }
}
