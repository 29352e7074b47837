//! The Throughline coherence playbook: a lean PDF for leadership.
//!
//! [`render`] turns a [`Workspace`] into a PDF: a cover with the readiness verdict, the
//! narrative arc with its emotional arc drawn as a chart, the design principles and handoff
//! rules, the readiness picture (a radar of the latest session), handoff integrity (a
//! diagram of the handoff graph with the flagged edges marked, the worst divergences with
//! their owners and fixes, and the waived findings), and a compact checklist per touchpoint
//! with its open findings. Three sections appear when there is something to show: "What
//! changed since LABEL" (given a baseline in [`PlaybookOptions::since`], first after the
//! cover), "Monitor" (when the workspace has metrics) and "Reality check" (given a replay
//! result in [`PlaybookOptions::reality`]). Figures come from `throughline-readiness`,
//! `throughline-versions`, `throughline-monitor` and `throughline-reality`, and findings
//! from `throughline-audit`; the playbook computes none of its own. Text is real (searchable, selectable) in embedded, subsetted Inter, which
//! covers accented Latin, Greek and Cyrillic. [`outline`] says what each section will hold,
//! for a preview list.
//!
//! The layout engine is our own (`layout`): text is measured with the font's glyph advances,
//! wrapped (long words too), and flows onto new pages under a running header; nothing is
//! drawn outside the margins.

mod fonts;
mod keys;
mod layout;
mod sections;
mod style;

use serde::{Deserialize, Serialize};
use throughline_model::Workspace;
use throughline_reality::RealityReport;

pub use sections::Section;

/// The paper size of the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// Which sections to include; all by default. A section with nothing to show is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Sections {
    /// Workspace name, date, vision and the readiness verdict.
    pub cover: bool,
    /// The stages, their key moments and the emotional-arc chart.
    pub narrative: bool,
    /// Design principles and the rules of every handoff contract.
    pub principles: bool,
    /// The latest readiness session: radar, total against 18, weakest dimension.
    pub readiness: bool,
    /// The handoff graph, the worst divergences and the waived findings.
    pub integrity: bool,
    /// One compact checklist per touchpoint, with its open findings.
    pub checklists: bool,
    /// What changed since the baseline, when one is given.
    pub changes: bool,
    /// The scorecard, the promised and measured arc and what drifted, when there are metrics.
    pub monitor: bool,
    /// Fitness, shadow handoffs and latency breaches, when a replay result is given.
    pub reality: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            cover: true,
            narrative: true,
            principles: true,
            readiness: true,
            integrity: true,
            checklists: true,
            changes: true,
            monitor: true,
            reality: true,
        }
    }
}

impl Sections {
    /// Whether `section` is switched on.
    pub fn includes(&self, section: Section) -> bool {
        match section {
            Section::Cover => self.cover,
            Section::Narrative => self.narrative,
            Section::Principles => self.principles,
            Section::Readiness => self.readiness,
            Section::Integrity => self.integrity,
            Section::Checklists => self.checklists,
            Section::Changes => self.changes,
            Section::Monitor => self.monitor,
            Section::Reality => self.reality,
        }
    }
}

/// Where the graph view placed a node: the model's [`NodePosition`], as the library
/// stores it.
pub use throughline_model::NodePosition as Placement;

/// Which playbook to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Edition {
    /// At most [`LEADERSHIP_PAGES`] pages whatever the workspace's size: the arc, the
    /// principles, readiness with the layer diagnosis and the ten worst divergences with
    /// their owners. Long lists are cut with a line saying how many more the full edition has.
    #[default]
    Leadership,
    /// Everything, with a compact checklist per touchpoint whose findings point to the
    /// numbered divergences.
    Full,
}

/// The most pages a leadership edition has.
pub const LEADERSHIP_PAGES: usize = 6;

