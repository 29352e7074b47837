//! Event logs kept in the library: imported once under a name, listed, replayed against the
//! workspace as it is now (so a log replays again after the map changes), deleted.
//!
//! A log is stored as its parsed events in the compact form of
//! [`throughline_reality::encode_log`] (interned strings, events per case in time order,
//! column-wise varints, deflated): activities are mapped to elements only at replay, so
//! aliases added after the import apply. Importing reads the file as a stream outside the
//! write transaction; the row is then written in one short transaction.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior, params};
use serde::Serialize;
use throughline_model::check_name;
use throughline_reality::{
    EventLog, LogKind, RealityError, RealityReport, ReplayOptions, decode_log, detect, encode_log,
    read_log, replay_log,
};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::library::{split_target, workspace_id};
use crate::named::Named;
use crate::{Actor, Store, StoreError, log};

/// The only encoding so far: `throughline_reality::encode_log`'s form 1.
const ENCODING_EVENTS: i64 = 1;

/// A stored log as listed: everything but its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LogInfo {
    /// Unique within the workspace, ignoring case.
    pub name: String,
    /// The file name it was imported from.
    pub source: String,
    pub who: String,
    /// RFC 3339, UTC: when it was imported.
    pub at: String,
    pub events: u32,
    pub cases: u32,
    /// Distinct activities (mapped or not).
    pub activities: u32,
    /// Rows left out at import because they could not be read.
    pub bad_rows: u32,
    /// RFC 3339, UTC: the earliest and the latest event.
    pub first_event: Option<String>,
    pub last_event: Option<String>,
    /// The bytes the log takes in the library.
    pub stored_bytes: u32,
}

/// A row left out at import, as the import reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SkippedRow {
    /// `line` for CSV (1 is the header), `event` for XES.
    pub unit: String,
    pub row: u32,
    pub reason: String,
}

/// What an import stored, and the first rows it left out (only with skip bad rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LogImport {
    pub info: LogInfo,
    pub skipped: Vec<SkippedRow>,
}

const INFO: &str = "SELECT name, source, who, at, events, cases, activities, bad_rows, \
                    first_ms, last_ms, length(data) FROM logs";

fn count(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

fn rfc3339(ms: Option<i64>) -> Option<String> {
    let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms?) * 1_000_000).ok()?;
    t.format(&Rfc3339).ok()
}

fn info_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LogInfo> {
    Ok(LogInfo {
        name: r.get(0)?,
        source: r.get(1)?,
        who: r.get(2)?,
        at: r.get(3)?,
        events: count(r.get(4)?),
        cases: count(r.get(5)?),
        activities: count(r.get(6)?),
        bad_rows: count(r.get(7)?),
        first_event: rfc3339(r.get(8)?),
        last_event: rfc3339(r.get(9)?),
        stored_bytes: count(r.get(10)?),
    })
}

/// Stored logs, by name within a workspace.
const LOGS: Named<LogInfo> = Named {
    table: "logs",
    name: "name",
    info: INFO,
    row: info_row,
    name_of: |l| l.name,
    not_found: |wanted, available| StoreError::LogNotFound { wanted, available },
};

/// Reads the file to store: an event log (CSV or XES); a directly-follows table is refused,
/// since it holds no cases to replay.
pub(crate) fn read_for_import(
    path: &Path,
    options: &ReplayOptions,
) -> Result<EventLog, StoreError> {
    if detect(path)? == LogKind::Dfg {
        return Err(RealityError::Dfg {
            path: path.to_path_buf(),
            line: 1,
            message: "this is a directly-follows table, which the library does not store; \
                      replay it directly with `throughline replay TARGET FILE`"
                .into(),
        }
        .into());
    }
    let log = read_log(path, options)?;
    if log.events.is_empty() {
        return Err(RealityError::Empty {
            path: path.to_path_buf(),
        }
        .into());
    }
    Ok(log)
}

