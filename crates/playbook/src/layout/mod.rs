//! A small layout engine over printpdf: measured and wrapped text, rows that flow onto new
//! pages, vector shapes, and the running header and footer.
//!
//! Everything is laid out in points with y growing down the page (as one reads); the
//! conversion to PDF's bottom-up coordinates happens once, when the PDF is written.

mod flow;
mod pdf;
mod runs;
mod shapes;
mod time;
mod wrap;

pub(crate) use flow::{Cell, Flow, Row, clamped_rows, column_rows, text_rows};
pub(crate) use pdf::{Running, write_pdf};
pub(crate) use runs::{Run, run, run_rows};
pub(crate) use shapes::{circle, rect};
pub(crate) use wrap::{ellipsize, wrap};

use crate::style::{Color, TextStyle};
use crate::{PageFill, Paper, Section};

/// Something drawn on a page, in page coordinates (points, y down).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// One line of text; `baseline` is the y of its baseline, `width` its measured advance.
    Text {
        x: f32,
        baseline: f32,
        style: TextStyle,
        text: String,
        width: f32,
    },
    /// An open or closed stroked path.
    Path {
        points: Vec<Pt>,
        closed: bool,
        stroke: Stroke,
    },
    /// A filled (and optionally stroked) closed shape.
    Shape {
        points: Vec<Pt>,
        fill: Color,
        stroke: Option<Stroke>,
    },
}

/// A point of a path; `curve` marks a Bézier control point (two of them precede an end point).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pt {
    pub x: f32,
    pub y: f32,
    pub curve: bool,
}

/// A straight-line point.
pub(crate) fn pt(x: f32, y: f32) -> Pt {
    Pt { x, y, curve: false }
}

/// How a path is stroked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stroke {
    pub color: Color,
    pub width: f32,
    /// Dash length (the gap is the same), or solid.
    pub dash: Option<f32>,
}

impl Stroke {
    /// A solid line.
    pub(crate) fn solid(color: Color, width: f32) -> Self {
        Self {
            color,
            width,
            dash: None,
        }
    }

    /// A dashed line.
    pub(crate) fn dashed(color: Color, width: f32, dash: f32) -> Self {
        Self {
            color,
            width,
            dash: Some(dash),
        }
    }
}

impl Item {
    /// A line of text whose width is measured now.
    pub(crate) fn text(x: f32, baseline: f32, style: TextStyle, text: impl Into<String>) -> Self {
        let text = text.into();
        let width = measure(&text, style);
        Item::Text {
            x,
            baseline,
            style,
            text,
            width,
        }
    }

    /// The same item moved right by `dx`.
    pub(crate) fn moved(mut self, dx: f32) -> Self {
        match &mut self {
            Item::Text { x, .. } => *x += dx,
            Item::Path { points, .. } | Item::Shape { points, .. } => {
                for p in points {
                    p.x += dx;
                }
            }
        }
        self
    }

    /// The same item moved down by `dy`.
    pub(crate) fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Item::Text { baseline, .. } => *baseline += dy,
            Item::Path { points, .. } | Item::Shape { points, .. } => {
                for p in points {
                    p.y += dy;
                }
            }
        }
        self
    }
}

/// The width of `text` in `style`.
pub(crate) fn measure(text: &str, style: TextStyle) -> f32 {
    style
        .face
        .metrics()
        .map(|m| m.width(text, style.size))
        .unwrap_or(0.0)
}

/// A page's size and the box inside its margins that content may use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    /// The page and content box for `paper`.
    pub(crate) fn for_paper(paper: Paper) -> Self {
        let (width, height) = match paper {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        Self {
            width,
            height,
            left: 58.0,
            right: width - 58.0,
            top: 78.0,
            bottom: height - 62.0,
        }
    }

    /// The content box's width.
    pub(crate) fn content_width(&self) -> f32 {
        self.right - self.left
    }
}

/// One laid-out page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    pub items: Vec<Item>,
    /// Cover pages carry no running header.
    pub plain: bool,
    /// The section the page was opened for.
    pub section: Option<Section>,
    /// The lowest y any placed row or reserved block reached (the page's fill).
    pub used: f32,
}

/// The layout engine's record of how full each page is.
pub(crate) fn fill(pages: &[Page], geo: Geometry) -> Vec<PageFill> {
    let height = (geo.bottom - geo.top).max(1.0);
    pages
        .iter()
        .enumerate()
        .map(|(i, page)| PageFill {
            section: page.section,
            used: ((page.used - geo.top) / height).clamp(0.0, 1.0),
            last_of_section: pages
                .get(i + 1)
                .is_none_or(|next| next.section != page.section),
        })
        .collect()
}
