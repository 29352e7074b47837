//! Finding damage, and the ways back: restoring a backup, salvaging what can be read.
//!
//! A damaged library is never written, moved or deleted by opening it: the user decides,
//! and a restore keeps the replaced file aside under a dated name.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Serialize;
use time::OffsetDateTime;

use crate::backup::{self, BackupInfo, BackupKind, newest_good_backup};
use crate::library::workspace_id;
use crate::logs::copy_logs;
use crate::{Actor, Source, Store, StoreError};

/// How many lines of `quick_check`'s answer a message quotes.
const QUOTED_LINES: usize = 3;

/// The files this process has already checked, with their size and modification time then;
/// `quick_check` reads every page, so a file is checked again only once it has changed.
static CHECKED: Mutex<Option<HashSet<CheckKey>>> = Mutex::new(None);

type CheckKey = (PathBuf, u64, Option<std::time::SystemTime>);

fn check_key(path: &Path) -> CheckKey {
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let meta = std::fs::metadata(path).ok();
    (
        canonical,
        meta.as_ref().map_or(0, |m| m.len()),
        meta.and_then(|m| m.modified().ok()),
    )
}

/// `None` when `PRAGMA quick_check` passes, else what it found (the first lines).
pub(crate) fn quick_check(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if lines.len() == 1 && lines[0] == "ok" {
        return Ok(None);
    }
    let mut detail = lines
        .iter()
        .take(QUOTED_LINES)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if lines.len() > QUOTED_LINES {
        detail.push_str(&format!(
            "; and {} more problems",
            lines.len() - QUOTED_LINES
        ));
    }
    Ok(Some(detail))
}

/// Whether `e` says the file is damaged (as opposed to busy, missing or foreign).
pub(crate) fn is_damage(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(ErrorCode::DatabaseCorrupt)
}

/// Checks the file behind `conn` unless this process checked it as it is now. A foreign
/// file is left for the schema check to name; damage becomes [`StoreError::Damaged`].
pub(crate) fn check_once(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let key = check_key(path);
    {
        let checked = CHECKED.lock().unwrap_or_else(|e| e.into_inner());
        if checked.as_ref().is_some_and(|set| set.contains(&key)) {
            return Ok(());
        }
    }
    match quick_check(conn) {
        Ok(None) => {}
        Ok(Some(detail)) => return Err(damaged(path, detail)),
        Err(e) if is_damage(&e) => return Err(damaged(path, e.to_string())),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => return Ok(()),
        Err(e) => return Err(e.into()),
    }
    let mut checked = CHECKED.lock().unwrap_or_else(|e| e.into_inner());
    checked.get_or_insert_with(HashSet::new).insert(key);
    Ok(())
}

/// The error for a damaged library at `path`, with its newest good backup and the
/// command that restores it.
pub(crate) fn damaged(path: &Path, detail: String) -> StoreError {
    let newest = newest_good_backup(path);
    let restore_command = newest.as_ref().map(|b| restore_command(path, &b.path));
    StoreError::Damaged {
        path: path.to_path_buf(),
        detail,
        newest_good_backup: newest.map(Box::new),
        restore_command,
    }
}

/// `throughline restore BACKUP`, with `--db LIBRARY` unless it is the default library.
pub fn restore_command(library: &Path, backup: &Path) -> String {
    let is_default = Store::default_path().is_ok_and(|d| d == library);
    if is_default {
        format!("throughline restore {}", shell_quote(backup))
    } else {
        format!(
            "throughline --db {} restore {}",
            shell_quote(library),
            shell_quote(backup)
        )
    }
}

