//! `throughline replay TARGET LOG`: the reality check of a workspace against an event log,
//! a file or the name of a log stored in the library with `throughline logs import`.

use std::path::Path;

use throughline_model::Workspace;
use throughline_reality::RealityReport;

use crate::library::{self, CliError, Library, Target};
use crate::{FailOnArg, OutputFormat};

/// Replays `log` (a file) against `doc`: the reality report `replay` prints and the
/// playbook's reality check shows.
pub fn report(
    doc: &Workspace,
    log: &Path,
    skip_bad_rows: bool,
) -> Result<throughline_reality::RealityReport, CliError> {
    let options = throughline_reality::ReplayOptions {
        mapping: None,
        bad_rows: throughline_reality::BadRowPolicy { skip_bad_rows },
    };
    throughline_reality::replay_file(doc, log, &options).map_err(|e| CliError::Other(e.to_string()))
}

/// Replays `log` against the workspace `target` names; returns the printed report and
/// whether it fails the run at `fail_on`. `log` is a file when one exists at that path;
/// otherwise, when `target` is a workspace in the library, the name of one of its stored
/// logs.
pub fn replay(
    target: &str,
    log: &Path,
    db: Option<&Path>,
    format: OutputFormat,
    fail_on: FailOnArg,
    skip_bad_rows: bool,
) -> Result<(String, bool), CliError> {
    let (doc, report) = match stored(target, log, db)? {
        Some(found) => found,
        None => {
            let doc = library::load_target(target, db)?;
            let report = report(&doc, log, skip_bad_rows)?;
            (doc, report)
        }
    };
    let fail_on = match fail_on {
        FailOnArg::Error => throughline_audit::FailOn::Error,
        FailOnArg::Warning => throughline_audit::FailOn::Warning,
        FailOnArg::Never => throughline_audit::FailOn::Never,
    };
    let failed = throughline_audit::should_fail(&report.report, fail_on);
    let mut text = match format {
        OutputFormat::Text => throughline_reality::render_text(&report, &doc.workspace.name),
        OutputFormat::Json => throughline_reality::render_json(&report),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok((text, failed))
}

/// The replay of a stored log, when `log` is no file and `target` a library workspace.
fn stored(
    target: &str,
    log: &Path,
    db: Option<&Path>,
) -> Result<Option<(Workspace, RealityReport)>, CliError> {
    if log.exists() {
        return Ok(None);
    }
    let Target::Workspace(workspace) = Target::parse(target) else {
        return Ok(None);
    };
    let lib = Library::open_existing(db)?;
    let slug = lib.store.find(workspace)?.slug;
    let name = log.to_string_lossy();
    let report = lib
        .store
        .replay_stored_log(&slug, &name)
        .map_err(|e| match e {
            throughline_store::StoreError::LogNotFound { .. } => CliError::Other(format!(
                "{} is neither a file nor a stored log: {e}",
                log.display()
            )),
            other => other.into(),
        })?;
    Ok(Some((lib.store.load(&slug)?, report)))
}
