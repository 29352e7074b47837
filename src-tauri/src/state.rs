//! What the shell holds between commands: the open library database (or why it could not
//! be opened: every command then answers with that reason, which the window shows, and a
//! damaged library is described for the recovery screen), and the files the user exported
//! in this session (the only ones the window may open).

use std::collections::{HashMap, HashSet};
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use parking_lot::{MappedMutexGuard, Mutex, MutexGuard};

use serde::Serialize;
use throughline_audit::{Report, ReportPatch};
use throughline_store::Store;

use crate::commands::library::Damage;
use crate::error::{ApiError, ErrorCode};
use crate::events;

/// The library as the shell holds it: open, or closed with the reason.
pub enum Library {
    Open(Store),
    Closed {
        /// What every command answers while the library is closed.
        error: ApiError,
        /// What is wrong with the file, when it is damaged (for the recovery screen).
        damage: Option<Damage>,
    },
}

/// The library database, behind a lock: commands take it, call the library, release it.
pub struct AppState {
    library: Mutex<Library>,
    /// Where the library lives, when a folder for it could be found.
    path: Option<PathBuf>,
    app: tauri::AppHandle,
    exported: Mutex<HashSet<PathBuf>>,
    /// The last audit report each window was sent, by window label, with its number.
    audits: Mutex<HashMap<String, (u32, Report)>>,
    /// The number of the last audit answer given.
    audit_numbers: AtomicU32,
}

/// An audit report on its way to a window: whole, or as changes to one the window holds.
#[derive(Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditAnswer {
    /// The whole report; the window keeps it under `number`.
    Full { number: u32, report: Report },
    /// The report as changes to the one the window keeps under `base`.
    Patch {
        number: u32,
        base: u32,
        patch: ReportPatch,
    },
}

/// The store for the length of one command. When it is released, every transaction the
/// command committed is sent to the windows, marked with the window that asked for it.
pub struct StoreGuard<'a> {
    store: MappedMutexGuard<'a, Store>,
    app: &'a tauri::AppHandle,
    origin: Option<String>,
}

impl AppState {
    /// Wraps the outcome of opening the library at `path`.
    pub fn new(app: tauri::AppHandle, path: Option<PathBuf>, library: Library) -> Self {
        Self {
            library: Mutex::new(library),
            path,
            app,
            exported: Mutex::new(HashSet::new()),
            audits: Mutex::new(HashMap::new()),
            audit_numbers: AtomicU32::new(0),
        }
    }

    /// `report` for `window`: as changes to the report it was last sent, when the window
    /// says it holds that one (`known`), else whole. Remembered as the window's last.
    pub fn answer_audit(&self, window: &str, known: Option<u32>, report: Report) -> AuditAnswer {
        let number = self
            .audit_numbers
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_add(1);
        let mut sent = self.audits.lock();
        let answer = match (known, sent.get(window)) {
            (Some(base), Some((last, held))) if *last == base => AuditAnswer::Patch {
                number,
                base,
                patch: ReportPatch::between(held, &report),
            },
            _ => AuditAnswer::Full {
                number,
                report: report.clone(),
            },
        };
        sent.insert(window.to_string(), (number, report));
        answer
    }

    /// Where the library lives; `None` when no folder for it could be found.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The library slot itself, for the commands that close and reopen it (a restore).
    pub fn library(&self) -> MutexGuard<'_, Library> {
        // The lock does not poison: if an earlier command panicked mid-way, every write was
        // one transaction, so the database itself is consistent and carrying on is safe.
        self.library.lock()
    }

    /// The app handle, to send events from commands that replace the library.
    pub fn app(&self) -> &tauri::AppHandle {
        &self.app
    }

    /// The store, for a command that only reads (or whose writes no window caused).
    pub fn store(&self) -> Result<StoreGuard<'_>, ApiError> {
        self.guard(None)
    }

    /// The store, for a command of `window` that writes: its window ignores the echo.
    pub fn store_for(&self, window: &tauri::Window) -> Result<StoreGuard<'_>, ApiError> {
        self.guard(Some(window.label().to_string()))
    }

    fn guard(&self, origin: Option<String>) -> Result<StoreGuard<'_>, ApiError> {
        let store = MutexGuard::try_map(self.library(), |library| match library {
            Library::Open(store) => Some(store),
            Library::Closed { .. } => None,
        })
        .map_err(|closed| match &*closed {
            Library::Closed { error, .. } => error.clone(),
            // `try_map` gives the guard back only when the library is closed.
            Library::Open(_) => ApiError::new(
                ErrorCode::Internal,
                "the library is open but its store could not be taken; try again",
            ),
        })?;
        Ok(StoreGuard {
            store,
            app: &self.app,
            origin,
        })
    }

    /// Remembers a file the user exported, so that the window may open or reveal it.
    pub fn exported(&self, path: &Path) {
        self.exported.lock().insert(path.to_path_buf());
    }

    /// The path, if the user exported it in this session; refused otherwise.
    pub fn check_exported(&self, path: &str) -> Result<PathBuf, ApiError> {
        let path = PathBuf::from(path);
        let known = self.exported.lock().contains(&path);
        if known {
            Ok(path)
        } else {
            Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "Throughline opens only files it exported in this session, and {} is not one; open it from your file manager",
                    path.display()
                ),
            ))
        }
    }
}

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}

impl Drop for StoreGuard<'_> {
    fn drop(&mut self) {
        let committed = self.store.take_committed();
        events::emit(self.app, committed, self.origin.as_deref());
    }
}
