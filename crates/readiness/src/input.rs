use throughline_model::{Dimension, Score};

use crate::ReadinessError;

/// Reads one typed score (a grid cell): empty means skipped, otherwise a whole number 1 to 5.
///
/// `"4"`, `" 4 "` and `"4.0"` are all 4; `"7"`, `"0"` and `"-1"` are out of range; `"3.5"`
/// and `"high"` are not scores. The error names the dimension and the rater.
pub fn parse_score(
    input: &str,
    rater: &str,
    dimension: Dimension,
) -> Result<Option<Score>, ReadinessError> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let out_of_range = || ReadinessError::ScoreOutOfRange {
        dimension,
        rater: rater.to_string(),
        value: text.to_string(),
    };
    let whole = match text.parse::<i64>() {
        Ok(n) => Some(n),
        // Spreadsheets often hand over "4.0"; a whole number written as a decimal is fine.
        Err(_) => match text.parse::<f64>() {
            Ok(x) if x.is_finite() && x.fract() == 0.0 => {
                if x.abs() > 1e6 {
                    return Err(out_of_range());
                }
                Some(x as i64)
            }
            _ => None,
        },
    };
    match whole {
        Some(n) => Score::new(n).map(Some).map_err(|_| out_of_range()),
        // A huge integer that overflows i64 is still a whole number, just far out of range.
        None if is_digits(text.trim_start_matches(['-', '+'])) => Err(out_of_range()),
        None => Err(ReadinessError::NotAScore {
            dimension,
            rater: rater.to_string(),
            input: text.to_string(),
        }),
    }
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}
