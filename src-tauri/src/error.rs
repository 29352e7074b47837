//! The one error type that crosses IPC: the shared contract of the libraries,
//! `{ code, message, problems: [{ path, message }] }` with a generated `ErrorCode`.

pub use throughline_model::{ApiError, ErrorCode};

/// An I/O failure of the shell itself (finding a folder, a dialog), in the contract.
pub fn io(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::Io, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_format::FormatError;
    use throughline_model::{EditError, Problem};
    use throughline_store::StoreError;

    #[test]
    fn a_refused_edit_crosses_with_each_problem_and_its_path() {
        let problem = Problem {
            path: "stages[0].name".into(),
            message: "the name cannot be empty".into(),
        };
        let e = ApiError::from(StoreError::InvalidEdit(EditError::Invalid(vec![
            problem.clone(),
        ])));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "invalid_edit");
        assert_eq!(
            json["problems"],
            serde_json::json!([{"path": "stages[0].name", "message": "the name cannot be empty"}])
        );
    }

    #[test]
    fn a_newer_library_and_a_damaged_file_have_codes_the_window_acts_on() {
        let newer = ApiError::from(StoreError::NewerDatabase {
            found: 9,
            supported: 3,
        });
        assert_eq!(newer.code, ErrorCode::NewerDatabase);
        let damaged = ApiError::from(StoreError::NotADatabase {
            path: "/tmp/x.sqlite3".into(),
        });
        assert_eq!(damaged.code, ErrorCode::DamagedLibrary);
        let bad = ApiError::from(FormatError::NotJson {
            line: 1,
            column: 2,
            message: "EOF".into(),
        });
        assert_eq!(serde_json::to_value(&bad).unwrap()["code"], "bad_file");
    }
}
