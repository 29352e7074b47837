//! The workspace document the store last read, held in memory with the stamp of its row
//! (revision, last change, creation), so that a reader asking again after nothing changed
//! (the app's audit after every edit) does not read and parse every row again.
//!
//! An edit or undo made through this store carries the held document forward with the
//! entity changes it wrote (applied when the document is next asked for), so the next read
//! after an edit costs what the edit changed. Any write the store did not carry (another
//! process, a bulk import of readings, a restore) moves the row's stamp, and the next read
//! loads the document from the rows again.

use std::cell::RefCell;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension};
use throughline_model::{EntityChange, Workspace, apply_changes_in_place};

use crate::{StoreError, WorkspaceDelta, tables};

/// A workspace row's stamp: any committed change to its document moves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    revision: i64,
    updated_at: String,
    created_at: String,
}

/// The stamp of workspace `id`, read in the caller's transaction.
pub(crate) fn stamp(conn: &Connection, id: i64) -> Result<Option<Stamp>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT revision, updated_at, created_at FROM workspaces WHERE id = ?1")?
        .query_row([id], |r| {
            Ok(Stamp {
                revision: r.get(0)?,
                updated_at: r.get(1)?,
                created_at: r.get(2)?,
            })
        })
        .optional()?)
}

struct Entry {
    id: i64,
    stamp: Stamp,
    doc: Arc<Workspace>,
    /// The batches of changes written through this store since `doc` was read, oldest
    /// first; `stamp` is the row's stamp after the last of them. Applied batch by batch: a
    /// batch names each entity once, two batches may name the same one.
    pending: Vec<Vec<EntityChange>>,
}

/// At most one held document: the one the window is working on.
#[derive(Default)]
pub(crate) struct Held(RefCell<Option<Entry>>);

/// More carried changes than this and the document is read again instead (a long run of
/// edits with nobody reading would otherwise grow the list without bound).
const MAX_PENDING: usize = 10_000;

impl Held {
    /// Workspace `id`'s document as it stands in `conn`: the held one when the row's stamp
    /// says nothing else changed it, else read from the rows (and held).
    pub(crate) fn get(&self, conn: &Connection, id: i64) -> Result<Arc<Workspace>, StoreError> {
        let Some(now) = stamp(conn, id)? else {
            return Ok(Arc::new(tables::load_doc(conn, id)?));
        };
        {
            let mut slot = self.0.borrow_mut();
            if let Some(entry) = slot.as_mut().filter(|e| e.id == id && e.stamp == now) {
                if !entry.pending.is_empty() {
                    let pending = std::mem::take(&mut entry.pending);
                    let doc = Arc::make_mut(&mut entry.doc);
                    if pending
                        .iter()
                        .any(|batch| apply_changes_in_place(doc, batch).is_err())
                    {
                        // The rows are the truth: a change that does not apply is read again.
                        *slot = None;
                    }
                }
                if let Some(entry) = slot.as_ref() {
                    return Ok(Arc::clone(&entry.doc));
                }
            }
        }
        let doc = Arc::new(tables::load_doc(conn, id)?);
        *self.0.borrow_mut() = Some(Entry {
            id,
            stamp: now,
            doc: Arc::clone(&doc),
            pending: Vec::new(),
        });
        Ok(doc)
    }

    /// The stamp of workspace `id`'s row before a write, when its document is held; none, and
    /// nothing read, otherwise (an edit through the CLI, which holds nothing, reads no more).
    pub(crate) fn stamp_before(
        &self,
        conn: &Connection,
        id: i64,
    ) -> Result<Option<Stamp>, StoreError> {
        let held = self.0.borrow().as_ref().is_some_and(|e| e.id == id);
        if held { stamp(conn, id) } else { Ok(None) }
    }

    /// After a committed write to workspace `id` that moved its row from `before` by exactly
    /// `delta`'s changes (its revision and save time are the row's new stamp): the held
    /// document, if it stood at `before`, now stands where the row does. Otherwise it is dropped.
    pub(crate) fn carry(&self, id: i64, before: Stamp, delta: &WorkspaceDelta) {
        let changes = &delta.changes;
        let after = Stamp {
            revision: i64::from(delta.revision),
            updated_at: delta.saved_at.clone(),
            created_at: before.created_at.clone(),
        };
        let mut slot = self.0.borrow_mut();
        let Some(entry) = slot.as_mut().filter(|e| e.id == id) else {
            return;
        };
        let carried: usize = entry.pending.iter().map(Vec::len).sum();
        if entry.stamp != before || carried + changes.len() > MAX_PENDING {
            *slot = None;
            return;
        }
        entry.pending.push(changes.to_vec());
        entry.stamp = after;
    }
}
