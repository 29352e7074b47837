//! Design principles, numbered as the app numbers them (their order in the workspace), and
//! the rules every handoff contract sets, with keys named readably.

use throughline_model::{Handoff, Workspace};

use super::{Limits, count, hairline, heading, start};
use crate::keys::key_runs;
use crate::layout::{Cell, Flow, Item, Row, column_rows, rect, run, run_rows, text_rows};
use crate::style::{ACCENT, ALERT, BODY, H3, LABEL, MUTED, SMALL};

/// Lays out the principles section.
pub(super) fn render(flow: &mut Flow, ws: &Workspace, limits: &Limits) {
    start(
        flow,
        "Design principles",
        "The rules every team keeps, whatever its channel, numbered as in the app. \
         Non-negotiables are marked in red.",
        limits,
    );
    let geo = flow.geo;
    let text_x = geo.left + 26.0;
    let text_w = geo.right - text_x;
    if ws.principles.is_empty() {
        flow.paragraph(text_rows(
            "No design principles have been written yet.",
            BODY.colored(MUTED),
            geo.left,
            geo.content_width(),
        ));
    }
    // In the leadership edition non-negotiables are kept first when the list is cut.
    let mut shown: Vec<usize> = (0..ws.principles.len())
        .filter(|i| ws.principles[*i].non_negotiable)
        .chain((0..ws.principles.len()).filter(|i| !ws.principles[*i].non_negotiable))
        .take(limits.principles)
        .collect();
    shown.sort_unstable();
    for &i in &shown {
        let principle = &ws.principles[i];
        let mut rows = Vec::new();
        if principle.non_negotiable {
            rows.push(Row::space(12.0).with_text(text_x, LABEL.colored(ALERT), "NON-NEGOTIABLE"));
        }
        let number = (i + 1).to_string();
        let clipped = limits.clip(&principle.text);
        let mut text = column_rows(&[
            Cell {
                x: geo.left,
                width: 20.0,
                text: &number,
                style: H3.colored(ACCENT),
            },
            Cell {
                x: text_x,
                width: text_w,
                text: &clipped,
                style: BODY,
            },
        ]);
        if principle.non_negotiable {
            // A thin bar in the alert colour marks the principle's whole height.
            for row in &mut text {
                let h = row.height;
                row.items.push(Item::Shape {
                    points: rect(text_x - 9.0, 0.0, 2.0, h),
                    fill: ALERT,
                    stroke: None,
                });
            }
        }
        rows.extend(text);
        rows.push(Row::space(8.0));
        flow.keep_together(rows);
    }
    let more = ws.principles.len().saturating_sub(shown.len());
    if more > 0 {
        let line = format!(
            "{} more in the full edition.",
            count(more, "principle", "principles")
        );
        flow.paragraph(text_rows(&line, SMALL, geo.left, geo.content_width()));
    }

    if !ws.workspace.journey_state.is_empty() {
        heading(flow, "Journey state that survives a change of channel");
        let mut runs = vec![run(
            "Every touchpoint that picks up a customer mid-journey receives: ",
            BODY,
        )];
        runs.extend(key_runs(&ws.workspace.journey_state, BODY, SMALL));
        runs.push(run(".", BODY));
        flow.paragraph(run_rows(&runs, BODY, geo.left, geo.content_width()));
    }
    if limits.rules > 0 {
        rules(flow, ws, limits);
    }
}

fn rules(flow: &mut Flow, ws: &Workspace, limits: &Limits) {
    let geo = flow.geo;
    heading(flow, "Rules at every handoff");
    flow.paragraph(text_rows(
        "What must never vary between the two sides of a handoff, and the human authority \
         that must approve what passes.",
        BODY.colored(MUTED),
        geo.left,
        geo.content_width(),
    ));
    flow.gap(6.0);
    let ruled: Vec<&Handoff> = ws
        .handoffs
        .iter()
        .filter(|h| !h.invariant.is_empty() || h.gate.is_some())
        .collect();
    if ruled.is_empty() {
        flow.paragraph(text_rows(
            "No handoff contract names a must-not-vary key or a human gate yet.",
            BODY.colored(MUTED),
            geo.left,
            geo.content_width(),
        ));
        return;
    }
    let edge_w = 180.0;
    let rule_x = geo.left + edge_w + 12.0;
    let rule_w = geo.right - rule_x;
    for h in ruled.iter().take(limits.rules) {
        let edge = format!(
            "{} → {}",
            limits.clip(element_name(ws, h.from.as_str())),
            limits.clip(element_name(ws, h.to.as_str()))
        );
        let mut right = Vec::new();
        if !h.invariant.is_empty() {
            let mut runs = vec![run("Must not vary: ", BODY)];
            runs.extend(key_runs(&h.invariant, BODY, SMALL));
            right.extend(run_rows(&runs, BODY, rule_x, rule_w));
        }
        if let Some(gate) = h.gate.as_deref().filter(|g| !g.trim().is_empty()) {
            let gate = format!(
                "Gate: {} approves what passes",
                limits.clip(element_name(ws, gate.trim()))
            );
            right.extend(text_rows(&gate, BODY, rule_x, rule_w));
        }
        let left = column_rows(&[Cell {
            x: geo.left,
            width: edge_w,
            text: &edge,
            style: H3,
        }]);
        let mut rows = side_by_side(left, right);
        rows.push(hairline(flow));
        flow.keep_together(rows);
    }
    let more = ruled.len().saturating_sub(limits.rules);
    if more > 0 {
        let line = format!(
            "{} more in the full edition.",
            count(more, "handoff contract", "handoff contracts")
        );
        flow.paragraph(text_rows(&line, SMALL, geo.left, geo.content_width()));
    }
}

/// Two columns of rows merged line by line (row heights: the taller of each pair).
pub(super) fn side_by_side(left: Vec<Row>, right: Vec<Row>) -> Vec<Row> {
    let n = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..n)
        .map(|_| {
            let a = left.next().unwrap_or_default();
            let b = right.next().unwrap_or_default();
            let mut row = Row::space(a.height.max(b.height));
            row.items.extend(a.items);
            row.items.extend(b.items);
            row
        })
        .collect()
}

/// An element's display name, or its id when it is missing.
pub(super) fn element_name<'a>(ws: &'a Workspace, id: &'a str) -> &'a str {
    ws.element(id).map_or(id, |e| e.name.as_str())
}
