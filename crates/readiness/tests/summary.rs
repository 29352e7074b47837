//! Specifications for the statistics, total, verdict and weakest dimensions of a session.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

mod common;

use common::{close, rater, session};
use throughline_model::{Dimension, Score};
use throughline_readiness::{
    AgreementReading, UndefinedReason, VerdictKind, dimension_stats, recommendation, summarize,
};

fn scores(values: &[i64]) -> Vec<Score> {
    values.iter().map(|&v| Score::new(v).unwrap()).collect()
}

#[test]
fn a_dimension_reports_mean_median_lowest_highest_and_count() {
    let s = dimension_stats(Dimension::Data, &scores(&[4, 2, 3]));
    close(s.mean, 3.0, "mean of 4, 2, 3");
    close(s.median, 3.0, "median of 4, 2, 3");
    assert_eq!(s.lowest.map(Score::get), Some(2));
    assert_eq!(s.highest.map(Score::get), Some(4));
    assert_eq!(s.count, 3);
    assert_eq!(s.spread, Some(2));
}

#[test]
fn the_median_of_an_even_count_is_the_mean_of_the_two_middle_scores() {
    let s = dimension_stats(Dimension::Team, &scores(&[5, 1, 2, 4]));
    close(s.median, 3.0, "median of 1, 2, 4, 5");
    let s = dimension_stats(Dimension::Team, &scores(&[2, 3]));
    close(s.median, 2.5, "median of 2, 3");
}

#[test]
fn a_dimension_nobody_scored_has_no_figures_and_count_zero() {
    let s = dimension_stats(Dimension::Metrics, &[]);
    assert_eq!(
        (s.mean, s.median, s.lowest, s.highest),
        (None, None, None, None)
    );
    assert_eq!(s.count, 0);
    assert_eq!(s.spread, None);
    assert!(!s.disagreement, "no scores, nothing to disagree about");
}

#[test]
fn disagreement_is_flagged_at_a_spread_of_exactly_two_and_not_at_one() {
    let two = dimension_stats(Dimension::Culture, &scores(&[2, 3, 4]));
    assert!(
        two.disagreement,
        "2 to 4 spans two points: discuss in the room"
    );
    let one = dimension_stats(Dimension::Culture, &scores(&[3, 4, 4, 3]));
    assert!(!one.disagreement, "3 to 4 spans one point: no flag");
    assert_eq!(one.spread, Some(1));
}

#[test]
fn skipped_scores_are_left_out_of_every_figure() {
    let s = session(
        "s1",
        "Kickoff",
        "2025-01-10",
        vec![
            rater("Alex", [4, 0, 3, 3, 3, 3]),
            rater("Bea", [2, 2, 0, 3, 3, 3]),
            rater("Cho", [3, 4, 3, 3, 3, 0]),
        ],
    );
    let sum = summarize(&s);
    let data = &sum.dimensions[1];
    assert_eq!(data.dimension, Dimension::Data);
    assert_eq!(data.count, 2, "Alex skipped Data");
    close(data.mean, 3.0, "Data mean over Bea and Cho");
    close(data.median, 3.0, "Data median of 2 and 4");
    assert!(data.disagreement, "2 and 4 are two points apart");
    assert_eq!(sum.dimensions[5].count, 2, "Cho skipped Metrics");
    assert_eq!(sum.discuss, vec![Dimension::Strategy, Dimension::Data]);
    close(sum.total, 3.0 + 3.0 + 3.0 + 3.0 + 3.0 + 3.0, "total");
}

#[test]
fn the_total_is_the_sum_of_the_six_means() {
    let s = session(
        "s",
        "S",
        "2025-01-10",
        vec![
            rater("A", [1, 2, 3, 4, 5, 1]),
            rater("B", [2, 2, 4, 4, 4, 2]),
        ],
    );
    let sum = summarize(&s);
    close(sum.total, 1.5 + 2.0 + 3.5 + 4.0 + 4.5 + 1.5, "total");
    assert_eq!(sum.total_max, 30);
}

