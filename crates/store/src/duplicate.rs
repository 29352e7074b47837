//! Duplicating a workspace: a new workspace with the same content and graph layout, under
//! a new name, with a change log of its own (one "Duplicate" batch).

use rusqlite::TransactionBehavior;

use crate::events::{ChangeKind, Committed};
use crate::label::quoted;
use crate::library::{insert_in, workspace_id};
use crate::{Actor, Store, StoreError, WorkspaceSummary, tables};

/// The name a copy gets when the user gives none: "Name (copy)".
fn copy_name(name: &str) -> String {
    format!("{} (copy)", name.trim())
}

impl Store {
    /// Copies the workspace `slug` (its content and graph layout, not its history or
    /// snapshots) into a new workspace called `name`, or "Name (copy)" when `name` is
    /// `None`, in one transaction. The copy's slug comes from its name, suffixed if taken.
    pub fn duplicate_workspace(
        &mut self,
        slug: &str,
        name: Option<&str>,
        actor: &Actor,
    ) -> Result<WorkspaceSummary, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let source = workspace_id(&tx, slug)?;
        let mut doc = tables::load_doc(&tx, source)?;
        let name = match name.map(str::trim) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => copy_name(&doc.workspace.name),
        };
        throughline_model::check_name(&name).map_err(|source| StoreError::InvalidText {
            what: "workspace name",
            source,
        })?;
        let label = format!(
            "Duplicate workspace {} as {}",
            quoted(&doc.workspace.name),
            quoted(&name)
        );
        doc.workspace.name = name;
        let summary = insert_in(&tx, &doc, actor, &label)?;
        let copy = workspace_id(&tx, &summary.slug)?;
        tx.execute(
            "INSERT INTO layout (workspace_id, element_id, x, y)
             SELECT ?2, element_id, x, y FROM layout WHERE workspace_id = ?1",
            [source, copy],
        )?;
        tx.commit()?;
        self.published(Committed {
            slug: Some(summary.slug.clone()),
            source: Some(actor.source),
            kind: ChangeKind::Created,
        });
        Ok(summary)
    }
}