/// How to render a playbook.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct PlaybookOptions {
    /// A4 or US Letter.
    pub paper: Paper,
    /// The leadership edition (default) or the full one.
    pub edition: Edition,
    /// Which sections to include.
    pub sections: Sections,
    /// The date printed on the cover and in the footer, passed in so output is deterministic.
    pub generated_on: String,
    /// The export time as RFC 3339 (`2026-11-30T09:40:00Z`), written as the PDF's creation
    /// date; passed in so output is deterministic. Absent or unreadable: no date is written.
    pub generated_at: Option<String>,
    /// The graph view's stored node positions. The diagram uses them when every drawn node
    /// has one; otherwise it lays the graph out in layers itself.
    pub layout: Vec<Placement>,
    /// Raters appear as "Rater A", "Rater B" … (and their notes are left out), for a PDF
    /// that travels beyond the room.
    #[serde(default)]
    pub anonymous_raters: bool,
    /// An earlier state to report what changed since (a snapshot or a file), with the
    /// label the title names it by. The caller loads it; it does not travel as JSON.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub since: Option<Baseline>,
    /// The result of replaying an event log against this workspace, for the reality
    /// check. The caller replays the log; the playbook reads no logs itself.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub reality: Option<RealityReport>,
}

/// The state a "What changed since LABEL" section compares the workspace with.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// How the title names it: a snapshot's label or a file's name.
    pub label: String,
    /// The workspace as it was.
    pub workspace: Workspace,
}

/// A rendered playbook: the PDF and how many pages it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// The number of pages.
    pub pages: u32,
    /// What the layout engine placed on each page, in page order (for tests and previews).
    pub fill: Vec<PageFill>,
}

/// How full the layout engine filled one page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageFill {
    /// The section the page belongs to (`None` for a page opened outside any section).
    pub section: Option<Section>,
    /// The share of the content box's height used, from 0 to 1.
    pub used: f32,
    /// Whether this is the last page of its section.
    pub last_of_section: bool,
}

/// A section as the preview list shows it: its title and what goes in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SectionPreview {
    /// Which section.
    pub section: Section,
    /// Its printed title.
    pub title: String,
    /// One line saying what the section will hold for this workspace.
    pub summary: String,
}

/// Why a playbook could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaybookError {
    /// An embedded font could not be read or subsetted (a build defect, not a user error).
    #[error("the embedded font {font} could not be used: {reason}")]
    Font { font: &'static str, reason: String },
    /// The PDF could not be serialised.
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// Every playbook failure is a defect of the build or the PDF writer, not of the user's
/// input: `internal` in the shared error contract.
impl From<&PlaybookError> for throughline_model::ApiError {
    fn from(e: &PlaybookError) -> Self {
        throughline_model::ApiError::new(throughline_model::ErrorCode::Internal, e.to_string())
    }
}

impl From<PlaybookError> for throughline_model::ApiError {
    fn from(e: PlaybookError) -> Self {
        throughline_model::ApiError::from(&e)
    }
}

/// The workspace as the playbook shows it: with anonymous raters when asked.
fn shown<'a>(ws: &'a Workspace, options: &PlaybookOptions) -> std::borrow::Cow<'a, Workspace> {
    if options.anonymous_raters {
        std::borrow::Cow::Owned(throughline_readiness::anonymised(ws))
    } else {
        std::borrow::Cow::Borrowed(ws)
    }
}

/// Renders the playbook of `ws` as a PDF.
pub fn render(ws: &Workspace, options: &PlaybookOptions) -> Result<Rendered, PlaybookError> {
    let shown = shown(ws, options);
    let ws = shown.as_ref();
    let geo = layout::Geometry::for_paper(options.paper);
    let facts = sections::Facts::gather(ws, options);
    let pages = sections::lay_out(ws, &facts, options, geo);
    let count = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    let fill = layout::fill(&pages, geo);
    let running = layout::Running {
        workspace: &ws.workspace.name,
        title: match options.edition {
            Edition::Leadership => "Coherence playbook",
            Edition::Full => "Coherence playbook · full edition",
        },
        date: &options.generated_on,
        created: options.generated_at.as_deref(),
    };
    let bytes = layout::write_pdf(pages, geo, &running)?;
    Ok(Rendered {
        bytes,
        pages: count,
        fill,
    })
}

/// The sections of the playbook for `ws` with a line on what each holds. A switched-on
/// section with nothing to show (no readiness session, no handoffs) is listed with the
/// reason it is left out.
pub fn outline(ws: &Workspace, options: &PlaybookOptions) -> Vec<SectionPreview> {
    let shown = shown(ws, options);
    let ws = shown.as_ref();
    let facts = sections::Facts::gather(ws, options);
    Section::ALL
        .into_iter()
        .filter(|s| options.sections.includes(*s))
        .map(|section| SectionPreview {
            section,
            title: facts.title(section),
            summary: facts.summary(section, ws, options.edition),
        })
        .collect()
}
