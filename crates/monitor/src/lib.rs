//! Throughline's Monitor step: coherence metrics over time.
//!
//! [`monitor`] computes, as of a date (by default the newest reading), each metric's latest
//! reading, its trend and distance to target, and the measured emotional arc per stage
//! against the promised one, with its gap and sentiment consistency. Four rules
//! (`metric-drift`, `promise-gap`, `unmeasured-stage`, `unowned-metric`) turn those figures
//! into findings that name the layer of the Coherence Stack they implicate; they go through
//! [`throughline_audit::report`], so waivers and `--fail-on` work as in the audit.
//! [`audit_with_monitor`] is the one report of a workspace: its structural audit plus, when
//! it has metrics, the monitor's findings.
//!
//! Readings come in from CSV ([`preview_csv`], then [`Preview::edit`]) and go out to CSV
//! ([`export_csv`]). Every formula is in `docs/monitor.md`.

mod compute;
mod export;
mod import;
mod render;
mod rules;

use serde::Serialize;
use throughline_audit::{Finding, Report};
use throughline_model::Workspace;

pub use compute::{MetricStatus, Point, StageArc, Trend, consistency, normalise, to_target};
pub use export::export_csv;
pub use import::{ColumnMap, ImportOptions, Preview, RowConflict, RowError, preview_csv};
pub use render::{num, render_json, render_text};
pub use rules::{GAP_THRESHOLD, GapGrade, ON_PLAN, SLIDE_SHARE, drift_layer, gap_grade};
pub use throughline_model::is_iso_date as is_date;

/// What can go wrong in the monitor; the message says what and what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MonitorError {
    /// `--as-of` is not a date.
    #[error(
        "\"{0}\" is not a date written YYYY-MM-DD; give the date the report is as of, e.g. 2026-03-31"
    )]
    BadDate(String),
    /// The CSV file as a whole cannot be read (no header, a missing column...).
    #[error("{0}")]
    Csv(String),
    /// Some rows are wrong; nothing was imported.
    #[error("{} of the file's rows are wrong, so nothing was imported: {}", .0.len(), first_rows(.0))]
    Rows(Vec<RowError>),
    /// Some rows would replace readings already recorded.
    #[error("{} rows would replace readings already recorded ({}); nothing was imported. Import again with replace to overwrite them", .0.len(), first_conflicts(.0))]
    Conflicts(Vec<RowConflict>),
}

fn first_rows(rows: &[RowError]) -> String {
    let shown: Vec<String> = rows.iter().take(5).map(ToString::to_string).collect();
    let more = rows.len().saturating_sub(5);
    if more > 0 {
        format!("{}; and {more} more", shown.join("; "))
    } else {
        shown.join("; ")
    }
}

fn first_conflicts(rows: &[RowConflict]) -> String {
    let shown: Vec<String> = rows.iter().take(5).map(ToString::to_string).collect();
    let more = rows.len().saturating_sub(5);
    if more > 0 {
        format!("{}; and {more} more", shown.join("; "))
    } else {
        shown.join("; ")
    }
}

/// Options of a monitor report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonitorOptions {
    /// The date the report is as of, `YYYY-MM-DD`; by default the newest reading's date.
    pub as_of: Option<String>,
}

/// The monitor report of a workspace as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Monitor {
    /// The date the figures are as of; none when the workspace has no readings and no
    /// date was asked for.
    pub as_of: Option<String>,
    /// Every stage, in the narrative's order.
    pub stages: Vec<StageArc>,
    /// Every metric, in the workspace's order.
    pub metrics: Vec<MetricStatus>,
    /// The monitor findings, waivers applied, sorted and counted.
    pub report: Report,
}

/// The monitor report of `ws`: figures and findings as of `options.as_of`.
pub fn monitor(ws: &Workspace, options: &MonitorOptions) -> Result<Monitor, MonitorError> {
    let (as_of, series, stages, findings) = compute_all(ws, options)?;
    let metrics = series.iter().map(compute::status).collect();
    Ok(Monitor {
        as_of,
        stages,
        metrics,
        report: throughline_audit::report(ws, findings),
    })
}

/// The monitor findings of `ws` as of `options.as_of`, before waivers and sorting (for a
/// caller that merges them with other families into one report).
pub fn findings(ws: &Workspace, options: &MonitorOptions) -> Result<Vec<Finding>, MonitorError> {
    Ok(compute_all(ws, options)?.3)
}

type Computed<'a> = (
    Option<String>,
    Vec<compute::Series<'a>>,
    Vec<StageArc>,
    Vec<Finding>,
);

fn compute_all<'a>(
    ws: &'a Workspace,
    options: &MonitorOptions,
) -> Result<Computed<'a>, MonitorError> {
    let as_of = match &options.as_of {
        Some(d) if !is_date(d) => return Err(MonitorError::BadDate(d.clone())),
        Some(d) => Some(d.clone()),
        None => compute::newest_date(ws),
    };
    let series = compute::series(ws, as_of.as_deref());
    let stages = compute::arc(ws, &series);
    let findings = rules::run(ws, &series, &stages);
    Ok((as_of, series, stages, findings))
}

/// The one report of a workspace: the structural audit's findings and, when the workspace
/// has metrics, the monitor's (as of the newest reading), waivers applied to all. A
/// workspace without metrics gets exactly [`throughline_audit::audit`]'s report.
pub fn audit_with_monitor(ws: &Workspace) -> Report {
    let structural = throughline_audit::audit(ws);
    if ws.metrics.is_empty() {
        return structural;
    }
    let mut all = structural.findings;
    // The default date always parses, so this cannot fail; an error adds nothing.
    all.extend(findings(ws, &MonitorOptions::default()).unwrap_or_default());
    throughline_audit::report(ws, all)
}
