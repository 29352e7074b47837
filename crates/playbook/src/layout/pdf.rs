//! Writing laid-out pages as a PDF: running header and footer, subsetted fonts, printpdf
//! operations, and a deterministic file (the same workspace and options give the same bytes).

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt as PdfPt, Rgb,
    TextItem, WindingOrder,
};

use super::{Geometry, Item, Page, Pt, Stroke, ellipsize, pt};
use crate::PlaybookError;
use crate::fonts::{self, Face};
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

    let mut chars: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for item in pages.iter().flat_map(|p| &p.items) {
        if let Item::Text { style, text, .. } = item {
            chars.entry(style.face).or_default().extend(text.chars());
        }
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
    let mut font_ids = BTreeMap::new();
    for (face, used) in &chars {
        let bytes = fonts::subset(*face, used)?;
        let parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| {
            PlaybookError::Font {
                font: "subset",
                reason: "printpdf could not read the subsetted font".to_string(),
            }
        })?;
        // A fixed resource name (printpdf's default is random) keeps the output stable.
        let id = FontId(format!("F{}", font_ids.len() + 1));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
        font_ids.insert(*face, id);
    }

    let width = Mm::from(PdfPt(geo.width));
    let height = Mm::from(PdfPt(geo.height));
    let pdf_pages = pages
        .iter()
        .map(|page| PdfPage::new(width, height, page_ops(page, geo.height, &font_ids)))
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

fn page_ops(page: &Page, height: f32, fonts: &BTreeMap<Face, FontId>) -> Vec<Op> {
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
    for item in &page.items {
        match item {
            Item::Text {
                x,
                baseline,
                style,
                text,
                ..
            } => {
                let Some(font) = fonts.get(&style.face) else {
                    continue;
                };
                ops.extend(text_ops(font, *style, point(*x, *baseline), text));
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

fn text_ops(font: &FontId, style: TextStyle, at: Point, text: &str) -> [Op; 6] {
    [
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: PdfPt(style.size),
        },
        Op::SetFillColor {
            col: rgb(style.color),
        },
        // Right after BT the text matrix is the identity, so this relative move is absolute.
        Op::SetTextCursor { pos: at },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
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
