//! Pieces the newer sections share: a row of headline figures, and a finding described in
//! a few lines with who answers for it.

use throughline_audit::Finding;
use throughline_model::Workspace;

use super::integrity::{NOBODY, color_of, owner};
use super::{Limits, hairline};
use crate::fonts::Face;
use crate::layout::{Cell, Flow, Item, Row, column_rows, ellipsize, rect};
use crate::style::{ACCENT_PALE, BODY, Color, H3, INK, LABEL, SMALL, TextStyle};

/// The big number of a headline figure.
const FIGURE: TextStyle = TextStyle {
    face: Face::Bold,
    size: 18.0,
    color: INK,
    leading: 22.0,
};

/// One headline figure: the value, what it counts, and its colour.
pub(super) struct Figure {
    pub value: String,
    pub label: String,
    pub color: Color,
}

impl Figure {
    /// A figure in `color`.
    pub(super) fn new(value: impl Into<String>, label: impl Into<String>, color: Color) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            color,
        }
    }
}

/// Places `figures` side by side in pale boxes of equal width, kept on one page.
pub(super) fn figure_row(flow: &mut Flow, figures: &[Figure]) {
    if figures.is_empty() {
        return;
    }
    let geo = flow.geo;
    let gap = 10.0;
    let n = figures.len() as f32;
    let width = (geo.content_width() - gap * (n - 1.0)) / n;
    let height = 50.0;
    let mut row = Row::space(height);
    for (i, f) in figures.iter().enumerate() {
        let x = geo.left + i as f32 * (width + gap);
        row = row
            .with(Item::Shape {
                points: rect(x, 0.0, width, height),
                fill: ACCENT_PALE,
                stroke: None,
            })
            .with(Item::text(
                x + 9.0,
                24.0,
                FIGURE.colored(f.color),
                ellipsize(&f.value, FIGURE, width - 18.0),
            ))
            .with(Item::text(
                x + 9.0,
                40.0,
                SMALL,
                ellipsize(&f.label, SMALL, width - 18.0),
            ));
    }
    flow.keep_together(vec![row, Row::space(8.0)]);
}

/// A finding in a few lines: a tag (severity, layer), the message, and who answers for
/// it, kept together and closed by a hairline.
pub(super) fn finding_block(
    flow: &mut Flow,
    ws: &Workspace,
    f: &Finding,
    tag: &str,
    limits: &Limits,
) {
    let geo = flow.geo;
    let label_w = 52.0;
    let value_x = geo.left + label_w;
    let color = color_of(f);
    let mut rows = vec![Row::space(2.0)];
    rows.extend(column_rows(&[Cell {
        x: geo.left,
        width: geo.content_width(),
        text: tag,
        style: LABEL.colored(color),
    }]));
    let message = limits.clip(&f.message);
    rows.extend(column_rows(&[Cell {
        x: geo.left,
        width: geo.content_width(),
        text: &message,
        style: H3,
    }]));
    let who = owner(ws, f);
    let who = limits.clip(&who);
    rows.extend(column_rows(&[
        Cell {
            x: geo.left,
            width: label_w,
            text: "OWNER",
            style: LABEL,
        },
        Cell {
            x: value_x,
            width: geo.right - value_x,
            text: &who,
            style: if who == NOBODY {
                BODY.colored(crate::style::ALERT)
            } else {
                BODY
            },
        },
    ]));
    rows.push(hairline(flow));
    flow.keep_together(rows);
}
