//! Backups of the library with SQLite's online backup API: a consistent copy even while
//! another connection (the app, the CLI) writes, taken page by page under one read
//! transaction.
//!
//! Automatic backups live in a `backups/` folder beside the library, named after the
//! library and the moment they were taken: `library-2026-11-30T094012Z-daily.sqlite3`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{Store, StoreError};

/// The folder beside the library that holds its automatic backups.
pub const BACKUP_DIR: &str = "backups";

/// How long a backup waits before trying again when the library is busy.
const BUSY_PAUSE: Duration = Duration::from_millis(20);

/// The file name extension of a backup.
const EXT: &str = ".sqlite3";

/// Why a backup was taken; the last part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The first open of a day of use; rotated by the [`BackupPolicy`].
    Daily,
    /// Asked for by the user; never deleted by Throughline.
    Manual,
    /// Taken just before a schema migration; never deleted by Throughline.
    BeforeMigration,
    /// Taken just before a restore replaced the library; never deleted by Throughline.
    BeforeRestore,
}

impl BackupKind {
    const ALL: [BackupKind; 4] = [
        BackupKind::Daily,
        BackupKind::Manual,
        BackupKind::BeforeMigration,
        BackupKind::BeforeRestore,
    ];

    /// The kind as written in a backup's file name.
    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Manual => "manual",
            BackupKind::BeforeMigration => "before-migration",
            BackupKind::BeforeRestore => "before-restore",
        }
    }
}

/// One backup file as listed: where it is, when it was taken, and whether it can be restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupInfo {
    pub path: PathBuf,
    pub kind: BackupKind,
    /// RFC 3339, UTC: when the backup was taken (from its file name).
    pub taken_at: String,
    /// `YYYY-MM-DD`, UTC.
    pub date: String,
    /// The file's size in bytes.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size: u64,
    /// The library schema the backup holds, if it could be read.
    pub schema_version: Option<u32>,
    /// Whether the file passes SQLite's `quick_check` and is a Throughline library this
    /// version can open.
    pub ok: bool,
    /// Why the backup cannot be restored, when `ok` is false.
    pub problem: Option<String>,
}

/// How many automatic daily backups are kept. Settings `backup.keep_daily` and
/// `backup.keep_weekly` override the defaults of a library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupPolicy {
    /// The newest backup of each of the last `keep_daily` days of use.
    pub keep_daily: u32,
    /// The newest backup of each of the last `keep_weekly` weeks of use (ISO weeks).
    pub keep_weekly: u32,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        Self {
            keep_daily: 7,
            keep_weekly: 4,
        }
    }
}

/// The setting that overrides [`BackupPolicy::keep_daily`].
pub const KEEP_DAILY_SETTING: &str = "backup.keep_daily";
/// The setting that overrides [`BackupPolicy::keep_weekly`].
pub const KEEP_WEEKLY_SETTING: &str = "backup.keep_weekly";

/// The folder of automatic backups of the library at `library`.
pub fn backup_dir(library: &Path) -> PathBuf {
    match library.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(BACKUP_DIR),
        _ => PathBuf::from(BACKUP_DIR),
    }
}

