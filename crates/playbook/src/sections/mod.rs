//! The playbook's sections, what each holds, and the helpers they share.

mod arc_chart;
mod checklists;
mod cover;
mod narrative;
mod principles;

use serde::{Deserialize, Serialize};
use throughline_model::{ElementKind, Workspace};

use crate::PlaybookOptions;
use crate::layout::{Flow, Geometry, Item, Page, Row, Stroke, pt, text_rows};
use crate::style::{H1, H2, LEAD, RULE};

/// A section of the playbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Cover,
    Narrative,
    Principles,
    Checklists,
}

impl Section {
    /// Every section, in the order the playbook prints them.
    pub const ALL: [Section; 4] = [
        Section::Cover,
        Section::Narrative,
        Section::Principles,
        Section::Checklists,
    ];

    /// The section's title as printed.
    pub fn title(self) -> &'static str {
        match self {
            Section::Cover => "Cover",
            Section::Narrative => "Narrative arc",
            Section::Principles => "Design principles",
            Section::Checklists => "Touchpoint checklists",
        }
    }

    /// One line on what the section holds for `ws`.
    pub fn summary(self, ws: &Workspace) -> String {
        match self {
            Section::Cover => {
                "Workspace name, date and the vision statement on one page.".to_string()
            }
            Section::Narrative => format!(
                "{} with their key moments, and the emotional arc as a chart.",
                count(ws.stages.len(), "stage", "stages")
            ),
            Section::Principles => format!(
                "{} (non-negotiables first), then the must-not-vary keys and human gates of {}.",
                count(ws.principles.len(), "principle", "principles"),
                count(rule_handoffs(ws), "handoff contract", "handoff contracts")
            ),
            Section::Checklists => format!(
                "A checklist for each of {}: stage, owning team, claims, context, rules.",
                count(touchpoint_count(ws), "touchpoint", "touchpoints")
            ),
        }
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn touchpoint_count(ws: &Workspace) -> usize {
    ws.elements
        .iter()
        .filter(|e| e.kind == ElementKind::Touchpoint)
        .count()
}

fn rule_handoffs(ws: &Workspace) -> usize {
    ws.handoffs
        .iter()
        .filter(|h| !h.invariant.is_empty() || h.gate.is_some())
        .count()
}

/// The sections to print for `ws` under `options`, in order.
pub(crate) fn plan(ws: &Workspace, options: &PlaybookOptions) -> Vec<Section> {
    let _ = ws;
    Section::ALL
        .into_iter()
        .filter(|s| options.sections.includes(*s))
        .collect()
}

/// Lays out every planned section; the result always has at least one page.
pub(crate) fn lay_out(ws: &Workspace, options: &PlaybookOptions, geo: Geometry) -> Vec<Page> {
    let mut flow = Flow::new(geo);
    let planned = plan(ws, options);
    let mut starts = Vec::new();
    for section in &planned {
        starts.push((*section, flow.pages.len() + 1));
        match section {
            Section::Cover => cover::render(&mut flow, ws, options),
            Section::Narrative => narrative::render(&mut flow, ws),
            Section::Principles => principles::render(&mut flow, ws),
            Section::Checklists => checklists::render(&mut flow, ws),
        }
    }
    if planned.contains(&Section::Cover) {
        cover::contents(&mut flow, &starts);
    }
    if flow.pages.is_empty() {
        flow.new_page();
    }
    flow.pages
}

/// Opens a section on a new page: its title and a lead line.
pub(crate) fn start(flow: &mut Flow, title: &str, lead: &str) {
    flow.new_page();
    let geo = flow.geo;
    flow.place_all(text_rows(title, H1, geo.left, geo.content_width()));
    flow.gap(4.0);
    flow.place_all(text_rows(lead, LEAD, geo.left, geo.content_width()));
    flow.gap(16.0);
}

/// A heading inside a section, kept with what follows it.
pub(crate) fn heading(flow: &mut Flow, text: &str) {
    let geo = flow.geo;
    flow.gap(10.0);
    let rows = text_rows(text, H2, geo.left, geo.content_width());
    flow.keep_with_next(rows, 40.0);
    flow.gap(4.0);
}

/// A hairline across the content width, as its own thin row.
pub(crate) fn hairline(flow: &Flow) -> Row {
    let geo = flow.geo;
    Row::space(9.0).with(Item::Path {
        points: vec![pt(geo.left, 4.5), pt(geo.right, 4.5)],
        closed: false,
        stroke: Stroke::solid(RULE, 0.5),
    })
}
