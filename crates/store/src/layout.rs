//! Where each element sits in the handoff graph: view state kept per workspace, outside
//! the change log (moving a node is not an undoable edit).

use throughline_model::NodePosition;

use crate::events::{ChangeKind, Committed};
use crate::library::{split_target, workspace_id};
use crate::{Store, StoreError};

impl Store {
    /// The stored positions of the workspace's current elements, in element order.
    /// Elements never placed are absent: the view lays them out.
    pub fn layout(&self, slug: &str) -> Result<Vec<NodePosition>, StoreError> {
        // A snapshot keeps no positions of its own: it is drawn where the workspace's cards are.
        let id = workspace_id(&self.conn, split_target(slug).0)?;
        let mut stmt = self.conn.prepare(
            "SELECT l.element_id, l.x, l.y FROM layout l
             JOIN elements e ON e.workspace_id = l.workspace_id AND e.id = l.element_id
             WHERE l.workspace_id = ?1 ORDER BY e.ord",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(NodePosition {
                id: r.get(0)?,
                x: r.get(1)?,
                y: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores positions (adding or moving each), in one transaction. Ids that are not
    /// elements of the workspace are ignored: a node deleted while its move was on the way
    /// is not an error. A non-finite coordinate refuses the whole call.
    pub fn save_layout(
        &mut self,
        slug: &str,
        positions: &[NodePosition],
    ) -> Result<(), StoreError> {
        if let Some(bad) = positions
            .iter()
            .find(|p| !p.x.is_finite() || !p.y.is_finite())
        {
            return Err(StoreError::InvalidPosition(bad.id.clone()));
        }
        let tx = self.conn.transaction()?;
        let id = workspace_id(&tx, slug)?;
        {
            let mut upsert = tx.prepare(
                "INSERT INTO layout (workspace_id, element_id, x, y)
                 SELECT ?1, ?2, ?3, ?4 WHERE EXISTS
                   (SELECT 1 FROM elements WHERE workspace_id = ?1 AND id = ?2)
                 ON CONFLICT (workspace_id, element_id) DO UPDATE SET x = excluded.x, y = excluded.y",
            )?;
            for p in positions {
                upsert.execute(rusqlite::params![id, p.id, p.x, p.y])?;
            }
        }
        tx.commit()?;
        self.published(Committed {
            slug: Some(slug.to_string()),
            source: None,
            kind: ChangeKind::Layout,
        });
        Ok(())
    }
}
