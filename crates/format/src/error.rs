use std::path::PathBuf;

use throughline_model::{ApiError, ErrorCode, Problem};

use crate::{FORMAT_VERSION, MAX_INPUT_BYTES, OLDEST_FORMAT_VERSION};

/// How many problems a one-line message lists before it says "and N more".
const LISTED: usize = 5;

/// Why a file could not be imported or written. Every variant says what and where.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file's bytes are not UTF-8 text.
    #[error(
        "{} is not UTF-8 text (the first bad byte is at offset {offset}); a Throughline file is JSON in UTF-8",
        path.display()
    )]
    NotUtf8 { path: PathBuf, offset: usize },
    /// The input is larger than [`MAX_INPUT_BYTES`].
    #[error(
        "the file is {} MiB; Throughline opens files of at most {} MiB",
        mib(*bytes),
        MAX_INPUT_BYTES / (1024 * 1024)
    )]
    TooLarge { bytes: usize },
    /// The input is not well-formed JSON.
    #[error("this is not a Throughline file: line {line}, column {column}: {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// The input is JSON, but not an object tagged `"format": "throughline"`.
    #[error("this is not a Throughline file: {reason}")]
    NotThroughline { reason: String },
    /// The file was written by a newer version of Throughline.
    #[error(
        "written by a newer Throughline (format version {version}); this version reads versions {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION}"
    )]
    NewerVersion { version: u64 },
    /// The `"version"` field is missing or is not a whole number of 1 or more.
    #[error(
        "this is not a readable Throughline file: \"version\" {found}; it must be a whole number from {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION}"
    )]
    BadVersion { found: String },
    /// A field has the wrong type or an impossible value, or is not part of the format.
    #[error("{problem} (line {line}, column {column})")]
    Field {
        problem: Problem,
        line: usize,
        column: usize,
    },
    /// The file is well-typed, but the workspace breaks its own rules.
    #[error("{}", list(.0))]
    Invalid(Vec<Problem>),
}

impl FormatError {
    /// A stable machine-readable code for the kind of error, for the UI to react to.
    pub fn code(&self) -> &'static str {
        match self {
            FormatError::Read { .. } => "read_failed",
            FormatError::Write { .. } => "write_failed",
            FormatError::NotUtf8 { .. } => "not_utf8",
            FormatError::TooLarge { .. } => "too_large",
            FormatError::NotJson { .. } => "not_json",
            FormatError::NotThroughline { .. } => "not_throughline",
            FormatError::NewerVersion { .. } => "newer_version",
            FormatError::BadVersion { .. } => "bad_version",
            FormatError::Field { .. } => "bad_field",
            FormatError::Invalid(_) => "invalid_workspace",
        }
    }

    /// The kind of failure in the error contract shared by the app and the CLI: a file
    /// that cannot be read or written is `io`; anything wrong with its content `bad_file`.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            FormatError::Read { .. } | FormatError::Write { .. } => ErrorCode::Io,
            _ => ErrorCode::BadFile,
        }
    }

    /// Every located problem: one for a bad field, all of them for an invalid workspace,
    /// none for an error about the file as a whole.
    pub fn problems(&self) -> &[Problem] {
        match self {
            FormatError::Field { problem, .. } => std::slice::from_ref(problem),
            FormatError::Invalid(problems) => problems,
            _ => &[],
        }
    }
}

/// A size in MiB with one decimal, rounded up so that a size over a limit never reads as
/// equal to it.
fn mib(bytes: usize) -> String {
    let tenths = (bytes as u128 * 10).div_ceil(1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn list(problems: &[Problem]) -> String {
    match problems {
        [] => "the workspace is not valid".to_string(),
        [one] => one.to_string(),
        many => {
            let shown: Vec<String> = many.iter().take(LISTED).map(Problem::to_string).collect();
            let mut text = format!("{} problems: {}", many.len(), shown.join("; "));
            if many.len() > LISTED {
                text.push_str(&format!("; and {} more", many.len() - LISTED));
            }
            text
        }
    }
}

/// The error as it crosses the app's commands and the CLI's JSON output, with every
/// located problem.
impl From<&FormatError> for ApiError {
    fn from(e: &FormatError) -> Self {
        ApiError::new(e.error_code(), e.to_string()).with_problems(e.problems().to_vec())
    }
}

impl From<FormatError> for ApiError {
    fn from(e: FormatError) -> Self {
        ApiError::from(&e)
    }
}
