use std::path::{Path, PathBuf};

use crate::BackupInfo;

use throughline_model::{ApiError, EditError, ErrorCode, Problem, TextError};

/// Everything that can go wrong in the library database. Each error has a stable
/// [`code`](StoreError::code) for programs and a message written for the user.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", not_found_message(.wanted, .available))]
    NotFound {
        wanted: String,
        /// `Name (slug)` of every workspace in the library.
        available: Vec<String>,
    },
    #[error(
        "\"{wanted}\" names several workspaces ({}); use one of those slugs instead",
        .slugs.join(", ")
    )]
    Ambiguous { wanted: String, slugs: Vec<String> },
    #[error("{0}")]
    InvalidEdit(#[from] EditError),
    #[error("{}", text_message(.what, .source))]
    InvalidText {
        what: &'static str,
        source: TextError,
    },
    #[error("{}", snapshot_not_found_message(.wanted, .available))]
    SnapshotNotFound {
        wanted: String,
        /// The labels the workspace's snapshots have, newest first.
        available: Vec<String>,
    },
    #[error(
        "this workspace already has a snapshot labelled \"{0}\"; choose another label, or \
         delete that snapshot first"
    )]
    SnapshotLabelTaken(String),
    #[error(
        "this workspace has no change batch {wanted}; its change log holds batches {first} to \
         {last} (the timeline lists them)"
    )]
    BatchNotFound { wanted: u32, first: u32, last: u32 },
    #[error(
        "\"{0}\" is a snapshot: a snapshot cannot be changed. Go back to the workspace as it \
         is now, or restore the snapshot, to edit. Nothing was changed."
    )]
    ReadOnlySnapshot(String),
    #[error("{}", log_not_found_message(.wanted, .available))]
    LogNotFound {
        wanted: String,
        /// The names of the workspace's stored logs, newest first.
        available: Vec<String>,
    },
    #[error(
        "this workspace already has a log named \"{0}\"; choose another name with --name, or \
         delete that log first"
    )]
    LogNameTaken(String),
    /// An event log could not be read, or a directly-follows table was offered for storing.
    #[error("{0}")]
    Log(#[from] throughline_reality::RealityError),
    #[error("cannot write {}: {message}. Nothing was written.", .path.display())]
    Export { path: PathBuf, message: String },
    #[error("the position of \"{0}\" in the graph is not a finite number")]
    InvalidPosition(String),
    #[error("there is nothing to undo in this workspace")]
    NothingToUndo,
    #[error("there is nothing to redo in this workspace")]
    NothingToRedo,
    #[error(
        "cannot {action} \"{label}\": the workspace has changed since, and doing it \
         now would leave it inconsistent ({detail}). Nothing was changed."
    )]
    Conflict {
        action: &'static str,
        label: String,
        detail: String,
    },
    #[error(
        "this library was written by a newer Throughline (schema {found}); this version \
         understands up to schema {supported}. Update Throughline or open another library."
    )]
    NewerDatabase { found: u32, supported: u32 },
    #[error(
        "{} is not a Throughline library (it is not an SQLite database). Choose another file, \
         or move this one away to start a new library.",
        .path.display()
    )]
    NotADatabase { path: PathBuf },
    #[error("{}", damaged_message(.path, .detail, .newest_good_backup.as_deref(), .restore_command.as_deref()))]
    Damaged {
        path: PathBuf,
        /// What SQLite's check found.
        detail: String,
        /// The newest backup that passes its check, if any.
        newest_good_backup: Option<Box<BackupInfo>>,
        /// The CLI command that restores that backup.
        restore_command: Option<String>,
    },
    #[error("{} cannot be restored: {problem}. Nothing was changed.", .path.display())]
    BadBackup { path: PathBuf, problem: String },
    #[error(
        "nothing can be salvaged from {}: even its list of workspaces cannot be read ({detail})",
        .path.display()
    )]
    Unsalvageable { path: PathBuf, detail: String },
    #[error("cannot find the folder for application data on this system; set THROUGHLINE_DB")]
    NoDataDir,
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the library holds data this version cannot read ({0})")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
}

fn not_found_message(wanted: &str, available: &[String]) -> String {
    if available.is_empty() {
        format!("no workspace \"{wanted}\": the library is empty; create or import one first")
    } else {
        format!(
            "no workspace \"{wanted}\" in this library; it has: {}",
            available.join(", ")
        )
    }
}

fn snapshot_not_found_message(wanted: &str, available: &[String]) -> String {
    if available.is_empty() {
        format!("no snapshot \"{wanted}\": this workspace has no snapshots yet")
    } else {
        let quoted: Vec<String> = available.iter().map(|l| format!("\"{l}\"")).collect();
        format!(
            "no snapshot \"{wanted}\" in this workspace; it has: {}",
            quoted.join(", ")
        )
    }
}

fn log_not_found_message(wanted: &str, available: &[String]) -> String {
    if available.is_empty() {
        format!("no log \"{wanted}\": this workspace has no stored logs yet; import one first")
    } else {
        let quoted: Vec<String> = available.iter().map(|l| format!("\"{l}\"")).collect();
        format!(
            "no log \"{wanted}\" in this workspace; it has: {}",
            quoted.join(", ")
        )
    }
}

