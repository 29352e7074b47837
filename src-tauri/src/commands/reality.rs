//! The reality check: event logs kept in the library, replayed against the map, and the
//! user's mapping of unmapped activities saved as element aliases.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tauri::{State, Window};
use throughline_audit::{Report, RuleCode};
use throughline_model::Edit;
use throughline_reality::{
    ActivityMapping, BadRowPolicy, ColumnMapping, LogKind, RealityReport, ReplayOptions,
};
use throughline_store::{LogImport, LogInfo, Source};

use crate::dialogs::{self, Filter};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

fn count(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

fn reality_error(e: throughline_reality::RealityError) -> ApiError {
    let code = match e {
        throughline_reality::RealityError::Io { .. } => ErrorCode::Io,
        throughline_reality::RealityError::Mapping { .. } => ErrorCode::InvalidInput,
        _ => ErrorCode::BadFile,
    };
    ApiError::new(code, e.to_string())
}

/// Which columns of a CSV log hold each field (header names).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct LogColumns {
    pub case: String,
    pub activity: String,
    pub timestamp: String,
    pub resource: Option<String>,
    pub channel: Option<String>,
}

/// The first rows of a log file and the columns detected, for the import dialog.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct LogPreview {
    /// `csv`, `xes`, or `table` (a directly-follows table, which is not stored).
    pub kind: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The columns detected for each role; `null` where nothing matched.
    pub case: Option<String>,
    pub activity: Option<String>,
    pub timestamp: Option<String>,
    pub resource: Option<String>,
    pub channel: Option<String>,
}

/// An activity that names no element, and its events.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct UnmappedActivity {
    pub activity: String,
    pub events: u32,
}

/// One observed pair of consecutive visits.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ObservedPair {
    pub from: String,
    pub to: String,
    pub cases: u32,
    pub transitions: u32,
    pub p50_hours: Option<f64>,
    pub p90_hours: Option<f64>,
    pub max_hours: Option<f64>,
    /// The modelled handoff from `from` to `to`, if any.
    pub handoff: Option<String>,
    pub resources: Vec<String>,
}

/// One visit of an example case: an element and the times of its first and last event.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExampleVisit {
    pub element: String,
    /// RFC 3339, UTC.
    pub first: String,
    pub last: String,
}

/// A case that shows a finding, as its visits in time order.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CaseExample {
    pub case: String,
    /// The first 50 visits.
    pub visits: Vec<ExampleVisit>,
    /// Visits after those, not listed.
    pub more_visits: u32,
}

/// The example cases of one finding, named by its code and key.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct FindingExamples {
    pub code: RuleCode,
    pub key: String,
    pub cases: Vec<CaseExample>,
}

/// A stored log replayed against the workspace as it is now.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Replay {
    /// The stored log's name.
    pub log: String,
    pub cases: u32,
    pub events: u32,
    pub transitions: u32,
    /// Share of transitions along a modelled handoff; `null` with no transitions.
    pub fitness: Option<f64>,
    pub unmapped: Vec<UnmappedActivity>,
    pub pairs: Vec<ObservedPair>,
    /// The reality findings, waivers applied.
    pub report: Report,
    /// Up to three example cases per finding that has any, in the findings' order.
    pub examples: Vec<FindingExamples>,
    pub notes: Vec<String>,
}

impl Replay {
    fn new(log: String, r: RealityReport) -> Self {
        Self {
            log,
            cases: count(r.cases),
            events: count(r.events),
            transitions: count(r.transitions),
            fitness: r.fitness,
            unmapped: r
                .unmapped
                .into_iter()
                .map(|u| UnmappedActivity {
                    activity: u.activity,
                    events: count(u.events),
                })
                .collect(),
            pairs: r
                .pairs
                .into_iter()
                .map(|p| ObservedPair {
                    from: p.from,
                    to: p.to,
                    cases: count(p.cases),
                    transitions: count(p.transitions),
                    p50_hours: p.p50_hours,
                    p90_hours: p.p90_hours,
                    max_hours: p.max_hours,
                    handoff: p.handoff,
                    resources: p.resources,
                })
                .collect(),
            report: r.report,
            examples: r
                .examples
                .into_iter()
                .map(|e| FindingExamples {
                    code: e.code,
                    key: e.key,
                    cases: e
                        .cases
                        .into_iter()
                        .map(|c| CaseExample {
                            case: c.case,
                            visits: c
                                .visits
                                .into_iter()
                                .map(|v| ExampleVisit {
                                    element: v.element,
                                    first: v.first,
                                    last: v.last,
                                })
                                .collect(),
                            more_visits: count(c.more_visits),
                        })
                        .collect(),
                })
                .collect(),
            notes: r.notes,
        }
    }
}

