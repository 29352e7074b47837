//! Writing laid-out pages as a PDF: running header and footer, subsetted fonts, printpdf
//! operations, and a deterministic file (the same workspace and options give the same bytes).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use printpdf::{
    Codepoint, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing,
    Pt as PdfPt, Rgb, TextItem, WindingOrder,
};

use super::{Geometry, Item, Page, Pt, Stroke, ellipsize, pt};
use crate::PlaybookError;
use crate::fonts::{self, Font, Segment};
use crate::style::{Color, MUTED, RULE, SMALL, TextStyle};

/// What the running header and the footer say.
#[derive(Debug, Clone)]
pub(crate) struct Running<'a> {
    pub workspace: &'a str,
    pub title: &'a str,
    pub date: &'a str,
    /// The export time, RFC 3339, for the PDF's creation date.
    pub created: Option<&'a str>,
}

/// Adds the running header and footer to every page and writes the PDF.
pub(crate) fn write_pdf(
    mut pages: Vec<Page>,
    geo: Geometry,
    running: &Running<'_>,
) -> Result<Vec<u8>, PlaybookError> {
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        if !page.plain {
            page.items
                .extend(header_and_footer(geo, running, i + 1, total));
        }
    }

    // Every line is shaped once: which fonts draw it, with which glyphs, in visual order.
    let mut shaped: Vec<Vec<Vec<Segment>>> = Vec::with_capacity(pages.len());
    let mut used: BTreeMap<Font, BTreeSet<u16>> = BTreeMap::new();
    for page in &pages {
        let mut lines = Vec::new();
        for item in &page.items {
            if let Item::Text { style, text, .. } = item {
                let segments = fonts::shape_line(style.face, text)?;
                for s in &segments {
                    used.entry(s.font)
                        .or_default()
                        .extend(s.glyphs.iter().map(|g| g.gid));
                }
                lines.push(segments);
            }
        }
        shaped.push(lines);
    }

    let title = format!("{} · {}", running.workspace, running.title);
    let mut doc = PdfDocument::new(&title);
    doc.metadata.info.creator = "Throughline".to_string();
    doc.metadata.info.producer = "Throughline playbook (printpdf)".to_string();
    if let Some(when) = running.created.and_then(super::time::pdf_time) {
        doc.metadata.info.creation_date = when;
        doc.metadata.info.modification_date = when;
        doc.metadata.info.metadata_date = when;
    }
    let mut embedded = BTreeMap::new();
    for (font, gids) in &used {
        let (bytes, renumbered) = fonts::subset(*font, gids)?;
        let parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| {
            PlaybookError::Font {
                font: font.name(),
                reason: "printpdf could not read the subsetted font".to_string(),
            }
        })?;
        // A fixed resource name (printpdf's default is random) keeps the output stable.
        let id = FontId(format!("F{}", embedded.len() + 1));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
        embedded.insert(*font, Embedded { id, renumbered });
    }

    let width = Mm::from(PdfPt(geo.width));
    let height = Mm::from(PdfPt(geo.height));
    let pdf_pages = pages
        .iter()
        .zip(&shaped)
        .map(|(page, lines)| {
            PdfPage::new(width, height, page_ops(page, lines, geo.height, &embedded))
        })
        .collect();
    doc.with_pages(pdf_pages);

    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&options, &mut Vec::new());
    let id = document_id(&pages);
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id, lopdf::StringFormat::Hexadecimal),
        ]),
    );
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| PlaybookError::Write(e.to_string()))?;
    Ok(out)
}

fn header_and_footer(geo: Geometry, running: &Running<'_>, n: usize, total: usize) -> Vec<Item> {
    let style = SMALL;
    let half = geo.content_width() / 2.0 - 12.0;
    let header_base = geo.top - 30.0;
    let name = ellipsize(running.workspace, style, half);
    let title_width = super::measure(running.title, style);
    let footer_base = geo.bottom + 34.0;
    let page = format!("Page {n} of {total}");
    let page_width = super::measure(&page, style);
    vec![
        Item::text(geo.left, header_base, style, name),
        Item::text(geo.right - title_width, header_base, style, running.title),
        Item::Path {
            points: vec![
                pt(geo.left, header_base + 8.0),
                pt(geo.right, header_base + 8.0),
            ],
            closed: false,
            stroke: Stroke::solid(RULE, 0.6),
        },
        Item::text(
            geo.left,
            footer_base,
            style,
            ellipsize(running.date, style, half),
        ),
        Item::text(
            geo.right - page_width,
            footer_base,
            style.colored(MUTED),
            page,
        ),
    ]
}