fn damaged_message(
    path: &Path,
    detail: &str,
    newest: Option<&BackupInfo>,
    restore_command: Option<&str>,
) -> String {
    // SQLite's check lists one problem a line; a message stays on one line.
    let detail = detail
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect::<Vec<_>>()
        .join("; ");
    let mut text = format!(
        "the library {} is damaged ({detail}); it was left as it is. ",
        path.display()
    );
    match (newest, restore_command) {
        (Some(b), Some(command)) => text.push_str(&format!(
            "The newest good backup is from {} ({}); restore it with: {command} \
             (the damaged file is kept aside). Or copy what can still be read into a new \
             library with `throughline salvage -o NEW_LIBRARY`.",
            b.taken_at
                .replace('T', " ")
                .trim_end_matches('Z')
                .to_owned()
                + " UTC",
            b.path.display()
        )),
        _ => text.push_str(&format!(
            "No good backup was found in {}. Copy what can still be read into a new library \
             with `throughline salvage -o NEW_LIBRARY`.",
            crate::backup_dir(path).display()
        )),
    }
    text
}

fn text_message(what: &str, source: &TextError) -> String {
    match source {
        TextError::EmptyName => format!("the {what} cannot be empty"),
        other => format!("the {what} {other}"),
    }
}

impl StoreError {
    /// A stable, machine-readable name of the error's kind.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound { .. } => "not_found",
            StoreError::SnapshotNotFound { .. } => "snapshot_not_found",
            StoreError::SnapshotLabelTaken(_) => "snapshot_label_taken",
            StoreError::LogNotFound { .. } => "log_not_found",
            StoreError::ReadOnlySnapshot(_) => "read_only_snapshot",
            StoreError::BatchNotFound { .. } => "batch_not_found",
            StoreError::LogNameTaken(_) => "log_name_taken",
            StoreError::Log(_) => "bad_log",
            StoreError::Export { .. } => "io",
            StoreError::Ambiguous { .. } => "ambiguous",
            StoreError::InvalidEdit(_) => "invalid_edit",
            StoreError::InvalidText { .. } | StoreError::InvalidPosition(_) => "invalid_input",
            StoreError::NothingToUndo => "nothing_to_undo",
            StoreError::NothingToRedo => "nothing_to_redo",
            StoreError::Conflict { .. } => "conflict",
            StoreError::NewerDatabase { .. } => "newer_database",
            StoreError::NotADatabase { .. } => "not_a_database",
            StoreError::NoDataDir | StoreError::Io { .. } => "io",
            StoreError::Corrupt(_) => "corrupt",
            StoreError::Damaged { .. } => "damaged",
            StoreError::BadBackup { .. } => "bad_backup",
            StoreError::Unsalvageable { .. } => "unsalvageable",
            StoreError::Database(_) => "database",
        }
    }

    /// The validation problems behind a refused edit, each with its path; empty otherwise.
    pub fn problems(&self) -> &[Problem] {
        match self {
            StoreError::InvalidEdit(EditError::Invalid(problems)) => problems,
            _ => &[],
        }
    }

    pub(crate) fn corrupt(detail: impl std::fmt::Display) -> Self {
        StoreError::Corrupt(detail.to_string())
    }
}

/// The error as it crosses the app's commands and the CLI's JSON output.
impl From<&StoreError> for ApiError {
    fn from(e: &StoreError) -> Self {
        ApiError::new(e.error_code(), e.to_string()).with_problems(e.problems().to_vec())
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::from(&e)
    }
}

impl StoreError {
    /// The kind of failure in the error contract shared by the app and the CLI.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            StoreError::NotFound { .. } | StoreError::SnapshotNotFound { .. } => {
                ErrorCode::NotFound
            }
            StoreError::SnapshotLabelTaken(_) | StoreError::LogNameTaken(_) => ErrorCode::Conflict,
            StoreError::LogNotFound { .. } | StoreError::BatchNotFound { .. } => {
                ErrorCode::NotFound
            }
            StoreError::Log(throughline_reality::RealityError::Io { .. }) => ErrorCode::Io,
            StoreError::Log(_) => ErrorCode::BadFile,
            StoreError::Export { .. } => ErrorCode::Io,
            StoreError::Damaged { .. } | StoreError::Unsalvageable { .. } => {
                ErrorCode::DamagedLibrary
            }
            StoreError::BadBackup { .. } => ErrorCode::BadFile,
            StoreError::Ambiguous { .. } => ErrorCode::Ambiguous,
            StoreError::ReadOnlySnapshot(_) => ErrorCode::Forbidden,
            StoreError::InvalidEdit(EditError::NotFound { .. }) => ErrorCode::NotFound,
            StoreError::InvalidEdit(_) => ErrorCode::InvalidEdit,
            StoreError::InvalidText { .. } | StoreError::InvalidPosition(_) => {
                ErrorCode::InvalidInput
            }
            StoreError::NothingToUndo => ErrorCode::NothingToUndo,
            StoreError::NothingToRedo => ErrorCode::NothingToRedo,
            StoreError::Conflict { .. } => ErrorCode::Conflict,
            StoreError::NewerDatabase { .. } => ErrorCode::NewerDatabase,
            StoreError::NotADatabase { .. } | StoreError::Corrupt(_) => ErrorCode::DamagedLibrary,
            StoreError::NoDataDir | StoreError::Io { .. } => ErrorCode::Io,
            StoreError::Database(e) => match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    ErrorCode::Locked
                }
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                    ErrorCode::DamagedLibrary
                }
                Some(
                    rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::DiskFull
                    | rusqlite::ErrorCode::SystemIoFailure
                    | rusqlite::ErrorCode::ReadOnly
                    | rusqlite::ErrorCode::PermissionDenied,
                ) => ErrorCode::Io,
                _ => ErrorCode::Internal,
            },
        }
    }
}

/// Serialises as the shared error contract `{ code, message, problems }`.
impl serde::Serialize for StoreError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&ApiError::from(self), serializer)
    }
}
