//! `throughline replay TARGET LOG`: the reality check of a workspace against an event log.

use std::path::Path;

use throughline_model::Workspace;

use crate::library::{self, CliError};
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
/// whether it fails the run at `fail_on`.
pub fn replay(
    target: &str,
    log: &Path,
    db: Option<&Path>,
    format: OutputFormat,
    fail_on: FailOnArg,
    skip_bad_rows: bool,
) -> Result<(String, bool), CliError> {
    let doc = library::load_target(target, db)?;
    let report = report(&doc, log, skip_bad_rows)?;
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
