//! Reading a workspace, applying edits, and undo and redo over the change log.
//!
//! An edit, an undo and a redo read and write only the rows they touch ([`delta`]) and
//! check only the rules they can break ([`check`]); nothing here loads the whole document
//! except [`Store::load`], [`Store::state`] and [`Store::current`] (which reads it only when
//! this store's edits have not carried it forward, see `held.rs`).

use std::sync::Arc;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use throughline_model::{Edit, EditError, EntityChange, Reading, Workspace};

use crate::delta::{self, Ctx};
use crate::events::{ChangeKind, Committed};
use crate::library::{split_target, summary, workspace_id};
use crate::log::{self, NewBatch, Role, Step};
use crate::{
    Actor, ChangeBatch, HistoryStep, Source, Store, StoreError, WorkspaceDelta, WorkspaceState,
    bulk, check, label, names, snapshots, stamp, tables,
};

/// Bumps the revision and logs `changes` (already written) as one batch; the caller commits.
fn log_batch(
    tx: &Transaction<'_>,
    workspace_id: i64,
    changes: &[EntityChange],
    batch: NewBatchFields<'_>,
) -> Result<i64, StoreError> {
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

fn read_delta(
    conn: &Connection,
    id: i64,
    changes: Vec<EntityChange>,
) -> Result<WorkspaceDelta, StoreError> {
    let summary = summary(conn, id)?;
    let revision: i64 =
        conn.query_row("SELECT revision FROM workspaces WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    Ok(WorkspaceDelta {
        changes,
        revision: u32::try_from(revision).map_err(StoreError::corrupt)?,
        saved_at: summary.updated_at.clone(),
        summary,
        undo: log::undo_step(conn, id)?.map(|s| HistoryStep { label: s.label }),
        redo: log::redo_step(conn, id)?.map(|s| HistoryStep { label: s.label }),
    })
}

pub(crate) fn read_state(conn: &Connection, slug: &str) -> Result<WorkspaceState, StoreError> {
    let id = workspace_id(conn, slug)?;
    let delta = read_delta(conn, id, Vec::new())?;
    Ok(WorkspaceState {
        doc: tables::load_doc(conn, id)?,
        revision: delta.revision,
        saved_at: delta.saved_at,
        summary: delta.summary,
        undo: delta.undo,
        redo: delta.redo,
    })
}

impl Store {
    /// Fixes the time the store stamps on what it records for the user (a waiver's date), so
    /// that generated outputs are reproducible; the change log keeps the real time.
    pub fn freeze_clock(&mut self, at: impl Into<String>) {
        self.clock = Some(at.into());
    }

    /// The time to stamp: the frozen clock's, or now (RFC 3339, UTC).
    fn now(&self) -> Result<String, StoreError> {
        match &self.clock {
            Some(at) => Ok(at.clone()),
            None => log::now(),
        }
    }

    /// Today's date by the store's clock, `YYYY-MM-DD` (UTC): the day against which a
    /// waiver's review date is due.
    pub fn today(&self) -> Result<String, StoreError> {
        let now = self.now()?;
        Ok(now.get(..10).unwrap_or(&now).to_string())
    }

