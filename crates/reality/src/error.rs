//! What can go wrong while reading or replaying a log.

use std::path::PathBuf;

use crate::log::BadRow;

/// Everything that stops a log from being read or replayed. Each message says what was
/// wrong, where, and what to do.
#[derive(Debug, thiserror::Error)]
pub enum RealityError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The CSV structure is broken (for example a quote that never closes).
    #[error(
        "{path}: line {line}: {message}; check that the file is comma-, semicolon- or tab-separated CSV"
    )]
    Csv {
        path: PathBuf,
        line: u64,
        message: String,
    },
    /// The XES structure is broken.
    #[error("{path}: byte {position}: {message}; the file is not well-formed XES")]
    Xes {
        path: PathBuf,
        position: u64,
        message: String,
    },
    /// A column the mapping needs is not in the header.
    #[error(
        "{path}: no column for the {role} ({looked_for}); the header has: {header}. Name the column in the mapping"
    )]
    MissingColumn {
        path: PathBuf,
        role: &'static str,
        looked_for: String,
        header: String,
    },
    /// The file is empty or has only a header.
    #[error("{path}: the file holds no events")]
    Empty { path: PathBuf },
    /// Some rows could not be read and `skip_bad_rows` was not set.
    #[error(
        "{path}: {count} bad row(s), e.g. {examples}; fix them, or pass --skip-bad-rows to leave them out"
    )]
    BadRows {
        path: PathBuf,
        count: u64,
        /// The first few bad rows.
        first: Vec<BadRow>,
        /// The first few, as text for the message.
        examples: String,
    },
    /// A directly-follows table row is wrong.
    #[error("{path}: line {line}: {message}")]
    Dfg {
        path: PathBuf,
        line: u64,
        message: String,
    },
    /// A log kept in the library cannot be read back.
    #[error("the stored log cannot be read: {message}; import the file again")]
    Stored { message: String },
    /// A mapping of activities to elements cannot be saved.
    #[error("{message}")]
    Mapping { message: String },
    /// More distinct cases, activities or resources than the compact store can number.
    #[error("{path}: more than 4 billion distinct values in one column; split the log")]
    TooLarge { path: PathBuf },
}

impl RealityError {
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn bad_rows(path: &std::path::Path, count: u64, first: Vec<BadRow>) -> Self {
        let examples = first
            .iter()
            .take(3)
            .map(|b| format!("{} {}: {}", b.unit, b.row, b.reason))
            .collect::<Vec<_>>()
            .join("; ");
        Self::BadRows {
            path: path.to_path_buf(),
            count,
            first,
            examples,
        }
    }
}
