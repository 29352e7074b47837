//! `throughline`: the command-line tool. Every subcommand is a call into the libraries;
//! errors go to stderr with a non-zero exit, and nothing is written unless it all worked.

/// The allocator of the app too: reading a workspace from the library allocates per field of
/// every row, and mimalloc halves what that costs with the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod backup;
mod errors;
mod library;
mod logs;
mod monitor;
mod output;
mod playbook;
mod replay;
mod reports;
mod room;
mod versions;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use library::{CliError, Library};
use output::outln;

/// Model, audit and export customer-experience coherence workspaces.
#[derive(Debug, Parser)]
#[command(name = "throughline", version, about)]
struct Cli {
    /// The library database to use (default: the app's library; env THROUGHLINE_DB).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the NexusFlow sample workspace, or another template, to a file.
    Sample {
        /// Where to write it (`*.throughline.json`; `-` for standard output).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Which template: saas-onboarding (the sample), retail-loyalty, rising-intent or
        /// spring-promotions.
        #[arg(long, value_name = "ID")]
        template: Option<String>,
    },
    /// Import a `*.throughline.json` file into the library as a new workspace.
    Import {
        /// The file to import.
        file: PathBuf,
    },
    /// Export a workspace from the library to a file.
    Export {
        /// The workspace's slug or name (see `throughline list`).
        workspace: String,
        /// Where to write it (`*.throughline.json`; `-` for standard output).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// List the workspaces in the library.
    List,
    /// Copy a workspace (content and graph layout) into a new one.
    Duplicate(room::DuplicateArgs),
    /// Show or set your name, recorded with your changes and on the waivers you make.
    Name(room::NameArgs),
    /// Check a workspace for places where the truth diverges. Exits 1 when a finding at or
    /// above `--fail-on` is not waived, so a workspace kept in git can gate a merge.
    Audit {
        /// A `*.throughline.json` file, or a workspace's slug or name in the library.
        target: String,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// The least severe finding that fails the run.
        #[arg(long, value_enum, default_value_t = FailOnArg::Error)]
        fail_on: FailOnArg,
    },
    /// Export the coherence playbook as a PDF: the leadership edition (at most six pages)
    /// or the full one.
    Playbook(playbook::PlaybookArgs),
    /// Readiness figures of a session: per-dimension statistics, total against 18, verdict,
    /// weakest dimension, agreement between raters and where they disagree.
    Readiness {
        /// A `*.throughline.json` file, or a workspace's slug or name in the library.
        target: String,
        /// The session's name or id (default: the latest).
        #[arg(long, value_name = "NAME")]
        session: Option<String>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Coherence metrics as of a date: each metric's latest reading, trend and target, the
    /// measured emotional arc against the promised one, and drift findings naming the layer.
    /// Exits 1 when a finding at or above `--fail-on` is not waived.
    Monitor {
        /// A `*.throughline.json` file, or a workspace's slug or name in the library.
        target: String,
        /// The date the report is as of, YYYY-MM-DD (default: the newest reading).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// The least severe finding that fails the run.
        #[arg(long, value_enum, default_value_t = FailOnArg::Error)]
        fail_on: FailOnArg,
    },
    /// Replay an event log against the handoff graph: shadow handoffs, unused handoffs,
    /// latency breaches, rework and heroes (see docs/reality.md). Exits 1 like `audit`.
    Replay {
        /// A `*.throughline.json` file, or a workspace's slug or name in the library.
        target: String,
        /// The log: `.csv`, `.csv.gz`, `.xes`, `.xes.gz`, or a directly-follows table (CSV);
        /// or the name of a log stored in the library (`throughline logs import`).
        log: PathBuf,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// The least severe finding that fails the run.
        #[arg(long, value_enum, default_value_t = FailOnArg::Error)]
        fail_on: FailOnArg,
        /// Leave out rows that cannot be read instead of refusing the log.
        #[arg(long)]
        skip_bad_rows: bool,
    },
    /// Keep event logs in the library (import, list, delete) to replay them by name.
    Logs(logs::LogsArgs),
    /// Import or export the readings of a workspace's metrics as CSV.
    Readings {
        #[command(subcommand)]
        command: monitor::ReadingsCommand,
    },
    /// Take, list, restore, delete and export snapshots of a workspace.
    Snapshot(versions::SnapshotArgs),
    /// Compare two states (files, workspaces or WORKSPACE@LABEL): changes by layer, findings
    /// introduced and resolved, readiness before and after.
    Diff(versions::DiffArgs),
    /// Three-way merge of workspace files, item by item and field by field (a git merge driver).
    Merge(versions::MergeArgs),
    /// The change log of a workspace or of one of its items.
    History(versions::HistoryArgs),
    /// Back the library up: to FILE, or into the `backups/` folder beside it.
    Backup {
        /// A new file to write the backup to.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the backups beside the library, newest first, with date, size and state; with
    /// `--keep-daily`/`--keep-weekly`, first set how many automatic backups are kept.
    Backups(backup::BackupsArgs),
    /// Replace the library by a backup. The current library is backed up first when it
    /// can be read, and kept aside as `<library>.replaced-<date>` in any case.
    Restore {
        /// The backup file (see `throughline backups`).
        backup: PathBuf,
    },
    /// Copy every workspace that can still be read from a damaged library into a new one.
    Salvage {
        /// The new library to create.
        #[arg(short, long, value_name = "NEW_LIBRARY")]
        output: PathBuf,
    },
}

/// The least severe unwaived finding that makes `audit` exit non-zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
    Never,
}

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Readable in a terminal.
    Text,
    /// One JSON object, for scripts.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json_errors = cli.command.wants_json();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            errors::report(&e, json_errors);
            // 1 is kept for "the audit found something"; 2 means the command itself failed.
            ExitCode::from(2)
        }
    }
}