    /// The workspace document.
    /// `target` may also name one of its snapshots as `SLUG@LABEL`: every report (audit,
    /// readiness, monitor, playbook, replay) reads a snapshot as it reads the workspace.
    pub fn load(&self, target: &str) -> Result<Workspace, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let (slug, label) = split_target(target);
        let id = workspace_id(&tx, slug)?;
        match label {
            Some(label) => snapshots::load(&tx, id, label),
            None => tables::load_doc(&tx, id),
        }
    }

    /// The workspace `target` names (as [`Store::load`]), shared: when nothing changed it
    /// since this store last read it, the document in memory, carried forward by the edits,
    /// undos and redos made through this store; otherwise read from the rows. For a reader
    /// that asks after every change (the app's audit).
    pub fn current(&self, target: &str) -> Result<Arc<Workspace>, StoreError> {
        let (slug, label) = split_target(target);
        if label.is_some() {
            return self.load(target).map(Arc::new);
        }
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        self.held.get(&tx, id)
    }

    /// The workspace as the UI shows it: summary, document, revision and undo/redo labels.
    pub fn state(&self, slug: &str) -> Result<WorkspaceState, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        read_state(&tx, slug)
    }

    /// Applies `edit` in one transaction and logs it as one batch, and returns the whole
    /// workspace as it now stands. [`Store::apply_delta`] returns only what changed.
    pub fn apply(
        &mut self,
        slug: &str,
        edit: &Edit,
        actor: &Actor,
    ) -> Result<WorkspaceState, StoreError> {
        self.edit(slug, edit, actor, false)?;
        self.state(slug)
    }

    /// Applies `edit` in one transaction and logs it as one batch, reading and writing
    /// only the rows it touches. An edit that is refused changes nothing; an edit that
    /// changes nothing is not logged.
    pub fn apply_delta(
        &mut self,
        slug: &str,
        edit: &Edit,
        actor: &Actor,
    ) -> Result<WorkspaceDelta, StoreError> {
        self.edit(slug, edit, actor, true)
    }

    /// Applies `edit`; the delta lists the changes only when `changes` is on (a caller
    /// that reads the whole state afterwards does not need them).
    fn edit(
        &mut self,
        slug: &str,
        edit: &Edit,
        actor: &Actor,
        changes: bool,
    ) -> Result<WorkspaceDelta, StoreError> {
        let at = self.now()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        names::ensure(&tx, id)?;
        if let Edit::PutReadings { readings } = edit {
            let label = label::label(&label::context(&tx, id, edit)?, edit);
            let (delta, changed) = put_readings(tx, id, readings, actor, &label, changes)?;
            if changed {
                self.published(Committed {
                    slug: Some(slug.to_string()),
                    source: Some(actor.source),
                    kind: ChangeKind::Edited,
                });
            }
            return Ok(delta);
        }
        let before = self.held.stamp_before(&tx, id)?;
        let stamped = stamp::stamped(edit, &actor.name, &at);
        let edit = stamped.as_ref().unwrap_or(edit);
        let label = label::label(&label::context(&tx, id, edit)?, edit);
        let mut steps = Vec::new();
        delta::run(&Ctx { conn: &tx, ws: id }, edit, &mut steps)?;
        let changes = delta::compose(steps);
        let problems = check::check(&tx, id, &changes)?;
        if !problems.is_empty() {
            return Err(EditError::Invalid(problems).into());
        }
        if changes.is_empty() {
            // A batch may have written and then undone its own steps: keep nothing.
            tx.rollback()?;
            return read_delta(&self.conn, id, changes);
        }
        log::discard_redo(&tx, id)?;
        log_batch(
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
        let delta = read_delta(&tx, id, changes)?;
        tx.commit()?;
        if let Some(before) = before {
            self.held.carry(id, before, &delta);
        }
        self.published(Committed {
            slug: Some(slug.to_string()),
            source: Some(actor.source),
            kind: ChangeKind::Edited,
        });
        Ok(delta)
    }

    /// Reverts the newest edit still in effect, as a new transaction logged as an undo,
    /// and returns the whole workspace. [`Store::undo_delta`] returns only what changed.
    pub fn undo(&mut self, slug: &str, actor: &Actor) -> Result<WorkspaceState, StoreError> {
        self.replay(slug, actor, Direction::Undo)?;
        self.state(slug)
    }

    /// Re-applies the most recently undone edit, logged as a redo, and returns the whole
    /// workspace. [`Store::redo_delta`] returns only what changed.
    pub fn redo(&mut self, slug: &str, actor: &Actor) -> Result<WorkspaceState, StoreError> {
        self.replay(slug, actor, Direction::Redo)?;
        self.state(slug)
    }

    /// Reverts the newest edit still in effect and returns what changed.
    pub fn undo_delta(&mut self, slug: &str, actor: &Actor) -> Result<WorkspaceDelta, StoreError> {
        self.replay(slug, actor, Direction::Undo)
    }

    /// Re-applies the most recently undone edit and returns what changed.
    pub fn redo_delta(&mut self, slug: &str, actor: &Actor) -> Result<WorkspaceDelta, StoreError> {
        self.replay(slug, actor, Direction::Redo)
    }

    fn replay(
        &mut self,
        slug: &str,
        actor: &Actor,
        direction: Direction,
    ) -> Result<WorkspaceDelta, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        names::ensure(&tx, id)?;
        let step: Step = match direction {
            Direction::Undo => log::undo_step(&tx, id)?.ok_or(StoreError::NothingToUndo)?,
            Direction::Redo => log::redo_step(&tx, id)?.ok_or(StoreError::NothingToRedo)?,
        };
        if let Some(logged) = bulk::logged(&tx, step.id)? {
            let delta = replay_bulk(tx, id, &step, logged, actor, direction)?;
            self.published(Committed {
                slug: Some(slug.to_string()),
                source: Some(direction.source()),
                kind: ChangeKind::Edited,
            });
            return Ok(delta);
        }
        let before = self.held.stamp_before(&tx, id)?;
        let logged = log::changes(&tx, step.id)?;
        let steps: Vec<EntityChange> = match direction {
            Direction::Undo => logged.iter().rev().map(EntityChange::inverted).collect(),
            Direction::Redo => logged,
        };
        let conflict = |detail: String| StoreError::Conflict {
            action: direction.verb(),
            label: step.label.clone(),
            detail,
        };
        for c in &steps {
            // A pure move needs only its row; anything else must find the entity as the
            // log left it, or the replay would overwrite someone else's change.
            let moved = matches!((&c.before, &c.after), (Some(b), Some(a)) if b.value == a.value);
            if !moved {
                let now = check::current(&tx, id, c.kind, &c.key)?;
                let expected = c.before.as_ref().map(|p| (p.index, p.value.clone()));
                let same = match (&now, &expected) {
                    (Some((_, v)), Some((_, w))) => v == w,
                    (None, None) => true,
                    _ => false,
                };
                if !same {
                    return Err(conflict(format!(
                        "{} \"{}\" has changed since",
                        c.kind.as_str(),
                        c.key
                    )));
                }
            }
            tables::write_change(&tx, id, c)?;
        }
        let changes = delta::compose(steps);
        let problems = check::check(&tx, id, &changes)?;
        if let Some(first) = problems.first() {
            return Err(conflict(first.to_string()));
        }
        let label = format!("{}: {}", direction.title(), step.label);
        log_batch(
            &tx,
            id,
            &changes,
            NewBatchFields {
                who: &actor.name,
                source: direction.source(),
                label: &label,
                role: direction.role(),
                reverts: Some(step.id),
            },
        )?;
        log::mark_undone(&tx, step.id, direction == Direction::Undo)?;
        let delta = read_delta(&tx, id, changes)?;
        tx.commit()?;
        if let Some(before) = before {
            self.held.carry(id, before, &delta);
        }
        self.published(Committed {
            slug: Some(slug.to_string()),
            source: Some(direction.source()),
            kind: ChangeKind::Edited,
        });
        Ok(delta)
    }

    /// The newest `limit` change batches of a workspace, newest first.
    pub fn history(&self, slug: &str, limit: u32) -> Result<Vec<ChangeBatch>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = workspace_id(&tx, slug)?;
        log::history(&tx, id, limit)
    }
}

