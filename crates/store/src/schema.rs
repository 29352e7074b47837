//! Opening a library: connection settings and the embedded, numbered migrations.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

use crate::StoreError;
use crate::backup::{self, BackupKind};

/// The migrations, in order: migration `i` (from 0) takes the schema from `i` to `i + 1`.
/// A released migration is never edited; a change of schema is a new file here.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_layout.sql"),
    include_str!("../migrations/0003_practice.sql"),
    include_str!("../migrations/0004_snapshots.sql"),
    include_str!("../migrations/0005_edit_indexes.sql"),
    include_str!("../migrations/0006_logs.sql"),
    include_str!("../migrations/0007_bulk_readings.sql"),
    include_str!("../migrations/0008_room.sql"),
];

/// The newest schema this version of Throughline understands.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// How long a connection waits for another writer before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Prepares a fresh connection: refuses a newer or foreign file before touching it, then
/// turns on WAL and foreign keys and brings the schema up to date in one transaction.
pub(crate) fn prepare(conn: &mut Connection, path: Option<&Path>) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Reading the header is the first access to the file: a foreign file fails here, and
    // a newer schema is refused before anything (even the journal mode) is written.
    let found = schema_version(conn).map_err(|e| not_a_database(e, path))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerDatabase {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    // `journal_mode` answers with a row; in memory it stays `memory`, which is fine.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    migrate(conn, path)
}

fn schema_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
}

fn not_a_database(e: rusqlite::Error, path: Option<&Path>) -> StoreError {
    match (e.sqlite_error_code(), path) {
        (Some(ErrorCode::NotADatabase), Some(path)) => StoreError::NotADatabase {
            path: path.to_path_buf(),
        },
        (Some(ErrorCode::DatabaseCorrupt), Some(path)) => {
            crate::recovery::damaged(path, e.to_string())
        }
        _ => StoreError::Database(e),
    }
}

fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<(), StoreError> {
    let before = schema_version(conn)?;
    if before == SCHEMA_VERSION {
        return Ok(());
    }
    // A library with data is backed up before its schema changes; a new one has nothing
    // to lose. Should two processes migrate at once, each leaves a backup: harmless.
    if let (Some(path), 1..) = (path, before) {
        backup::backup_into_folder(conn, path, BackupKind::BeforeMigration)?;
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again inside the transaction: another process may have migrated meanwhile.
    let found = schema_version(&tx)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerDatabase {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for sql in MIGRATIONS.iter().skip(found as usize) {
        tx.execute_batch(sql)?;
    }
    if found < SCHEMA_VERSION {
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    }
    tx.commit()?;
    Ok(())
}

/// The SQL of schema `n`'s migration, for tests that build a library as an older
/// version of Throughline left it.
pub fn migration_sql(n: u32) -> Option<&'static str> {
    MIGRATIONS.get((n as usize).checked_sub(1)?).copied()
}
