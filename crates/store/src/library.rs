//! The library as a whole: listing, finding, creating, importing and deleting
//! workspaces, and the settings.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use throughline_model::{EditError, Id, Workspace, diff, validate};

use crate::events::{ChangeKind, Committed};
use crate::label::quoted;
use crate::log::{self, NewBatch, Role};
use crate::settings::LAST_WORKSPACE;
use crate::{Actor, Source, Store, StoreError, WorkspaceSummary, tables};

const SUMMARY: &str = "SELECT w.slug, w.name, w.updated_at,
    (SELECT count(*) FROM stages s WHERE s.workspace_id = w.id),
    (SELECT count(*) FROM elements e WHERE e.workspace_id = w.id)
  FROM workspaces w";

fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<WorkspaceSummary> {
    let count = |i: usize| -> rusqlite::Result<u32> {
        Ok(u32::try_from(r.get::<_, i64>(i)?).unwrap_or(u32::MAX))
    };
    Ok(WorkspaceSummary {
        slug: r.get(0)?,
        name: r.get(1)?,
        updated_at: r.get(2)?,
        stages: count(3)?,
        elements: count(4)?,
    })
}

/// Every workspace in the library, by name.
pub(crate) fn summaries(conn: &Connection) -> Result<Vec<WorkspaceSummary>, StoreError> {
    let mut stmt = conn.prepare(&format!("{SUMMARY} ORDER BY lower(w.name), w.slug"))?;
    let rows = stmt.query_map([], summary_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The summary of the workspace with this row id.
pub(crate) fn summary(conn: &Connection, id: i64) -> Result<WorkspaceSummary, StoreError> {
    Ok(conn.query_row(&format!("{SUMMARY} WHERE w.id = ?1"), [id], summary_row)?)
}

/// The row id of the workspace `slug`, or a NotFound that lists what exists.
/// A state of a workspace a reader can name: `SLUG`, the workspace as it is now, or
/// `SLUG@LABEL`, one of its snapshots (slugs never hold an `@`). Returns the slug and the label.
pub(crate) fn split_target(target: &str) -> (&str, Option<&str>) {
    match target.split_once('@') {
        Some((slug, label)) => (slug, Some(label)),
        None => (target, None),
    }
}

/// The row id of the workspace `slug`. A snapshot (`SLUG@LABEL`) is refused: everything that
/// takes a plain slug may write, and a snapshot is read-only.
pub(crate) fn workspace_id(conn: &Connection, slug: &str) -> Result<i64, StoreError> {
    if slug.contains('@') {
        return Err(StoreError::ReadOnlySnapshot(slug.to_string()));
    }
    let found = conn
        .query_row("SELECT id FROM workspaces WHERE slug = ?1", [slug], |r| {
            r.get(0)
        })
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => Err(not_found(conn, slug)?),
    }
}

fn not_found(conn: &Connection, wanted: &str) -> Result<StoreError, StoreError> {
    let available = summaries(conn)?
        .into_iter()
        .map(|s| format!("{} ({})", s.name, s.slug))
        .collect();
    Ok(StoreError::NotFound {
        wanted: wanted.to_string(),
        available,
    })
}

impl Store {
    /// Every workspace in the library, sorted by name.
    pub fn list_workspaces(&self) -> Result<Vec<WorkspaceSummary>, StoreError> {
        summaries(&self.conn)
    }

    /// The workspaces called `name` (ignoring case and surrounding spaces): what an import
    /// of a document with that name would sit beside.
    pub fn namesakes(&self, name: &str) -> Result<Vec<WorkspaceSummary>, StoreError> {
        let wanted = name.trim().to_lowercase();
        Ok(self
            .list_workspaces()?
            .into_iter()
            .filter(|w| w.name.trim().to_lowercase() == wanted)
            .collect())
    }

    /// Creates an empty workspace called `name`, with a slug derived from the name.
    pub fn create_workspace(
        &mut self,
        name: &str,
        actor: &Actor,
    ) -> Result<WorkspaceSummary, StoreError> {
        let doc = Workspace::new(name.trim());
        let label = format!("Create workspace {}", quoted(&doc.workspace.name));
        self.insert_workspace(&doc, actor, &label)
    }

    /// Adds `doc` to the library as a new workspace; its slug comes from the doc's name,
    /// suffixed if taken. The whole document is validated first.
    pub fn import_workspace(
        &mut self,
        doc: &Workspace,
        actor: &Actor,
    ) -> Result<WorkspaceSummary, StoreError> {
        let label = format!("Import workspace {}", quoted(&doc.workspace.name));
        self.insert_workspace(doc, actor, &label)
    }

    fn insert_workspace(
        &mut self,
        doc: &Workspace,
        actor: &Actor,
        label: &str,
    ) -> Result<WorkspaceSummary, StoreError> {
        let problems = validate(doc);
        if !problems.is_empty() {
            return Err(EditError::Invalid(problems).into());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let summary = insert_in(&tx, doc, actor, label)?;
        tx.commit()?;
        self.published(Committed {
            slug: Some(summary.slug.clone()),
            source: Some(actor.source),
            kind: ChangeKind::Created,
        });
        Ok(summary)
    }

    /// On the first start of a library, adds `sample()` when the library is empty and
    /// opens it next; later starts (or a library that already holds workspaces) add
    /// nothing. One transaction: a crash half-way leaves the library unseeded, to be
    /// seeded again next time. Returns the workspace added, if any.
    pub fn seed_first_run(
        &mut self,
        sample: impl FnOnce() -> Workspace,
        actor: &Actor,
    ) -> Result<Option<WorkspaceSummary>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if crate::settings::get(&tx, SAMPLE_SEEDED)?.is_some() {
            return Ok(None);
        }
        let mut added = None;
        if summaries(&tx)?.is_empty() {
            let doc = sample();
            let problems = validate(&doc);
            if !problems.is_empty() {
                return Err(EditError::Invalid(problems).into());
            }
            let label = format!("Import workspace {}", quoted(&doc.workspace.name));
            let summary = insert_in(&tx, &doc, actor, &label)?;
            crate::settings::put(&tx, LAST_WORKSPACE, Some(&summary.slug))?;
            added = Some(summary);
        }
        crate::settings::put(&tx, SAMPLE_SEEDED, Some("1"))?;
        tx.commit()?;
        if let Some(summary) = &added {
            self.published(Committed {
                slug: Some(summary.slug.clone()),
                source: Some(actor.source),
                kind: ChangeKind::Created,
            });
        }
        Ok(added)
    }

    /// Deletes a workspace, its entities and its change log, and forgets it as the last
    /// one opened, in one transaction. This cannot be undone.
    pub fn delete_workspace(&mut self, slug: &str) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = workspace_id(&tx, slug)?;
        tx.execute("DELETE FROM workspaces WHERE id = ?1", [id])?;
        tx.execute(
            "DELETE FROM settings WHERE key = ?1 AND value = ?2",
            [LAST_WORKSPACE, slug],
        )?;
        tx.commit()?;
        self.published(Committed {
            slug: Some(slug.to_string()),
            source: None,
            kind: ChangeKind::Deleted,
        });
        Ok(())
    }

    /// Finds a workspace by slug, else by exact name ignoring case.
    pub fn find(&self, slug_or_name: &str) -> Result<WorkspaceSummary, StoreError> {
        let all = summaries(&self.conn)?;
        let wanted = slug_or_name.trim();
        if let Some(s) = all.iter().find(|s| s.slug == wanted) {
            return Ok(s.clone());
        }
        let lower = wanted.to_lowercase();
        let mut named: Vec<&WorkspaceSummary> = all
            .iter()
            .filter(|s| s.name.trim().to_lowercase() == lower)
            .collect();
        match named.len() {
            1 => Ok(named.remove(0).clone()),
            0 => Err(StoreError::NotFound {
                wanted: wanted.to_string(),
                available: all
                    .iter()
                    .map(|s| format!("{} ({})", s.name, s.slug))
                    .collect(),
            }),
            _ => Err(StoreError::Ambiguous {
                wanted: wanted.to_string(),
                slugs: named.iter().map(|s| s.slug.clone()).collect(),
            }),
        }
    }

    /// An actor for the user's display name writing through `source`.
    pub fn actor(&self, source: Source) -> Result<Actor, StoreError> {
        Ok(Actor::new(self.display_name()?, source))
    }
}

