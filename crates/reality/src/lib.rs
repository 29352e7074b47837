//! Reality check: replays an event log against the handoff graph.
//!
//! A log (CSV, `.csv.gz`, XES, `.xes.gz`) is read as a stream into a compact store
//! ([`read_log`]); its activities are mapped to elements by id, name or alias; each case is
//! replayed in time order into visits and transitions; and the five reality rules
//! (`shadow-handoff`, `unused-handoff`, `latency-breach`, `rework-loop`,
//! `actual-single-point`) become audit findings that go through
//! [`throughline_audit::report`], so waivers and `--fail-on` work as in the audit. A
//! directly-follows table computed in a warehouse can be replayed instead of raw events.
//! Every definition is in `docs/reality.md`.

mod aliases;
mod csv_log;
mod dfg;
mod error;
mod input;
mod log;
mod mapping;
mod observed;
mod replay;
mod report;
mod rules;
mod stored;
mod timestamp;
mod xes_log;

use std::path::Path;

use throughline_model::Workspace;

pub use aliases::{ActivityMapping, alias_edit};
pub use csv_log::{ColumnMapping, CsvOptions, DetectedMapping, Preview, preview_csv, read_csv};
pub use error::RealityError;
pub use input::{LogKind, detect};
pub use log::{BadRow, BadRowPolicy, Event, EventLog, Interner};
pub use mapping::{ElementLookup, Unmapped};
pub use report::{
    CaseExample, ExampleVisit, FindingExamples, Pair, RealityReport, render_json, render_text,
};
pub use rules::{
    HERO_MIN_ELEMENTS, HERO_PERCENT, LATENCY_MIN_TRANSITIONS, REWORK_MIN_CASES, REWORK_PERCENT,
    SHADOW_ERROR_PERCENT, SHADOW_MIN_CASES,
};
pub use stored::{decode_log, encode_log};
pub use timestamp::{format_millis, parse_millis};
pub use xes_log::read_xes;

/// How to read a log for replay.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplayOptions {
    /// CSV columns to use; `None` detects them from the header.
    pub mapping: Option<ColumnMapping>,
    /// Leave unreadable rows out instead of refusing the file.
    pub bad_rows: BadRowPolicy,
}

/// Reads an event log, CSV or XES (gzipped or not), into the compact store.
pub fn read_log(path: &Path, options: &ReplayOptions) -> Result<EventLog, RealityError> {
    match detect(path)? {
        LogKind::Xes => read_xes(path, options.bad_rows),
        LogKind::Csv | LogKind::Dfg => read_csv(
            path,
            &CsvOptions {
                mapping: options.mapping.clone(),
                bad_rows: options.bad_rows,
            },
        ),
    }
}

/// Replays the events of `log` against `ws`.
pub fn replay_log(ws: &Workspace, log: EventLog) -> RealityReport {
    let lookup = ElementLookup::new(ws);
    let mut notes = Vec::new();
    if log.bad_rows > 0 {
        notes.push(format!(
            "{} unreadable rows were left out (skip bad rows was on).",
            log.bad_rows
        ));
    }
    let (obs, unmapped) = replay::replay_events(log, &lookup, ws.elements.len());
    finish(ws, &lookup, &obs, unmapped, notes)
}

/// Reads `path` (an event log or a directly-follows table, judged by [`detect`]) and
/// replays it against `ws`.
pub fn replay_file(
    ws: &Workspace,
    path: &Path,
    options: &ReplayOptions,
) -> Result<RealityReport, RealityError> {
    if detect(path)? == LogKind::Dfg {
        let lookup = ElementLookup::new(ws);
        let (obs, unmapped, notes) =
            dfg::replay_table(path, &lookup, ws.elements.len(), options.bad_rows)?;
        return Ok(finish(ws, &lookup, &obs, unmapped, notes));
    }
    Ok(replay_log(ws, read_log(path, options)?))
}

fn finish(
    ws: &Workspace,
    lookup: &ElementLookup<'_>,
    obs: &observed::Observed,
    unmapped: Vec<Unmapped>,
    notes: Vec<String>,
) -> RealityReport {
    let found = rules::findings(ws, lookup, obs);
    let examples: Vec<_> = found
        .iter()
        .map(|(f, cases)| (f.code, f.key.clone(), *cases))
        .collect();
    let report = throughline_audit::report(ws, found.into_iter().map(|(f, _)| f).collect());
    let modelled = rules::handoffs_by_pair(ws, lookup);
    RealityReport::build(
        obs,
        lookup,
        |a, b| {
            modelled
                .get(&(a, b))
                .and_then(|hs| hs.first())
                .map(|h| h.id.to_string())
        },
        unmapped,
        report,
        &examples,
        notes,
    )
}
