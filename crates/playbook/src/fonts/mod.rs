//! The embedded fonts: their metrics (for measuring text) and per-document subsetting.
//!
//! Inter (SIL Open Font License 1.1, see `assets/fonts/`) covers accented Latin, Greek and
//! Cyrillic. Each document embeds only the glyphs it uses: printpdf subsets fonts only with
//! its heavy `text_layout` feature, so we subset here with allsorts, which printpdf already
//! builds, and hand printpdf a small font whose own cmap still maps Unicode to glyphs.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};
use allsorts::tables::cmap::Cmap;
use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable};
use allsorts::tag;

use crate::PlaybookError;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Inter-Regular.otf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/Inter-Bold.otf");

/// The two faces a playbook uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Face {
    Regular,
    Bold,
}

impl Face {
    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Face::Regular => "Inter Regular",
            Face::Bold => "Inter Bold",
        }
    }

    /// The face's metrics, parsed once per process.
    pub(crate) fn metrics(self) -> Result<&'static Metrics, PlaybookError> {
        static REGULAR_METRICS: OnceLock<Result<Metrics, String>> = OnceLock::new();
        static BOLD_METRICS: OnceLock<Result<Metrics, String>> = OnceLock::new();
        let cell = match self {
            Face::Regular => &REGULAR_METRICS,
            Face::Bold => &BOLD_METRICS,
        };
        cell.get_or_init(|| Metrics::parse(self.bytes()))
            .as_ref()
            .map_err(|reason| PlaybookError::Font {
                font: self.name(),
                reason: reason.clone(),
            })
    }
}

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

    /// The glyph drawn for `c`; 0 (.notdef) when the font lacks it.
    pub(crate) fn glyph(&self, c: char) -> u16 {
        self.glyphs.get(&c).copied().unwrap_or(0)
    }

    /// Whether the font has a glyph for `c`.
    #[cfg(test)]
    pub(crate) fn has(&self, c: char) -> bool {
        self.glyphs.contains_key(&c)
    }

    /// The advance of `c` at `size` points.
    pub(crate) fn char_width(&self, c: char, size: f32) -> f32 {
        let advance = self
            .advances
            .get(usize::from(self.glyph(c)))
            .copied()
            .unwrap_or(0);
        f32::from(advance) * size / self.units_per_em
    }

    /// The width of `text` at `size` points (no kerning: the PDF places glyphs by advance).
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }
}

/// A face cut down to the glyphs of `text`, still mapping Unicode to its glyphs.
pub(crate) fn subset(face: Face, chars: &BTreeSet<char>) -> Result<Vec<u8>, PlaybookError> {
    let metrics = face.metrics()?;
    let fail = |reason: String| PlaybookError::Font {
        font: face.name(),
        reason,
    };
    // Glyph 0 (.notdef) must come first; the rest sorted and unique.
    let mut ids: BTreeSet<u16> = chars.iter().map(|c| metrics.glyph(*c)).collect();
    ids.remove(&0);
    let ids: Vec<u16> = std::iter::once(0).chain(ids).collect();
    let file = ReadScope::new(face.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| fail(e.to_string()))?;
    let provider = file.table_provider(0).map_err(|e| fail(e.to_string()))?;
    allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| fail(format!("subsetting failed: {e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inter_covers_latin_greek_and_cyrillic() {
        let m = Face::Regular.metrics().unwrap();
        for c in "Éçñøß€ΑλΩπДжЯё".chars() {
            assert!(m.has(c), "Inter lacks {c}");
        }
        assert!(m.width("WWW", 10.0) > m.width("iii", 10.0));
    }

    #[test]
    fn a_subset_is_much_smaller_than_the_font() {
        let chars: BTreeSet<char> = "Coherence playbook Ωμέγα Привет".chars().collect();
        let bytes = subset(Face::Bold, &chars).unwrap();
        assert!(
            bytes.len() < BOLD.len() / 5,
            "subset is {} bytes",
            bytes.len()
        );
    }
}
