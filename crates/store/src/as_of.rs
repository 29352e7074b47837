//! The workspace as it was at any point of its change log.
//!
//! Every change batch (edits, undos, redos, restores, merges, the creation) records each
//! entity's state before and after. Starting from the workspace as it is now and running
//! the batches after a given one backwards, newest first, gives the workspace as it stood
//! right after that batch: the timeline's "compare with now" from any point.

use rusqlite::{Connection, params};
use throughline_model::{EntityChange, Workspace, apply_changes};

use crate::library::workspace_id;
use crate::log;
use crate::{Store, StoreError, tables};

impl Store {
    /// The workspace `slug` as it was right after the change batch `batch` (an id from
    /// [`Store::history`]). The batch must belong to this workspace; the newest batch
    /// gives the workspace as it is now.
    pub fn state_after(&self, slug: &str, batch: u32) -> Result<Workspace, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        let (first, last) = batch_range(&tx, id)?;
        let owned: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM change_batches WHERE workspace_id = ?1 AND id = ?2)",
            params![id, batch],
            |r| r.get(0),
        )?;
        if !owned {
            return Err(StoreError::BatchNotFound {
                wanted: batch,
                first,
                last,
            });
        }
        let mut doc = tables::load_doc(&tx, id)?;
        let mut stmt = tx.prepare(
            "SELECT id FROM change_batches WHERE workspace_id = ?1 AND id > ?2 ORDER BY id DESC",
        )?;
        let later: Vec<i64> = stmt
            .query_map(params![id, batch], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for later_id in later {
            // Backwards in the same order undo uses: the batch's last change first.
            let back: Vec<EntityChange> = log::changes(&tx, later_id)?
                .iter()
                .rev()
                .map(EntityChange::inverted)
                .collect();
            doc = apply_changes(&doc, &back).map_err(|e| {
                StoreError::corrupt(format!(
                    "change log: batch {later_id} cannot be run backwards ({e})"
                ))
            })?;
        }
        Ok(doc)
    }
}

/// The first and last batch ids of the workspace (0 and 0 when the log is empty).
fn batch_range(conn: &Connection, workspace_id: i64) -> Result<(u32, u32), StoreError> {
    let (first, last): (Option<i64>, Option<i64>) = conn.query_row(
        "SELECT MIN(id), MAX(id) FROM change_batches WHERE workspace_id = ?1",
        [workspace_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let id = |x: Option<i64>| u32::try_from(x.unwrap_or(0)).map_err(StoreError::corrupt);
    Ok((id(first)?, id(last)?))
}
