//! The embedded fonts: their metrics (for measuring text), the fallback order that gives
//! every character a font that has it, and per-document subsetting.
//!
//! Inter (SIL Open Font License 1.1, see `assets/fonts/`) covers accented Latin, Greek and
//! Cyrillic. Characters it lacks fall back, one character at a time, to Noto Sans Arabic,
//! Noto Sans Hebrew, a subset of Noto Sans CJK SC and the monochrome Noto Emoji (all OFL 1.1;
//! `assets/fonts/README.md` says what each covers and why). Each document embeds only the
//! glyphs it uses: printpdf subsets fonts only with its heavy `text_layout` feature, so we
//! subset here with allsorts, which printpdf already builds.

mod shape;

pub(crate) use shape::{Segment, shape_line};

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};
use allsorts::tables::cmap::Cmap;
use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable};
use allsorts::tag;

use crate::PlaybookError;

/// One embedded font file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Font {
    InterRegular,
    InterBold,
    ArabicRegular,
    ArabicBold,
    HebrewRegular,
    HebrewBold,
    /// Regular only: bold CJK text draws in the regular weight.
    Cjk,
    /// Monochrome outlines, one weight.
    Emoji,
}

impl Font {
    const ALL: [Font; 8] = [
        Font::InterRegular,
        Font::InterBold,
        Font::ArabicRegular,
        Font::ArabicBold,
        Font::HebrewRegular,
        Font::HebrewBold,
        Font::Cjk,
        Font::Emoji,
    ];

    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            Font::InterRegular => include_bytes!("../../../../assets/fonts/Inter-Regular.otf"),
            Font::InterBold => include_bytes!("../../../../assets/fonts/Inter-Bold.otf"),
            Font::ArabicRegular => {
                include_bytes!("../../../../assets/fonts/NotoSansArabic-Regular.ttf")
            }
            Font::ArabicBold => include_bytes!("../../../../assets/fonts/NotoSansArabic-Bold.ttf"),
            Font::HebrewRegular => {
                include_bytes!("../../../../assets/fonts/NotoSansHebrew-Regular.ttf")
            }
            Font::HebrewBold => include_bytes!("../../../../assets/fonts/NotoSansHebrew-Bold.ttf"),
            Font::Cjk => include_bytes!("../../../../assets/fonts/NotoSansCJKsc-Subset.otf"),
            Font::Emoji => include_bytes!("../../../../assets/fonts/NotoEmoji-Regular.ttf"),
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Font::InterRegular => "Inter Regular",
            Font::InterBold => "Inter Bold",
            Font::ArabicRegular => "Noto Sans Arabic Regular",
            Font::ArabicBold => "Noto Sans Arabic Bold",
            Font::HebrewRegular => "Noto Sans Hebrew Regular",
            Font::HebrewBold => "Noto Sans Hebrew Bold",
            Font::Cjk => "Noto Sans CJK SC (subset)",
            Font::Emoji => "Noto Emoji",
        }
    }

    /// Whether runs in this font are shaped with the font's substitutions (Arabic joins).
    pub(crate) fn shapes(self) -> bool {
        matches!(self, Font::ArabicRegular | Font::ArabicBold)
    }

    /// The font's metrics, parsed once per process.
    pub(crate) fn metrics(self) -> Result<&'static Metrics, PlaybookError> {
        static CELLS: [OnceLock<Result<Metrics, String>>; 8] = [const { OnceLock::new() }; 8];
        let index = Font::ALL.iter().position(|f| *f == self).unwrap_or(0);
        CELLS[index]
            .get_or_init(|| Metrics::parse(self.bytes()))
            .as_ref()
            .map_err(|reason| PlaybookError::Font {
                font: self.name(),
                reason: reason.clone(),
            })
    }
}

/// The two faces a playbook's styles use; each is a list of fonts tried in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Face {
    Regular,
    Bold,
}

impl Face {
    /// The fonts tried for a character, first to last.
    pub(crate) fn fonts(self) -> [Font; 5] {
        match self {
            Face::Regular => [
                Font::InterRegular,
                Font::ArabicRegular,
                Font::HebrewRegular,
                Font::Cjk,
                Font::Emoji,
            ],
            Face::Bold => [
                Font::InterBold,
                Font::ArabicBold,
                Font::HebrewBold,
                Font::Cjk,
                Font::Emoji,
            ],
        }
    }

