//! Access to the library database and to workspace files, for the subcommands.

use std::path::{Path, PathBuf};

use throughline_format::FormatError;
use throughline_model::Workspace;
use throughline_store::{Source, Store, StoreError, WorkspaceSummary};

/// What can go wrong in a subcommand; the message is printed as is.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Format(#[from] FormatError),
    #[error("{0}")]
    Readiness(#[from] throughline_readiness::ReadinessError),
    #[error("{0}")]
    Playbook(#[from] throughline_playbook::PlaybookError),
    #[error("{0}")]
    Monitor(#[from] throughline_monitor::MonitorError),
    /// A command that only reads was pointed at a library file that does not exist.
    #[error("no library at {}; `throughline import` creates one", .0.display())]
    NoLibrary(PathBuf),
    #[error("{0}")]
    Other(String),
}

/// The error in the contract shared with the app: what `--format json` prints to stderr.
impl From<&CliError> for throughline_model::ApiError {
    fn from(e: &CliError) -> Self {
        match e {
            CliError::Store(e) => e.into(),
            CliError::Format(e) => e.into(),
            CliError::Readiness(e) => e.into(),
            CliError::Playbook(e) => e.into(),
            CliError::Monitor(e) => {
                use throughline_model::{ApiError, ErrorCode};
                let code = match e {
                    throughline_monitor::MonitorError::BadDate(_) => ErrorCode::InvalidInput,
                    throughline_monitor::MonitorError::Conflicts(_) => ErrorCode::Conflict,
                    _ => ErrorCode::BadFile,
                };
                ApiError::new(code, e.to_string())
            }
            CliError::NoLibrary(_) => throughline_model::ApiError::new(
                throughline_model::ErrorCode::NotFound,
                e.to_string(),
            ),
            CliError::Other(message) => {
                throughline_model::ApiError::new(throughline_model::ErrorCode::Internal, message)
            }
        }
    }
}

/// The library database, opened for one subcommand.
pub struct Library {
    pub(crate) store: Store,
}

impl Library {
    /// Opens `db`, or the default library (`THROUGHLINE_DB`, else the app's data
    /// directory), creating it if needed: for commands that add to the library.
    pub fn open(db: Option<&Path>) -> Result<Self, CliError> {
        Ok(Self {
            store: Store::open(&library_path(db)?)?,
        })
    }

    /// Opens the library for a command that only reads: a missing library is an error,
    /// never a new empty one.
    pub fn open_existing(db: Option<&Path>) -> Result<Self, CliError> {
        Ok(Self {
            store: Store::open(&existing_library(db)?)?,
        })
    }

    /// The workspaces whose name is `name` (ignoring case and surrounding spaces).
    pub fn named(&self, name: &str) -> Result<Vec<WorkspaceSummary>, CliError> {
        let wanted = name.trim().to_lowercase();
        Ok(self
            .list()?
            .into_iter()
            .filter(|w| w.name.trim().to_lowercase() == wanted)
            .collect())
    }

    /// Imports a document as a new workspace, logged as the user's (display name) write
    /// through the CLI.
    pub fn import(&mut self, doc: &Workspace) -> Result<WorkspaceSummary, CliError> {
        let actor = self.store.actor(Source::Cli)?;
        Ok(self.store.import_workspace(doc, &actor)?)
    }

    /// Finds a workspace by slug or name and loads it.
    pub fn load(&self, workspace: &str) -> Result<(WorkspaceSummary, Workspace), CliError> {
        let summary = self.store.find(workspace)?;
        let doc = self.store.load(&summary.slug)?;
        Ok((summary, doc))
    }

    /// Applies `edit` to a workspace (by slug) as one change, logged as coming from `source`.
    pub fn apply(
        &mut self,
        slug: &str,
        edit: &throughline_model::Edit,
        source: Source,
    ) -> Result<(), CliError> {
        let actor = self.store.actor(source)?;
        self.store.apply(slug, edit, &actor)?;
        Ok(())
    }

    /// Every workspace in the library.
    pub fn list(&self) -> Result<Vec<WorkspaceSummary>, CliError> {
        Ok(self.store.list_workspaces()?)
    }

    /// The stored graph positions of a workspace.
    pub fn layout(&self, slug: &str) -> Result<Vec<throughline_store::NodePosition>, CliError> {
        Ok(self.store.layout(slug)?)
    }
}

/// The library's path: `db`, or the default library.
pub fn library_path(db: Option<&Path>) -> Result<PathBuf, CliError> {
    match db {
        Some(p) => Ok(p.to_path_buf()),
        None => Ok(Store::default_path()?),
    }
}

/// The library's path, which must exist.
pub fn existing_library(db: Option<&Path>) -> Result<PathBuf, CliError> {
    let path = library_path(db)?;
    if path.exists() {
        Ok(path)
    } else {
        Err(CliError::NoLibrary(path))
    }
}

/// What a report subcommand reads: a workspace file, or a workspace in the library.
pub enum Target<'a> {
    File(&'a Path),
    Workspace(&'a str),
}

impl<'a> Target<'a> {
    /// A file when `target` names an existing file or ends in `.json`, else a workspace.
    pub fn parse(target: &'a str) -> Self {
        let path = Path::new(target);
        if path.is_file() || target.ends_with(".json") {
            Target::File(path)
        } else {
            Target::Workspace(target)
        }
    }
}

/// Reads a workspace from a file when `target` names one, else from the library.
pub fn load_target(target: &str, db: Option<&Path>) -> Result<Workspace, CliError> {
    match Target::parse(target) {
        Target::File(path) => Ok(throughline_format::read_file(path)?),
        // A workspace, or one of its states: WORKSPACE@LABEL (a snapshot), WORKSPACE#N.
        Target::Workspace(name) => Ok(crate::versions::load_state(name, db)?.1),
    }
}

/// Today's date, `YYYY-MM-DD` (UTC), for the playbook's cover.
pub fn today() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The current time (UTC) as RFC 3339 to the second, `2026-11-30T09:40:00Z`: the playbook's
/// creation date.
pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc();
    let (d, t) = (now.date(), now.time());
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        d.year(),
        u8::from(d.month()),
        d.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}
