//! The Throughline library database.
//!
//! One SQLite file holds every workspace of a user, one table per entity kind, a change
//! log and the settings. Every write is one transaction that reads and writes only the
//! rows it touches: an [`Edit`](throughline_model::Edit) is turned into the entity-level
//! changes [`diff`](throughline_model::diff) would give, those entities (and those that
//! refer to what it removed) are checked by the model's rules through indexed queries,
//! and the changes are written and logged as one batch. Undo and redo replay logged
//! batches, so they survive a restart and work the same for the app and the CLI.
//! Each committed transaction is published as a [`Committed`] event, and writes by other
//! connections are noticed by [`Store::external_changes`].

mod as_of;
mod backup;
mod bulk;
mod check;
mod delta;
mod duplicate;
mod edits;
mod error;
mod events;
mod held;
mod integrity;
mod label;
mod layout;
mod library;
mod log;
mod logs;
mod named;
mod names;
mod recovery;
mod rows;
mod schema;
mod settings;
mod snapshots;
mod stamp;
mod tables;
mod types;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use backup::{
    BACKUP_DIR, BackupInfo, BackupKind, BackupPolicy, KEEP_DAILY_SETTING, KEEP_WEEKLY_SETTING,
    backup_dir, list_backups, newest_good_backup,
};
pub use error::StoreError;
pub use events::{ChangeKind, Committed};
pub use logs::{LogImport, LogInfo, SkippedRow};
pub use recovery::{
    LostWorkspace, RestoreOutcome, SalvageInPlace, SalvageReport, SalvagedLog, SalvagedWorkspace,
    restore, restore_command, salvage, salvage_in_place,
};
pub use schema::{SCHEMA_VERSION, migration_sql};
pub use settings::Settings;
pub use snapshots::{SnapshotInfo, decode_snapshot, encode_snapshot};
pub use stamp::{UNNAMED, stamped_edit};
/// Where each element sits in the graph view (defined with the model, so that the
/// playbook's diagram takes the same type).
pub use throughline_model::NodePosition;
pub use types::{
    Actor, BatchState, ChangeBatch, HistoryStep, Source, WorkspaceDelta, WorkspaceState,
    WorkspaceSummary,
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
    /// Why today's automatic backup failed, if it did; opening goes on regardless.
    backup_warning: Option<String>,
    /// Transactions committed through this connection, not yet taken.
    committed: Vec<events::Committed>,
    /// How far other connections' writes have been reported.
    seen: events::Seen,
    /// A fixed time for what the store stamps (see [`Store::freeze_clock`]); none: now.
    clock: Option<String>,
    /// The document last read with [`Store::current`], carried forward by this store's edits.
    held: held::Held,
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
    ///
    /// An existing file is checked with `quick_check` at its first open in this process: a
    /// damaged library is refused with [`StoreError::Damaged`] and left untouched. Before a
    /// migration the file is backed up; then today's automatic backup is taken if missing.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let existed = std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
        let conn = Connection::open(path)?;
        if existed {
            conn.busy_timeout(schema::BUSY_TIMEOUT)?;
            recovery::check_once(&conn, path)?;
        }
        let mut store = Self::prepare(conn, Some(path)).map_err(|e| match e {
            StoreError::Database(e) if recovery::is_damage(&e) => {
                recovery::damaged(path, e.to_string())
            }
            other => other,
        })?;
        if existed {
            store.backup_warning = store.daily_backup().err().map(|e| e.to_string());
        }
        Ok(store)
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
            backup_warning: None,
            committed: Vec::new(),
            seen: events::Seen::default(),
            clock: None,
            held: held::Held::default(),
        };
        store.start_watching()?;
        Ok(store)
    }

    /// Why today's automatic backup could not be taken at open, if it could not.
    pub fn backup_warning(&self) -> Option<&str> {
        self.backup_warning.as_deref()
    }

    /// The database file, or `None` for an in-memory library.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}
