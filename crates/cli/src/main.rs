//! `throughline`: the command-line tool. Every subcommand is a call into the libraries;
//! errors go to stderr with a non-zero exit, and nothing is written unless it all worked.

mod errors;
mod library;
mod monitor;
mod reports;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use library::{CliError, Library};

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
        /// Where to write it (`*.throughline.json`).
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
        /// Where to write it (`*.throughline.json`).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// List the workspaces in the library.
    List,
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
    /// Export the coherence playbook as a PDF for leadership.
    Playbook {
        /// A `*.throughline.json` file, or a workspace's slug or name in the library.
        target: String,
        /// Where to write the PDF.
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
    },
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
    /// Import or export the readings of a workspace's metrics as CSV.
    Readings {
        #[command(subcommand)]
        command: monitor::ReadingsCommand,
    },
}

/// The least severe unwaived finding that makes `audit` exit non-zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
    Never,
}

/// Paper size of the playbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    /// ISO A4, 210 x 297 mm.
    A4,
    /// US Letter, 8.5 x 11 in.
    Letter,
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
            throughline_format::write_file(&doc, &output)?;
            println!(
                "Wrote the workspace \"{}\" to {}",
                doc.workspace.name,
                output.display()
            );
        }
        Command::Import { file } => {
            let doc = throughline_format::read_file(&file)?;
            let summary = Library::open(db.as_deref())?.import(&doc)?;
            println!("Imported \"{}\" as {}", summary.name, summary.slug);
        }
        Command::Export { workspace, output } => {
            let library = Library::open(db.as_deref())?;
            let (summary, doc) = library.load(&workspace)?;
            throughline_format::write_file(&doc, &output)?;
            println!("Exported \"{}\" to {}", summary.name, output.display());
        }
        Command::List => {
            let list = Library::open(db.as_deref())?.list()?;
            if list.is_empty() {
                println!("The library is empty. Import a file with `throughline import FILE`.");
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
                println!(
                    "{:<width$}  {}  ({} stages, {} elements; updated {updated} UTC)",
                    w.slug, w.name, w.stages, w.elements
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
            print!("{text}");
            if failed {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Playbook {
            target,
            output,
            paper,
        } => {
            let (pages, bytes) = reports::playbook(&target, db.as_deref(), paper, &output)?;
            println!(
                "Wrote the playbook to {} ({pages} pages, {} KB)",
                output.display(),
                bytes / 1024
            );
        }
        Command::Readiness {
            target,
            session,
            format,
        } => {
            let doc = library::load_target(&target, db.as_deref())?;
            print!("{}", reports::readiness(&doc, session.as_deref(), format)?);
        }
        Command::Monitor {
            target,
            as_of,
            format,
            fail_on,
        } => {
            let (text, failed) = monitor::monitor(&target, db.as_deref(), as_of, format, fail_on)?;
            print!("{text}");
            if failed {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Readings { command } => {
            print!("{}", monitor::readings(command, db.as_deref())?);
        }
    }
    Ok(ExitCode::SUCCESS)
}
