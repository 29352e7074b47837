//! The report subcommands: audit (with the monitor's findings), readiness and playbook.

use throughline_model::Workspace;

use std::path::Path;

use crate::library::{self, CliError};
use crate::library::{Library, Target};
use crate::{FailOnArg, OutputFormat, PaperArg};

/// The audit report as text or JSON, and whether it fails the run at `fail_on`.
pub fn audit(doc: &Workspace, format: OutputFormat, fail_on: FailOnArg) -> (String, bool) {
    // One report: the structural audit plus, when the workspace has metrics, the monitor.
    let report = throughline_monitor::audit_with_monitor(doc);
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

/// Renders the playbook of a file or library workspace to `output`; the graph diagram uses
/// the positions stored in the library, if any. Returns the page count and size.
pub fn playbook(
    target: &str,
    db: Option<&Path>,
    paper: PaperArg,
    output: &Path,
) -> Result<(u32, usize), CliError> {
    let (doc, layout) = match Target::parse(target) {
        Target::File(path) => (throughline_format::read_file(path)?, Vec::new()),
        Target::Workspace(name) => {
            let library = Library::open(db)?;
            let (summary, doc) = library.load(name)?;
            (doc, library.layout(&summary.slug)?)
        }
    };
    let options = throughline_playbook::PlaybookOptions {
        paper: match paper {
            PaperArg::A4 => throughline_playbook::Paper::A4,
            PaperArg::Letter => throughline_playbook::Paper::Letter,
        },
        generated_on: library::today(),
        layout,
        ..throughline_playbook::PlaybookOptions::default()
    };
    let rendered = throughline_playbook::render(&doc, &options)?;
    throughline_format::write_atomically(&rendered.bytes, output)?;
    Ok((rendered.pages, rendered.bytes.len()))
}
