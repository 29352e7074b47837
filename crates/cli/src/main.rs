//! `throughline`: the command-line tool. Every subcommand is a call into the libraries;
//! errors go to stderr with a non-zero exit, and nothing is written unless it all worked.

mod library;

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
    /// Write the NexusFlow sample workspace to a file.
    Sample {
        /// Where to write it (`*.throughline.json`).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("throughline: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let db = cli.db;
    match cli.command {
        Command::Sample { output } => {
            let doc = throughline_format::sample()?;
            throughline_format::write_file(&doc, &output)?;
            println!("Wrote the sample workspace to {}", output.display());
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
            let width = list.iter().map(|w| w.slug.chars().count()).max().unwrap_or(0);
            for w in list {
                println!(
                    "{:<width$}  {}  ({} stages, {} elements; updated {})",
                    w.slug, w.name, w.stages, w.elements, w.updated_at
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
