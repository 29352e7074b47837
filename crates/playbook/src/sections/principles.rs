//! Design principles (non-negotiables first) and the rules every handoff contract sets.

use throughline_model::{Handoff, Workspace};

use super::{hairline, heading, start};
use crate::layout::{Cell, Flow, Item, Row, column_rows, rect, text_rows};
use crate::style::{ACCENT, ALERT, BODY, H3, LABEL, MUTED};

/// Lays out the principles section.
pub(super) fn render(flow: &mut Flow, ws: &Workspace) {
    start(
        flow,
        "Design principles",
        "The rules every team keeps, whatever its channel. Non-negotiables come first.",
    );
    let geo = flow.geo;
    let text_x = geo.left + 26.0;
    let text_w = geo.right - text_x;
    let mut ordered: Vec<_> = ws.principles.iter().filter(|p| p.non_negotiable).collect();
    ordered.extend(ws.principles.iter().filter(|p| !p.non_negotiable));
    if ordered.is_empty() {
        flow.place_all(text_rows(
            "No design principles have been written yet.",
            BODY.colored(MUTED),
            geo.left,
            geo.content_width(),
        ));
    }
    for (i, principle) in ordered.iter().enumerate() {
        let mut rows = Vec::new();
        if principle.non_negotiable {
            rows.push(Row::space(12.0).with_text(text_x, LABEL.colored(ALERT), "NON-NEGOTIABLE"));
        }
        let number = (i + 1).to_string();
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
                text: principle.text.trim(),
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

    if !ws.workspace.journey_state.is_empty() {
        heading(flow, "Journey state that survives a change of channel");
        let keys = ws.workspace.journey_state.join(", ");
        let line =
            format!("Every touchpoint that picks up a customer mid-journey receives: {keys}.");
        flow.place_all(text_rows(&line, BODY, geo.left, geo.content_width()));
    }

    heading(flow, "Rules at every handoff");
    flow.place_all(text_rows(
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
        flow.place_all(text_rows(
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
    for h in ruled {
        let edge = format!(
            "{} → {}",
            element_name(ws, h.from.as_str()),
            element_name(ws, h.to.as_str())
        );
        let mut rules = Vec::new();
        if !h.invariant.is_empty() {
            rules.push(format!("Must not vary: {}", h.invariant.join(", ")));
        }
        if let Some(gate) = h.gate.as_deref().filter(|g| !g.trim().is_empty()) {
            rules.push(format!("Gate: {} approves what passes", gate.trim()));
        }
        let rules = rules.join("\n");
        let mut rows = column_rows(&[
            Cell {
                x: geo.left,
                width: edge_w,
                text: &edge,
                style: H3,
            },
            Cell {
                x: rule_x,
                width: rule_w,
                text: &rules,
                style: BODY,
            },
        ]);
        rows.push(hairline(flow));
        flow.keep_together(rows);
    }
}

/// An element's display name, or its id when it is missing.
pub(super) fn element_name<'a>(ws: &'a Workspace, id: &'a str) -> &'a str {
    ws.element(id).map_or(id, |e| e.name.as_str())
}