/// Whether an output path means standard output (`-o -`).
fn is_stdout(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
}

fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let db = cli.db;
    match cli.command {
        Command::Sample { output, template } => {
            let doc = match template {
                None => throughline_format::sample(),
                Some(id) => throughline_format::template(&id)
                    .map_err(CliError::Other)?
                    .workspace()?,
            };
            if is_stdout(&output) {
                output::print(&throughline_format::to_string(&doc))?;
            } else {
                throughline_format::write_file(&doc, &output)?;
                outln!(
                    "Wrote the workspace \"{}\" to {}",
                    doc.workspace.name,
                    output.display()
                );
            }
        }
        Command::Import { file } => {
            let doc = throughline_format::read_file(&file)?;
            let mut library = Library::open(db.as_deref())?;
            let namesakes = library.named(&doc.workspace.name)?;
            let summary = library.import(&doc)?;
            outln!("Imported \"{}\" as {}", summary.name, summary.slug);
            if !namesakes.is_empty() {
                let slugs: Vec<&str> = namesakes.iter().map(|w| w.slug.as_str()).collect();
                outln!(
                    "The library already had a workspace called \"{}\" ({}); the new one is {}.",
                    summary.name,
                    slugs.join(", "),
                    summary.slug
                );
            }
        }
        Command::Export { workspace, output } => {
            let library = Library::open_existing(db.as_deref())?;
            let (summary, doc) = library.load(&workspace)?;
            if is_stdout(&output) {
                output::print(&throughline_format::to_string(&doc))?;
            } else {
                throughline_format::write_file(&doc, &output)?;
                outln!("Exported \"{}\" to {}", summary.name, output.display());
            }
        }
        Command::List => {
            let list = Library::open_existing(db.as_deref())?.list()?;
            if list.is_empty() {
                outln!("The library is empty. Import a file with `throughline import FILE`.");
            }
            let width = list
                .iter()
                .map(|w| w.slug.chars().count())
                .max()
                .unwrap_or(0);
            for w in list {
                // RFC 3339 to the minute is plenty for a listing: "2026-11-21 19:47 UTC".
                let updated = w
                    .updated_at
                    .get(..16)
                    .unwrap_or(&w.updated_at)
                    .replace('T', " ");
                outln!(
                    "{:<width$}  {}  ({} stages, {} elements; updated {updated} UTC)",
                    w.slug,
                    w.name,
                    w.stages,
                    w.elements
                );
            }
        }
        Command::Audit {
            target,
            format,
            fail_on,
        } => {
            let doc = library::load_target(&target, db.as_deref())?;
            let (text, failed) = reports::audit(&doc, format, fail_on);
            output::print(&text)?;
            if failed {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Playbook(args) => {
            let (pages, bytes) = playbook::run(&args, db.as_deref())?;
            outln!(
                "Wrote the playbook to {} ({pages} pages, {} KB)",
                args.output.display(),
                bytes / 1024
            );
        }
        Command::Readiness {
            target,
            session,
            format,
        } => {
            let doc = library::load_target(&target, db.as_deref())?;
            output::print(&reports::readiness(&doc, session.as_deref(), format)?)?;
        }
        Command::Monitor {
            target,
            as_of,
            format,
            fail_on,
        } => {
            let (text, failed) = monitor::monitor(&target, db.as_deref(), as_of, format, fail_on)?;
            output::print(&text)?;
            if failed {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Replay {
            target,
            log,
            format,
            fail_on,
            skip_bad_rows,
        } => {
            let (text, failed) =
                replay::replay(&target, &log, db.as_deref(), format, fail_on, skip_bad_rows)?;
            output::print(&text)?;
            if failed {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Logs(args) => logs::logs(args, db.as_deref())?,
        Command::Readings { command } => {
            output::print(&monitor::readings(command, db.as_deref())?)?;
        }
        Command::Snapshot(args) => return versions::snapshot(args, db.as_deref()),
        Command::Diff(args) => return versions::diff(args, db.as_deref()),
        Command::Merge(args) => return versions::merge_files(args),
        Command::History(args) => return versions::history(args, db.as_deref()),
        Command::Backup { output } => backup::backup(db.as_deref(), output.as_deref())?,
        Command::Backups(args) => backup::backups(db.as_deref(), &args)?,
        Command::Duplicate(args) => room::duplicate(db.as_deref(), &args)?,
        Command::Name(args) => room::name(db.as_deref(), &args)?,
        Command::Restore { backup } => backup::restore(db.as_deref(), &backup)?,
        Command::Salvage { output } => backup::salvage(db.as_deref(), &output)?,
    }
    Ok(ExitCode::SUCCESS)
}
