//! The backup subcommands: `backup`, `backups`, `restore` and `salvage`.

use std::path::Path;

use throughline_store::{BackupInfo, BackupPolicy, Store};

use crate::library::{CliError, existing_library};
use crate::output::outln;

/// `throughline backup [-o FILE]`: a consistent copy of the library, to `FILE` or into the
/// `backups/` folder beside it.
pub fn backup(db: Option<&Path>, output: Option<&Path>) -> Result<(), CliError> {
    let store = Store::open(&existing_library(db)?)?;
    let info = match output {
        Some(path) => store.backup_to(path)?,
        None => store.backup_now()?,
    };
    outln!(
        "Backed up the library to {} ({})",
        info.path.display(),
        size(info.size)
    );
    Ok(())
}

/// How many automatic backups to keep, for `throughline backups`.
#[derive(Debug, clap::Args)]
pub struct BackupsArgs {
    /// Keep the newest automatic backup of each of the last N days the library was used
    /// (default 7); a setting of the library, kept from now on.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub keep_daily: Option<u32>,
    /// Keep the newest automatic backup of each of the last N weeks (default 4; 0 keeps
    /// none by the week).
    #[arg(long, value_name = "N")]
    pub keep_weekly: Option<u32>,
}

/// `throughline backups`: every backup beside the library, newest first, with its date,
/// size and whether it can be restored. Works on a damaged library too, unless the
/// arguments change how many backups are kept (a setting stored in the library).
pub fn backups(db: Option<&Path>, args: &BackupsArgs) -> Result<(), CliError> {
    let library = existing_library(db)?;
    if args.keep_daily.is_some() || args.keep_weekly.is_some() {
        let mut store = Store::open(&library)?;
        let current = store.backup_policy()?;
        let policy = BackupPolicy {
            keep_daily: args.keep_daily.unwrap_or(current.keep_daily),
            keep_weekly: args.keep_weekly.unwrap_or(current.keep_weekly),
        };
        store.set_backup_policy(policy)?;
        outln!(
            "Keeping the newest automatic backup of each of the last {} days and {} weeks of use.",
            policy.keep_daily,
            policy.keep_weekly
        );
    }
    let list = throughline_store::list_backups(&library)?;
    if list.is_empty() {
        outln!(
            "No backups yet in {}. Take one with `throughline backup`.",
            throughline_store::backup_dir(&library).display()
        );
        return Ok(());
    }
    for b in &list {
        outln!("{}", line(b));
    }
    Ok(())
}

fn line(b: &BackupInfo) -> String {
    let when = b.taken_at.replace('T', " ").replace('Z', " UTC");
    let state = match &b.problem {
        None => "ok".to_string(),
        Some(problem) => format!("cannot be restored: {problem}"),
    };
    format!(
        "{when}  {:<16}  {:>9}  {state}  {}",
        b.kind.as_str(),
        size(b.size),
        b.path.display()
    )
}

fn size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// `throughline restore BACKUP`: replaces the library by a backup; the current file is
/// backed up when readable and always kept aside under a dated name.
pub fn restore(db: Option<&Path>, backup: &Path) -> Result<(), CliError> {
    let library = crate::library::library_path(db)?;
    let outcome = throughline_store::restore(&library, backup)?;
    outln!(
        "Restored {} from {}.",
        outcome.library.display(),
        outcome.restored.display()
    );
    if let Some(aside) = &outcome.replaced_kept_at {
        outln!("The replaced library was kept as {}.", aside.display());
    }
    if let Some(b) = &outcome.backup_of_replaced {
        outln!("It was also backed up to {}.", b.path.display());
    }
    Ok(())
}

/// `throughline salvage -o NEW_LIBRARY`: copies every workspace that can still be read
/// from the (damaged) library into a new library, and names those that could not.
pub fn salvage(db: Option<&Path>, output: &Path) -> Result<(), CliError> {
    let library = existing_library(db)?;
    let report = throughline_store::salvage(&library, output)?;
    outln!(
        "Salvaged {} of {} workspaces into {}.",
        report.saved.len(),
        report.saved.len() + report.lost.len(),
        report.library.display()
    );
    for s in &report.saved {
        outln!("  saved  {} ({} -> {})", s.name, s.old_slug, s.new_slug);
    }
    for l in &report.lost {
        outln!("  lost   {} ({}): {}", l.name, l.slug, l.reason);
    }
    for l in &report.logs {
        match &l.lost {
            None => outln!("  log    {} of {}: copied", l.name, l.workspace),
            Some(why) => outln!("  log    {} of {}: lost, {why}", l.name, l.workspace),
        }
    }
    if !report.saved.is_empty() {
        outln!(
            "Use it with `throughline --db {} list`, or restore it over the damaged library \
             with `throughline restore {}`.",
            output.display(),
            output.display()
        );
    }
    Ok(())
}