/// The setting that records that the first start has been handled.
const SAMPLE_SEEDED: &str = "sample_seeded";

/// Inserts a validated document as a new workspace inside `tx`, logged as one batch.
pub(crate) fn insert_in(
    tx: &rusqlite::Transaction<'_>,
    doc: &Workspace,
    actor: &Actor,
    label: &str,
) -> Result<WorkspaceSummary, StoreError> {
    let taken: Vec<String> = {
        let mut stmt = tx.prepare("SELECT slug FROM workspaces")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    let slug = Id::slug_from(&doc.workspace.name, "workspace", |s| {
        taken.iter().any(|t| t == s)
    });
    let at = log::now()?;
    tx.execute(
        "INSERT INTO workspaces (slug, name, revision, created_at, updated_at)
         VALUES (?1, ?2, 1, ?3, ?3)",
        params![slug.as_str(), doc.workspace.name, at],
    )?;
    let id = tx.last_insert_rowid();
    // A new workspace is written like any edit: as the difference from nothing.
    let changes = diff(&Workspace::default(), doc);
    for change in &changes {
        tables::write_change(tx, id, change)?;
    }
    log::append(
        tx,
        &NewBatch {
            workspace_id: id,
            at: &at,
            who: &actor.name,
            source: actor.source,
            label,
            role: Role::Create,
            reverts: None,
            changes: &changes,
        },
    )?;
    summary(tx, id)
}
