//! Breaking text into lines that fit a width, measured with the font's glyph advances.

use crate::fonts::Stack;
use crate::style::TextStyle;

/// Breaks `text` into lines no wider than `width` in `style`.
///
/// Lines break at spaces; a word wider than the line (a 300-character name with no spaces,
/// a long URL) is broken between characters, preferring a break after `/`, `-`, `_` or `.`.
/// Newlines start new lines; blank lines are kept. Returns at least one (maybe empty) line.
pub(crate) fn wrap(text: &str, style: TextStyle, width: f32) -> Vec<String> {
    let Ok(metrics) = style.face.metrics() else {
        return vec![text.to_string()];
    };
    let size = style.size;
    let space = metrics.char_width(' ', size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
        {
            let word = clean(word);
            let word_width = metrics.width(&word, size);
            if line.is_empty() {
                // nothing to do: the word starts the line below
            } else if line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(&word);
                line_width += space + word_width;
                continue;
            } else {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line = word;
                line_width = word_width;
            } else {
                let mut pieces = break_word(&word, metrics, size, width);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                line_width = metrics.width(&last, size);
                line = last;
            }
        }
        lines.push(line);
    }
    lines
}

/// Replaces characters that would draw nothing useful (tabs, control characters).
fn clean(word: &str) -> String {
    word.chars().filter(|c| !c.is_control()).collect()
}

/// Splits a word wider than `width` into pieces that each fit.
fn break_word(word: &str, metrics: &Stack, size: f32, width: f32) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        let mut used = 0.0;
        let mut soft_break = None;
        while end < chars.len() {
            let w = metrics.char_width(chars[end], size);
            if used + w > width && end > start {
                break;
            }
            used += w;
            if matches!(chars[end], '/' | '-' | '_' | '.') {
                soft_break = Some(end + 1);
            }
            end += 1;
        }
        if end < chars.len() {
            // Prefer a natural break point when it keeps at least half the line.
            if let Some(b) = soft_break.filter(|b| (b - start) * 2 >= end - start) {
                end = b;
            }
        }
        pieces.push(chars[start..end].iter().collect());
        start = end;
    }
    pieces
}

/// Shortens `text` with an ellipsis so that it fits `width` on one line.
pub(crate) fn ellipsize(text: &str, style: TextStyle, width: f32) -> String {
    let Ok(metrics) = style.face.metrics() else {
        return text.to_string();
    };
    let one_line: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    if metrics.width(&one_line, style.size) <= width {
        return one_line;
    }
    let budget = width - metrics.char_width('…', style.size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in one_line.chars() {
        let w = metrics.char_width(c, style.size);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::measure;
    use crate::style::BODY;

    #[test]
    fn words_wrap_within_the_width() {
        let text = "The website promises no setup while the onboarding wizard asks for \
                    technical configuration on the first day.";
        let lines = wrap(text, BODY, 150.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(measure(line, BODY) <= 150.0, "{line:?} is too wide");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_long_word_breaks_between_characters() {
        let name = "x".repeat(300);
        let lines = wrap(&name, BODY, 200.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(measure(line, BODY) <= 200.0);
        }
        assert_eq!(lines.concat(), name);
    }

    #[test]
    fn newlines_and_blank_lines_are_kept() {
        assert_eq!(wrap("a\n\nb", BODY, 100.0), vec!["a", "", "b"]);
        assert_eq!(wrap("", BODY, 100.0), vec![""]);
    }

    #[test]
    fn ellipsize_fits_the_width() {
        let short = ellipsize(&"Ω".repeat(200), BODY, 100.0);
        assert!(short.ends_with('…'));
        assert!(measure(&short, BODY) <= 100.0);
        assert_eq!(ellipsize("Short", BODY, 100.0), "Short");
    }
}
