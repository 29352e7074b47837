//! Snapshots: named, dated, read-only states of a workspace.
//!
//! A snapshot holds the whole document as the model's canonical JSON (the same bytes for
//! the same workspace), compressed with deflate. The target is at most a third of the bytes
//! of the `*.throughline.json` export at 10,000 elements; the test
//! `a_snapshot_takes_at_most_a_third_of_the_json_export` checks it at 2,000 generated
//! elements, and the `snapshots` bench prints the 10,000-element figures (not yet recorded
//! here: the machine was too loaded to run it in the first round). Restoring is an ordinary edit: one change
//! batch whose changes are the difference from the current state to the snapshot, logged
//! with [`Source::Restore`] and undone like any other edit.

use std::io::{Read, Write};
use std::path::Path;

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use rusqlite::{Connection, TransactionBehavior, params};
use serde::Serialize;
use throughline_model::{EditError, Workspace, check_long_text, check_name, diff, validate};

use crate::events::{ChangeKind, Committed};
use crate::label::quoted;
use crate::library::{summary, workspace_id};
use crate::log::{self, NewBatch, Role};
use crate::named::Named;
use crate::{Actor, Source, Store, StoreError, WorkspaceState, tables};

/// The only encoding so far: deflate of the model's canonical JSON.
const ENCODING_DEFLATE_JSON: i64 = 1;

/// A snapshot as listed: everything but the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SnapshotInfo {
    pub label: String,
    pub note: Option<String>,
    pub who: String,
    /// RFC 3339, UTC: when it was taken.
    pub at: String,
    /// The workspace's revision when it was taken.
    pub revision: u32,
    pub elements: u32,
    /// The bytes the snapshot takes in the library.
    pub stored_bytes: u32,
}

/// The compressed form a snapshot is stored in, and the length of the JSON inside.
pub fn encode_snapshot(doc: &Workspace) -> Result<(Vec<u8>, usize), StoreError> {
    let json = serde_json::to_vec(doc).map_err(StoreError::corrupt)?;
    let mut enc = DeflateEncoder::new(Vec::with_capacity(json.len() / 8), Compression::fast());
    enc.write_all(&json)
        .and_then(|()| enc.finish())
        .map(|bytes| (bytes, json.len()))
        .map_err(|e| StoreError::corrupt(format!("cannot compress the snapshot: {e}")))
}

/// The workspace a stored snapshot holds.
pub fn decode_snapshot(bytes: &[u8]) -> Result<Workspace, StoreError> {
    let mut json = Vec::new();
    DeflateDecoder::new(bytes)
        .read_to_end(&mut json)
        .map_err(|e| StoreError::corrupt(format!("a snapshot cannot be decompressed: {e}")))?;
    serde_json::from_slice(&json).map_err(|e| StoreError::corrupt(format!("a snapshot: {e}")))
}

const INFO: &str = "SELECT label, note, who, at, revision, elements, length(doc) FROM snapshots";

fn info_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SnapshotInfo> {
    let count = |i: usize| -> rusqlite::Result<u32> {
        Ok(u32::try_from(r.get::<_, i64>(i)?).unwrap_or(u32::MAX))
    };
    Ok(SnapshotInfo {
        label: r.get(0)?,
        note: r.get(1)?,
        who: r.get(2)?,
        at: r.get(3)?,
        revision: count(4)?,
        elements: count(5)?,
        stored_bytes: count(6)?,
    })
}

/// Snapshots, by label within a workspace.
const SNAPSHOTS: Named<SnapshotInfo> = Named {
    table: "snapshots",
    name: "label",
    info: INFO,
    row: info_row,
    name_of: |s| s.label,
    not_found: |wanted, available| StoreError::SnapshotNotFound { wanted, available },
};

pub(crate) fn load(
    conn: &Connection,
    workspace_id: i64,
    label: &str,
) -> Result<Workspace, StoreError> {
    let id = SNAPSHOTS.id(conn, workspace_id, label)?;
    let (encoding, doc): (i64, Vec<u8>) = conn.query_row(
        "SELECT encoding, doc FROM snapshots WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if encoding != ENCODING_DEFLATE_JSON {
        return Err(StoreError::corrupt(format!(
            "snapshot \"{label}\" is stored in encoding {encoding}, which this version cannot read"
        )));
    }
    decode_snapshot(&doc)
}

