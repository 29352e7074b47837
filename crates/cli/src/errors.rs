//! How a failed command reports itself on stderr: one readable line, or, when the command
//! was asked for `--format json`, the error contract the app uses too:
//! `{"code": ..., "message": ..., "problems": [{"path": ..., "message": ...}]}`.

use throughline_model::ApiError;

use crate::library::CliError;
use crate::{Command, OutputFormat};

impl Command {
    /// Whether the command was asked for JSON output, so that its errors are JSON too.
    pub fn wants_json(&self) -> bool {
        match self {
            Command::Audit { format, .. }
            | Command::Readiness { format, .. }
            | Command::Monitor { format, .. }
            | Command::Replay { format, .. } => *format == OutputFormat::Json,
            _ => false,
        }
    }
}

/// The error as printed on stderr.
pub fn render(e: &CliError, json: bool) -> String {
    if json {
        let api = ApiError::from(e);
        // Plain data with string keys always serialises; the fallback keeps the line.
        serde_json::to_string(&api).unwrap_or_else(|_| format!("throughline: {e}"))
    } else {
        format!("throughline: {e}")
    }
}

/// Prints the error on stderr.
pub fn report(e: &CliError, json: bool) {
    eprintln!("{}", render(e, json));
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_store::StoreError;

    #[test]
    fn a_json_error_is_the_shared_contract_on_one_line() {
        let e = CliError::Store(StoreError::NothingToUndo);
        let line = render(&e, true);
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["code"], "nothing_to_undo");
        assert_eq!(v["problems"], serde_json::json!([]));
        assert!(!line.contains('\n'));
    }

    #[test]
    fn a_text_error_is_one_readable_line() {
        let e = CliError::Store(StoreError::NothingToUndo);
        assert_eq!(
            render(&e, false),
            "throughline: there is nothing to undo in this workspace"
        );
    }
}
