//! The playbook's sections, what each holds, and the helpers they share.

mod arc_chart;
mod changes;
mod checklists;
mod cover;
mod facts;
mod figures;
mod graph_diagram;
mod graph_draw;
mod integrity;
mod layered;
mod monitor;
mod narrative;
mod principles;
mod radar;
mod readiness;
mod reality;
mod route;

use serde::{Deserialize, Serialize};
use throughline_model::{ElementKind, Workspace};

pub(crate) use facts::Facts;

use crate::layout::{Flow, Geometry, Item, Page, Row, Stroke, pt, text_rows};
use crate::style::{H1, H2, LEAD, RULE};
use crate::{Edition, LEADERSHIP_PAGES, PlaybookOptions};

/// How much each section may print: everything in the full edition, trimmed lists in the
/// leadership edition, tighter at each level until it fits its page budget.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Limits {
    pub edition: Edition,
    pub stages: usize,
    pub principles: usize,
    /// Handoff contracts whose rules are listed.
    pub rules: usize,
    /// Divergences described in full.
    pub worst: usize,
    /// Whether the handoff diagram is drawn.
    pub diagram: bool,
    /// Whether every open divergence is listed (numbered, one line each).
    pub every_divergence: bool,
    /// Whether the readiness radar is drawn.
    pub radar: bool,
    /// The most characters of any one name or sentence; longer ones end in an ellipsis.
    pub clamp: usize,
    /// Names listed per layer in "What changed".
    pub changed_names: usize,
    /// Divergences listed as resolved, and as introduced, in "What changed".
    pub delta_findings: usize,
    /// Rows of the monitor's scorecard.
    pub metrics: usize,
    /// Drift findings described on the monitor page.
    pub drift: usize,
    /// Shadow handoffs, and latency breaches, described in the reality check.
    pub reality_items: usize,
    /// In the leadership edition, a section goes on under the one before when more than
    /// this share of the page is left.
    pub go_on_below: f32,
}

impl Limits {
    /// The full edition: nothing trimmed.
    pub(crate) const FULL: Limits = Limits {
        edition: Edition::Full,
        stages: usize::MAX,
        principles: usize::MAX,
        rules: usize::MAX,
        worst: 10,
        diagram: true,
        every_divergence: true,
        radar: true,
        clamp: usize::MAX,
        changed_names: 12,
        delta_findings: 10,
        metrics: usize::MAX,
        drift: 10,
        reality_items: 10,
        go_on_below: 0.5,
    };

    const LEAD: Limits = Limits {
        edition: Edition::Leadership,
        diagram: false,
        every_divergence: false,
        ..Limits::FULL
    };

    /// The leadership edition's levels, loosest first; the last always fits. The first five
    /// fit any workspace without the optional sections; the sixth makes room for them,
    /// also by letting a section go on under the one before with a third of a page left.
    pub(crate) const LEADERSHIP: [Limits; 6] = [
        Limits {
            stages: 12,
            principles: 10,
            rules: 8,
            worst: 10,
            radar: true,
            clamp: 240,
            changed_names: 4,
            delta_findings: 5,
            metrics: 10,
            drift: 5,
            reality_items: 3,
            ..Limits::LEAD
        },
        Limits {
            stages: 8,
            principles: 8,
            rules: 5,
            worst: 10,
            radar: true,
            clamp: 160,
            changed_names: 3,
            delta_findings: 4,
            metrics: 8,
            drift: 4,
            reality_items: 3,
            ..Limits::LEAD
        },
        Limits {
            stages: 6,
            principles: 6,
            rules: 3,
            worst: 10,
            radar: true,
            clamp: 110,
            changed_names: 3,
            delta_findings: 3,
            metrics: 6,
            drift: 3,
            reality_items: 2,
            ..Limits::LEAD
        },
        Limits {
            stages: 5,
            principles: 5,
            rules: 0,
            worst: 8,
            radar: false,
            clamp: 90,
            changed_names: 2,
            delta_findings: 3,
            metrics: 5,
            drift: 2,
            reality_items: 2,
            ..Limits::LEAD
        },
        Limits {
            stages: 3,
            principles: 3,
            rules: 0,
            worst: 5,
            radar: false,
            clamp: 60,
            changed_names: 2,
            delta_findings: 2,
            metrics: 4,
            drift: 2,
            reality_items: 1,
            ..Limits::LEAD
        },
        Limits {
            stages: 3,
            principles: 3,
            rules: 0,
            worst: 3,
            radar: false,
            clamp: 60,
            changed_names: 1,
            delta_findings: 1,
            metrics: 3,
            drift: 1,
            reality_items: 1,
            go_on_below: 0.3,
            ..Limits::LEAD
        },
    ];

    /// Whether this is the leadership edition.
    pub(crate) fn lean(&self) -> bool {
        self.edition == Edition::Leadership
    }

    /// `text` cut to the clamp at a word boundary, with an ellipsis.
    pub(crate) fn clip<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let text = text.trim();
        if text.chars().count() <= self.clamp {
            return std::borrow::Cow::Borrowed(text);
        }
        let cut: String = text.chars().take(self.clamp).collect();
        let at = cut
            .rfind(char::is_whitespace)
            .filter(|i| *i * 3 >= cut.len() * 2)
            .unwrap_or(cut.len());
        std::borrow::Cow::Owned(format!("{}…", cut[..at].trim_end()))
    }
}