fn stem(library: &Path) -> String {
    library.file_stem().map_or_else(
        || "library".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// `2026-11-30T094012Z`, the moment as written in file names.
pub(crate) fn stamp(at: OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}{:02}{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The moment and kind of a backup named by [`backup_name`], if `name` is one.
fn parse_name(stem: &str, name: &str) -> Option<(String, BackupKind)> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(EXT)?;
    // The moment has a fixed width; an optional `-N` follows the kind when a name was taken.
    let at = rest.get(..18)?;
    let kind_part = rest.get(19..)?;
    let b = at.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shaped = digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..17)
        && b[17] == b'Z';
    if !shaped || rest.as_bytes().get(18) != Some(&b'-') {
        return None;
    }
    let kind_name = kind_part
        .rsplit_once('-')
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
        .map_or(kind_part, |(k, _)| k);
    let kind = BackupKind::ALL
        .into_iter()
        .find(|k| k.as_str() == kind_name)?;
    let taken_at = format!(
        "{}T{}:{}:{}Z",
        &at[..10],
        &at[11..13],
        &at[13..15],
        &at[15..17]
    );
    Some((taken_at, kind))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Copies the database behind `src` to `dest` with the online backup API. The copy goes
/// to a temporary file beside `dest` first and is renamed into place, never replacing an
/// existing file; `Ok(false)` when `dest` already exists.
pub(crate) fn copy_database(src: &Connection, dest: &Path) -> Result<bool, StoreError> {
    let dir = match dest.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let temp = tempfile::Builder::new()
        .prefix(".throughline-backup-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| StoreError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::new(e.kind(), "cannot create a file in this folder"),
        })?;
    {
        let mut out = Connection::open(temp.path())?;
        {
            let backup = Backup::new(src, &mut out)?;
            // All pages in one step: one read transaction, so the copy is one consistent
            // moment even while another connection writes (WAL readers do not block writers).
            let mut waited = Duration::ZERO;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    _ if waited >= crate::schema::BUSY_TIMEOUT => {
                        return Err(StoreError::Database(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                            Some("the library stayed busy during the backup".into()),
                        )));
                    }
                    _ => {
                        std::thread::sleep(BUSY_PAUSE);
                        waited += BUSY_PAUSE;
                    }
                }
            }
        }
        // A backup is one self-contained file: no `-wal` beside it.
        let _mode: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        out.close().map_err(|(_, e)| e)?;
    }
    temp.as_file().sync_all().map_err(io(dest))?;
    match temp.persist_noclobber(dest) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(StoreError::Io {
            path: dest.to_path_buf(),
            source: e.error,
        }),
    }
}

/// Takes a backup of kind `kind` of the database behind `conn` into the backup folder of
/// `library`, under a fresh name.
pub(crate) fn backup_into_folder(
    conn: &Connection,
    library: &Path,
    kind: BackupKind,
) -> Result<BackupInfo, StoreError> {
    let dir = backup_dir(library);
    let base = format!(
        "{}-{}-{}",
        stem(library),
        stamp(OffsetDateTime::now_utc()),
        kind.as_str()
    );
    for n in 1..100 {
        let name = if n == 1 {
            format!("{base}{EXT}")
        } else {
            format!("{base}-{n}{EXT}")
        };
        let dest = dir.join(name);
        if !dest.exists() && copy_database(conn, &dest)? {
            return Ok(inspect(&dest, kind, None));
        }
    }
    Err(StoreError::Io {
        path: dir,
        source: std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "too many backups taken in the same second",
        ),
    })
}

/// Reads what a backup file holds: its schema, and whether `quick_check` passes.
fn inspect(path: &Path, kind: BackupKind, taken_at: Option<String>) -> BackupInfo {
    let taken_at = taken_at.unwrap_or_else(|| {
        let at = OffsetDateTime::now_utc();
        let s = stamp(at);
        format!("{}T{}:{}:{}Z", &s[..10], &s[11..13], &s[13..15], &s[15..17])
    });
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    let (schema_version, problem) = match check_file(path) {
        Ok(version) => (Some(version), None),
        Err((version, problem)) => (version, Some(problem)),
    };
    BackupInfo {
        path: path.to_path_buf(),
        kind,
        date: taken_at.get(..10).unwrap_or_default().to_string(),
        taken_at,
        size,
        schema_version,
        ok: problem.is_none(),
        problem,
    }
}

/// Checks that `path` is a healthy Throughline library this version can open; its schema
/// version, or what is wrong (with the schema version when it could be read).
pub(crate) fn check_file(path: &Path) -> Result<u32, (Option<u32>, String)> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| (None, e.to_string()))?;
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
        .map_err(|e| (None, e.to_string()))?;
    if let Some(detail) = crate::recovery::quick_check(&conn).map_err(|e| (None, e.to_string()))? {
        return Err((Some(version), format!("damaged: {detail}")));
    }
    if version == 0 {
        return Err((Some(0), "not a Throughline library".into()));
    }
    if version > crate::SCHEMA_VERSION {
        return Err((
            Some(version),
            format!(
                "written by a newer Throughline (schema {version}; this version reads up to {})",
                crate::SCHEMA_VERSION
            ),
        ));
    }
    Ok(version)
}

