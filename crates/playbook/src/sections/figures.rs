//! Pieces the newer sections share: a row of headline figures, and a table of findings
//! with who answers for each.

use throughline_audit::Finding;
use throughline_model::Workspace;

use super::integrity::{NOBODY, color_of, owner};
use super::{Limits, hairline};
use crate::fonts::Face;
use crate::layout::{Cell, Flow, Item, Row, column_rows, ellipsize, rect};
use crate::style::{ACCENT_PALE, ALERT, BODY, Color, INK, LABEL, SMALL, TextStyle};

/// The big number of a headline figure.
const FIGURE: TextStyle = TextStyle {
    face: Face::Bold,
    size: 15.0,
    color: INK,
    leading: 19.0,
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
    let height = 44.0;
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
                21.0,
                FIGURE.colored(f.color),
                ellipsize(&f.value, FIGURE, width - 18.0),
            ))
            .with(Item::text(
                x + 9.0,
                35.0,
                SMALL,
                ellipsize(&f.label, SMALL, width - 18.0),
            ));
    }
    flow.keep_together(vec![row, Row::space(8.0)]);
}

/// One row of a findings table: the finding, its tag (severity, layer) and who answers
/// for it.
pub(super) struct Listed<'f> {
    pub finding: &'f Finding,
    pub tag: String,
    pub owner: String,
}

impl<'f> Listed<'f> {
    /// `f` tagged `tag`, owned as the integrity section says (a handoff's owner, an
    /// element's team, a metric's owner).
    pub(super) fn new(ws: &Workspace, f: &'f Finding, tag: String) -> Self {
        Self {
            finding: f,
            tag,
            owner: owner(ws, f),
        }
    }
}

/// Findings as a table, one row each where it fits: a tag (severity, layer), the message,
/// and who answers for it; the head repeats after a page break.
pub(super) fn finding_table(flow: &mut Flow, found: &[Listed<'_>], limits: &Limits) {
    let geo = flow.geo;
    let tag_w = 66.0;
    let owner_w = 104.0;
    let text_x = geo.left + tag_w;
    let owner_x = geo.right - owner_w;
    let text_w = owner_x - 10.0 - text_x;
    let mut head = column_rows(&[
        Cell {
            x: text_x,
            width: text_w,
            text: "FINDING",
            style: LABEL,
        },
        Cell {
            x: owner_x,
            width: owner_w,
            text: "OWNER",
            style: LABEL,
        },
    ]);
    head.push(hairline(flow));
    let blocks = found
        .iter()
        .map(|row| {
            let (f, tag) = (row.finding, &row.tag);
            let message = limits.clip(&f.message);
            let who = limits.clip(&row.owner);
            let mut rows = column_rows(&[
                Cell {
                    x: geo.left,
                    width: tag_w - 6.0,
                    text: tag,
                    style: LABEL.colored(color_of(f)),
                },
                Cell {
                    x: text_x,
                    width: text_w,
                    text: &message,
                    style: BODY,
                },
                Cell {
                    x: owner_x,
                    width: owner_w,
                    text: &who,
                    style: if who == NOBODY {
                        SMALL.colored(ALERT)
                    } else {
                        SMALL.colored(INK)
                    },
                },
            ]);
            rows.push(hairline(flow));
            rows
        })
        .collect();
    flow.table(head, blocks);
}
