//! Builders shared by the specification tests.
#![allow(dead_code)]

use throughline_model::{Dimension, Id, Rater, RaterScores, ReadinessSession, Score};

/// A rater with scores in display order (Strategy, Data, Team, Technology, Culture, Metrics);
/// `0` means skipped.
pub fn rater(name: &str, scores: [i64; 6]) -> Rater {
    let mut s = RaterScores::default();
    for (d, v) in Dimension::ALL.iter().zip(scores) {
        s.set(*d, (v != 0).then(|| Score::new(v).unwrap()));
    }
    Rater {
        name: name.to_string(),
        scores: s,
        note: None,
    }
}

/// A session with these raters.
pub fn session(id: &str, name: &str, date: &str, raters: Vec<Rater>) -> ReadinessSession {
    ReadinessSession {
        id: Id::new(id).unwrap(),
        name: name.to_string(),
        date: date.to_string(),
        raters,
        note: None,
    }
}

/// Asserts two floats are equal within 1e-9.
pub fn close(actual: Option<f64>, expected: f64, what: &str) {
    let a = actual.unwrap_or_else(|| panic!("{what}: expected {expected}, got nothing"));
    assert!(
        (a - expected).abs() < 1e-9,
        "{what}: expected {expected}, got {a}"
    );
}