/// Every backup in the backup folder of `library`, newest first. Each is opened read-only
/// and checked, so the list says which can be restored.
pub fn list_backups(library: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let mut found = Vec::new();
    for (path, taken_at, kind) in backup_files(library)? {
        found.push(inspect(&path, kind, Some(taken_at)));
    }
    Ok(found)
}

/// The newest backup of `library` that passes its check, if any.
pub fn newest_good_backup(library: &Path) -> Option<BackupInfo> {
    let files = backup_files(library).ok()?;
    files
        .into_iter()
        .map(|(path, taken_at, kind)| inspect(&path, kind, Some(taken_at)))
        .find(|b| b.ok)
}

/// The backup files of `library` with their moment and kind, newest first, unchecked.
fn backup_files(library: &Path) -> Result<Vec<(PathBuf, String, BackupKind)>, StoreError> {
    let dir = backup_dir(library);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(&dir)(e)),
    };
    let stem = stem(library);
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(&dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((taken_at, kind)) = parse_name(&stem, &name) {
            found.push((entry.path(), taken_at, kind));
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    Ok(found)
}

/// The daily backups to delete under `policy`: all but the newest of each of the last
/// `keep_daily` days and the newest of each of the last `keep_weekly` ISO weeks.
fn to_prune(daily_newest_first: &[(PathBuf, String)], policy: BackupPolicy) -> Vec<PathBuf> {
    let mut days: Vec<&str> = Vec::new();
    let mut weeks: Vec<(i32, u8)> = Vec::new();
    let mut doomed = Vec::new();
    for (path, taken_at) in daily_newest_first {
        let day = taken_at.get(..10).unwrap_or_default();
        let week = iso_week(day);
        let mut keep = false;
        if !days.contains(&day) {
            days.push(day);
            keep |= days.len() <= policy.keep_daily as usize;
        }
        if let Some(week) = week.filter(|w| !weeks.contains(w)) {
            weeks.push(week);
            keep |= weeks.len() <= policy.keep_weekly as usize;
        }
        if !keep {
            doomed.push(path.clone());
        }
    }
    doomed
}

fn iso_week(day: &str) -> Option<(i32, u8)> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(day, format).ok()?;
    let (year, week, _) = date.to_iso_week_date();
    Some((year, week))
}

