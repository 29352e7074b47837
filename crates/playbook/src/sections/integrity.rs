//! Handoff integrity: the graph as a diagram with flagged edges marked, the worst
//! divergences with their owners and fixes, and the findings accepted with a reason.

use std::collections::HashMap;

use throughline_audit::{Finding, SubjectKind};
use throughline_model::Workspace;

use super::facts::{Facts, severity_word};
use super::principles::element_name;
use super::{Limits, count, graph_diagram, graph_draw, hairline, heading, start};
use crate::PlaybookOptions;
use crate::layout::{Cell, Flow, Row, column_rows, text_rows};
use crate::style::{ACCENT, ALERT, BODY, H3, LABEL, MUTED, SMALL, WARN};

/// A diagram gets a page of its own rather than less than this height.
const MIN_DIAGRAM: f32 = 260.0;

/// Lays out the integrity section: in the full edition the diagram, the worst divergences
/// in full and then every open divergence numbered on one line; in the leadership edition
/// the worst ones only.
pub(super) fn render(
    flow: &mut Flow,
    ws: &Workspace,
    facts: &Facts<'_>,
    options: &PlaybookOptions,
    limits: &Limits,
) {
    let lead = if limits.diagram {
        "Where the truth diverges as work passes between teams, systems and touchpoints. \
         Numbered red and amber lines in the diagram are the divergences listed after it."
    } else {
        "Where the truth diverges as work passes between teams, systems and touchpoints, \
         most serious first, with who answers for each."
    };
    let title = if limits.lean() {
        "The worst divergences"
    } else {
        "Handoff integrity"
    };
    start(flow, title, lead, limits);
    // Every open finding is numbered in the audit's order (most serious first); the
    // checklists point to these numbers.
    let open: Vec<(usize, &Finding)> = facts
        .report
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.waived.is_none())
        .collect();
    let worst = &open[..open.len().min(limits.worst)];
    let numbers: HashMap<usize, usize> = worst
        .iter()
        .enumerate()
        .map(|(n, (i, _))| (*i, n + 1))
        .collect();

    if limits.diagram {
        diagram(flow, ws, facts, options, &numbers);
    }
    if !limits.lean() {
        heading(flow, "The worst divergences");
    }
    worst_list(flow, ws, worst, limits);
    if limits.every_divergence && open.len() > worst.len() {
        every_divergence(flow, ws, &open, worst.len());
    } else if open.len() > worst.len() {
        let more = open.len() - worst.len();
        let line = format!(
            "{} in the full edition and the app's audit view.",
            count(more, "more open finding", "more open findings")
        );
        flow.paragraph(text_rows(
            &line,
            SMALL,
            flow.geo.left,
            flow.geo.content_width(),
        ));
    }
    if !limits.lean() {
        waived_list(flow, facts);
    }
}

fn diagram(
    flow: &mut Flow,
    ws: &Workspace,
    facts: &Facts<'_>,
    options: &PlaybookOptions,
    numbers: &HashMap<usize, usize>,
) {
    let geo = flow.geo;
    let reserve_after = graph_draw::LEGEND_H + 40.0;
    if flow.remaining() - reserve_after < MIN_DIAGRAM {
        flow.new_page();
    }
    let max_h = (flow.remaining() - reserve_after).max(MIN_DIAGRAM);
    let diagram = graph_diagram::plan(
        ws,
        facts,
        numbers,
        &options.layout,
        geo.content_width(),
        max_h,
    );
    let top = flow.reserve(diagram.height.min(max_h) + 6.0);
    graph_draw::draw(flow, &diagram, geo.left, top + 3.0);
    flow.gap(8.0);
    let legend_top = flow.reserve(graph_draw::LEGEND_H);
    graph_draw::legend(flow, &diagram, legend_top);
    for note in &diagram.notes {
        flow.paragraph(text_rows(note, SMALL, geo.left, geo.content_width()));
    }
}

pub(super) fn color_of(f: &Finding) -> crate::style::Color {
    if f.severity == throughline_audit::Severity::Error {
        ALERT
    } else {
        WARN
    }
}