fn shell_quote(path: &Path) -> String {
    let s = path.to_string_lossy();
    let plain = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:=@,".contains(c));
    if plain && !s.is_empty() {
        s.into_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RestoreOutcome {
    /// The library, now holding the backup's contents.
    pub library: PathBuf,
    /// The backup that was restored.
    pub restored: PathBuf,
    /// The backup of the replaced library taken first, when it could still be read.
    pub backup_of_replaced: Option<BackupInfo>,
    /// Where the replaced library was moved (`library.sqlite3.replaced-<moment>`).
    pub replaced_kept_at: Option<PathBuf>,
}

/// Replaces the library at `library` by the backup at `backup_file`. The backup is checked
/// first; a readable current library is backed up into the backup folder, and the current
/// file (with its `-wal`) is renamed aside with the date, never deleted. Close every
/// [`Store`] of this library in this process before calling.
pub fn restore(library: &Path, backup_file: &Path) -> Result<RestoreOutcome, StoreError> {
    if let Err((_, problem)) = backup::check_file(backup_file) {
        return Err(StoreError::BadBackup {
            path: backup_file.to_path_buf(),
            problem,
        });
    }
    let mut outcome = RestoreOutcome {
        library: library.to_path_buf(),
        restored: backup_file.to_path_buf(),
        backup_of_replaced: None,
        replaced_kept_at: None,
    };
    if library.exists() {
        if backup::check_file(library).is_ok() {
            let conn = Connection::open_with_flags(library, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            outcome.backup_of_replaced = Some(backup::backup_into_folder(
                &conn,
                library,
                BackupKind::BeforeRestore,
            )?);
        }
        outcome.replaced_kept_at = Some(move_aside(library)?);
    }
    // Copy through the backup API: the result is a consistent, fresh file, and the backup
    // itself is left untouched for another restore.
    let src = Connection::open_with_flags(backup_file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    backup::copy_database(&src, library)?;
    Ok(outcome)
}

/// Renames `library` (and its `-wal` and `-shm`) to `<name>.replaced-<moment>`.
fn move_aside(library: &Path) -> Result<PathBuf, StoreError> {
    let stamp = backup::stamp(OffsetDateTime::now_utc());
    let name = library
        .file_name()
        .map_or_else(|| "library".into(), |n| n.to_string_lossy().into_owned());
    let mut aside = library.with_file_name(format!("{name}.replaced-{stamp}"));
    let mut n = 2;
    while aside.exists() {
        aside = library.with_file_name(format!("{name}.replaced-{stamp}-{n}"));
        n += 1;
    }
    let rename = |from: &Path, to: &Path| {
        std::fs::rename(from, to).map_err(|source| StoreError::Io {
            path: from.to_path_buf(),
            source,
        })
    };
    rename(library, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", library.display()));
        if side.exists() {
            rename(
                &side,
                &PathBuf::from(format!("{}{suffix}", aside.display())),
            )?;
        }
    }
    Ok(aside)
}

/// A workspace copied out of a damaged library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalvagedWorkspace {
    pub name: String,
    /// Its slug in the damaged library.
    pub old_slug: String,
    /// Its slug in the new library.
    pub new_slug: String,
}

/// A workspace that could not be read from a damaged library, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LostWorkspace {
    pub name: String,
    pub slug: String,
    pub reason: String,
}

/// A stored event log copied out of a damaged library, or one that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalvagedLog {
    /// The workspace's slug in the new library.
    pub workspace: String,
    pub name: String,
    /// Why it was left behind; `null` when it was copied.
    pub lost: Option<String>,
}

/// What a salvage copied and what it could not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalvageReport {
    /// The new library.
    pub library: PathBuf,
    pub saved: Vec<SalvagedWorkspace>,
    pub lost: Vec<LostWorkspace>,
    /// The stored event logs of the saved workspaces: copied, or left behind and why.
    pub logs: Vec<SalvagedLog>,
}

