//! One compact checklist per touchpoint: its stage and owner, the claims it must keep
//! consistent, the context it must receive, and the rules it obeys.

use throughline_model::{Element, ElementKind, Workspace};

use super::facts::{Facts, severity_word};
use super::principles::element_name;
use super::start;
use crate::layout::{Cell, Flow, Item, Row, Stroke, column_rows, rect};
use crate::style::{ACCENT_PALE, ALERT, BODY, H3, LABEL, MUTED, RULE, SMALL, TextStyle};

/// One line of a checklist: its text, its style, and whether it is a box to tick.
struct Line {
    text: String,
    style: TextStyle,
    tick: bool,
}

impl Line {
    fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: BODY,
            tick: false,
        }
    }

    fn tick(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: BODY,
            tick: true,
        }
    }

    fn alert(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: BODY.colored(ALERT),
            tick: false,
        }
    }
}

/// Lays out the checklists section.
pub(super) fn render(flow: &mut Flow, ws: &Workspace, facts: &Facts<'_>) {
    start(
        flow,
        "Touchpoint checklists",
        "One card per touchpoint: what it must keep true, what it must receive, the rules \
         it obeys and its open findings. Tick each line before a change ships.",
    );
    let touchpoints: Vec<&Element> = ws
        .elements
        .iter()
        .filter(|e| e.kind == ElementKind::Touchpoint)
        .collect();
    if touchpoints.is_empty() {
        let geo = flow.geo;
        flow.place_all(crate::layout::text_rows(
            "No touchpoints yet.",
            BODY.colored(MUTED),
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
    let label_w = 92.0;
    let value_x = inner + label_w + 10.0;

    let mut rows = vec![Row::space(6.0)];
    let mut title = tp.name.clone();
    if let Some(channel) = tp.channel.as_deref().filter(|c| !c.trim().is_empty()) {
        title = format!("{title} ({})", channel.trim());
    }
    rows.extend(column_rows(&[Cell {
        x: inner,
        width: geo.right - inner,
        text: &title,
        style: H3,
    }]));
    rows.push(Row::space(3.0));

    let groups = [
        ("STAGE", stage_lines(ws, tp)),
        ("OWNING TEAM", team_lines(ws, tp)),
        ("KEEPS CONSISTENT", claim_lines(tp)),
        ("MUST RECEIVE", context_lines(ws, tp)),
        ("OBEYS", rule_lines(ws, tp)),
        ("OPEN FINDINGS", finding_lines(facts, tp)),
    ];
    for (label, lines) in groups {
        for (i, line) in lines.iter().enumerate() {
            let label = if i == 0 { label } else { "" };
            let text_x = if line.tick { value_x + 13.0 } else { value_x };
            let mut line_rows = column_rows(&[
                Cell {
                    x: inner,
                    width: label_w,
                    text: label,
                    style: LABEL,
                },
                Cell {
                    x: text_x,
                    width: geo.right - text_x,
                    text: &line.text,
                    style: line.style,
                },
            ]);
            if line.tick
                && let Some(first) = line_rows.first_mut()
            {
                let y = Row::baseline(first.height, line.style) - 7.0;
                first.items.push(Item::Path {
                    points: rect(value_x, y, 7.0, 7.0),
                    closed: true,
                    stroke: Stroke::solid(MUTED, 0.7),
                });
            }
            rows.extend(line_rows);
        }
        rows.push(Row::space(2.0));
    }
    rows.push(Row::space(6.0));
    // A pale bar down the card's left edge ties its rows together, even across a page.
    for row in &mut rows {
        let h = row.height;
        row.items.push(Item::Shape {
            points: rect(geo.left, 0.0, 3.0, h),
            fill: ACCENT_PALE,
            stroke: None,
        });
    }
    rows.push(Row::space(10.0).with(Item::Path {
        points: vec![
            crate::layout::pt(geo.left, 5.0),
            crate::layout::pt(geo.right, 5.0),
        ],
        closed: false,
        stroke: Stroke::solid(RULE, 0.5),
    }));
    rows
}

fn finding_lines(facts: &Facts<'_>, tp: &Element) -> Vec<Line> {
    facts
        .open_findings(tp.id.as_str())
        .map(|f| Line {
            text: format!(
                "{}: {} Fix: {}",
                severity_word(f.severity),
                f.message.trim(),
                f.fix.trim()
            ),
            // Smaller than the other lines: a card must stay compact even with several.
            style: SMALL.colored(ALERT),
            tick: true,
        })
        .collect()
}

fn stage_lines(ws: &Workspace, tp: &Element) -> Vec<Line> {
    let names: Vec<&str> = tp
        .stages
        .iter()
        .map(|id| {
            ws.stage(id.as_str())
                .map_or(id.as_str(), |s| s.name.as_str())
        })
        .collect();
    if names.is_empty() {
        vec![Line::alert("Serves no stage of the narrative")]
    } else {
        vec![Line::plain(names.join(", "))]
    }
}

fn team_lines(ws: &Workspace, tp: &Element) -> Vec<Line> {
    match tp.team.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(team) => vec![Line::plain(element_name(ws, team))],
        None => vec![Line::alert("No owning team")],
    }
}

fn claim_lines(tp: &Element) -> Vec<Line> {
    tp.claims
        .iter()
        .map(|(key, value)| Line::tick(format!("{key}: “{value}”")))
        .collect()
}

fn context_lines(ws: &Workspace, tp: &Element) -> Vec<Line> {
    tp.needs
        .iter()
        .map(|key| {
            let from: Vec<&str> = ws
                .handoffs
                .iter()
                .filter(|h| h.to == tp.id && h.carries.iter().any(|c| c == key))
                .map(|h| element_name(ws, h.from.as_str()))
                .collect();
            if from.is_empty() {
                Line {
                    text: format!("{key}: no incoming handoff carries it"),
                    style: BODY.colored(ALERT),
                    tick: true,
                }
            } else {
                Line::tick(format!("{key}, from {}", from.join(", ")))
            }
        })
        .collect()
}

fn rule_lines(ws: &Workspace, tp: &Element) -> Vec<Line> {
    let mut lines: Vec<Line> = ws
        .elements
        .iter()
        .filter(|e| e.kind == ElementKind::Rule && e.covers.contains(&tp.id))
        .map(|rule| {
            if rule.description.trim().is_empty() {
                Line::tick(rule.name.clone())
            } else {
                Line::tick(format!("{}: {}", rule.name, rule.description.trim()))
            }
        })
        .collect();
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
            lines.push(Line::tick(format!(
                "{} must match {other}",
                h.invariant.join(", ")
            )));
        }
        if let Some(gate) = h.gate.as_deref().map(str::trim).filter(|g| !g.is_empty()) {
            lines.push(Line::tick(if toward {
                format!("{gate} approves what passes to {other}")
            } else {
                format!("{gate} approves what arrives from {other}")
            }));
        }
    }
    lines
}