/// The bulk path of `PutReadings` (see [`bulk`]): planned and checked in memory, written
/// with one prepared upsert, logged as one compact entry. Commits, or rolls back when the
/// readings change nothing; says which.
fn put_readings(
    tx: Transaction<'_>,
    id: i64,
    readings: &[Reading],
    actor: &Actor,
    label: &str,
    want_changes: bool,
) -> Result<(WorkspaceDelta, bool), StoreError> {
    let plan = bulk::plan(&tx, id, readings)?;
    if plan.entries.is_empty() {
        let delta = read_delta(&tx, id, Vec::new())?;
        tx.rollback()?;
        return Ok((delta, false));
    }
    bulk::write(&tx, id, &plan)?;
    log::discard_redo(&tx, id)?;
    let batch = log_batch(
        &tx,
        id,
        &[],
        NewBatchFields {
            who: &actor.name,
            source: actor.source,
            label,
            role: Role::Edit,
            reverts: None,
        },
    )?;
    bulk::log(&tx, batch, &plan)?;
    let changes = if want_changes {
        plan.changes()?
    } else {
        Vec::new()
    };
    let delta = read_delta(&tx, id, changes)?;
    tx.commit()?;
    Ok((delta, true))
}

/// Undo or redo of a bulk readings batch: the readings it names must stand as it left them
/// (or as it found them, for a redo); they are put back with one prepared statement and the
/// undo or redo is logged as a compact entry too. Commits.
fn replay_bulk(
    tx: Transaction<'_>,
    id: i64,
    step: &Step,
    logged: bulk::Bulk,
    actor: &Actor,
    direction: Direction,
) -> Result<WorkspaceDelta, StoreError> {
    let conflict = |detail: String| StoreError::Conflict {
        action: direction.verb(),
        label: step.label.clone(),
        detail,
    };
    let steps = match direction {
        Direction::Undo => logged.inverted(),
        Direction::Redo => logged,
    };
    if let Some(key) = bulk::first_conflict(&tx, id, &steps)? {
        return Err(conflict(format!("reading \"{key}\" has changed since")));
    }
    bulk::write(&tx, id, &steps)?;
    if let Some(first) = bulk::problems(&tx, id, &steps)?.first() {
        return Err(conflict(first.to_string()));
    }
    let label = format!("{}: {}", direction.title(), step.label);
    let batch = log_batch(
        &tx,
        id,
        &[],
        NewBatchFields {
            who: &actor.name,
            source: direction.source(),
            label: &label,
            role: direction.role(),
            reverts: Some(step.id),
        },
    )?;
    bulk::log(&tx, batch, &steps)?;
    log::mark_undone(&tx, step.id, direction == Direction::Undo)?;
    let delta = read_delta(&tx, id, steps.changes()?)?;
    tx.commit()?;
    Ok(delta)
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