impl Store {
    /// Reads the event log at `path` (CSV or XES, gzipped or not) and stores it in the
    /// workspace under `name` (unique within the workspace, ignoring case). Bad rows refuse
    /// the file unless `options` skips them; then they are counted and the first few
    /// returned. Nothing is stored when anything fails.
    pub fn import_log(
        &mut self,
        slug: &str,
        name: &str,
        path: &Path,
        options: &ReplayOptions,
        actor: &Actor,
    ) -> Result<LogImport, StoreError> {
        let name = name.trim();
        check_name(name).map_err(|source| StoreError::InvalidText {
            what: "log name",
            source,
        })?;
        // Fail early on a wrong workspace or a taken name, before reading a large file.
        self.check_log_name_free(slug, name)?;
        let log = read_for_import(path, options)?;
        let skipped = log
            .first_bad_rows
            .iter()
            .map(|b| SkippedRow {
                unit: b.unit.to_string(),
                row: u32::try_from(b.row).unwrap_or(u32::MAX),
                reason: b.reason.clone(),
            })
            .collect();
        let data = encode_log(&log);
        let first = log.events.iter().map(|e| e.time).min();
        let last = log.events.iter().map(|e| e.time).max();
        let source = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        if let Some(taken) = LOGS.taken(&tx, id, name)? {
            return Err(StoreError::LogNameTaken(taken));
        }
        tx.execute(
            "INSERT INTO logs (workspace_id, name, source, who, at, events, cases, activities,
                               bad_rows, first_ms, last_ms, encoding, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                id,
                name,
                source,
                actor.name,
                log::now()?,
                log.events.len() as i64,
                log.cases.len() as i64,
                log.activities.len() as i64,
                i64::try_from(log.bad_rows).unwrap_or(i64::MAX),
                first,
                last,
                ENCODING_EVENTS,
                data
            ],
        )?;
        let info = LOGS.info(&tx, tx.last_insert_rowid())?;
        tx.commit()?;
        Ok(LogImport { info, skipped })
    }

    fn check_log_name_free(&self, slug: &str, name: &str) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        match LOGS.taken(&tx, id, name)? {
            Some(taken) => Err(StoreError::LogNameTaken(taken)),
            None => Ok(()),
        }
    }

    /// The workspace's stored logs, newest first.
    pub fn logs(&self, slug: &str) -> Result<Vec<LogInfo>, StoreError> {
        self.list_named(&LOGS, split_target(slug).0)
    }

    /// The events of the stored log `name` (found ignoring case).
    pub fn load_log(&self, slug: &str, name: &str) -> Result<EventLog, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, split_target(slug).0)?;
        let log = LOGS.id(&tx, id, name)?;
        let (encoding, data): (i64, Vec<u8>) = tx.query_row(
            "SELECT encoding, data FROM logs WHERE id = ?1",
            [log],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if encoding != ENCODING_EVENTS {
            return Err(StoreError::corrupt(format!(
                "log \"{}\" is stored in encoding {encoding}, which this version cannot read",
                name.trim()
            )));
        }
        Ok(decode_log(&data)?)
    }

    /// Replays the stored log `name` against the workspace as it is now (or against one of its
    /// snapshots: `SLUG@LABEL`).
    pub fn replay_stored_log(&self, slug: &str, name: &str) -> Result<RealityReport, StoreError> {
        let log = self.load_log(slug, name)?;
        let doc = self.load(slug)?;
        Ok(replay_log(&doc, log))
    }

    /// Deletes the stored log `name`. The workspace itself is not touched.
    pub fn delete_log(&mut self, slug: &str, name: &str) -> Result<(), StoreError> {
        self.delete_named(&LOGS, slug, name)
    }
}

/// A stored log as salvage reads it from a damaged library: every column but the id.
struct LogRow {
    name: String,
    source: String,
    who: String,
    at: String,
    counts: [i64; 4],
    first_ms: Option<i64>,
    last_ms: Option<i64>,
    encoding: i64,
    data: Vec<u8>,
}

/// What copying one workspace's stored logs did: the names copied, and the names that
/// could not be read with why.
#[derive(Debug, Default)]
pub(crate) struct CopiedLogs {
    pub saved: Vec<String>,
    pub lost: Vec<(String, String)>,
}

/// Copies the stored logs of workspace `from_ws` in `from` (a damaged library, only read)
/// to workspace `to_ws` in `to`. A log is copied only when its events still decode; one
/// that does not is reported lost. A library from before stored logs has none to copy.
pub(crate) fn copy_logs(
    from: &Connection,
    from_ws: i64,
    to: &Connection,
    to_ws: i64,
) -> Result<CopiedLogs, StoreError> {
    let mut out = CopiedLogs::default();
    let has_table: bool = from
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'logs'",
            [],
            |r| r.get(0),
        )
        .unwrap_or(false);
    if !has_table {
        return Ok(out);
    }
    let names: Vec<(i64, String)> = match (|| {
        let mut stmt =
            from.prepare("SELECT id, name FROM logs WHERE workspace_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([from_ws], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
    })() {
        Ok(names) => names,
        Err(e) => {
            out.lost
                .push(("(the list of logs)".into(), format!("cannot be read: {e}")));
            return Ok(out);
        }
    };
    for (id, name) in names {
        let row = from.query_row(
            "SELECT name, source, who, at, events, cases, activities, bad_rows, first_ms,
                    last_ms, encoding, data FROM logs WHERE id = ?1",
            [id],
            |r| {
                Ok(LogRow {
                    name: r.get(0)?,
                    source: r.get(1)?,
                    who: r.get(2)?,
                    at: r.get(3)?,
                    counts: [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                    first_ms: r.get(8)?,
                    last_ms: r.get(9)?,
                    encoding: r.get(10)?,
                    data: r.get(11)?,
                })
            },
        );
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                out.lost.push((name, format!("cannot be read: {e}")));
                continue;
            }
        };
        if row.encoding != ENCODING_EVENTS {
            out.lost.push((
                name,
                format!(
                    "stored in encoding {}, which this version cannot read",
                    row.encoding
                ),
            ));
            continue;
        }
        if let Err(e) = decode_log(&row.data) {
            out.lost
                .push((name, format!("its events cannot be read: {e}")));
            continue;
        }
        to.execute(
            "INSERT INTO logs (workspace_id, name, source, who, at, events, cases, activities,
                               bad_rows, first_ms, last_ms, encoding, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                to_ws,
                row.name,
                row.source,
                row.who,
                row.at,
                row.counts[0],
                row.counts[1],
                row.counts[2],
                row.counts[3],
                row.first_ms,
                row.last_ms,
                row.encoding,
                row.data
            ],
        )?;
        out.saved.push(row.name);
    }
    Ok(out)
}