    /// The face's measurer: every font of the face, parsed once per process.
    pub(crate) fn metrics(self) -> Result<&'static Stack, PlaybookError> {
        static REGULAR: OnceLock<Result<Stack, PlaybookError>> = OnceLock::new();
        static BOLD: OnceLock<Result<Stack, PlaybookError>> = OnceLock::new();
        let cell = match self {
            Face::Regular => &REGULAR,
            Face::Bold => &BOLD,
        };
        cell.get_or_init(|| {
            let fonts = self.fonts();
            let mut metrics = Vec::with_capacity(fonts.len());
            for font in fonts {
                metrics.push((font, font.metrics()?));
            }
            Ok(Stack { fonts: metrics })
        })
        .as_ref()
        .map_err(Clone::clone)
    }
}

/// Characters that draw nothing and join to their neighbours' font: joiners and variation
/// selectors.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
        || ('\u{E0100}'..='\u{E01EF}').contains(&c)
}

/// Combining marks that belong with the letter before them, in that letter's font.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{3099}'..='\u{309A}')
}

/// A face's fonts in fallback order, for measuring text that mixes scripts.
#[derive(Debug)]
pub(crate) struct Stack {
    fonts: Vec<(Font, &'static Metrics)>,
}

impl Stack {
    /// The first font of the face that has `c`; the face's main font when none has it.
    pub(crate) fn font_for(&self, c: char) -> (Font, &'static Metrics) {
        self.fonts
            .iter()
            .find(|(_, m)| m.has(c))
            .or_else(|| self.fonts.first())
            .copied()
            .unwrap_or_else(|| (Font::InterRegular, EMPTY.get_or_init(Metrics::empty)))
    }

    /// The advance of `c` at `size` points, in the font that draws it.
    pub(crate) fn char_width(&self, c: char, size: f32) -> f32 {
        if is_invisible(c) {
            return 0.0;
        }
        let (_, m) = self.font_for(c);
        m.char_width(c, size)
    }

    /// The width of `text` at `size` points (no kerning: the PDF places glyphs by advance).
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }
}

static EMPTY: OnceLock<Metrics> = OnceLock::new();

/// What text measurement needs from a face: glyph lookup and advances.
#[derive(Debug)]
pub(crate) struct Metrics {
    glyphs: HashMap<char, u16>,
    advances: Vec<u16>,
    units_per_em: f32,
}

impl Metrics {
    fn parse(bytes: &[u8]) -> Result<Self, String> {
        let file = ReadScope::new(bytes)
            .read::<FontData<'_>>()
            .map_err(|e| e.to_string())?;
        let provider = file.table_provider(0).map_err(|e| e.to_string())?;
        let table = |t: u32| provider.read_table_data(t).map_err(|e| e.to_string());
        let head_data = table(tag::HEAD)?;
        let head = ReadScope::new(&head_data)
            .read::<HeadTable>()
            .map_err(|e| e.to_string())?;
        let maxp_data = table(tag::MAXP)?;
        let maxp = ReadScope::new(&maxp_data)
            .read::<MaxpTable>()
            .map_err(|e| e.to_string())?;
        let hhea_data = table(tag::HHEA)?;
        let hhea = ReadScope::new(&hhea_data)
            .read::<HheaTable>()
            .map_err(|e| e.to_string())?;
        let hmtx_data = table(tag::HMTX)?;
        let hmtx = ReadScope::new(&hmtx_data)
            .read_dep::<HmtxTable<'_>>((
                usize::from(maxp.num_glyphs),
                usize::from(hhea.num_h_metrics),
            ))
            .map_err(|e| e.to_string())?;
        let advances = (0..maxp.num_glyphs)
            .map(|gid| hmtx.horizontal_advance(gid).unwrap_or(0))
            .collect();

        let cmap_data = table(tag::CMAP)?;
        let cmap = ReadScope::new(&cmap_data)
            .read::<Cmap<'_>>()
            .map_err(|e| e.to_string())?;
        let (_, subtable) = allsorts::font::read_cmap_subtable(&cmap)
            .map_err(|e| e.to_string())?
            .ok_or("the font has no Unicode cmap")?;
        let mut glyphs = HashMap::new();
        subtable
            .mappings_fn(|cp, gid| {
                if let Some(c) = char::from_u32(cp) {
                    glyphs.insert(c, gid);
                }
            })
            .map_err(|e| e.to_string())?;
        let units_per_em = f32::from(head.units_per_em.max(1));
        Ok(Self {
            glyphs,
            advances,
            units_per_em,
        })
    }

    /// Metrics of no font (measuring gives zero); only when every font failed to parse.
    fn empty() -> Self {
        Self {
            glyphs: HashMap::new(),
            advances: Vec::new(),
            units_per_em: 1000.0,
        }
    }

    /// The glyph drawn for `c`; 0 (.notdef) when the font lacks it.
    pub(crate) fn glyph(&self, c: char) -> u16 {
        self.glyphs.get(&c).copied().unwrap_or(0)
    }

    /// Whether the font has a glyph for `c`.
    pub(crate) fn has(&self, c: char) -> bool {
        self.glyphs.contains_key(&c)
    }

    /// The advance of glyph `gid` in font units.
    pub(crate) fn advance(&self, gid: u16) -> u16 {
        self.advances.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// The font's units per em.
    pub(crate) fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// The advance of `c` at `size` points.
    pub(crate) fn char_width(&self, c: char, size: f32) -> f32 {
        f32::from(self.advance(self.glyph(c))) * size / self.units_per_em
    }
}

