//! One compact checklist per touchpoint, several to a page: its stage and owner on one
//! line, then a box to tick for each claim it must keep consistent, each piece of context it
//! must receive and each rule it obeys, and one line per open finding pointing to the
//! finding's number in the list of divergences.

use throughline_model::{Element, ElementKind, Workspace};

use super::facts::{Facts, severity_word};
use super::principles::element_name;
use super::{Limits, start};
use crate::fonts::Face;
use crate::keys::key_runs;
use crate::layout::{Flow, Item, Row, Run, Stroke, ellipsize, rect, run, run_rows, text_rows};
use crate::style::{ACCENT_PALE, ALERT, H3, INK, MUTED, RULE, SMALL, TextStyle};

/// The checklist lines' text: a little smaller than body text, so cards stay compact.
const LINE: TextStyle = TextStyle {
    face: Face::Regular,
    size: 9.0,
    color: INK,
    leading: 12.0,
};
const KEY: TextStyle = TextStyle {
    face: Face::Regular,
    size: 7.0,
    color: MUTED,
    leading: 12.0,
};

/// Lays out the checklists section.
pub(super) fn render(flow: &mut Flow, ws: &Workspace, facts: &Facts<'_>) {
    start(
        flow,
        "Touchpoint checklists",
        "One card per touchpoint: what it must keep true, what it must receive and the rules \
         it obeys. Tick each line before a change ships. A finding points to its number in \
         the divergences listed under handoff integrity.",
        &Limits::FULL,
    );
    let touchpoints: Vec<&Element> = ws
        .elements
        .iter()
        .filter(|e| e.kind == ElementKind::Touchpoint)
        .collect();
    if touchpoints.is_empty() {
        let geo = flow.geo;
        flow.paragraph(text_rows(
            "No touchpoints yet.",
            LINE.colored(MUTED),
            geo.left,
            geo.content_width(),
        ));
    }
    for tp in touchpoints {
        let rows = card(flow, ws, facts, tp);
        flow.keep_together(rows);
    }
}

fn card(flow: &Flow, ws: &Workspace, facts: &Facts<'_>, tp: &Element) -> Vec<Row> {
    let geo = flow.geo;
    let inner = geo.left + 12.0;
    let tick_x = inner + 13.0;
    let width = geo.right - tick_x;

    let mut rows = vec![Row::space(4.0)];
    let mut title = tp.name.trim().to_string();
    if let Some(channel) = tp.channel.as_deref().filter(|c| !c.trim().is_empty()) {
        title = format!("{title} ({})", channel.trim());
    }
    rows.extend(text_rows(&title, H3, inner, geo.right - inner));
    rows.extend(run_rows(&meta(ws, tp), SMALL, inner, geo.right - inner));
    rows.push(Row::space(2.0));
    for line in lines(ws, tp) {
        let mut line_rows = run_rows(&line, LINE, tick_x, width);
        if let Some(first) = line_rows.first_mut() {
            let y = Row::baseline(first.height, LINE) - 7.0;
            first.items.push(Item::Path {
                points: rect(inner, y, 7.0, 7.0),
                closed: true,
                stroke: Stroke::solid(MUTED, 0.7),
            });
        }
        rows.extend(line_rows);
    }
    for (number, f) in facts.open_findings(tp.id.as_str()) {
        let text = format!(
            "Divergence {number} · {}: {}",
            severity_word(f.severity),
            f.message.trim()
        );
        let style = SMALL.colored(ALERT);
        let text = ellipsize(&text, style, width);
        rows.push(Row::space(LINE.leading).with_text(tick_x, style, text));
    }
    rows.push(Row::space(5.0));
    // A pale bar down the card's left edge ties its rows together, even across a page.
    for row in &mut rows {
        let h = row.height;
        row.items.push(Item::Shape {
            points: rect(geo.left, 0.0, 3.0, h),
            fill: ACCENT_PALE,
            stroke: None,
        });
    }
    rows.push(Row::space(8.0).with(Item::Path {
        points: vec![
            crate::layout::pt(geo.left, 4.0),
            crate::layout::pt(geo.right, 4.0),
        ],
        closed: false,
        stroke: Stroke::solid(RULE, 0.5),
    }));
    rows
}

/// "Stage: Set up · Team: Growth team", with what is missing said in red.
fn meta(ws: &Workspace, tp: &Element) -> Vec<Run> {
    let names: Vec<&str> = tp
        .stages
        .iter()
        .map(|id| {
            ws.stage(id.as_str())
                .map_or(id.as_str(), |s| s.name.as_str())
        })
        .collect();
    let mut runs = Vec::new();
    if names.is_empty() {
        runs.push(run(
            "Serves no stage of the narrative",
            SMALL.colored(ALERT),
        ));
    } else {
        runs.push(run(format!("Stage: {}", names.join(", ")), SMALL));
    }
    runs.push(run(" · ", SMALL));
    match tp.team.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(team) => runs.push(run(format!("Team: {}", element_name(ws, team)), SMALL)),
        None => runs.push(run("No owning team", SMALL.colored(ALERT))),
    }
    runs
}

/// The boxes to tick: claims, context received, rules obeyed.
fn lines(ws: &Workspace, tp: &Element) -> Vec<Vec<Run>> {
    let mut out = Vec::new();
    for (key, value) in &tp.claims {
        let mut runs = vec![run("Keeps ", LINE)];
        runs.extend(key_runs(std::slice::from_ref(key), LINE, KEY));
        runs.push(run(format!(": “{}”", value.trim()), LINE));
        out.push(runs);
    }
    for key in &tp.needs {
        let from: Vec<&str> = ws
            .handoffs
            .iter()
            .filter(|h| h.to == tp.id && h.carries.iter().any(|c| c == key))
            .map(|h| element_name(ws, h.from.as_str()))
            .collect();
        let mut runs = vec![run("Receives ", LINE)];
        runs.extend(key_runs(std::slice::from_ref(key), LINE, KEY));
        if from.is_empty() {
            runs.push(run(": no incoming handoff carries it", LINE.colored(ALERT)));
        } else {
            runs.push(run(format!(" from {}", from.join(", ")), LINE));
        }
        out.push(runs);
    }
    for rule in ws
        .elements
        .iter()
        .filter(|e| e.kind == ElementKind::Rule && e.covers.contains(&tp.id))
    {
        let text = if rule.description.trim().is_empty() {
            format!("Obeys {}", rule.name.trim())
        } else {
            format!("Obeys {}: {}", rule.name.trim(), rule.description.trim())
        };
        out.push(vec![run(text, LINE)]);
    }
    for h in &ws.handoffs {
        let (toward, other) = if h.from == tp.id {
            (true, h.to.as_str())
        } else if h.to == tp.id {
            (false, h.from.as_str())
        } else {
            continue;
        };
        let other = element_name(ws, other);
        if !h.invariant.is_empty() {
            let mut runs = key_runs(&h.invariant, LINE, KEY);
            runs.push(run(format!(" must match {other}"), LINE));
            out.push(runs);
        }
        if let Some(gate) = h
            .gate
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(|g| element_name(ws, g))
        {
            out.push(vec![run(
                if toward {
                    format!("{gate} approves what passes to {other}")
                } else {
                    format!("{gate} approves what arrives from {other}")
                },
                LINE,
            )]);
        }
    }
    out
}
