//! The report subcommands: audit (with the monitor's findings), readiness and playbook.

use throughline_model::Workspace;

use crate::library::CliError;
use crate::{FailOnArg, OutputFormat};

/// The audit report as text or JSON, and whether it fails the run at `fail_on`.
pub fn audit(doc: &Workspace, format: OutputFormat, fail_on: FailOnArg) -> (String, bool) {
    // One report: the structural audit plus, when the workspace has metrics, the monitor.
    let mut report = throughline_monitor::audit_with_monitor(doc);
    report.mark_due(&crate::library::today());
    let failed = throughline_audit::should_fail(&report, self::fail_on(fail_on));
    let mut text = match format {
        OutputFormat::Text => throughline_audit::render_text(&report, &doc.workspace.name),
        OutputFormat::Json => throughline_audit::render_json(&report),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    (text, failed)
}

/// The audit library's fail-on level for the CLI's.
pub fn fail_on(arg: FailOnArg) -> throughline_audit::FailOn {
    match arg {
        FailOnArg::Error => throughline_audit::FailOn::Error,
        FailOnArg::Warning => throughline_audit::FailOn::Warning,
        FailOnArg::Never => throughline_audit::FailOn::Never,
    }
}

/// The readiness report of one session, as text or JSON.
pub fn readiness(
    doc: &Workspace,
    session: Option<&str>,
    format: OutputFormat,
) -> Result<String, CliError> {
    Ok(match format {
        // The same report, in the same JSON, as the app's Assess view receives.
        OutputFormat::Json => {
            throughline_readiness::render_report_json(&throughline_readiness::report(doc, session)?)
        }
        OutputFormat::Text => {
            let summary = throughline_readiness::summarize(throughline_readiness::find_session(
                doc, session,
            )?);
            let mut out = throughline_readiness::render_text(&summary);
            if !doc.layer_scores.is_empty() {
                let layers = throughline_readiness::diagnose_layers(&doc.layer_scores);
                out.push('\n');
                out.push_str(&throughline_readiness::render_layers_text(&layers));
            }
            out
        }
    })
}