/// `font` cut down to the glyphs `gids` (in the font's own numbering), and for each of them
/// its number in the cut-down font.
pub(crate) fn subset(
    font: Font,
    gids: &BTreeSet<u16>,
) -> Result<(Vec<u8>, HashMap<u16, u16>), PlaybookError> {
    let fail = |reason: String| PlaybookError::Font {
        font: font.name(),
        reason,
    };
    // Glyph 0 (.notdef) must come first; the rest sorted and unique. allsorts numbers the
    // kept glyphs by their place in this list.
    let ids: Vec<u16> = std::iter::once(0)
        .chain(gids.iter().copied().filter(|g| *g != 0))
        .collect();
    let renumbered = ids
        .iter()
        .enumerate()
        .filter_map(|(new, old)| u16::try_from(new).ok().map(|new| (*old, new)))
        .collect();
    let file = ReadScope::new(font.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| fail(e.to_string()))?;
    let provider = file.table_provider(0).map_err(|e| fail(e.to_string()))?;
    let bytes = allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| fail(format!("subsetting failed: {e:?}")))?;
    Ok((bytes, renumbered))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inter_covers_latin_greek_and_cyrillic() {
        let m = Font::InterRegular.metrics().unwrap();
        for c in "Éçñøß€ΑλΩπДжЯё".chars() {
            assert!(m.has(c), "Inter lacks {c}");
        }
        let face = Face::Regular.metrics().unwrap();
        assert!(face.width("WWW", 10.0) > face.width("iii", 10.0));
    }

    #[test]
    fn every_script_of_the_names_has_a_font() {
        for face in [Face::Regular, Face::Bold] {
            let stack = face.metrics().unwrap();
            for (text, font) in [
                ("Ana", [Font::InterRegular, Font::InterBold]),
                ("محمد", [Font::ArabicRegular, Font::ArabicBold]),
                ("דוד", [Font::HebrewRegular, Font::HebrewBold]),
                ("王小明", [Font::Cjk, Font::Cjk]),
                ("さくら カタカナ 東京", [Font::Cjk, Font::Cjk]),
                ("김민준", [Font::Cjk, Font::Cjk]),
                ("😀🚀👍🎉", [Font::Emoji, Font::Emoji]),
            ] {
                let want = if face == Face::Regular {
                    font[0]
                } else {
                    font[1]
                };
                for c in text.chars().filter(|c| *c != ' ') {
                    assert_eq!(stack.font_for(c).0, want, "{c} in {face:?}");
                }
                assert!(stack.width(text, 10.0) > 0.0);
            }
        }
    }

    #[test]
    fn a_subset_is_much_smaller_than_the_font_and_keeps_its_glyphs() {
        let m = Font::Cjk.metrics().unwrap();
        let gids: BTreeSet<u16> = "王小明東京".chars().map(|c| m.glyph(c)).collect();
        let (bytes, renumbered) = subset(Font::Cjk, &gids).unwrap();
        assert!(bytes.len() < 50_000, "subset is {} bytes", bytes.len());
        let small = Metrics::parse(&bytes).unwrap();
        for c in "王小明東京".chars() {
            assert_eq!(small.glyph(c), renumbered[&m.glyph(c)], "{c}");
            assert_eq!(small.advance(small.glyph(c)), m.advance(m.glyph(c)));
        }
    }
}