impl Store {
    /// Backs the library up to `dest` (a new file; an existing one is never replaced).
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo, StoreError> {
        if dest.exists() || !copy_database(&self.conn, dest)? {
            return Err(StoreError::Io {
                path: dest.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a file is already there; choose a new name",
                ),
            });
        }
        Ok(inspect(dest, BackupKind::Manual, None))
    }

    /// Backs the library up into its `backups/` folder, as a manual backup.
    pub fn backup_now(&self) -> Result<BackupInfo, StoreError> {
        let path = self.file_path()?;
        backup_into_folder(&self.conn, &path, BackupKind::Manual)
    }

    /// The backups in the library's `backups/` folder, newest first, each checked.
    pub fn backups(&self) -> Result<Vec<BackupInfo>, StoreError> {
        list_backups(&self.file_path()?)
    }

    /// How many automatic backups this library keeps (its settings, else the defaults).
    pub fn backup_policy(&self) -> Result<BackupPolicy, StoreError> {
        let default = BackupPolicy::default();
        let read = |key: &str, fallback: u32| -> Result<u32, StoreError> {
            Ok(self
                .setting(key)?
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(fallback))
        };
        Ok(BackupPolicy {
            keep_daily: read(KEEP_DAILY_SETTING, default.keep_daily)?,
            keep_weekly: read(KEEP_WEEKLY_SETTING, default.keep_weekly)?,
        })
    }

    /// Sets how many automatic backups this library keeps.
    pub fn set_backup_policy(&mut self, policy: BackupPolicy) -> Result<(), StoreError> {
        self.set_setting(KEEP_DAILY_SETTING, Some(&policy.keep_daily.to_string()))?;
        self.set_setting(KEEP_WEEKLY_SETTING, Some(&policy.keep_weekly.to_string()))
    }

    /// Takes today's automatic backup unless one exists, then deletes the automatic
    /// backups the policy no longer keeps. Returns the new backup, if one was taken.
    /// Only `daily` backups are ever deleted.
    pub fn daily_backup(&self) -> Result<Option<BackupInfo>, StoreError> {
        let Some(library) = self.path.clone() else {
            return Ok(None);
        };
        let today = stamp(OffsetDateTime::now_utc());
        let today = today.get(..10).unwrap_or_default();
        let daily = |files: Vec<(PathBuf, String, BackupKind)>| -> Vec<(PathBuf, String)> {
            files
                .into_iter()
                .filter(|(_, _, k)| *k == BackupKind::Daily)
                .map(|(p, at, _)| (p, at))
                .collect()
        };
        let existing = daily(backup_files(&library)?);
        let taken = if existing.iter().any(|(_, at)| at.starts_with(today)) {
            None
        } else {
            Some(backup_into_folder(&self.conn, &library, BackupKind::Daily)?)
        };
        let policy = self.backup_policy()?;
        for path in to_prune(&daily(backup_files(&library)?), policy) {
            // Another process may have pruned it already; that is fine.
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(io(&path)(e));
                }
                _ => {}
            }
        }
        Ok(taken)
    }

    fn file_path(&self) -> Result<PathBuf, StoreError> {
        self.path.clone().ok_or_else(|| StoreError::Io {
            path: PathBuf::from(":memory:"),
            source: std::io::Error::new(
                std::io::ErrorKind::Unsupported,
                "an in-memory library has no backup folder",
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_carry_the_moment_and_the_kind() {
        let parsed = parse_name(
            "library",
            "library-2026-11-30T094012Z-before-migration.sqlite3",
        );
        assert_eq!(
            parsed,
            Some((
                "2026-11-30T09:40:12Z".to_string(),
                BackupKind::BeforeMigration
            ))
        );
        let again = parse_name("library", "library-2026-11-30T094012Z-manual-2.sqlite3");
        assert_eq!(again.map(|p| p.1), Some(BackupKind::Manual));
        assert_eq!(parse_name("library", "notes.sqlite3"), None);
        assert_eq!(
            parse_name("library", "library-2026-11-30-daily.sqlite3"),
            None
        );
        assert_eq!(
            parse_name("library", "library-2026-11-30T094012Z-odd.sqlite3"),
            None
        );
    }

    #[test]
    fn rotation_keeps_seven_days_and_four_weeks() {
        // Forty consecutive days of use, newest first, 2026-11-30 back to 2026-10-22.
        let start = time::macros::date!(2026 - 11 - 30);
        let files: Vec<(PathBuf, String)> = (0..40)
            .map(|i| {
                let d = start - time::Duration::days(i);
                (PathBuf::from(format!("{d}")), format!("{d}T080000Z"))
            })
            .collect();
        let doomed = to_prune(&files, BackupPolicy::default());
        let kept: Vec<&str> = files
            .iter()
            .filter(|(p, _)| !doomed.contains(p))
            .map(|(_, at)| &at[..10])
            .collect();
        // 30 Nov (Mon) .. 24 Nov: seven days, covering ISO weeks 49 and 48; then the newest
        // day of weeks 47 (22 Nov) and 46 (15 Nov).
        assert_eq!(
            kept,
            [
                "2026-11-30",
                "2026-11-29",
                "2026-11-28",
                "2026-11-27",
                "2026-11-26",
                "2026-11-25",
                "2026-11-24",
                "2026-11-22",
                "2026-11-15"
            ]
        );
    }
}
