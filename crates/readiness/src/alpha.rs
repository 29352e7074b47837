//! Krippendorff's alpha for ordinal data, computed from the coincidence matrix.
//!
//! Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": each unit (here
//! a readiness dimension) contributes every ordered pair of the values it received, weighted
//! by 1 / (m_u - 1) where m_u is how many values the unit holds; units holding fewer than two
//! values cannot be paired and drop out. The ordinal distance between ranks c and k depends on
//! how many pairable values lie between them, not on the numbers themselves:
//! δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)².

use serde::Serialize;
use throughline_model::Score;

const RANKS: usize = Score::MAX as usize;

/// Why alpha has no value for some data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AlphaUndefined {
    /// No unit received two or more values, so there is no pair to compare.
    NothingToCompare,
    /// Every pairable value is the same, so chance disagreement is zero and alpha is 0 / 0.
    NoVariation,
}

/// Ordinal Krippendorff's alpha over `units`, each listing the scores it received (skips left out).
///
/// Returns 1 for perfect agreement, about 0 for agreement no better than chance, and below 0
/// for systematic disagreement. Never divides by zero: undefined cases say why instead.
pub fn ordinal_alpha<U: AsRef<[Score]>>(units: &[U]) -> Result<f64, AlphaUndefined> {
    let coincidences = coincidence_matrix(units).ok_or(AlphaUndefined::NothingToCompare)?;
    let marginals: [f64; RANKS] = std::array::from_fn(|c| coincidences[c].iter().sum());
    let n: f64 = marginals.iter().sum();
    if marginals.iter().filter(|&&m| m > 0.0).count() < 2 {
        return Err(AlphaUndefined::NoVariation);
    }
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..RANKS {
        for k in 0..RANKS {
            let delta = ordinal_distance(&marginals, c, k);
            observed += coincidences[c][k] * delta;
            expected += marginals[c] * marginals[k] * delta;
        }
    }
    // At least two ranks hold values, so `expected` > 0 and `n` >= 2; the guard keeps any
    // rounding surprise from producing NaN or infinity.
    let expected = expected / (n - 1.0);
    if expected <= 0.0 || !expected.is_finite() {
        return Err(AlphaUndefined::NoVariation);
    }
    let alpha = 1.0 - observed / expected;
    if alpha.is_finite() {
        Ok(alpha)
    } else {
        Err(AlphaUndefined::NoVariation)
    }
}

/// The coincidence matrix o[c][k], or None when no unit is pairable.
fn coincidence_matrix<U: AsRef<[Score]>>(units: &[U]) -> Option<[[f64; RANKS]; RANKS]> {
    let mut o = [[0.0; RANKS]; RANKS];
    let mut pairable = false;
    for unit in units {
        let mut counts = [0.0_f64; RANKS];
        for score in unit.as_ref() {
            counts[rank(*score)] += 1.0;
        }
        let m: f64 = counts.iter().sum();
        if m < 2.0 {
            continue;
        }
        pairable = true;
        for c in 0..RANKS {
            for k in 0..RANKS {
                let pairs = if c == k {
                    counts[c] * (counts[c] - 1.0)
                } else {
                    counts[c] * counts[k]
                };
                o[c][k] += pairs / (m - 1.0);
            }
        }
    }
    pairable.then_some(o)
}

/// The squared ordinal distance between ranks `c` and `k` given the value marginals.
fn ordinal_distance(marginals: &[f64; RANKS], c: usize, k: usize) -> f64 {
    let (low, high) = if c <= k { (c, k) } else { (k, c) };
    let between: f64 = marginals[low..=high].iter().sum();
    let d = between - (marginals[low] + marginals[high]) / 2.0;
    d * d
}

fn rank(score: Score) -> usize {
    usize::from(score.get().saturating_sub(Score::MIN)).min(RANKS - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(rows: &[&[i64]]) -> Vec<Vec<Score>> {
        rows.iter()
            .map(|u| u.iter().map(|&v| Score::new(v).unwrap()).collect())
            .collect()
    }

    #[test]
    fn perfect_agreement_with_variation_between_units_is_one() {
        let alpha = ordinal_alpha(&units(&[&[1, 1], &[3, 3], &[5, 5]])).unwrap();
        assert!((alpha - 1.0).abs() < 1e-12, "alpha was {alpha}");
    }

    #[test]
    fn the_same_value_everywhere_is_undefined_not_nan() {
        assert_eq!(
            ordinal_alpha(&units(&[&[3, 3, 3], &[3, 3]])),
            Err(AlphaUndefined::NoVariation)
        );
    }

    #[test]
    fn units_with_a_single_value_cannot_be_paired() {
        assert_eq!(
            ordinal_alpha(&units(&[&[3], &[4], &[]])),
            Err(AlphaUndefined::NothingToCompare)
        );
        let empty: Vec<Vec<Score>> = Vec::new();
        assert_eq!(ordinal_alpha(&empty), Err(AlphaUndefined::NothingToCompare));
    }

    #[test]
    fn unpairable_units_do_not_change_the_result() {
        let base = ordinal_alpha(&units(&[&[1, 2], &[4, 4], &[2, 3]])).unwrap();
        let with_lonely = ordinal_alpha(&units(&[&[1, 2], &[4, 4], &[2, 3], &[5]])).unwrap();
        assert!((base - with_lonely).abs() < 1e-12);
    }

    #[test]
    fn ordinal_distance_counts_values_between_ranks() {
        // Marginals 2, 0, 4, 0, 2: from rank 1 to rank 3 lie 2 + 0 + 4 values.
        let m = [2.0, 0.0, 4.0, 0.0, 2.0];
        assert_eq!(ordinal_distance(&m, 0, 2), (6.0_f64 - 3.0).powi(2));
        assert_eq!(ordinal_distance(&m, 2, 0), ordinal_distance(&m, 0, 2));
        assert_eq!(ordinal_distance(&m, 1, 1), 0.0);
    }
}
