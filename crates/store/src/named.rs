//! Rows a workspace keeps under a name (snapshots by label, event logs by name): the list,
//! look-up, name check and delete they share. The name column is `COLLATE NOCASE` and
//! unique per workspace, so every look-up here ignores case.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::library::workspace_id;
use crate::{Store, StoreError};

/// One kind of named row: its table, its name column, how a row is listed and what a
/// missing name is reported as.
pub(crate) struct Named<T> {
    pub table: &'static str,
    /// The name column (`label`, `name`).
    pub name: &'static str,
    /// `SELECT <the listed columns> FROM <table>`, read by `row`.
    pub info: &'static str,
    pub row: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    /// The listed row's name, for the list a not-found error offers.
    pub name_of: fn(T) -> String,
    /// The error for a name that is not there, given the wanted name and the names there are.
    pub not_found: fn(String, Vec<String>) -> StoreError,
}

impl<T> Named<T> {
    /// The workspace's rows, newest first.
    pub fn list(&self, conn: &Connection, workspace_id: i64) -> Result<Vec<T>, StoreError> {
        let mut stmt = conn.prepare(&format!(
            "{} WHERE workspace_id = ?1 ORDER BY at DESC, id DESC",
            self.info
        ))?;
        let rows = stmt.query_map([workspace_id], self.row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The listed row with row id `id`.
    pub fn info(&self, conn: &Connection, id: i64) -> Result<T, StoreError> {
        Ok(conn.query_row(&format!("{} WHERE id = ?1", self.info), [id], self.row)?)
    }

    /// The name as stored when `name` (ignoring case) is taken in the workspace.
    pub fn taken(
        &self,
        conn: &Connection,
        workspace_id: i64,
        name: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(conn
            .query_row(
                &format!(
                    "SELECT {0} FROM {1} WHERE workspace_id = ?1 AND {0} = ?2",
                    self.name, self.table
                ),
                params![workspace_id, name.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The row id of `name`, or the kind's not-found error listing the names there are.
    pub fn id(&self, conn: &Connection, workspace_id: i64, name: &str) -> Result<i64, StoreError> {
        let found = conn
            .query_row(
                &format!(
                    "SELECT id FROM {} WHERE workspace_id = ?1 AND {} = ?2",
                    self.table, self.name
                ),
                params![workspace_id, name.trim()],
                |r| r.get(0),
            )
            .optional()?;
        match found {
            Some(id) => Ok(id),
            None => Err((self.not_found)(
                name.trim().to_string(),
                self.list(conn, workspace_id)?
                    .into_iter()
                    .map(self.name_of)
                    .collect(),
            )),
        }
    }
}

impl Store {
    /// Deletes the row `name` of `kind` in the workspace `slug`; nothing else is touched.
    pub(crate) fn delete_named<T>(
        &mut self,
        kind: &Named<T>,
        slug: &str,
        name: &str,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        let row = kind.id(&tx, id, name)?;
        tx.execute(&format!("DELETE FROM {} WHERE id = ?1", kind.table), [row])?;
        tx.commit()?;
        Ok(())
    }

    /// The rows of `kind` in the workspace `slug`, newest first.
    pub(crate) fn list_named<T>(&self, kind: &Named<T>, slug: &str) -> Result<Vec<T>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        kind.list(&tx, id)
    }
}
