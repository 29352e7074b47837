//! Access to the library database and to workspace files, for the subcommands.

use std::path::Path;

use throughline_format::FormatError;
use throughline_model::Workspace;
use throughline_store::{Actor, Source, Store, StoreError, WorkspaceSummary};

/// What can go wrong in a subcommand; the message is printed as is.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Format(#[from] FormatError),
    #[error("{0}")]
    Other(String),
}

/// The library database, opened for one subcommand.
pub struct Library {
    store: Store,
}

impl Library {
    /// Opens `db`, or the default library (`THROUGHLINE_DB`, else the app's data directory).
    pub fn open(db: Option<&Path>) -> Result<Self, CliError> {
        let path = match db {
            Some(p) => p.to_path_buf(),
            None => Store::default_path()?,
        };
        Ok(Self { store: Store::open(&path)? })
    }

    fn actor(source: Source) -> Actor {
        Actor { name: "cli".into(), source }
    }

    /// Imports a document as a new workspace.
    pub fn import(&mut self, doc: &Workspace) -> Result<WorkspaceSummary, CliError> {
        Ok(self.store.import_workspace(doc, &Self::actor(Source::Import))?)
    }

    /// Finds a workspace by slug or name and loads it.
    pub fn load(&self, workspace: &str) -> Result<(WorkspaceSummary, Workspace), CliError> {
        let summary = self.store.find(workspace)?;
        let doc = self.store.load(&summary.slug)?;
        Ok((summary, doc))
    }

    /// Every workspace in the library.
    pub fn list(&self) -> Result<Vec<WorkspaceSummary>, CliError> {
        Ok(self.store.list_workspaces()?)
    }
}

/// Reads a workspace from a file when `target` names one, else from the library.
pub fn load_target(target: &str, db: Option<&Path>) -> Result<Workspace, CliError> {
    let path = Path::new(target);
    if path.is_file() || target.ends_with(".json") {
        return Ok(throughline_format::read_file(path)?);
    }
    Ok(Library::open(db)?.load(target)?.1)
}
