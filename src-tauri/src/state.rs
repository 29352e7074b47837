//! What the shell holds between commands: the open library database (or why it could not
//! be opened: every command then answers with that reason, which the window shows), and
//! the files the user exported in this session (the only ones the window may open).

use std::collections::HashSet;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use throughline_store::Store;

use crate::error::{ApiError, ErrorCode};
use crate::events;

/// The library database, behind a lock: commands take it, call the library, release it.
pub struct AppState {
    store: Result<Mutex<Store>, ApiError>,
    app: tauri::AppHandle,
    exported: Mutex<HashSet<PathBuf>>,
}

/// The store for the length of one command. When it is released, every transaction the
/// command committed is sent to the windows, marked with the window that asked for it.
pub struct StoreGuard<'a> {
    store: MutexGuard<'a, Store>,
    app: &'a tauri::AppHandle,
    origin: Option<String>,
}

impl AppState {
    /// Wraps the outcome of opening the library.
    pub fn new(app: tauri::AppHandle, store: Result<Store, ApiError>) -> Self {
        Self {
            store: store.map(Mutex::new),
            app,
            exported: Mutex::new(HashSet::new()),
        }
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
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A poisoned lock means an earlier command panicked mid-way; every write is one
        // transaction, so the database itself is consistent and carrying on is safe.
        let store = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Ok(StoreGuard {
            store,
            app: &self.app,
            origin,
        })
    }

    /// Remembers a file the user exported, so that the window may open or reveal it.
    pub fn exported(&self, path: &Path) {
        self.exported
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(path.to_path_buf());
    }

    /// The path, if the user exported it in this session; refused otherwise.
    pub fn check_exported(&self, path: &str) -> Result<PathBuf, ApiError> {
        let path = PathBuf::from(path);
        let known = self
            .exported
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .contains(&path);
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
