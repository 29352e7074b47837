//! What changed in the library: one [`Committed`] per committed transaction, from this
//! connection ([`Store::take_committed`]) or from another one, such as the CLI writing
//! while the app is open ([`Store::external_changes`], which polls SQLite's
//! `PRAGMA data_version`: it changes exactly when another connection commits).

use serde::{Deserialize, Serialize};

use crate::{Source, Store, StoreError};

/// What a committed transaction did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A workspace was created or imported.
    Created,
    /// A workspace's document changed (an edit, an undo, a redo).
    Edited,
    /// A workspace was deleted.
    Deleted,
    /// Node positions in the graph view were saved.
    Layout,
    /// The settings changed.
    Settings,
    /// Another connection wrote something this one cannot attribute (a delete, a layout,
    /// the settings): refresh everything.
    External,
}

/// One committed transaction: which workspace (if one), through what, and what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Committed {
    /// The workspace written, by slug; `None` for the settings or an unknown write.
    pub slug: Option<String>,
    /// Where the write came from, when the change log says.
    pub source: Option<Source>,
    pub kind: ChangeKind,
}

/// What this connection has already accounted for of other connections' writes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Seen {
    data_version: i64,
    last_batch: i64,
}

impl Store {
    /// Records a transaction this connection committed, for [`Store::take_committed`].
    pub(crate) fn published(&mut self, event: Committed) {
        self.committed.push(event);
        // Batches this connection logged are not news when another write is noticed.
        if let Ok(last) = last_batch(&self.conn) {
            self.seen.last_batch = last;
        }
    }

    /// The transactions this connection committed since the last call, oldest first.
    pub fn take_committed(&mut self) -> Vec<Committed> {
        std::mem::take(&mut self.committed)
    }

    /// What other connections (another window's process, the CLI) committed since the last
    /// call: one event per logged change batch, or one [`ChangeKind::External`] when the
    /// write left no trace in the change log. Empty when nothing changed; cheap enough to
    /// call a few times a second.
    pub fn external_changes(&mut self) -> Result<Vec<Committed>, StoreError> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if version == self.seen.data_version {
            return Ok(Vec::new());
        }
        self.seen.data_version = version;
        let mut stmt = self.conn.prepare(
            "SELECT b.id, w.slug, b.source, b.role FROM change_batches b
             JOIN workspaces w ON w.id = b.workspace_id
             WHERE b.id > ?1 ORDER BY b.id",
        )?;
        let rows = stmt.query_map([self.seen.last_batch], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut events = Vec::new();
        for row in rows {
            let (id, slug, source, role) = row?;
            self.seen.last_batch = self.seen.last_batch.max(id);
            events.push(Committed {
                slug: Some(slug),
                source: Source::parse(&source),
                kind: if role == "create" {
                    ChangeKind::Created
                } else {
                    ChangeKind::Edited
                },
            });
        }
        drop(stmt);
        if events.is_empty() {
            events.push(Committed {
                slug: None,
                source: None,
                kind: ChangeKind::External,
            });
        }
        Ok(events)
    }

    /// Starts counting other connections' writes from now.
    pub(crate) fn start_watching(&mut self) -> Result<(), StoreError> {
        self.seen = Seen {
            data_version: self
                .conn
                .query_row("PRAGMA data_version", [], |r| r.get(0))?,
            last_batch: last_batch(&self.conn)?,
        };
        Ok(())
    }
}

fn last_batch(conn: &rusqlite::Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT coalesce(max(id), 0) FROM change_batches", [], |r| {
        r.get(0)
    })
}
