//! The one error contract of Throughline's interfaces: the app's commands and the CLI's
//! `--format json` errors both answer `{code, message, problems: [{path, message}]}`.
//!
//! Each library crate maps its own error enum onto an [`ErrorCode`]; programs branch on
//! the code, people read the message, and a form shows each [`Problem`] beside its field.

use serde::{Deserialize, Serialize};

use crate::Problem;

/// What kind of failure an [`ApiError`] reports: a stable, snake_case name to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The edit would leave the workspace inconsistent; `problems` says where.
    InvalidEdit,
    /// A value typed by the user is not acceptable (a name, a score, a position).
    InvalidInput,
    /// The workspace, entity or session asked for does not exist.
    NotFound,
    /// The name given matches several things; use an id or slug instead.
    Ambiguous,
    /// Undo or redo is no longer possible because the workspace changed since.
    Conflict,
    /// There is no change left to undo.
    NothingToUndo,
    /// There is no undone change left to redo.
    NothingToRedo,
    /// The library was written by a newer Throughline; update the app.
    NewerDatabase,
    /// Another program holds the library and did not let go in time; try again.
    Locked,
    /// The library file is damaged or is not a Throughline library.
    DamagedLibrary,
    /// A workspace file cannot be read as Throughline's format; `problems` says where.
    BadFile,
    /// A file or folder could not be read or written.
    Io,
    /// The operation is not allowed (e.g. opening a file the app did not export).
    Forbidden,
    /// A defect in Throughline itself.
    Internal,
}

impl ErrorCode {
    /// The code as it is written in JSON (`invalid_edit`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidEdit => "invalid_edit",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Ambiguous => "ambiguous",
            ErrorCode::Conflict => "conflict",
            ErrorCode::NothingToUndo => "nothing_to_undo",
            ErrorCode::NothingToRedo => "nothing_to_redo",
            ErrorCode::NewerDatabase => "newer_database",
            ErrorCode::Locked => "locked",
            ErrorCode::DamagedLibrary => "damaged_library",
            ErrorCode::BadFile => "bad_file",
            ErrorCode::Io => "io",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure as programs receive it: a code to branch on, a message for the user, and the
/// located problems behind it (empty unless the failure is about particular fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// Each problem with its path into the workspace document (`stages[0].name`).
    pub problems: Vec<Problem>,
}

impl ApiError {
    /// An error with no located problems.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// The same error with these located problems.
    pub fn with_problems(mut self, problems: impl Into<Vec<Problem>>) -> Self {
        self.problems = problems.into();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_serialises_as_code_message_and_problems() {
        let e =
            ApiError::new(ErrorCode::InvalidEdit, "the stage needs a name").with_problems(vec![
                Problem {
                    path: "stages[0].name".into(),
                    message: "cannot be empty".into(),
                },
            ]);
        let json = serde_json::to_value(&e).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "invalid_edit",
                "message": "the stage needs a name",
                "problems": [{"path": "stages[0].name", "message": "cannot be empty"}],
            })
        );
    }

    #[test]
    fn every_code_is_written_in_snake_case_as_as_str_says() {
        use ErrorCode::*;
        for code in [
            InvalidEdit,
            InvalidInput,
            NotFound,
            Ambiguous,
            Conflict,
            NothingToUndo,
            NothingToRedo,
            NewerDatabase,
            Locked,
            DamagedLibrary,
            BadFile,
            Io,
            Forbidden,
            Internal,
        ] {
            let json = serde_json::to_value(code).unwrap_or_default();
            assert_eq!(json, serde_json::json!(code.as_str()));
            assert!(
                code.as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code}"
            );
            let back: ErrorCode = serde_json::from_value(json).unwrap_or(Internal);
            assert_eq!(back, code);
        }
    }

    #[test]
    fn an_error_without_problems_still_lists_an_empty_array() {
        let json =
            serde_json::to_string(&ApiError::new(ErrorCode::Locked, "busy")).unwrap_or_default();
        assert_eq!(json, r#"{"code":"locked","message":"busy","problems":[]}"#);
    }
}