/// An activity and the element (id) it names, to be saved as an alias.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ActivityToElement {
    pub activity: String,
    pub element: String,
}

/// Asks the user for an event log (CSV, XES, gzipped or not); `None` when cancelled. In
/// test builds, `THROUGHLINE_E2E_LOG_FILE` answers instead of the native dialog, which
/// WebDriver cannot drive; release builds have no such hook.
#[tauri::command]
#[specta::specta]
pub async fn choose_log_path(app: tauri::AppHandle) -> Result<Option<String>, ApiError> {
    let filter = Filter {
        name: "Event log",
        extensions: &["csv", "gz", "xes"],
    };
    dialogs::pick_file(&app, "THROUGHLINE_E2E_LOG_FILE", filter).await
}

/// The first rows of the log at `path` and the columns detected from its header.
#[tauri::command]
#[specta::specta]
pub async fn preview_log(path: String) -> Result<LogPreview, ApiError> {
    let path = PathBuf::from(path);
    let kind = throughline_reality::detect(&path).map_err(reality_error)?;
    let name = |k: LogKind| match k {
        LogKind::Csv => "csv",
        LogKind::Xes => "xes",
        LogKind::Dfg => "table",
    };
    if kind != LogKind::Csv {
        return Ok(LogPreview {
            kind: name(kind).into(),
            header: Vec::new(),
            rows: Vec::new(),
            case: None,
            activity: None,
            timestamp: None,
            resource: None,
            channel: None,
        });
    }
    let p = throughline_reality::preview_csv(&path, 5).map_err(reality_error)?;
    Ok(LogPreview {
        kind: name(kind).into(),
        header: p.header,
        rows: p.rows,
        case: p.mapping.case,
        activity: p.mapping.activity,
        timestamp: p.mapping.timestamp,
        resource: p.mapping.resource,
        channel: p.mapping.channel,
    })
}

/// Reads the log at `path` with the columns given (detected when `null`) and keeps it in
/// the workspace under `name`.
#[tauri::command]
#[specta::specta]
pub async fn import_log(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
    path: String,
    name: String,
    columns: Option<LogColumns>,
    skip_bad_rows: bool,
) -> Result<LogImport, ApiError> {
    let options = ReplayOptions {
        mapping: columns.map(|c| ColumnMapping {
            case: c.case,
            activity: c.activity,
            timestamp: c.timestamp,
            resource: c.resource.filter(|r| !r.is_empty()),
            channel: c.channel.filter(|r| !r.is_empty()),
        }),
        bad_rows: BadRowPolicy { skip_bad_rows },
    };
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Ui)?;
    Ok(store.import_log(&slug, &name, &PathBuf::from(path), &options, &actor)?)
}

/// The workspace's stored logs, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_logs(state: State<'_, AppState>, slug: String) -> Result<Vec<LogInfo>, ApiError> {
    Ok(state.store()?.logs(&slug)?)
}

/// Deletes a stored log.
#[tauri::command]
#[specta::specta]
pub async fn delete_log(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
    name: String,
) -> Result<(), ApiError> {
    Ok(state.store_for(&window)?.delete_log(&slug, &name)?)
}

/// Replays the stored log `name` against the workspace as it is now.
#[tauri::command]
#[specta::specta]
pub async fn replay_log(
    state: State<'_, AppState>,
    slug: String,
    name: String,
) -> Result<Replay, ApiError> {
    let report = state.store()?.replay_stored_log(&slug, &name)?;
    Ok(Replay::new(name, report))
}

/// The edit that saves each activity as an alias of its element (one `Batch`, undone as
/// one), for the window to apply through its usual edit path; `null` when every activity
/// is already known by its element.
#[tauri::command]
#[specta::specta]
pub async fn alias_edit(
    state: State<'_, AppState>,
    slug: String,
    mappings: Vec<ActivityToElement>,
) -> Result<Option<Edit>, ApiError> {
    let doc = state.store()?.load(&slug)?;
    let mappings: Vec<ActivityMapping> = mappings
        .into_iter()
        .map(|m| ActivityMapping {
            activity: m.activity,
            element: m.element,
        })
        .collect();
    throughline_reality::alias_edit(&doc, &mappings).map_err(reality_error)
}
