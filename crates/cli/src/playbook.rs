//! `throughline playbook`: the coherence playbook as a PDF, with the same choices as the
//! app's export (edition, paper, sections), plus "What changed since" a snapshot or file
//! (`--since`) and a reality check against an event log (`--log`).

use std::path::{Path, PathBuf};

use throughline_playbook::{Baseline, Edition, Paper, Placement, PlaybookOptions, Sections};

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
    /// Add "What changed since ...": a snapshot label of the target workspace,
    /// WORKSPACE@LABEL, or a `*.throughline.json` file (as `diff` takes them).
    #[arg(long, value_name = "SNAPSHOT_OR_FILE")]
    pub since: Option<String>,
    /// Add a reality check: an event log (CSV, XES, gzipped or not, or a directly-follows
    /// table) replayed against the workspace, as `replay` reads it.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// With `--log`: leave out rows that cannot be read instead of refusing the log.
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// Show raters as "Rater A", "Rater B" … and leave their notes out, for a PDF that
    /// travels beyond the room.
    #[arg(long)]
    pub anonymous_raters: bool,
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
    Changes,
    Monitor,
    Reality,
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
            SectionArg::Changes => sections.changes = false,
            SectionArg::Monitor => sections.monitor = false,
            SectionArg::Reality => sections.reality = false,
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
        anonymous_raters: args.anonymous_raters,
        since: None,
        reality: None,
    }
}

/// The baseline `--since` names, with the label the section's title shows: a file by its
/// name, a snapshot by its label. A bare label is a snapshot of the target workspace.
fn baseline(since: &str, target: &Target<'_>, db: Option<&Path>) -> Result<Baseline, CliError> {
    let path = Path::new(since);
    let state = match target {
        Target::Workspace(name)
            if !since.contains('@') && !path.is_file() && !since.ends_with(".json") =>
        {
            format!("{name}@{since}")
        }
        _ => since.to_string(),
    };
    let (name, workspace) = crate::versions::load_state(&state, db)?;
    let label = if Path::new(&state).is_file() || state.ends_with(".json") {
        path.file_name()
            .map_or(since.to_string(), |f| f.to_string_lossy().into_owned())
    } else {
        name.split_once('@')
            .map_or(name.clone(), |(_, l)| l.to_string())
    };
    Ok(Baseline { label, workspace })
}

/// Renders the playbook of a file or library workspace to the output; the graph diagram
/// uses the positions stored in the library, if any. Returns the page count and size.
pub fn run(args: &PlaybookArgs, db: Option<&Path>) -> Result<(u32, usize), CliError> {
    let target = Target::parse(&args.target);
    let (doc, layout) = match &target {
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
    if let Some(since) = &args.since {
        options.since = Some(baseline(since, &target, db)?);
    }
    if let Some(log) = &args.log {
        options.reality = Some(crate::replay::report(&doc, log, args.skip_bad_rows)?);
    }
    let rendered = throughline_playbook::render(&doc, &options)?;
    throughline_format::write_atomically(&rendered.bytes, &args.output)?;
    Ok((rendered.pages, rendered.bytes.len()))
}
