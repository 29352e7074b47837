//! Text mixing styles on one line (a readable name with its key beside it in small type),
//! wrapped word by word across the runs.

use super::{Item, Row, measure, wrap};
use crate::style::TextStyle;

/// A stretch of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub text: String,
    pub style: TextStyle,
}

/// A run of `text` in `style`.
pub(crate) fn run(text: impl Into<String>, style: TextStyle) -> Run {
    Run {
        text: text.into(),
        style,
    }
}

/// Rows for `runs` wrapped to `width` at `x`: the row height and baseline follow `main`,
/// and every run sits on that baseline whatever its size.
pub(crate) fn run_rows(runs: &[Run], main: TextStyle, x: f32, width: f32) -> Vec<Row> {
    let mut lines: Vec<Vec<(f32, TextStyle, String)>> = vec![Vec::new()];
    let mut used = 0.0_f32;
    let mut ended_with_space = false;
    for r in runs {
        let space = measure(" ", r.style);
        let starts_with_space = ended_with_space || r.text.starts_with(char::is_whitespace);
        ended_with_space = r.text.ends_with(char::is_whitespace);
        for (k, word) in r.text.split_whitespace().enumerate() {
            let line_empty = lines.last().is_none_or(Vec::is_empty);
            let gap = if line_empty || (k == 0 && !starts_with_space) {
                0.0
            } else {
                space
            };
            let w = measure(word, r.style);
            if !line_empty && used + gap + w > width {
                lines.push(Vec::new());
                used = 0.0;
            }
            let gap = if lines.last().is_none_or(Vec::is_empty) {
                0.0
            } else {
                gap
            };
            if w > width {
                // A word wider than the line breaks between characters.
                let pieces = wrap(word, r.style, width);
                let count = pieces.len();
                for (i, piece) in pieces.into_iter().enumerate() {
                    if lines.last().is_some_and(|l| !l.is_empty()) {
                        lines.push(Vec::new());
                    }
                    let pw = measure(&piece, r.style);
                    if let Some(line) = lines.last_mut() {
                        line.push((0.0, r.style, piece));
                    }
                    used = pw;
                    if i + 1 < count {
                        lines.push(Vec::new());
                    }
                }
                continue;
            }
            if let Some(line) = lines.last_mut() {
                push_piece(line, used + gap, gap > 0.0, r.style, word);
            }
            used += gap + w;
        }
    }
    lines
        .into_iter()
        .map(|line| {
            let mut row = Row::space(main.leading);
            let baseline = Row::baseline(main.leading, main);
            for (dx, style, text) in line {
                row = row.with(Item::text(x + dx, baseline, style, text));
            }
            row
        })
        .collect()
}

/// Appends `word` at `at`, joining it to the previous piece when the style is the same.
fn push_piece(
    line: &mut Vec<(f32, TextStyle, String)>,
    at: f32,
    spaced: bool,
    style: TextStyle,
    word: &str,
) {
    if let Some((_, last_style, text)) = line.last_mut()
        && *last_style == style
    {
        if spaced {
            text.push(' ');
        }
        text.push_str(word);
        return;
    }
    line.push((at, style, word.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{BODY, SMALL};

    fn texts(rows: &[Row]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| {
                r.items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text { text, .. } => Some(text.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn runs_share_a_line_and_a_baseline() {
        let rows = run_rows(
            &[
                run("Must not vary: Account ID", BODY),
                run(" account.id", SMALL),
            ],
            BODY,
            0.0,
            400.0,
        );
        assert_eq!(
            texts(&rows),
            vec![vec![
                "Must not vary: Account ID".to_string(),
                "account.id".into()
            ]]
        );
        let baselines: Vec<f32> = rows[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { baseline, .. } => Some(*baseline),
                _ => None,
            })
            .collect();
        assert_eq!(baselines[0], baselines[1]);
    }

    #[test]
    fn runs_wrap_within_the_width() {
        let long = "word ".repeat(60);
        let rows = run_rows(
            &[run(long.trim(), BODY), run(" key.x", SMALL)],
            BODY,
            10.0,
            120.0,
        );
        assert!(rows.len() > 5);
        for row in &rows {
            for item in &row.items {
                if let Item::Text { x, width, .. } = item {
                    assert!(x + width <= 130.5, "{x} + {width}");
                }
            }
        }
        let giant = "x".repeat(300);
        let rows = run_rows(&[run(&giant, BODY)], BODY, 0.0, 100.0);
        assert!(rows.len() > 3);
    }
}