/// A section of the playbook.
///
/// This list is the extension point for new pages: add a variant here and to [`Section::ALL`], a switch to [`crate::Sections`], a line in
/// `Facts::summary`, and a renderer in `lay_out`; both editions then pick it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Name, date, vision and the readiness verdict.
    Cover,
    /// What changed since a baseline: changes by layer, divergences resolved and
    /// introduced, the readiness delta.
    Changes,
    /// Stages, key moments and the emotional arc.
    Narrative,
    /// Design principles and handoff rules.
    Principles,
    /// The latest readiness session.
    Readiness,
    /// The handoff graph and its divergences.
    Integrity,
    /// The scorecard, the promised and measured arc, and what drifted.
    Monitor,
    /// Fitness against an event log, shadow handoffs and latency breaches.
    Reality,
    /// One checklist per touchpoint.
    Checklists,
}

impl Section {
    /// Every section, in the order the playbook prints them.
    pub const ALL: [Section; 9] = [
        Section::Cover,
        Section::Changes,
        Section::Narrative,
        Section::Principles,
        Section::Readiness,
        Section::Integrity,
        Section::Monitor,
        Section::Reality,
        Section::Checklists,
    ];

    /// The section's title as printed ("What changed" is followed by the baseline's label).
    pub fn title(self) -> &'static str {
        match self {
            Section::Cover => "Cover",
            Section::Changes => "What changed",
            Section::Monitor => "Monitor",
            Section::Reality => "Reality check",
            Section::Narrative => "Narrative arc",
            Section::Principles => "Design principles",
            Section::Readiness => "Readiness",
            Section::Integrity => "Handoff integrity",
            Section::Checklists => "Touchpoint checklists",
        }
    }

    /// One line on what the section holds for `ws`, or why it is left out.
    pub fn summary(self, ws: &Workspace) -> String {
        Facts::gather(ws, &PlaybookOptions::default()).summary(self, ws, Edition::Full)
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
        .filter(|s| {
            options.sections.includes(*s)
                && facts.has_content(*s)
                && (options.edition == Edition::Full || s.in_leadership())
        })
        .collect()
}

impl Section {
    /// Whether the leadership edition prints the section (checklists are full edition only).
    pub fn in_leadership(self) -> bool {
        self != Section::Checklists
    }
}

/// Lays out every planned section; the result always has at least one page. The
/// leadership edition is laid out at its loosest level that fits its page budget.
pub(crate) fn lay_out(
    ws: &Workspace,
    facts: &Facts<'_>,
    options: &PlaybookOptions,
    geo: Geometry,
) -> Vec<Page> {
    match options.edition {
        Edition::Full => lay_out_with(ws, facts, options, geo, &Limits::FULL),
        Edition::Leadership => {
            let mut pages = Vec::new();
            for limits in &Limits::LEADERSHIP {
                pages = lay_out_with(ws, facts, options, geo, limits);
                if pages.len() <= LEADERSHIP_PAGES {
                    break;
                }
            }
            pages
        }
    }
}

fn lay_out_with(
    ws: &Workspace,
    facts: &Facts<'_>,
    options: &PlaybookOptions,
    geo: Geometry,
    limits: &Limits,
) -> Vec<Page> {
    let mut flow = Flow::new(geo);
    let planned = plan(facts, options);
    let mut starts = Vec::new();
    for section in &planned {
        flow.section = Some(*section);
        let first = flow.pages.len() + 1;
        match section {
            Section::Cover => cover::render(&mut flow, ws, facts, options),
            Section::Narrative => narrative::render(&mut flow, ws, limits),
            Section::Principles => principles::render(&mut flow, ws, limits),
            Section::Readiness => readiness::render(&mut flow, ws, facts, limits),
            Section::Integrity => integrity::render(&mut flow, ws, facts, options, limits),
            Section::Checklists => checklists::render(&mut flow, ws, facts),
            Section::Changes => changes::render(&mut flow, ws, facts, limits),
            Section::Monitor => monitor::render(&mut flow, ws, facts, limits),
            Section::Reality => reality::render(&mut flow, ws, facts, limits),
        }
        // A section that went on under the one before starts on that page.
        let opened = if flow.opened > 0 { flow.opened } else { first };
        flow.opened = 0;
        starts.push((*section, opened));
    }
    if planned.contains(&Section::Cover) {
        cover::contents(&mut flow, &starts, facts);
    }
    if flow.pages.is_empty() {
        flow.new_page();
    }
    flow.pages
}

/// Opens a section on a new page: its title and a lead line. In the leadership edition a
/// section goes on under the previous one when more than half a page (at the tightest
/// level, 30%) is left.
pub(crate) fn start(flow: &mut Flow, title: &str, lead: &str, limits: &Limits) {
    let plain = flow.pages.last().is_some_and(|p| p.plain);
    if limits.lean() && !plain && flow.remaining() > flow.page_height() * limits.go_on_below {
        flow.gap(28.0);
        let geo = flow.geo;
        flow.draw(Item::Path {
            points: vec![pt(geo.left, flow.y - 14.0), pt(geo.right, flow.y - 14.0)],
            closed: false,
            stroke: Stroke::solid(RULE, 0.8),
        });
    } else {
        flow.new_page();
    }
    flow.opened = flow.pages.len();
    let geo = flow.geo;
    flow.place_all(text_rows(title, H1, geo.left, geo.content_width()));
    flow.gap(4.0);
    flow.place_all(text_rows(lead, LEAD, geo.left, geo.content_width()));
    flow.gap(16.0);
}

/// A heading inside a section, kept with what follows it.
pub(crate) fn heading(flow: &mut Flow, text: &str) {
    heading_over(flow, text, 40.0);
}

/// A heading kept on one page with the first `follow` points of what comes after it (a
/// chart's whole height).
pub(crate) fn heading_over(flow: &mut Flow, text: &str, follow: f32) {
    let geo = flow.geo;
    flow.gap(10.0);
    let rows = text_rows(text, H2, geo.left, geo.content_width());
    flow.keep_with_next(rows, follow);
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