/// Copies every workspace that can still be read from the (damaged) library at `damaged`
/// into a new library at `new_library`, which must not exist yet. Each workspace is read
/// whole and validated as an import is, and its stored event logs whose events still
/// decode come with it; the damaged file is only read.
pub fn salvage(damaged: &Path, new_library: &Path) -> Result<SalvageReport, StoreError> {
    if new_library.exists() {
        return Err(StoreError::Io {
            path: new_library.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "a file is already there; salvage into a new file",
            ),
        });
    }
    let conn = Connection::open_with_flags(damaged, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let listed: Vec<(i64, String, String)> = (|| {
        let mut stmt = conn.prepare("SELECT id, slug, name FROM workspaces ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
    })()
    .map_err(|e| StoreError::Unsalvageable {
        path: damaged.to_path_buf(),
        detail: e.to_string(),
    })?;
    let old = Store {
        conn,
        path: Some(damaged.to_path_buf()),
        backup_warning: None,
        committed: Vec::new(),
        seen: crate::events::Seen::default(),
        clock: None,
        held: Default::default(),
    };
    let mut new = Store::open(new_library)?;
    let actor = Actor::new("salvage", Source::Import);
    let mut report = SalvageReport {
        library: new_library.to_path_buf(),
        saved: Vec::new(),
        lost: Vec::new(),
        logs: Vec::new(),
    };
    for (old_id, slug, name) in listed {
        match old
            .load(&slug)
            .and_then(|doc| new.import_workspace(&doc, &actor))
        {
            Ok(summary) => {
                let new_id = workspace_id(&new.conn, &summary.slug)?;
                let copied = copy_logs(&old.conn, old_id, &new.conn, new_id)?;
                let log = |name: String, lost: Option<String>| SalvagedLog {
                    workspace: summary.slug.clone(),
                    name,
                    lost,
                };
                report
                    .logs
                    .extend(copied.saved.into_iter().map(|n| log(n, None)));
                report
                    .logs
                    .extend(copied.lost.into_iter().map(|(n, why)| log(n, Some(why))));
                report.saved.push(SalvagedWorkspace {
                    name,
                    old_slug: slug,
                    new_slug: summary.slug,
                });
            }
            Err(e) => report.lost.push(LostWorkspace {
                name,
                slug,
                reason: e.to_string(),
            }),
        }
    }
    Ok(report)
}

/// What salvaging a damaged library in place did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalvageInPlace {
    /// The workspaces copied into the new library, and those that could not be read.
    pub report: SalvageReport,
    /// Where the damaged library was moved (`library.sqlite3.replaced-<moment>`).
    pub damaged_kept_at: Option<PathBuf>,
}

/// Salvages the (damaged) library at `library` and puts the result in its place: every
/// readable workspace is copied into a new file beside it, which then replaces the
/// library as a restore does (the damaged file is renamed aside with the date, never
/// deleted). Close every [`Store`] of this library in this process before calling.
pub fn salvage_in_place(library: &Path) -> Result<SalvageInPlace, StoreError> {
    let stamp = backup::stamp(OffsetDateTime::now_utc());
    let name = library
        .file_name()
        .map_or_else(|| "library".into(), |n| n.to_string_lossy().into_owned());
    let mut fresh = library.with_file_name(format!("{name}.salvaged-{stamp}"));
    let mut n = 2;
    while fresh.exists() {
        fresh = library.with_file_name(format!("{name}.salvaged-{stamp}-{n}"));
        n += 1;
    }
    let mut report = salvage(library, &fresh)?;
    let restored = restore(library, &fresh);
    // The salvaged copy is now in the library's place (or the restore failed and said
    // why); the temporary file is no longer needed either way.
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", fresh.display()));
    }
    let restored = restored?;
    report.library = library.to_path_buf();
    Ok(SalvageInPlace {
        report,
        damaged_kept_at: restored.replaced_kept_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_in_commands_are_quoted_only_when_needed() {
        assert_eq!(shell_quote(Path::new("/a/b-1.sqlite3")), "/a/b-1.sqlite3");
        assert_eq!(shell_quote(Path::new("/my lib/x")), "'/my lib/x'");
        assert_eq!(shell_quote(Path::new("/it's")), r"'/it'\''s'");
    }
}
