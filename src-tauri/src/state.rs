//! What the shell holds between commands: the open library database, or why it could not
//! be opened (every command then answers with that reason, which the window shows).

use std::sync::{Mutex, MutexGuard};

use throughline_store::Store;

use crate::error::ApiError;

/// The library database, behind a lock: commands take it, call the library, release it.
pub struct AppState {
    store: Result<Mutex<Store>, ApiError>,
}

impl AppState {
    /// Wraps the outcome of opening the library.
    pub fn new(store: Result<Store, ApiError>) -> Self {
        Self {
            store: store.map(Mutex::new),
        }
    }

    /// The store, for the length of one command.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, ApiError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A poisoned lock means an earlier command panicked mid-way; every write is one
        // transaction, so the database itself is consistent and carrying on is safe.
        Ok(store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}