#[test]
fn a_total_of_exactly_18_is_ready_and_just_below_is_foundations_first() {
    let at = summarize(&session("a", "A", "2025-01-10", vec![rater("A", [3; 6])]));
    close(at.total, 18.0, "six threes");
    assert_eq!(
        at.verdict.kind,
        VerdictKind::Ready,
        "{}",
        at.verdict.sentence
    );

    let below = summarize(&session(
        "b",
        "B",
        "2025-01-10",
        vec![
            rater("A", [3, 3, 3, 3, 3, 2]),
            rater("B", [3, 3, 3, 3, 3, 3]),
        ],
    ));
    close(below.total, 17.5, "one half point short");
    assert_eq!(below.verdict.kind, VerdictKind::FoundationsFirst);
    assert!(
        below.verdict.sentence.contains("below 18"),
        "{}",
        below.verdict.sentence
    );
}

#[test]
fn means_in_thirds_that_add_up_to_18_are_not_lost_to_rounding() {
    // Means 3 1/3, 2 2/3, 3 1/3, 2 2/3, 3, 3: exactly 18 on paper.
    let s = session(
        "t",
        "Thirds",
        "2025-01-10",
        vec![
            rater("A", [4, 2, 4, 2, 3, 3]),
            rater("B", [3, 3, 3, 3, 3, 3]),
            rater("C", [3, 3, 3, 3, 3, 3]),
        ],
    );
    assert_eq!(summarize(&s).verdict.kind, VerdictKind::Ready);
}

#[test]
fn a_dimension_nobody_scored_makes_the_total_incomplete_rather_than_invented() {
    let s = session(
        "s",
        "S",
        "2025-01-10",
        vec![
            rater("A", [5, 0, 5, 5, 5, 0]),
            rater("B", [5, 0, 5, 5, 5, 0]),
        ],
    );
    let sum = summarize(&s);
    assert_eq!(sum.total, None);
    assert_eq!(sum.unscored, vec![Dimension::Data, Dimension::Metrics]);
    assert_eq!(sum.verdict.kind, VerdictKind::Incomplete);
    assert!(
        sum.verdict.sentence.contains("Data and Metrics"),
        "{}",
        sum.verdict.sentence
    );
    assert!(
        !sum.weakest.contains(&Dimension::Data),
        "an unscored dimension is not ranked"
    );
}

#[test]
fn the_weakest_dimension_comes_with_what_to_do_first() {
    let s = session("s", "S", "2025-01-10", vec![rater("A", [4, 1, 3, 3, 4, 2])]);
    let sum = summarize(&s);
    assert_eq!(sum.weakest, vec![Dimension::Data]);
    assert_eq!(sum.recommendations.len(), 1);
    assert_eq!(sum.recommendations[0].dimension, Dimension::Data);
    assert!(
        sum.recommendations[0]
            .text
            .contains("Unify the customer data")
    );
}

#[test]
fn tied_weakest_dimensions_are_all_named_in_display_order() {
    let s = session("s", "S", "2025-01-10", vec![rater("A", [4, 3, 2, 4, 2, 5])]);
    let sum = summarize(&s);
    assert_eq!(sum.weakest, vec![Dimension::Team, Dimension::Culture]);
    let named: Vec<_> = sum.recommendations.iter().map(|r| r.dimension).collect();
    assert_eq!(named, sum.weakest);
}

#[test]
fn every_dimension_has_its_own_concrete_recommendation() {
    let texts: Vec<&str> = Dimension::ALL.iter().map(|&d| recommendation(d)).collect();
    for (i, t) in texts.iter().enumerate() {
        assert!(
            t.len() > 60,
            "{:?} deserves more than a slogan",
            Dimension::ALL[i]
        );
        assert_eq!(texts.iter().filter(|o| *o == t).count(), 1, "texts differ");
    }
    assert!(recommendation(Dimension::Culture).contains("pilot"));
}

