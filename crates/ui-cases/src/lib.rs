//! What the libraries say, written into files the UI is checked against.
//!
//! The UI's tests run against a test double of the backend (`ui/src/testing`), and its views
//! show labels, thresholds and figures that the libraries define. Neither may hold a second
//! copy of a rule that can drift silently, so this crate asks the real libraries and writes
//! their answers to three files:
//!
//! - [`CASES_PATH`]: edits applied through the real store (document or error out, and the
//!   undo label), slugs, waiver application and rater-name checks. Vitest
//!   runs the test double against every case (`ui/src/testing/conformance.test.ts`).
//! - [`SAMPLE_PATH`]: the audit report and readiness figures of the shared sample workspace,
//!   which the in-browser fixture backend answers with.
//! - [`CONSTANTS_PATH`]: display constants (scale limits, labels, orders) the views import.
//!
//! The test `export_bindings_ui_cases` rewrites the files; CI fails when they differ from the
//! committed copies, exactly as for `ui/src/bindings.ts`.

mod constants;
mod edits;
mod measure;
mod sample;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use constants::constants_ts;
pub use edits::{EditCase, EditCases, Outcome, edit_cases};
pub use sample::{SampleOutput, sample_output};

/// The generated conformance cases, relative to the repository root.
pub const CASES_PATH: &str = "ui/src/testing/generated/cases.json";
/// The generated library output for the sample workspace, relative to the repository root.
pub const SAMPLE_PATH: &str = "ui/src/testing/generated/sample.json";
/// The generated display constants, relative to the repository root.
pub const CONSTANTS_PATH: &str = "ui/src/model/library.ts";
/// The UI's small test workspace (input of the edit cases), relative to the repository root.
pub const TEST_WORKSPACE_PATH: &str = "ui/src/testing/workspaces/nexusflow.json";

/// Why the files could not be written.
#[derive(Debug, thiserror::Error)]
pub enum CasesError {
    #[error("cannot read or write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a valid workspace: {message}")]
    BadWorkspace { path: PathBuf, message: String },
    #[error("case \"{case}\" is written wrong: {message}")]
    BadCase { case: String, message: String },
    #[error("the store failed outside the edit under test: {0}")]
    Store(#[from] throughline_store::StoreError),
    #[error("cannot serialise the output: {0}")]
    Json(#[from] serde_json::Error),
}

/// Everything the UI's test double is checked against.
#[derive(Debug, Serialize)]
pub struct Cases {
    pub edits: edits::EditCases,
    pub slugs: Vec<edits::SlugCase>,
    pub waivers: sample::WaiverCase,
    pub rater_names: Vec<edits::RaterNameCase>,
}

/// The repository root, from this crate's manifest directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Computes every case and output from the libraries and writes the three files under `root`.
pub fn write_all(root: &Path) -> Result<(), CasesError> {
    let test_ws = edits::read_workspace(&root.join(TEST_WORKSPACE_PATH))?;
    let cases = Cases {
        edits: edit_cases(&test_ws)?,
        slugs: edits::slug_cases(),
        waivers: sample::waiver_case(),
        rater_names: edits::rater_name_cases(),
    };
    // One line: the cases are compared by machines, and a pretty copy would weigh 450 KB.
    write(
        &root.join(CASES_PATH),
        &(serde_json::to_string(&cases)? + "\n"),
    )?;
    write(&root.join(SAMPLE_PATH), &json(&sample_output())?)?;
    write(&root.join(CONSTANTS_PATH), &constants_ts())
}

fn json(value: &impl Serialize) -> Result<String, CasesError> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

fn write(path: &Path, text: &str) -> Result<(), CasesError> {
    let io = |source| CasesError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    // Unchanged files are left alone so that their timestamps do not wake a watching dev server.
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Named `export_bindings_*` so that the bindings step of `scripts/test` runs it too.
    #[test]
    fn export_bindings_ui_cases() {
        if let Err(e) = write_all(&repo_root()) {
            panic!("writing the UI's cases failed: {e}");
        }
    }
}
