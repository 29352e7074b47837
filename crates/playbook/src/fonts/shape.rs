//! Turning one line of text into glyphs to draw: each character in the first font of the face
//! that has it, right-to-left stretches in visual order (the Unicode bidirectional algorithm),
//! and Arabic joined into its contextual forms by the font's own substitutions.

use allsorts::binary::read::ReadScope;
use allsorts::font::MatchingPresentation;
use allsorts::font_data::FontData;
use allsorts::gsub::{FeatureMask, FeatureMaskExt};
use allsorts::tag;
use unicode_bidi::BidiInfo;

use super::{Face, Font, Stack, is_invisible, is_mark};
use crate::PlaybookError;

/// A glyph to draw and the text it stands for (for copying and searching the PDF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Glyph {
    /// The glyph's number in the full font.
    pub gid: u16,
    /// Its advance in font units.
    pub advance: u16,
    /// The characters it draws (several for a ligature, none for a mark's share).
    pub text: String,
}

/// Glyphs of one font, left to right as they appear on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    pub font: Font,
    pub glyphs: Vec<Glyph>,
}

impl Segment {
    /// The segment's width at `size` points.
    pub(crate) fn width(&self, size: f32) -> f32 {
        let upem = self.font.metrics().map_or(1000.0, |m| m.units_per_em());
        self.glyphs
            .iter()
            .map(|g| f32::from(g.advance))
            .sum::<f32>()
            * size
            / upem
    }
}

/// The glyphs of one line of `text` in `face`, in visual order, grouped by font.
pub(crate) fn shape_line(face: Face, text: &str) -> Result<Vec<Segment>, PlaybookError> {
    let stack = face.metrics()?;
    let line: String = text.chars().filter(|c| !c.is_control()).collect();
    if line.is_empty() {
        return Ok(Vec::new());
    }
    let bidi = BidiInfo::new(&line, None);
    let mut out: Vec<Segment> = Vec::new();
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
            let mut pieces = Vec::new();
            for (font, piece) in split_by_font(stack, &line[run]) {
                pieces.push(glyphs(font, &piece, rtl)?);
            }
            if rtl {
                pieces.reverse();
                for p in &mut pieces {
                    p.glyphs.reverse();
                }
            }
            for p in pieces {
                match out.last_mut() {
                    Some(last) if last.font == p.font => last.glyphs.extend(p.glyphs),
                    _ => out.push(p),
                }
            }
        }
    }
    Ok(out)
}

/// Splits logical-order text into stretches of one font each.
fn split_by_font(stack: &Stack, text: &str) -> Vec<(Font, String)> {
    let mut pieces: Vec<(Font, String)> = Vec::new();
    for c in text.chars() {
        let current = pieces.last().map(|(f, _)| *f);
        let keep = (is_invisible(c) || is_mark(c))
            && current.is_some_and(|f| is_invisible(c) || f.metrics().is_ok_and(|m| m.has(c)));
        let font = match current {
            Some(f) if keep => f,
            _ => stack.font_for(c).0,
        };
        match pieces.last_mut() {
            Some((f, s)) if *f == font => s.push(c),
            _ => pieces.push((font, c.to_string())),
        }
    }
    pieces
}

/// The glyphs of `text` in `font`, in logical order.
fn glyphs(font: Font, text: &str, rtl: bool) -> Result<Segment, PlaybookError> {
    let metrics = font.metrics()?;
    let glyphs = if font.shapes() {
        shaped(font, text)?
    } else {
        text.chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| {
                let drawn = if rtl { mirror(c) } else { c };
                let gid = metrics.glyph(drawn);
                Glyph {
                    gid,
                    advance: metrics.advance(gid),
                    text: c.to_string(),
                }
            })
            .collect()
    };
    Ok(Segment { font, glyphs })
}

/// Arabic text through the font's substitutions: letters take their joined forms, lam-alef
/// becomes its ligature.
fn shaped(font: Font, text: &str) -> Result<Vec<Glyph>, PlaybookError> {
    let fail = |reason: String| PlaybookError::Font {
        font: font.name(),
        reason,
    };
    let metrics = font.metrics()?;
    let file = ReadScope::new(font.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| fail(e.to_string()))?;
    let provider = file.table_provider(0).map_err(|e| fail(e.to_string()))?;
    let mut shaper = allsorts::Font::new(provider).map_err(|e| fail(e.to_string()))?;
    let raw = shaper.map_glyphs(text, tag::ARAB, MatchingPresentation::NotRequired);
    let infos = match shaper.shape(
        raw,
        tag::ARAB,
        None,
        FeatureMask::default_mask(),
        &[],
        None,
        false,
    ) {
        Ok(infos) => infos,
        // allsorts applies what it can and reports the first problem: draw what it gave.
        Err((_, infos)) => infos,
    };
    Ok(infos
        .into_iter()
        .map(|info| {
            let gid = info.glyph.glyph_index;
            Glyph {
                gid,
                advance: metrics.advance(gid),
                text: info.glyph.unicodes.iter().collect(),
            }
        })
        .collect())
}

/// The mirrored form of a paired character drawn right to left.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(segments: &[Segment]) -> String {
        segments
            .iter()
            .flat_map(|s| &s.glyphs)
            .map(|g| g.text.as_str())
            .collect()
    }

    #[test]
    fn latin_stays_in_one_inter_segment() {
        let s = shape_line(Face::Regular, "Owner: Ana").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].font, Font::InterRegular);
        assert_eq!(text_of(&s), "Owner: Ana");
        assert!(s[0].glyphs.iter().all(|g| g.gid != 0));
    }

    #[test]
    fn hebrew_is_drawn_right_to_left_after_latin() {
        let s = shape_line(Face::Regular, "Owner: דוד").unwrap();
        let fonts: Vec<Font> = s.iter().map(|s| s.font).collect();
        assert_eq!(fonts, vec![Font::InterRegular, Font::HebrewRegular]);
        // Visual order: the last letter of the word is drawn first.
        assert_eq!(text_of(&s[1..]), "דוד".chars().rev().collect::<String>());
    }

    #[test]
    fn arabic_letters_take_their_joined_forms() {
        let word = "محمد";
        let s = shape_line(Face::Regular, word).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].font, Font::ArabicRegular);
        let m = Font::ArabicRegular.metrics().unwrap();
        let isolated: Vec<u16> = word.chars().rev().map(|c| m.glyph(c)).collect();
        let drawn: Vec<u16> = s[0].glyphs.iter().map(|g| g.gid).collect();
        assert_ne!(drawn, isolated, "the letters were not joined");
        assert!(drawn.iter().all(|g| *g != 0));
        // Extracted text reads in logical order once reversed back.
        assert_eq!(text_of(&s).chars().rev().collect::<String>(), word);
    }

    #[test]
    fn cjk_and_emoji_fall_back_and_nothing_is_notdef() {
        let s = shape_line(Face::Bold, "王小明 さくら 😀 ok").unwrap();
        let fonts: Vec<Font> = s.iter().map(|s| s.font).collect();
        assert!(fonts.contains(&Font::Cjk) && fonts.contains(&Font::Emoji));
        assert!(s.iter().flat_map(|s| &s.glyphs).all(|g| g.gid != 0));
        assert_eq!(text_of(&s), "王小明 さくら 😀 ok");
    }

    #[test]
    fn a_variation_selector_draws_nothing() {
        let s = shape_line(Face::Regular, "❤\u{FE0F}").unwrap();
        assert_eq!(s.iter().map(|s| s.glyphs.len()).sum::<usize>(), 1);
    }
}