#[test]
fn one_rater_gives_figures_but_no_agreement() {
    let sum = summarize(&session(
        "s",
        "Solo",
        "2025-01-10",
        vec![rater("A", [3, 2, 4, 3, 2, 3])],
    ));
    close(
        sum.dimensions[0].median,
        3.0,
        "a single score is its own median",
    );
    assert_eq!(sum.agreement.alpha, None);
    assert_eq!(
        sum.agreement.reading,
        AgreementReading::Undefined {
            reason: UndefinedReason::OneRater
        }
    );
    assert!(
        sum.agreement.words.contains("only one person"),
        "{}",
        sum.agreement.words
    );
}

#[test]
fn raters_giving_the_same_number_everywhere_leave_alpha_undefined_and_say_so() {
    let all_threes = vec![rater("A", [3; 6]), rater("B", [3; 6]), rater("C", [3; 6])];
    let sum = summarize(&session("s", "S", "2025-01-10", all_threes));
    assert_eq!(sum.agreement.alpha, None, "0 / 0 must not become NaN");
    assert_eq!(
        sum.agreement.reading,
        AgreementReading::Undefined {
            reason: UndefinedReason::IdenticalScores
        }
    );
    assert!(
        sum.agreement
            .words
            .contains("every score given is the same")
    );
    assert!(sum.discuss.is_empty());
}

#[test]
fn raters_giving_identical_but_varied_scores_agree_perfectly() {
    let same = [4, 2, 3, 5, 1, 3];
    let sum = summarize(&session(
        "s",
        "S",
        "2025-01-10",
        vec![rater("A", same), rater("B", same)],
    ));
    close(
        sum.agreement.alpha,
        1.0,
        "identical rows that vary across dimensions",
    );
    assert_eq!(sum.agreement.reading, AgreementReading::StronglyAgrees);
}

#[test]
fn a_split_room_is_told_to_discuss_before_acting() {
    let sum = summarize(&session(
        "s",
        "S",
        "2025-01-10",
        vec![
            rater("A", [1, 5, 1, 5, 1, 5]),
            rater("B", [5, 1, 5, 1, 5, 1]),
        ],
    ));
    assert_eq!(sum.agreement.reading, AgreementReading::Disagrees);
    assert!(sum.agreement.words.contains("discuss before acting"));
    assert_eq!(sum.discuss.len(), 6, "every dimension spans four points");
}

#[test]
fn raters_who_never_scored_the_same_dimension_cannot_be_compared() {
    let sum = summarize(&session(
        "s",
        "S",
        "2025-01-10",
        vec![
            rater("A", [3, 0, 4, 0, 2, 0]),
            rater("B", [0, 2, 0, 3, 0, 5]),
        ],
    ));
    assert_eq!(
        sum.agreement.reading,
        AgreementReading::Undefined {
            reason: UndefinedReason::NoSharedDimension
        }
    );
}

#[test]
fn a_session_without_raters_is_summarised_without_panicking() {
    let sum = summarize(&session("s", "Empty", "2025-01-10", vec![]));
    assert_eq!(sum.raters, 0);
    assert_eq!(sum.total, None);
    assert_eq!(sum.verdict.kind, VerdictKind::Incomplete);
    assert!(sum.weakest.is_empty());
    assert_eq!(
        sum.agreement.reading,
        AgreementReading::Undefined {
            reason: UndefinedReason::NoScores
        }
    );
}

#[test]
fn a_total_just_below_18_never_reads_as_18() {
    // Means 3, 3, 3, 3, 3 and 2.95 (19 threes and one 2 over twenty raters): 17.95.
    let mut raters: Vec<_> = (0..19).map(|i| rater(&format!("R{i}"), [3; 6])).collect();
    raters.push(rater("Last", [3, 3, 3, 3, 3, 2]));
    let sum = summarize(&session("s", "S", "2025-01-10", raters));
    close(sum.total, 17.95, "total");
    assert_eq!(sum.verdict.kind, VerdictKind::FoundationsFirst);
    assert!(
        sum.verdict.sentence.starts_with("17.9 of 30"),
        "{}",
        sum.verdict.sentence
    );
}
