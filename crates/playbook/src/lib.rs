//! The Throughline coherence playbook: a lean PDF for leadership.
//!
//! [`render`] turns a [`Workspace`] into a PDF: a cover, the narrative arc with its emotional
//! arc drawn as a chart, the design principles and handoff rules, and a compact checklist
//! per touchpoint. Text is real (searchable, selectable) in embedded, subsetted Inter, which
//! covers accented Latin, Greek and Cyrillic. [`outline`] says what each section will hold,
//! for a preview list.
//!
//! The layout engine is our own (`layout`): text is measured with the font's glyph advances,
//! wrapped (long words too), and flows onto new pages under a running header; nothing is
//! drawn outside the margins.

mod fonts;
mod layout;
mod sections;
mod style;

use serde::{Deserialize, Serialize};
use throughline_model::Workspace;

pub use sections::Section;

/// The paper size of the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[serde(default)]
pub struct Sections {
    /// Workspace name, date and vision.
    pub cover: bool,
    /// The stages, their key moments and the emotional-arc chart.
    pub narrative: bool,
    /// Design principles and the rules of every handoff contract.
    pub principles: bool,
    /// One compact checklist per touchpoint.
    pub checklists: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            cover: true,
            narrative: true,
            principles: true,
            checklists: true,
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
            Section::Checklists => self.checklists,
        }
    }
}

/// How to render a playbook.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaybookOptions {
    pub paper: Paper,
    pub sections: Sections,
    /// The date printed on the cover and in the footer, passed in so output is deterministic.
    pub generated_on: String,
}

/// A section as the preview list shows it: its title and what goes in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionPreview {
    pub section: Section,
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

/// Renders the playbook of `ws` as PDF bytes.
pub fn render(ws: &Workspace, options: &PlaybookOptions) -> Result<Vec<u8>, PlaybookError> {
    let geo = layout::Geometry::for_paper(options.paper);
    let pages = sections::lay_out(ws, options, geo);
    let running = layout::Running {
        workspace: &ws.workspace.name,
        title: "Coherence playbook",
        date: &options.generated_on,
    };
    layout::write_pdf(pages, geo, &running)
}

/// The sections [`render`] will include for `ws`, with a line on what each holds.
pub fn outline(ws: &Workspace, options: &PlaybookOptions) -> Vec<SectionPreview> {
    sections::plan(ws, options)
        .into_iter()
        .map(|section| SectionPreview {
            section,
            title: section.title().to_string(),
            summary: section.summary(ws),
        })
        .collect()
}
