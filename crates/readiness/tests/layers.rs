//! Specifications for the Coherence Stack gap diagnosis.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use throughline_model::{Layer, LayerScore, Score};
use throughline_readiness::{GapKind, diagnose_layers};

/// Vision, narrative, system, touchpoint on one date; `0` leaves the layer unrated.
fn stack(date: &str, [v, n, s, t]: [i64; 4]) -> Vec<LayerScore> {
    Layer::ALL
        .iter()
        .zip([v, n, s, t])
        .filter(|(_, x)| *x != 0)
        .map(|(&layer, x)| LayerScore {
            layer,
            score: Score::new(x).unwrap(),
            date: date.to_string(),
            session: None,
        })
        .collect()
}

fn kinds(scores: &[LayerScore]) -> Vec<GapKind> {
    diagnose_layers(scores)
        .patterns
        .iter()
        .map(|p| p.kind)
        .collect()
}

#[test]
fn a_strong_vision_over_a_weak_system_says_the_narrative_will_stay_abstract() {
    let d = diagnose_layers(&stack("2025-03-01", [5, 4, 3, 1]));
    let found = d
        .patterns
        .iter()
        .find(|p| p.kind == GapKind::StrongVisionWeakSystem);
    assert!(
        found.is_none(),
        "vision 5 over system 3 is not a weak system"
    );

    let d = diagnose_layers(&stack("2025-03-01", [5, 3, 2, 2]));
    let p = d
        .patterns
        .iter()
        .find(|p| p.kind == GapKind::StrongVisionWeakSystem)
        .expect("vision 5 over system 2");
    assert!(p.explanation.contains("stay abstract"), "{}", p.explanation);
    assert_eq!(p.layers, vec![Layer::Vision, Layer::System]);
    assert_eq!(p.gap, Some(3));
}

#[test]
fn touchpoints_ahead_of_the_narrative_will_feel_random() {
    let d = diagnose_layers(&stack("2025-03-01", [3, 2, 3, 4]));
    let p = d
        .patterns
        .iter()
        .find(|p| p.kind == GapKind::TouchpointsAheadOfNarrative)
        .expect("touchpoint 4 over narrative 2");
    assert!(p.explanation.contains("feel random"), "{}", p.explanation);
}

#[test]
fn a_narrative_ahead_of_the_system_promises_what_the_backbone_cannot_keep() {
    let found = kinds(&stack("2025-03-01", [5, 5, 2, 2]));
    assert!(
        found.contains(&GapKind::NarrativeAheadOfSystem),
        "{found:?}"
    );
    assert!(
        !found.contains(&GapKind::StrongVisionWeakSystem),
        "the neighbouring gap already says it: {found:?}"
    );
}

#[test]
fn a_gap_of_exactly_two_between_neighbours_counts_and_one_does_not() {
    assert!(kinds(&stack("2025-03-01", [4, 2, 2, 2])).contains(&GapKind::VisionAheadOfNarrative));
    assert_eq!(
        kinds(&stack("2025-03-01", [4, 3, 3, 3])),
        vec![GapKind::NoLargeGap]
    );
}

#[test]
fn every_neighbouring_gap_is_named_in_both_directions() {
    let cases = [
        ([4, 2, 3, 3], GapKind::VisionAheadOfNarrative),
        ([2, 4, 3, 3], GapKind::NarrativeAheadOfVision),
        ([3, 4, 2, 3], GapKind::NarrativeAheadOfSystem),
        ([3, 2, 4, 3], GapKind::SystemAheadOfNarrative),
        ([3, 3, 4, 2], GapKind::SystemAheadOfTouchpoints),
        ([3, 3, 2, 4], GapKind::TouchpointsAheadOfSystem),
    ];
    for (scores, kind) in cases {
        let found = kinds(&stack("2025-03-01", scores));
        assert!(
            found.contains(&kind),
            "{scores:?} should show {kind:?}: {found:?}"
        );
    }
}

#[test]
fn neighbouring_gaps_come_first_widest_first() {
    // System over narrative by 3, vision over narrative by 2.
    let found = kinds(&stack("2025-03-01", [4, 2, 5, 5]));
    assert_eq!(found[0], GapKind::SystemAheadOfNarrative, "{found:?}");
    assert_eq!(found[1], GapKind::VisionAheadOfNarrative, "{found:?}");
}

#[test]
fn a_weak_vision_means_there_is_no_north_star() {
    let found = kinds(&stack("2025-03-01", [2, 3, 3, 3]));
    assert!(found.contains(&GapKind::NoNorthStar), "{found:?}");
}

#[test]
fn all_weak_and_all_strong_stacks_are_named_as_such() {
    assert_eq!(
        kinds(&stack("2025-03-01", [2, 1, 2, 2])),
        vec![GapKind::AllWeak]
    );
    assert_eq!(
        kinds(&stack("2025-03-01", [5, 4, 4, 5])),
        vec![GapKind::AllStrong]
    );
}

#[test]
fn unrated_layers_are_reported_and_not_guessed() {
    let d = diagnose_layers(&stack("2025-03-01", [4, 0, 3, 0]));
    let p = &d.patterns[0];
    assert_eq!(p.kind, GapKind::MissingLayers);
    assert_eq!(p.layers, vec![Layer::Narrative, Layer::Touchpoint]);
    assert!(
        p.explanation.starts_with("Narrative and Touchpoint"),
        "{}",
        p.explanation
    );
    assert_eq!(d.layers[1].score, None);
}

#[test]
fn no_scores_at_all_asks_for_a_rating() {
    let d = diagnose_layers(&[]);
    assert_eq!(d.date, None);
    assert_eq!(d.patterns.len(), 1);
    assert_eq!(d.patterns[0].kind, GapKind::NotRated);
    assert!(d.layers.iter().all(|r| r.score.is_none()));
}

#[test]
fn the_latest_date_is_read_and_the_previous_one_gives_the_change() {
    let mut scores = stack("2025-06-01", [4, 4, 3, 3]);
    scores.extend(stack("2025-01-15", [3, 2, 3, 5]));
    scores.extend(stack("2024-10-01", [1, 1, 1, 1]));
    let d = diagnose_layers(&scores);
    assert_eq!(d.date.as_deref(), Some("2025-06-01"));
    let narrative = &d.layers[1];
    assert_eq!(narrative.score.map(Score::get), Some(4));
    assert_eq!(narrative.previous.map(Score::get), Some(2));
    assert_eq!(narrative.previous_date.as_deref(), Some("2025-01-15"));
    assert_eq!(narrative.change, Some(2));
    let found = kinds(&scores);
    assert!(
        found.contains(&GapKind::LayerDropped),
        "touchpoint fell 5 -> 3: {found:?}"
    );
    assert!(
        !found.contains(&GapKind::TouchpointsAheadOfNarrative),
        "old gap is gone"
    );
}

#[test]
fn input_order_does_not_matter() {
    let mut scores = stack("2025-01-15", [3, 2, 3, 5]);
    scores.extend(stack("2025-06-01", [4, 4, 3, 3]));
    let forward = diagnose_layers(&scores);
    scores.reverse();
    assert_eq!(diagnose_layers(&scores), forward);
}