/// A font as embedded in the document: its resource name and its glyphs' new numbers.
struct Embedded {
    id: FontId,
    renumbered: HashMap<u16, u16>,
}

fn page_ops(
    page: &Page,
    lines: &[Vec<Segment>],
    height: f32,
    fonts: &BTreeMap<Font, Embedded>,
) -> Vec<Op> {
    let point = |x: f32, y: f32| Point {
        x: PdfPt(x),
        y: PdfPt(height - y),
    };
    let points = |pts: &[Pt]| -> Vec<LinePoint> {
        pts.iter()
            .map(|p| LinePoint {
                p: point(p.x, p.y),
                bezier: p.curve,
            })
            .collect()
    };
    let mut ops = Vec::new();
    let mut lines = lines.iter();
    for item in &page.items {
        match item {
            Item::Text {
                x, baseline, style, ..
            } => {
                let Some(segments) = lines.next() else {
                    continue;
                };
                let mut at = *x;
                for segment in segments {
                    if let Some(font) = fonts.get(&segment.font) {
                        ops.extend(text_ops(font, *style, point(at, *baseline), segment));
                    }
                    at += segment.width(style.size);
                }
            }
            Item::Path {
                points: pts,
                closed,
                stroke,
            } => {
                ops.extend(stroke_ops(*stroke));
                ops.push(Op::DrawLine {
                    line: Line {
                        points: points(pts),
                        is_closed: *closed,
                    },
                });
            }
            Item::Shape {
                points: pts,
                fill,
                stroke,
            } => {
                ops.push(Op::SetFillColor { col: rgb(*fill) });
                if let Some(s) = stroke {
                    ops.extend(stroke_ops(*s));
                }
                ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![PolygonRing {
                            points: points(pts),
                        }],
                        mode: if stroke.is_some() {
                            PaintMode::FillStroke
                        } else {
                            PaintMode::Fill
                        },
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
        }
    }
    ops
}

fn text_ops(font: &Embedded, style: TextStyle, at: Point, segment: &Segment) -> [Op; 6] {
    let glyphs = segment
        .glyphs
        .iter()
        .map(|g| Codepoint {
            gid: font.renumbered.get(&g.gid).copied().unwrap_or(0),
            offset: 0.0,
            // What the glyph reads as when the text is copied or searched.
            cid: Some(g.text.clone()),
        })
        .collect();
    [
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(font.id.clone()),
            size: PdfPt(style.size),
        },
        Op::SetFillColor {
            col: rgb(style.color),
        },
        // Right after BT the text matrix is the identity, so this relative move is absolute.
        Op::SetTextCursor { pos: at },
        Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        },
        Op::EndTextSection,
    ]
}

fn stroke_ops(stroke: Stroke) -> [Op; 3] {
    [
        Op::SetOutlineColor {
            col: rgb(stroke.color),
        },
        Op::SetOutlineThickness {
            pt: PdfPt(stroke.width),
        },
        Op::SetLineDashPattern {
            dash: match stroke.dash {
                Some(d) => LineDashPattern::new(0.0, &[d, d]),
                None => LineDashPattern::solid(),
            },
        },
    ]
}

fn rgb(c: Color) -> printpdf::Color {
    printpdf::Color::Rgb(Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// A file identifier derived from the content (FNV-1a, twice seeded), so equal input gives
/// equal bytes.
fn document_id(pages: &[Page]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16);
    for seed in [0xcbf2_9ce4_8422_2325_u64, 0x8422_2325_cbf2_9ce4] {
        let mut h = seed;
        let mut feed = |bytes: &[u8]| {
            for b in bytes {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        feed(&pages.len().to_le_bytes());
        for item in pages.iter().flat_map(|p| &p.items) {
            if let Item::Text { text, baseline, .. } = item {
                feed(text.as_bytes());
                feed(&baseline.to_le_bytes());
            }
        }
        out.extend_from_slice(&h.to_be_bytes());
    }
    out
}