impl Store {
    /// Takes a snapshot of the workspace as it is now, labelled `label` (unique within the
    /// workspace, ignoring case) with an optional note.
    pub fn create_snapshot(
        &mut self,
        slug: &str,
        label: &str,
        note: Option<&str>,
        actor: &Actor,
    ) -> Result<SnapshotInfo, StoreError> {
        let label = label.trim();
        check_name(label).map_err(|source| StoreError::InvalidText {
            what: "snapshot label",
            source,
        })?;
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if let Some(note) = note {
            check_long_text(note).map_err(|source| StoreError::InvalidText {
                what: "snapshot note",
                source,
            })?;
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        if let Some(taken) = SNAPSHOTS.taken(&tx, id, label)? {
            return Err(StoreError::SnapshotLabelTaken(taken));
        }
        let doc = tables::load_doc(&tx, id)?;
        let (bytes, json_len) = encode_snapshot(&doc)?;
        let revision: i64 =
            tx.query_row("SELECT revision FROM workspaces WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        tx.execute(
            "INSERT INTO snapshots
               (workspace_id, label, note, who, at, revision, elements, encoding, json_bytes, doc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                id,
                label,
                note,
                actor.name,
                log::now()?,
                revision,
                doc.elements.len() as i64,
                ENCODING_DEFLATE_JSON,
                json_len as i64,
                bytes
            ],
        )?;
        let info = SNAPSHOTS.info(&tx, tx.last_insert_rowid())?;
        tx.commit()?;
        Ok(info)
    }

    /// The workspace's snapshots, newest first.
    pub fn snapshots(&self, slug: &str) -> Result<Vec<SnapshotInfo>, StoreError> {
        self.list_named(&SNAPSHOTS, slug)
    }

    /// The workspace as the snapshot `label` holds it.
    pub fn load_snapshot(&self, slug: &str, label: &str) -> Result<Workspace, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        load(&tx, id, label)
    }

    /// The snapshot `label` as the window shows a workspace, read-only: the workspace's
    /// summary with the slug `SLUG@LABEL` (the name every read command accepts for it), the
    /// snapshot's document, revision 0, saved when it was taken, and nothing to undo or redo.
    pub fn snapshot_state(&self, slug: &str, label: &str) -> Result<WorkspaceState, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        let info = SNAPSHOTS.info(&tx, SNAPSHOTS.id(&tx, id, label)?)?;
        let doc = load(&tx, id, &info.label)?;
        let mut summary = summary(&tx, id)?;
        summary.slug = format!("{}@{}", summary.slug, info.label);
        Ok(WorkspaceState {
            summary,
            doc,
            revision: 0,
            saved_at: info.at,
            undo: None,
            redo: None,
        })
    }

    /// Deletes the snapshot `label`. The workspace itself is not touched.
    pub fn delete_snapshot(&mut self, slug: &str, label: &str) -> Result<(), StoreError> {
        self.delete_named(&SNAPSHOTS, slug, label)
    }

    /// Writes the snapshot `label` as a `*.throughline.json` file (atomically).
    pub fn export_snapshot(&self, slug: &str, label: &str, path: &Path) -> Result<(), StoreError> {
        let doc = self.load_snapshot(slug, label)?;
        throughline_format::write_file(&doc, path).map_err(|e| StoreError::Export {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }

    /// Brings the workspace back to the snapshot `label`, as one undoable edit labelled
    /// `Restore snapshot "LABEL"` and logged with [`Source::Restore`]. Edits made since the
    /// snapshot stay in the history and come back with an undo of the restore. When the
    /// workspace already equals the snapshot, nothing is logged.
    pub fn restore_snapshot(
        &mut self,
        slug: &str,
        label: &str,
        actor: &Actor,
    ) -> Result<WorkspaceState, StoreError> {
        let (snapshot, stored_label) = {
            let id = workspace_id(&self.conn, slug)?;
            let doc = load(&self.conn, id, label)?;
            let stored = SNAPSHOTS.taken(&self.conn, id, label)?.unwrap_or_default();
            (doc, stored)
        };
        self.apply_document(
            slug,
            &snapshot,
            &format!("Restore snapshot {}", quoted(&stored_label)),
            Source::Restore,
            actor,
        )
    }

    /// Makes the workspace equal to `doc` as ONE undoable edit: the items that differ are
    /// changed, added or removed, logged as one change batch labelled `label` with the
    /// source `source` (a restore, a merge). Undo brings back the workspace as it was.
    /// A `doc` that does not validate is refused with its problems and changes nothing;
    /// a `doc` equal to the workspace logs nothing. The document's own name and vision are
    /// taken too: they are its `workspace` item.
    pub fn apply_document(
        &mut self,
        slug: &str,
        doc: &Workspace,
        label: &str,
        source: Source,
        actor: &Actor,
    ) -> Result<WorkspaceState, StoreError> {
        let problems = validate(doc);
        if !problems.is_empty() {
            return Err(EditError::Invalid(problems).into());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        let current = tables::load_doc(&tx, id)?;
        let changes = diff(&current, doc);
        if !changes.is_empty() {
            log::discard_redo(&tx, id)?;
            for change in &changes {
                tables::write_change(&tx, id, change)?;
            }
            let at = log::now()?;
            tx.execute(
                "UPDATE workspaces SET revision = revision + 1, updated_at = ?2 WHERE id = ?1",
                params![id, at],
            )?;
            log::append(
                &tx,
                &NewBatch {
                    workspace_id: id,
                    at: &at,
                    who: &actor.name,
                    source,
                    label,
                    role: Role::Edit,
                    reverts: None,
                    changes: &changes,
                },
            )?;
        }
        tx.commit()?;
        if !changes.is_empty() {
            // Other windows show the new state as they show any edit.
            self.published(Committed {
                slug: Some(slug.to_string()),
                source: Some(source),
                kind: ChangeKind::Edited,
            });
        }
        self.state(slug)
    }
}
