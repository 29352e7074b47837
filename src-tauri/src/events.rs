//! Live updates: every committed transaction reaches every window as one
//! [`LibraryChanged`] event, whether this app or another process (the CLI) wrote it.
//!
//! Writes by other processes are noticed by polling SQLite's `PRAGMA data_version` on the
//! app's own connection every half second ([`watch`]): the number changes exactly when
//! another connection commits, the query costs microseconds, and it works the same on
//! every platform and for every way of writing (WAL, journal, a restore). A file watch
//! would fire for the app's own writes too, and for WAL checkpoints, and needs a
//! platform notification service; polling the database itself has none of that.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tauri::Manager;
use tauri_specta::Event;
use throughline_store::{ChangeKind, Committed, Source};

use crate::state::AppState;

/// How often the app looks for writes by other processes.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// One committed transaction, sent to every window.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct LibraryChanged {
    /// The workspace written, by slug; `None` for the settings or a write the change log
    /// does not describe (then refresh everything).
    pub slug: Option<String>,
    /// Where the write came from, when known.
    pub source: Option<Source>,
    pub kind: ChangeKind,
    /// The label of the window whose command wrote it, which ignores its own echo;
    /// `None` when another process wrote it.
    pub origin: Option<String>,
}

/// Sends one event per committed transaction.
pub fn emit(app: &tauri::AppHandle, committed: Vec<Committed>, origin: Option<&str>) {
    for c in committed {
        // A lost event only delays a refresh: the next one, or the user, brings it.
        let _ = LibraryChanged {
            slug: c.slug,
            source: c.source,
            kind: c.kind,
            origin: origin.map(str::to_string),
        }
        .emit(app);
    }
}

/// Starts the background thread that notices other processes' writes.
pub fn watch(app: tauri::AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("library-watch".into())
        .spawn(move || {
            loop {
                std::thread::sleep(POLL_INTERVAL);
                let Some(state) = app.try_state::<AppState>() else {
                    continue;
                };
                let Ok(mut store) = state.store() else {
                    // No library open (damaged, or being restored): nothing to watch yet.
                    continue;
                };
                match store.external_changes() {
                    Ok(changes) => emit(&app, changes, None),
                    Err(e) => eprintln!("Throughline could not check the library for changes: {e}"),
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("Throughline will not notice changes made by other programs: {e}");
    }
}
