//! The library file itself: where it lives, its backups, restoring one, and salvaging a
//! damaged library. A restore and a salvage close the library, let the store replace the
//! file (the old one is kept aside under a dated name) and open it again.

use serde::Serialize;
use tauri::{State, Window};
use tauri_specta::Event;
use throughline_store::{
    BackupInfo, ChangeKind, RestoreOutcome, SalvageInPlace, Source, Store, StoreError, backup_dir,
};

use crate::error::{ApiError, ErrorCode};
use crate::events::LibraryChanged;
use crate::state::{AppState, Library};

/// What is wrong with a damaged library, for the recovery screen.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Damage {
    /// What SQLite's check found.
    pub detail: String,
    /// The newest backup that passes its check, if there is one.
    pub newest_good_backup: Option<BackupInfo>,
    /// The CLI command that restores that backup.
    pub restore_command: Option<String>,
}

/// Where the library lives and whether it is open.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct LibraryStatus {
    /// The library file; `None` when no folder for it could be found.
    pub path: Option<String>,
    /// The folder of its automatic and manual backups.
    pub backups_folder: Option<String>,
    /// Why the library is not open, if it is not.
    pub problem: Option<ApiError>,
    /// What is wrong with the file, when it is damaged.
    pub damage: Option<Damage>,
}

/// The library as the outcome of opening it: a damaged file is described for the
/// recovery screen.
pub(crate) fn opened(result: Result<Store, StoreError>) -> Library {
    match result {
        Ok(store) => Library::Open(store),
        Err(e) => {
            let damage = match &e {
                StoreError::Damaged {
                    detail,
                    newest_good_backup,
                    restore_command,
                    ..
                } => Some(Damage {
                    detail: detail.clone(),
                    newest_good_backup: newest_good_backup.as_deref().cloned(),
                    restore_command: restore_command.clone(),
                }),
                _ => None,
            };
            Library::Closed {
                error: ApiError::from(e),
                damage,
            }
        }
    }
}

fn no_folder() -> ApiError {
    ApiError::new(
        ErrorCode::Io,
        "Throughline found no folder for its library, so it has no backups; set THROUGHLINE_DB to a file path and start it again",
    )
}

/// Where the library lives, and why it is not open if it is not.
#[tauri::command]
#[specta::specta]
pub async fn library_status(state: State<'_, AppState>) -> Result<LibraryStatus, ApiError> {
    let library = state.library();
    let (problem, damage) = match &*library {
        Library::Open(_) => (None, None),
        Library::Closed { error, damage } => (Some(error.clone()), damage.clone()),
    };
    Ok(LibraryStatus {
        path: state.path().map(|p| p.display().to_string()),
        backups_folder: state.path().map(|p| backup_dir(p).display().to_string()),
        problem,
        damage,
    })
}

/// The backups of the library, newest first, each checked. Works while the library is
/// damaged, so that the recovery screen can offer them.
#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, ApiError> {
    let path = state.path().ok_or_else(no_folder)?;
    Ok(throughline_store::list_backups(path)?)
}

/// Backs the library up into its backups folder now.
#[tauri::command]
#[specta::specta]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo, ApiError> {
    Ok(state.store()?.backup_now()?)
}

/// Replaces the library by one of its listed backups. The current library is backed up
/// first when it can be read, and kept aside under a dated name either way.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    window: Window,
    state: State<'_, AppState>,
    path: String,
) -> Result<RestoreOutcome, ApiError> {
    let library = state.path().ok_or_else(no_folder)?.to_path_buf();
    let listed = throughline_store::list_backups(&library)?;
    let Some(backup) = listed
        .into_iter()
        .find(|b| b.path.to_string_lossy() == path)
    else {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            format!(
                "{path} is not one of this library's backups; Throughline restores only the backups listed in {}",
                backup_dir(&library).display()
            ),
        ));
    };
    replace(&window, &state, |lib| {
        throughline_store::restore(lib, &backup.path)
    })
}

/// Copies every workspace that can still be read from the damaged library into a new
/// library that takes its place; the damaged file is kept aside under a dated name.
#[tauri::command]
#[specta::specta]
pub async fn salvage_library(
    window: Window,
    state: State<'_, AppState>,
) -> Result<SalvageInPlace, ApiError> {
    replace(&window, &state, throughline_store::salvage_in_place)
}

/// Closes the library, runs `change` on its file, opens it again and tells every window.
fn replace<T>(
    window: &Window,
    state: &AppState,
    change: impl FnOnce(&std::path::Path) -> Result<T, StoreError>,
) -> Result<T, ApiError> {
    let path = state.path().ok_or_else(no_folder)?.to_path_buf();
    let mut library = state.library();
    // The store must be closed while its file is replaced.
    let previous = std::mem::replace(
        &mut *library,
        Library::Closed {
            error: ApiError::new(ErrorCode::Locked, "the library is being replaced"),
            damage: None,
        },
    );
    drop(previous);
    let outcome = change(&path);
    *library = opened(crate::open_library(&path));
    drop(library);
    // A lost event only delays a refresh in another window; this one reloads itself.
    let _ = LibraryChanged {
        slug: None,
        source: Some(Source::Restore),
        kind: ChangeKind::External,
        origin: Some(window.label().to_string()),
    }
    .emit(state.app());
    Ok(outcome?)
}
