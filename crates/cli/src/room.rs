//! The library's first-run subcommands: `duplicate` (copy a workspace) and `name` (the name
//! recorded with the user's changes and waivers).

use std::path::Path;

use clap::Args;
use throughline_store::Source;

use crate::library::{CliError, Library};
use crate::output::outln;

/// `throughline duplicate WORKSPACE [--name NAME]`.
#[derive(Debug, Args)]
pub struct DuplicateArgs {
    /// The workspace to copy: its slug or name (see `throughline list`).
    pub workspace: String,
    /// The copy's name (default: "NAME (copy)").
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// `throughline name [NAME]`.
#[derive(Debug, Args)]
pub struct NameArgs {
    /// Your name, recorded with your changes and on the waivers you make. Without it, the
    /// name in use is shown.
    pub name: Option<String>,
}

/// Copies a workspace (content and layout, not its history) into a new one.
pub fn duplicate(db: Option<&Path>, args: &DuplicateArgs) -> Result<(), CliError> {
    let mut library = Library::open_existing(db)?;
    let source = library.store.find(&args.workspace)?;
    let actor = library.store.actor(Source::Cli)?;
    let copy = library
        .store
        .duplicate_workspace(&source.slug, args.name.as_deref(), &actor)?;
    outln!(
        "Duplicated \"{}\" as \"{}\" ({})",
        source.name,
        copy.name,
        copy.slug
    );
    Ok(())
}

/// Shows or sets the user's display name.
pub fn name(db: Option<&Path>, args: &NameArgs) -> Result<(), CliError> {
    match &args.name {
        None => {
            let library = Library::open_existing(db)?;
            let settings = library.store.settings()?;
            if settings.named {
                outln!("{}", settings.display_name);
            } else {
                outln!(
                    "No name set yet; changes are recorded as \"{}\". Set yours with `throughline name \"Your Name\"`.",
                    settings.display_name
                );
            }
        }
        Some(name) => {
            let mut library = Library::open(db)?;
            library.store.set_display_name(name)?;
            outln!(
                "Your changes and waivers are now recorded as \"{}\"",
                library.store.display_name()?
            );
        }
    }
    Ok(())
}