fn worst_list(flow: &mut Flow, ws: &Workspace, worst: &[(usize, &Finding)], limits: &Limits) {
    let geo = flow.geo;
    if worst.is_empty() {
        flow.paragraph(text_rows(
            "No open findings: every handoff keeps its truth, or the exceptions are waived.",
            BODY.colored(MUTED),
            geo.left,
            geo.content_width(),
        ));
        return;
    }
    let number_w = 22.0;
    let text_x = geo.left + number_w;
    let label_w = 52.0;
    let value_x = text_x + label_w;
    let text_w = geo.right - text_x;
    let value_w = geo.right - value_x;
    for (n, (_, f)) in worst.iter().enumerate() {
        let color = color_of(f);
        let number = (n + 1).to_string();
        let mut rows = vec![Row::space(2.0)];
        rows.extend(column_rows(&[
            Cell {
                x: geo.left,
                width: number_w,
                text: &number,
                style: H3.colored(color),
            },
            Cell {
                x: text_x,
                width: text_w,
                text: severity_word(f.severity),
                style: LABEL.colored(color),
            },
        ]));
        let message = limits.clip(&f.message);
        rows.extend(column_rows(&[Cell {
            x: text_x,
            width: text_w,
            text: &message,
            style: H3,
        }]));
        let owner = owner(ws, f);
        let owner = limits.clip(&owner);
        let fix = limits.clip(&f.fix);
        for (label, value) in [("OWNER", &*owner), ("FIX", &*fix)] {
            let style = if value == NOBODY {
                BODY.colored(ALERT)
            } else {
                BODY
            };
            rows.extend(column_rows(&[
                Cell {
                    x: text_x,
                    width: label_w,
                    text: label,
                    style: LABEL,
                },
                Cell {
                    x: value_x,
                    width: value_w,
                    text: value,
                    style,
                },
            ]));
        }
        rows.push(hairline(flow));
        flow.keep_together(rows);
    }
}

/// Every open divergence after the worst, one numbered line each (the message and who
/// owns it), as a table whose head repeats after a page break.
fn every_divergence(flow: &mut Flow, ws: &Workspace, open: &[(usize, &Finding)], skip: usize) {
    heading(flow, "Every other open divergence");
    let geo = flow.geo;
    let number_w = 30.0;
    let owner_w = 110.0;
    let text_x = geo.left + number_w;
    let owner_x = geo.right - owner_w;
    let text_w = owner_x - 10.0 - text_x;
    let mut head = column_rows(&[
        Cell {
            x: geo.left,
            width: number_w,
            text: "#",
            style: LABEL,
        },
        Cell {
            x: text_x,
            width: text_w,
            text: "DIVERGENCE",
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
    let blocks = open
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(n, (_, f))| {
            let number = (n + 1).to_string();
            let owner = owner(ws, f);
            let owner_style = if owner == NOBODY {
                SMALL.colored(ALERT)
            } else {
                SMALL
            };
            column_rows(&[
                Cell {
                    x: geo.left,
                    width: number_w,
                    text: &number,
                    style: SMALL.colored(color_of(f)),
                },
                Cell {
                    x: text_x,
                    width: text_w,
                    text: f.message.trim(),
                    style: SMALL.colored(crate::style::INK),
                },
                Cell {
                    x: owner_x,
                    width: owner_w,
                    text: &owner,
                    style: owner_style,
                },
            ])
        })
        .collect();
    flow.table(head, blocks);
}

pub(super) const NOBODY: &str = "nobody owns this";

/// Who answers for a finding: the handoff's owner when it is about a handoff, else the
/// element's team.
pub(super) fn owner(ws: &Workspace, f: &Finding) -> String {
    let named = f.subjects.first().and_then(|s| match s.kind {
        SubjectKind::Handoff => ws
            .handoff(&s.id)
            .and_then(|h| h.owner.as_deref())
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(|o| element_name(ws, o).to_string()),
        SubjectKind::Element => ws
            .element(&s.id)
            .and_then(|e| e.team.as_deref())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| element_name(ws, t).to_string()),
        SubjectKind::Metric => ws
            .metric(&s.id)
            .and_then(|m| m.owner.as_deref())
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(|o| element_name(ws, o).to_string()),
        SubjectKind::Stage => None,
    });
    named.unwrap_or_else(|| NOBODY.to_string())
}

fn waived_list(flow: &mut Flow, facts: &Facts<'_>) {
    let waived: Vec<&Finding> = facts.waived().collect();
    if waived.is_empty() {
        return;
    }
    heading(flow, "Accepted with a reason");
    let geo = flow.geo;
    for f in waived {
        let Some(w) = &f.waived else {
            continue;
        };
        let mut rows = column_rows(&[Cell {
            x: geo.left,
            width: geo.content_width(),
            text: f.message.trim(),
            style: BODY.colored(MUTED),
        }]);
        let date = w.when.get(..10).unwrap_or(w.when.as_str());
        let by = format!("Waived by {} on {date}: {}", w.who.trim(), w.reason.trim());
        rows.extend(column_rows(&[Cell {
            x: geo.left + 12.0,
            width: geo.content_width() - 12.0,
            text: &by,
            style: BODY.colored(ACCENT),
        }]));
        rows.push(hairline(flow));
        flow.keep_together(rows);
    }
}
