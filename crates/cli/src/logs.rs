//! `throughline logs import|list|map|delete`: event logs kept in the library per workspace, so
//! that `throughline replay WORKSPACE NAME` replays them again after the map changes.

use std::path::{Path, PathBuf};

use throughline_reality::{ActivityMapping, BadRowPolicy, ReplayOptions, alias_edit};
use throughline_store::Source;

use crate::OutputFormat;
use crate::library::{CliError, Library};
use crate::output::outln;

/// `throughline logs ...`
#[derive(Debug, clap::Args)]
pub struct LogsArgs {
    #[command(subcommand)]
    action: LogsAction,
}

#[derive(Debug, clap::Subcommand)]
enum LogsAction {
    /// Read an event log (CSV, .csv.gz, XES, .xes.gz) and keep it in the library.
    Import {
        /// The workspace's slug or name.
        workspace: String,
        /// The log file.
        file: PathBuf,
        /// The name to keep it under, unique within the workspace (default: the file's
        /// name without its extensions).
        #[arg(long)]
        name: Option<String>,
        /// Leave out rows that cannot be read instead of refusing the file.
        #[arg(long)]
        skip_bad_rows: bool,
    },
    /// List a workspace's stored logs, newest first.
    List {
        /// The workspace's slug or name.
        workspace: String,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Map an activity of a log to an element: saved as the element's alias (one undoable
    /// edit), so that replays count its events there.
    Map {
        /// The workspace's slug or name.
        workspace: String,
        /// The activity, as the log names it.
        activity: String,
        /// The element's id.
        element: String,
    },
    /// Delete a stored log (the workspace is not touched).
    Delete {
        /// The workspace's slug or name.
        workspace: String,
        /// The log's name.
        name: String,
    },
}

/// The default name of a log: its file name without `.gz`, `.csv` or `.xes`.
fn default_name(file: &Path) -> String {
    let mut name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for ext in [".gz", ".csv", ".xes"] {
        if name.len() > ext.len() && name.to_ascii_lowercase().ends_with(ext) {
            name.truncate(name.len() - ext.len());
        }
    }
    name
}

/// Runs `throughline logs ...`.
pub fn logs(args: LogsArgs, db: Option<&Path>) -> Result<(), CliError> {
    match args.action {
        LogsAction::Import {
            workspace,
            file,
            name,
            skip_bad_rows,
        } => {
            let mut lib = Library::open(db)?;
            let slug = lib.store.find(&workspace)?.slug;
            let actor = lib.store.actor(Source::Cli)?;
            let name = name.unwrap_or_else(|| default_name(&file));
            let options = ReplayOptions {
                mapping: None,
                bad_rows: BadRowPolicy { skip_bad_rows },
            };
            let import = lib
                .store
                .import_log(&slug, &name, &file, &options, &actor)?;
            let info = &import.info;
            outln!(
                "Stored log \"{}\" in {slug}: {} events in {} cases, {} activities ({} KB)",
                info.name,
                info.events,
                info.cases,
                info.activities,
                info.stored_bytes.div_ceil(1024)
            );
            if info.bad_rows > 0 {
                outln!("Left out {} unreadable rows, among them:", info.bad_rows);
                for row in &import.skipped {
                    outln!("  {} {}: {}", row.unit, row.row, row.reason);
                }
            }
            outln!(
                "Replay it with `throughline replay {slug} \"{}\"`.",
                info.name
            );
        }
        LogsAction::List { workspace, format } => {
            let lib = Library::open_existing(db)?;
            let slug = lib.store.find(&workspace)?.slug;
            let list = lib.store.logs(&slug)?;
            if format == OutputFormat::Json {
                let text = serde_json::to_string_pretty(&list)
                    .map_err(|e| CliError::Other(e.to_string()))?;
                outln!("{text}");
                return Ok(());
            }
            if list.is_empty() {
                outln!(
                    "{slug} has no stored logs. Import one with `throughline logs import {slug} FILE`."
                );
            }
            for l in list {
                let span = match (&l.first_event, &l.last_event) {
                    (Some(a), Some(b)) => format!(
                        ", {} to {}",
                        a.get(..10).unwrap_or(a),
                        b.get(..10).unwrap_or(b)
                    ),
                    _ => String::new(),
                };
                outln!(
                    "{}  {} events, {} cases{span}  from {}, imported {} by {}",
                    l.name,
                    l.events,
                    l.cases,
                    l.source,
                    l.at.get(..16).unwrap_or(&l.at).replace('T', " "),
                    l.who
                );
            }
        }
        LogsAction::Map {
            workspace,
            activity,
            element,
        } => {
            let mut lib = Library::open_existing(db)?;
            let slug = lib.store.find(&workspace)?.slug;
            let doc = lib.store.load(&slug)?;
            let mapping = ActivityMapping {
                activity: activity.clone(),
                element: element.clone(),
            };
            match alias_edit(&doc, &[mapping]).map_err(|e| CliError::Other(e.to_string()))? {
                Some(edit) => {
                    let actor = lib.store.actor(Source::Cli)?;
                    lib.store.apply(&slug, &edit, &actor)?;
                    outln!(
                        "\"{}\" is now an alias of {element}; replays count its events there",
                        activity.trim()
                    );
                }
                None => outln!("{element} already answers to \"{}\"", activity.trim()),
            }
        }
        LogsAction::Delete { workspace, name } => {
            let mut lib = Library::open_existing(db)?;
            let slug = lib.store.find(&workspace)?.slug;
            lib.store.delete_log(&slug, &name)?;
            outln!("Deleted log \"{}\" of {slug}", name.trim());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_name_drops_the_log_extensions() {
        assert_eq!(
            default_name(Path::new("/x/March tickets.csv.gz")),
            "March tickets"
        );
        assert_eq!(default_name(Path::new("export.XES")), "export");
        assert_eq!(default_name(Path::new(".csv")), ".csv");
    }
}
