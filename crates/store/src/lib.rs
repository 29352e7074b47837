//! The Throughline library database.
//!
//! One SQLite file holds every workspace of a user, one table per entity kind, a change
//! log and the settings. Every write is one transaction: the document is reloaded inside
//! it, the [`Edit`](throughline_model::Edit) applied and validated, and the entity-level
//! [`diff`](throughline_model::diff) written and logged as one batch. Undo and redo replay
//! logged batches, so they survive a restart and work the same for the app and the CLI.
//! Each committed transaction is published as a [`Committed`] event, and writes by other
//! connections are noticed by [`Store::external_changes`].

mod edits;
mod error;
mod events;
mod label;
mod layout;
mod library;
mod log;
mod schema;
mod settings;
mod tables;
mod types;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use error::StoreError;
pub use events::{ChangeKind, Committed};
pub use schema::{SCHEMA_VERSION, migration_sql};
pub use settings::Settings;
/// Where each element sits in the graph view (defined with the model, so that the
/// playbook's diagram takes the same type).
pub use throughline_model::NodePosition;
pub use types::{
    Actor, BatchState, ChangeBatch, HistoryStep, Source, WorkspaceState, WorkspaceSummary,
};

/// The environment variable that points the library at another database file.
pub const DB_ENV: &str = "THROUGHLINE_DB";

/// The folder under the OS data directory: the same as Tauri's `app_data_dir` for the
/// app's identifier, so that the CLI and the app share one library.
pub const APP_IDENTIFIER: &str = "app.throughline.desktop";

/// The library database's file name.
pub const DB_FILE: &str = "library.sqlite3";

/// The name recorded for changes until the user sets a display name.
pub const DEFAULT_DISPLAY_NAME: &str = "Someone";

/// An open library database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Transactions committed through this connection, not yet taken.
    committed: Vec<events::Committed>,
    /// How far other connections' writes have been reported.
    seen: events::Seen,
}

impl Store {
    /// Where the library lives: `$THROUGHLINE_DB` if set, else the OS data directory
    /// joined with `app.throughline.desktop/library.sqlite3`.
    pub fn default_path() -> Result<PathBuf, StoreError> {
        if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(path));
        }
        let dirs = directories::BaseDirs::new().ok_or(StoreError::NoDataDir)?;
        Ok(dirs.data_dir().join(APP_IDENTIFIER).join(DB_FILE))
    }

    /// Opens (creating if needed) the library at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        Self::prepare(conn, Some(path))
    }

    /// A library in memory, made by the same code path as a file; for tests.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<&Path>) -> Result<Self, StoreError> {
        schema::prepare(&mut conn, path)?;
        let mut store = Self {
            conn,
            path: path.map(Path::to_path_buf),
            committed: Vec::new(),
            seen: events::Seen::default(),
        };
        store.start_watching()?;
        Ok(store)
    }

    /// The database file, or `None` for an in-memory library.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}
