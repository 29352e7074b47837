//! The playbook's sections, what each holds, and the helpers they share.

mod arc_chart;
mod checklists;
mod cover;
mod facts;
mod graph_diagram;
mod graph_draw;
mod integrity;
mod layered;
mod narrative;
mod principles;
mod radar;
mod readiness;

use serde::{Deserialize, Serialize};
use throughline_model::{ElementKind, Workspace};

pub(crate) use facts::Facts;

use crate::PlaybookOptions;
use crate::layout::{Flow, Geometry, Item, Page, Row, Stroke, pt, text_rows};
use crate::style::{H1, H2, LEAD, RULE};

/// A section of the playbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Name, date, vision and the readiness verdict.
    Cover,
    /// Stages, key moments and the emotional arc.
    Narrative,
    /// Design principles and handoff rules.
    Principles,
    /// The latest readiness session.
    Readiness,
    /// The handoff graph and its divergences.
    Integrity,
    /// One checklist per touchpoint.
    Checklists,
}

impl Section {
    /// Every section, in the order the playbook prints them.
    pub const ALL: [Section; 6] = [
        Section::Cover,
        Section::Narrative,
        Section::Principles,
        Section::Readiness,
        Section::Integrity,
        Section::Checklists,
    ];

    /// The section's title as printed.
    pub fn title(self) -> &'static str {
        match self {
            Section::Cover => "Cover",
            Section::Narrative => "Narrative arc",
            Section::Principles => "Design principles",
            Section::Readiness => "Readiness",
            Section::Integrity => "Handoff integrity",
            Section::Checklists => "Touchpoint checklists",
        }
    }

    /// One line on what the section holds for `ws`, or why it is left out.
    pub fn summary(self, ws: &Workspace) -> String {
        Facts::gather(ws).summary(self, ws)
    }
}

pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub(crate) fn touchpoint_count(ws: &Workspace) -> usize {
    ws.elements
        .iter()
        .filter(|e| e.kind == ElementKind::Touchpoint)
        .count()
}

pub(crate) fn rule_handoffs(ws: &Workspace) -> usize {
    ws.handoffs
        .iter()
        .filter(|h| !h.invariant.is_empty() || h.gate.is_some())
        .count()
}

/// The sections to print for `ws` under `options`, in order: those switched on that have
/// something to show.
pub(crate) fn plan(facts: &Facts<'_>, options: &PlaybookOptions) -> Vec<Section> {
    Section::ALL
        .into_iter()
        .filter(|s| options.sections.includes(*s) && facts.has_content(*s))
        .collect()
}

/// Lays out every planned section; the result always has at least one page.
pub(crate) fn lay_out(
    ws: &Workspace,
    facts: &Facts<'_>,
    options: &PlaybookOptions,
    geo: Geometry,
) -> Vec<Page> {
    let mut flow = Flow::new(geo);
    let planned = plan(facts, options);
    let mut starts = Vec::new();
    for section in &planned {
        starts.push((*section, flow.pages.len() + 1));
        match section {
            Section::Cover => cover::render(&mut flow, ws, facts, options),
            Section::Narrative => narrative::render(&mut flow, ws),
            Section::Principles => principles::render(&mut flow, ws),
            Section::Readiness => readiness::render(&mut flow, facts),
            Section::Integrity => integrity::render(&mut flow, ws, facts, options),
            Section::Checklists => checklists::render(&mut flow, ws, facts),
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
