//! The change log: batches of entity changes, and the undo and redo stacks they form.

use rusqlite::{Connection, OptionalExtension, params};
use throughline_model::{EntityChange, EntityKind, Placed};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::{BatchState, ChangeBatch, Source, StoreError};

/// What a batch is: only `Edit` batches go on the undo stack.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Create,
    Edit,
    Undo,
    Redo,
}

impl Role {
    fn as_str(self) -> &'static str {
        match self {
            Role::Create => "create",
            Role::Edit => "edit",
            Role::Undo => "undo",
            Role::Redo => "redo",
        }
    }
}

/// The current time as RFC 3339, UTC.
pub(crate) fn now() -> Result<String, StoreError> {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .map_err(|e| StoreError::corrupt(format!("cannot format the time: {e}")))
}

/// A batch about to be logged.
pub(crate) struct NewBatch<'a> {
    pub workspace_id: i64,
    pub at: &'a str,
    pub who: &'a str,
    pub source: Source,
    pub label: &'a str,
    pub role: Role,
    /// The batch an undo or redo reverts or re-applies.
    pub reverts: Option<i64>,
    pub changes: &'a [EntityChange],
}

/// Appends a batch and its changes to the log.
pub(crate) fn append(conn: &Connection, batch: &NewBatch<'_>) -> Result<i64, StoreError> {
    let state = (batch.role == Role::Edit).then_some("done");
    conn.execute(
        "INSERT INTO change_batches (workspace_id, at, who, source, label, role, state, reverts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            batch.workspace_id,
            batch.at,
            batch.who,
            batch.source.as_str(),
            batch.label,
            batch.role.as_str(),
            state,
            batch.reverts
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare(
        "INSERT INTO changes (batch_id, seq, kind, key, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (seq, c) in batch.changes.iter().enumerate() {
        stmt.execute(params![
            id,
            seq as i64,
            c.kind.as_str(),
            c.key,
            placed_json(c.before.as_ref())?,
            placed_json(c.after.as_ref())?
        ])?;
    }
    Ok(id)
}

fn placed_json(p: Option<&Placed>) -> Result<Option<String>, StoreError> {
    p.map(|p| serde_json::to_string(p).map_err(StoreError::corrupt))
        .transpose()
}

fn parse_placed(text: Option<String>) -> Result<Option<Placed>, StoreError> {
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| StoreError::corrupt(format!("change log: {e}")))
    })
    .transpose()
}

fn parse_kind(s: &str) -> Result<EntityKind, StoreError> {
    EntityKind::ALL
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| StoreError::corrupt(format!("change log: unknown entity kind \"{s}\"")))
}

/// The changes of a batch, in the order they were logged.
pub(crate) fn changes(conn: &Connection, batch_id: i64) -> Result<Vec<EntityChange>, StoreError> {
    match crate::bulk::logged(conn, batch_id)? {
        Some(bulk) => bulk.changes(),
        None => logged_rows(conn, batch_id),
    }
}

/// The changes of a batch logged as one `changes` row per entity (every batch but a bulk
/// readings import, which [`crate::bulk`] logs compactly).
fn logged_rows(conn: &Connection, batch_id: i64) -> Result<Vec<EntityChange>, StoreError> {
    let mut stmt = conn
        .prepare("SELECT kind, key, before, after FROM changes WHERE batch_id = ?1 ORDER BY seq")?;
    let rows = stmt.query_map([batch_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, key, before, after) = row?;
        out.push(EntityChange {
            kind: parse_kind(&kind)?,
            key,
            before: parse_placed(before)?,
            after: parse_placed(after)?,
        });
    }
    Ok(out)
}

/// A batch on the undo or redo stack.
pub(crate) struct Step {
    pub id: i64,
    pub label: String,
}

/// The batch undo would revert: the newest edit still in effect.
pub(crate) fn undo_step(conn: &Connection, workspace_id: i64) -> Result<Option<Step>, StoreError> {
    step(
        conn,
        "SELECT id, label FROM change_batches
         WHERE workspace_id = ?1 AND role = 'edit' AND state = 'done' ORDER BY id DESC LIMIT 1",
        workspace_id,
    )
}

/// The batch redo would re-apply: the most recently undone edit. Undo works newest first,
/// so the undone edits are the newest ones, and the last undone is the oldest of them.
pub(crate) fn redo_step(conn: &Connection, workspace_id: i64) -> Result<Option<Step>, StoreError> {
    step(
        conn,
        "SELECT id, label FROM change_batches
         WHERE workspace_id = ?1 AND role = 'edit' AND state = 'undone' ORDER BY id ASC LIMIT 1",
        workspace_id,
    )
}

fn step(conn: &Connection, sql: &str, workspace_id: i64) -> Result<Option<Step>, StoreError> {
    Ok(conn
        .query_row(sql, [workspace_id], |r| {
            Ok(Step {
                id: r.get(0)?,
                label: r.get(1)?,
            })
        })
        .optional()?)
}

/// Marks an edit batch undone (`undone = true`) or back in effect.
pub(crate) fn mark_undone(
    conn: &Connection,
    batch_id: i64,
    undone: bool,
) -> Result<(), StoreError> {
    let state = if undone { "undone" } else { "done" };
    conn.execute(
        "UPDATE change_batches SET state = ?2 WHERE id = ?1",
        params![batch_id, state],
    )?;
    Ok(())
}

/// Empties the redo stack: a new edit makes the undone edits unreachable.
pub(crate) fn discard_redo(conn: &Connection, workspace_id: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE change_batches SET state = 'discarded'
         WHERE workspace_id = ?1 AND role = 'edit' AND state = 'undone'",
        [workspace_id],
    )?;
    Ok(())
}

/// The newest `limit` batches, newest first, with their changes.
pub(crate) fn history(
    conn: &Connection,
    workspace_id: i64,
    limit: u32,
) -> Result<Vec<ChangeBatch>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, at, who, source, label, role, state FROM change_batches
         WHERE workspace_id = ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![workspace_id, limit], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, at, who, source, label, role, state) = row?;
        let source = Source::parse(&source).ok_or_else(|| {
            StoreError::corrupt(format!("change log: unknown source \"{source}\""))
        })?;
        let state = match (role.as_str(), state.as_deref()) {
            ("edit", Some("undone")) => BatchState::Undone,
            ("edit", Some("discarded")) => BatchState::Discarded,
            ("edit", _) => BatchState::Done,
            _ => BatchState::Record,
        };
        out.push(ChangeBatch {
            id: u32::try_from(id).map_err(StoreError::corrupt)?,
            at,
            who,
            source,
            label,
            state,
            changes: changes(conn, id)?,
        });
    }
    Ok(out)
}
