//! Event logs kept in the library: imported once under a name, listed, replayed against the
//! workspace as it is now (so a log replays again after the map changes), deleted.
//!
//! A log is stored as its parsed events in the compact form of
//! [`throughline_reality::encode_log`] (interned strings, events per case in time order,
//! column-wise varints, deflated): activities are mapped to elements only at replay, so
//! aliases added after the import apply. Importing reads the file as a stream outside the
//! write transaction; the row is then written in one short transaction.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;
use throughline_model::check_name;
use throughline_reality::{
    EventLog, LogKind, RealityError, RealityReport, ReplayOptions, decode_log, detect, encode_log,
    read_log, replay_log,
};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::library::workspace_id;
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

fn list(conn: &Connection, workspace_id: i64) -> Result<Vec<LogInfo>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "{INFO} WHERE workspace_id = ?1 ORDER BY at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([workspace_id], info_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn log_id(conn: &Connection, workspace_id: i64, name: &str) -> Result<i64, StoreError> {
    let found = conn
        .query_row(
            "SELECT id FROM logs WHERE workspace_id = ?1 AND name = ?2",
            params![workspace_id, name.trim()],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => Err(StoreError::LogNotFound {
            wanted: name.trim().to_string(),
            available: list(conn, workspace_id)?
                .into_iter()
                .map(|l| l.name)
                .collect(),
        }),
    }
}

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
        if let Some(taken) = taken_name(&tx, id, name)? {
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
        let info = tx.query_row(
            &format!("{INFO} WHERE id = ?1"),
            [tx.last_insert_rowid()],
            info_row,
        )?;
        tx.commit()?;
        Ok(LogImport { info, skipped })
    }

    fn check_log_name_free(&self, slug: &str, name: &str) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        match taken_name(&tx, id, name)? {
            Some(taken) => Err(StoreError::LogNameTaken(taken)),
            None => Ok(()),
        }
    }

    /// The workspace's stored logs, newest first.
    pub fn logs(&self, slug: &str) -> Result<Vec<LogInfo>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        list(&tx, id)
    }

    /// The events of the stored log `name` (found ignoring case).
    pub fn load_log(&self, slug: &str, name: &str) -> Result<EventLog, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        let log = log_id(&tx, id, name)?;
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

    /// Replays the stored log `name` against the workspace as it is now.
    pub fn replay_stored_log(&self, slug: &str, name: &str) -> Result<RealityReport, StoreError> {
        let log = self.load_log(slug, name)?;
        let doc = self.load(slug)?;
        Ok(replay_log(&doc, log))
    }

    /// Deletes the stored log `name`. The workspace itself is not touched.
    pub fn delete_log(&mut self, slug: &str, name: &str) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        let log = log_id(&tx, id, name)?;
        tx.execute("DELETE FROM logs WHERE id = ?1", [log])?;
        tx.commit()?;
        Ok(())
    }
}

fn taken_name(
    conn: &Connection,
    workspace_id: i64,
    name: &str,
) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT name FROM logs WHERE workspace_id = ?1 AND name = ?2",
            params![workspace_id, name],
            |r| r.get(0),
        )
        .optional()?)
}
