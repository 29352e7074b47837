//! `throughline playbook`: the coherence playbook as a PDF, with the same choices as the
//! app's export (edition, paper, sections).

use std::path::{Path, PathBuf};

use throughline_playbook::{Edition, Paper, Placement, PlaybookOptions, Sections};

use crate::library::{self, CliError, Library, Target};

/// The playbook subcommand's arguments.
#[derive(Debug, clap::Args)]
pub struct PlaybookArgs {
    /// A `*.throughline.json` file, or a workspace's slug or name in the library.
    pub target: String,
    /// Where to write the PDF.
    #[arg(short, long, value_name = "OUT.pdf")]
    pub output: PathBuf,
    /// The leadership edition (at most six pages) or the full one with checklists.
    #[arg(long, value_enum, default_value_t = EditionArg::Leadership)]
    pub edition: EditionArg,
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// Sections to leave out, comma-separated (the app's section checkboxes).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTION")]
    pub skip: Vec<SectionArg>,
}

/// Which playbook to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EditionArg {
    /// At most six pages: arc, principles, readiness, the ten worst divergences.
    Leadership,
    /// Everything, with a compact checklist per touchpoint.
    Full,
}

/// Paper size of the playbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    /// ISO A4, 210 x 297 mm.
    A4,
    /// US Letter, 8.5 x 11 in.
    Letter,
}

/// A section of the playbook, as `--skip` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SectionArg {
    Cover,
    Narrative,
    Principles,
    Readiness,
    Integrity,
    Checklists,
}

/// The library options these arguments ask for, exported at `now` (RFC 3339).
pub fn options(args: &PlaybookArgs, today: String, now: String) -> PlaybookOptions {
    let mut sections = Sections::default();
    for s in &args.skip {
        match s {
            SectionArg::Cover => sections.cover = false,
            SectionArg::Narrative => sections.narrative = false,
            SectionArg::Principles => sections.principles = false,
            SectionArg::Readiness => sections.readiness = false,
            SectionArg::Integrity => sections.integrity = false,
            SectionArg::Checklists => sections.checklists = false,
        }
    }
    PlaybookOptions {
        paper: match args.paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        },
        edition: match args.edition {
            EditionArg::Leadership => Edition::Leadership,
            EditionArg::Full => Edition::Full,
        },
        sections,
        generated_on: today,
        generated_at: Some(now),
        layout: Vec::new(),
    }
}

/// Renders the playbook of a file or library workspace to the output; the graph diagram
/// uses the positions stored in the library, if any. Returns the page count and size.
pub fn run(args: &PlaybookArgs, db: Option<&Path>) -> Result<(u32, usize), CliError> {
    let (doc, layout) = match Target::parse(&args.target) {
        Target::File(path) => (throughline_format::read_file(path)?, Vec::new()),
        Target::Workspace(name) => {
            let library = Library::open_existing(db)?;
            let (summary, doc) = library.load(name)?;
            (doc, library.layout(&summary.slug)?)
        }
    };
    let mut options = options(args, library::today(), library::now_rfc3339());
    options.layout = layout
        .into_iter()
        .map(|p| Placement {
            id: p.id,
            x: p.x,
            y: p.y,
        })
        .collect();
    let rendered = throughline_playbook::render(&doc, &options)?;
    throughline_format::write_atomically(&rendered.bytes, &args.output)?;
    Ok((rendered.pages, rendered.bytes.len()))
}
