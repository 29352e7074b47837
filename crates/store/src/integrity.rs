//! Whether the library's tables are sound: SQLite's own checks, the foreign keys, and the
//! store's own invariant that each collection's positions run 0, 1, 2... without gaps.

use crate::{Store, StoreError};

/// The tables whose rows hold a position (`ord`).
const ORDERED: [&str; 10] = [
    "stages",
    "elements",
    "handoffs",
    "principles",
    "readiness_sessions",
    "layer_scores",
    "waivers",
    "metrics",
    "readings",
    "reviews",
];

impl Store {
    /// Everything wrong with the database, one line each; empty when it is sound. Runs
    /// `PRAGMA integrity_check` and `PRAGMA foreign_key_check`, checks that foreign keys
    /// are enforced on this connection, and that every collection's positions are dense.
    pub fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        let conn = &self.conn;
        let mut out = Vec::new();
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                out.push(format!("integrity: {line}"));
            }
        }
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok(format!(
                "foreign key: a row of {} (rowid {:?}) refers to a missing row of {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            out.push(row?);
        }
        let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
        if !enforced {
            out.push("foreign keys are not enforced on this connection".into());
        }
        for table in ORDERED {
            let sql = format!(
                "SELECT workspace_id, count(*), count(DISTINCT ord), max(ord) FROM {table}
                 GROUP BY workspace_id"
            );
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?;
            for row in rows {
                let (ws, n, distinct, max) = row?;
                if n != distinct || max + 1 != n {
                    out.push(format!(
                        "{table} of workspace {ws}: {n} rows hold positions up to {max}, \
                         {distinct} of them distinct"
                    ));
                }
            }
            let orphans: i64 = conn.query_row(
                &format!(
                    "SELECT count(*) FROM {table}
                     WHERE workspace_id NOT IN (SELECT id FROM workspaces)"
                ),
                [],
                |r| r.get(0),
            )?;
            if orphans > 0 {
                out.push(format!("{table}: {orphans} rows of no workspace"));
            }
        }
        Ok(out)
    }
}
