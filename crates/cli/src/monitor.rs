//! The monitor subcommands: `monitor` (metrics, measured arc and drift findings as of a
//! date) and `readings import` / `readings export` (CSV in and out of a library workspace).

use std::path::{Path, PathBuf};

use clap::Subcommand;
use throughline_monitor::{ImportOptions, MonitorOptions};
use throughline_store::Source;

use crate::library::{self, CliError, Library};
use crate::{FailOnArg, OutputFormat};

/// What `throughline readings` does.
#[derive(Debug, Subcommand)]
pub enum ReadingsCommand {
    /// Import metric readings from a CSV file (columns metric, date, value and optionally n)
    /// into a workspace of the library. Nothing is imported unless every row is good.
    Import {
        /// The workspace's slug or name (see `throughline list`).
        workspace: String,
        /// The CSV file.
        file: PathBuf,
        /// Replace readings already recorded for the same metric and date.
        #[arg(long)]
        replace: bool,
    },
    /// Export every reading of a workspace to a CSV file that imports back.
    Export {
        /// The workspace's slug or name (see `throughline list`).
        workspace: String,
        /// Where to write the CSV.
        #[arg(short, long, value_name = "FILE.csv")]
        output: PathBuf,
    },
}

/// The monitor report as text or JSON, and whether it fails the run at `fail_on`.
pub fn monitor(
    target: &str,
    db: Option<&Path>,
    as_of: Option<String>,
    format: OutputFormat,
    fail_on: FailOnArg,
) -> Result<(String, bool), CliError> {
    let doc = library::load_target(target, db)?;
    let m = throughline_monitor::monitor(&doc, &MonitorOptions { as_of })?;
    let failed = throughline_audit::should_fail(&m.report, crate::reports::fail_on(fail_on));
    let text = match format {
        OutputFormat::Text => throughline_monitor::render_text(&m, &doc.workspace.name),
        OutputFormat::Json => throughline_monitor::render_json(&m),
    };
    Ok((text, failed))
}

/// Runs a `readings` subcommand and returns what to print.
pub fn readings(command: ReadingsCommand, db: Option<&Path>) -> Result<String, CliError> {
    match command {
        ReadingsCommand::Import {
            workspace,
            file,
            replace,
        } => import(&workspace, &file, replace, db),
        ReadingsCommand::Export { workspace, output } => {
            let (summary, doc) = Library::open(db)?.load(&workspace)?;
            let csv = throughline_monitor::export_csv(&doc);
            throughline_format::write_atomically(csv.as_bytes(), &output)?;
            Ok(format!(
                "Exported {} readings of \"{}\" to {}\n",
                doc.readings.len(),
                summary.name,
                output.display()
            ))
        }
    }
}

fn import(
    workspace: &str,
    file: &Path,
    replace: bool,
    db: Option<&Path>,
) -> Result<String, CliError> {
    let mut library = Library::open(db)?;
    let (summary, doc) = library.load(workspace)?;
    let input = std::fs::File::open(file)
        .map_err(|e| CliError::Other(format!("cannot read {}: {e}", file.display())))?;
    let preview = throughline_monitor::preview_csv(
        &doc,
        std::io::BufReader::new(input),
        &ImportOptions {
            columns: None,
            replace,
        },
    )
    .map_err(|e| CliError::Other(format!("{}: {e}", file.display())))?;
    let message = format!(
        "Imported {} readings into \"{}\": {} new, {} replaced, {} already recorded\n",
        preview.readings.len(),
        summary.name,
        preview.added,
        preview.conflicts.len(),
        preview.unchanged
    );
    let edit = preview
        .into_edit()
        .map_err(|e| CliError::Other(format!("{}: {e}", file.display())))?;
    library.apply(&summary.slug, &edit, Source::Import)?;
    Ok(message)
}
