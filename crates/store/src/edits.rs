//! Reading a workspace, applying edits, and undo and redo over the change log.

use rusqlite::{Connection, Transaction, TransactionBehavior};
use throughline_model::{Edit, EntityChange, Workspace, apply_changes, apply_edit, diff, validate};

use crate::events::{ChangeKind, Committed};
use crate::library::{summary, workspace_id};
use crate::log::{self, NewBatch, Role, Step};
use crate::{
    Actor, ChangeBatch, HistoryStep, Source, Store, StoreError, WorkspaceState, label, tables,
};

/// Writes `changes` and logs them as one batch; the caller commits.
fn write_batch(
    tx: &Transaction<'_>,
    workspace_id: i64,
    changes: &[EntityChange],
    batch: NewBatchFields<'_>,
) -> Result<i64, StoreError> {
    for change in changes {
        tables::write_change(tx, workspace_id, change)?;
    }
    let at = log::now()?;
    tx.execute(
        "UPDATE workspaces SET revision = revision + 1, updated_at = ?2 WHERE id = ?1",
        rusqlite::params![workspace_id, at],
    )?;
    log::append(
        tx,
        &NewBatch {
            workspace_id,
            at: &at,
            who: batch.who,
            source: batch.source,
            label: batch.label,
            role: batch.role,
            reverts: batch.reverts,
            changes,
        },
    )
}

/// The parts of a batch that differ between an edit, an undo and a redo.
struct NewBatchFields<'a> {
    who: &'a str,
    source: Source,
    label: &'a str,
    role: Role,
    reverts: Option<i64>,
}

pub(crate) fn read_state(conn: &Connection, slug: &str) -> Result<WorkspaceState, StoreError> {
    let id = workspace_id(conn, slug)?;
    let summary = summary(conn, id)?;
    let revision: i64 =
        conn.query_row("SELECT revision FROM workspaces WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    Ok(WorkspaceState {
        doc: tables::load_doc(conn, id)?,
        revision: u32::try_from(revision).map_err(StoreError::corrupt)?,
        saved_at: summary.updated_at.clone(),
        summary,
        undo: log::undo_step(conn, id)?.map(|s| HistoryStep { label: s.label }),
        redo: log::redo_step(conn, id)?.map(|s| HistoryStep { label: s.label }),
    })
}

impl Store {
    /// The workspace document.
    pub fn load(&self, slug: &str) -> Result<Workspace, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        tables::load_doc(&tx, id)
    }

    /// The workspace as the UI shows it: summary, document, revision and undo/redo labels.
    pub fn state(&self, slug: &str) -> Result<WorkspaceState, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        read_state(&tx, slug)
    }

    /// Applies `edit` in one transaction and logs it as one batch. An edit that is refused
    /// changes nothing; an edit that changes nothing is not logged.
    pub fn apply(
        &mut self,
        slug: &str,
        edit: &Edit,
        actor: &Actor,
    ) -> Result<WorkspaceState, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        let old = tables::load_doc(&tx, id)?;
        let new = apply_edit(&old, edit)?;
        let changes = diff(&old, &new);
        if !changes.is_empty() {
            log::discard_redo(&tx, id)?;
            let label = label::label(&old, edit);
            write_batch(
                &tx,
                id,
                &changes,
                NewBatchFields {
                    who: &actor.name,
                    source: actor.source,
                    label: &label,
                    role: Role::Edit,
                    reverts: None,
                },
            )?;
        }
        let state = read_state(&tx, slug)?;
        tx.commit()?;
        if !changes.is_empty() {
            self.published(Committed {
                slug: Some(slug.to_string()),
                source: Some(actor.source),
                kind: ChangeKind::Edited,
            });
        }
        Ok(state)
    }

    /// Reverts the newest edit still in effect, as a new transaction logged as an undo.
    pub fn undo(&mut self, slug: &str, actor: &Actor) -> Result<WorkspaceState, StoreError> {
        self.replay(slug, actor, Direction::Undo)
    }

    /// Re-applies the most recently undone edit, logged as a redo.
    pub fn redo(&mut self, slug: &str, actor: &Actor) -> Result<WorkspaceState, StoreError> {
        self.replay(slug, actor, Direction::Redo)
    }

    fn replay(
        &mut self,
        slug: &str,
        actor: &Actor,
        direction: Direction,
    ) -> Result<WorkspaceState, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        let step: Step = match direction {
            Direction::Undo => log::undo_step(&tx, id)?.ok_or(StoreError::NothingToUndo)?,
            Direction::Redo => log::redo_step(&tx, id)?.ok_or(StoreError::NothingToRedo)?,
        };
        let logged = log::changes(&tx, step.id)?;
        let changes: Vec<EntityChange> = match direction {
            Direction::Undo => logged.iter().rev().map(EntityChange::inverted).collect(),
            Direction::Redo => logged,
        };
        let conflict = |detail: String| StoreError::Conflict {
            action: direction.verb(),
            label: step.label.clone(),
            detail,
        };
        let old = tables::load_doc(&tx, id)?;
        let new = apply_changes(&old, &changes).map_err(|e| conflict(e.to_string()))?;
        let problems = validate(&new);
        if let Some(first) = problems.first() {
            return Err(conflict(first.to_string()));
        }
        let label = format!("{}: {}", direction.title(), step.label);
        write_batch(
            &tx,
            id,
            &diff(&old, &new),
            NewBatchFields {
                who: &actor.name,
                source: direction.source(),
                label: &label,
                role: direction.role(),
                reverts: Some(step.id),
            },
        )?;
        log::mark_undone(&tx, step.id, direction == Direction::Undo)?;
        let state = read_state(&tx, slug)?;
        tx.commit()?;
        self.published(Committed {
            slug: Some(slug.to_string()),
            source: Some(direction.source()),
            kind: ChangeKind::Edited,
        });
        Ok(state)
    }

    /// The newest `limit` change batches of a workspace, newest first.
    pub fn history(&self, slug: &str, limit: u32) -> Result<Vec<ChangeBatch>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        log::history(&tx, id, limit)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Undo,
    Redo,
}

impl Direction {
    fn verb(self) -> &'static str {
        match self {
            Direction::Undo => "undo",
            Direction::Redo => "redo",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Direction::Undo => "Undo",
            Direction::Redo => "Redo",
        }
    }

    fn source(self) -> Source {
        match self {
            Direction::Undo => Source::Undo,
            Direction::Redo => Source::Redo,
        }
    }

    fn role(self) -> Role {
        match self {
            Direction::Undo => Role::Undo,
            Direction::Redo => Role::Redo,
        }
    }
}
