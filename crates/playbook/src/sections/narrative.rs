//! The narrative arc: the stages in order, their key moments, and the emotional arc.

use throughline_model::Workspace;

use super::{Limits, arc_chart, count, hairline, start};
use crate::layout::{Cell, Flow, column_rows, text_rows};
use crate::style::{ACCENT, ALERT, BODY, H3, LABEL, MUTED, SMALL};

/// Lays out the narrative section.
pub(super) fn render(flow: &mut Flow, ws: &Workspace, limits: &Limits) {
    start(
        flow,
        "Narrative arc",
        "The story from the customer's first contact to the vision: the stages in order, the \
         moment that matters in each, and how the customer should feel along the way.",
        limits,
    );
    arc_chart::draw(flow, &ws.stages);
    flow.gap(8.0);
    if ws.stages.is_empty() {
        return;
    }
    let geo = flow.geo;
    let number_w = 22.0;
    let name_x = geo.left + number_w;
    let name_w = 150.0;
    let feel_x = name_x + name_w + 10.0;
    let feel_w = 62.0;
    let moment_x = feel_x + feel_w + 10.0;
    let moment_w = geo.right - moment_x;
    let heads = [
        Cell {
            x: geo.left,
            width: number_w,
            text: "#",
            style: LABEL,
        },
        Cell {
            x: name_x,
            width: name_w,
            text: "STAGE",
            style: LABEL,
        },
        Cell {
            x: feel_x,
            width: feel_w,
            text: "FEELING",
            style: LABEL,
        },
        Cell {
            x: moment_x,
            width: moment_w,
            text: "KEY MOMENT",
            style: LABEL,
        },
    ];
    let mut head = column_rows(&heads);
    head.push(hairline(flow));
    let mut blocks = Vec::new();
    for (i, stage) in ws.stages.iter().enumerate().take(limits.stages) {
        let number = (i + 1).to_string();
        let emotion = stage.emotion.get();
        let feel_style = if emotion < 0 {
            SMALL.colored(ALERT)
        } else {
            SMALL.colored(MUTED)
        };
        let clipped = limits.clip(&stage.moment);
        let moment = if stage.moment.trim().is_empty() {
            "No key moment named yet."
        } else {
            &clipped
        };
        let name = limits.clip(&stage.name);
        let moment_style = if stage.moment.trim().is_empty() {
            BODY.colored(MUTED)
        } else {
            BODY
        };
        let cells = [
            Cell {
                x: geo.left,
                width: number_w,
                text: &number,
                style: H3.colored(ACCENT),
            },
            Cell {
                x: name_x,
                width: name_w,
                text: &name,
                style: H3,
            },
            Cell {
                x: feel_x,
                width: feel_w,
                text: arc_chart::feeling(emotion),
                style: feel_style,
            },
            Cell {
                x: moment_x,
                width: moment_w,
                text: moment,
                style: moment_style,
            },
        ];
        let mut rows = column_rows(&cells);
        rows.push(hairline(flow));
        blocks.push(rows);
    }
    flow.table(head, blocks);
    let more = ws.stages.len().saturating_sub(limits.stages);
    if more > 0 {
        let line = format!(
            "{} more in the full edition.",
            count(more, "stage", "stages")
        );
        flow.paragraph(text_rows(&line, SMALL, geo.left, geo.content_width()));
    }
}
