//! The Throughline desktop shell: glue only. It opens the library database (the store
//! seeds the sample on first launch), exposes the libraries to the window as typed
//! commands, and sends every committed change to the windows as an event.

mod commands;
mod dialogs;
mod error;
mod events;
mod rendering;
mod state;

use std::path::{Path, PathBuf};

use tauri::Manager;
use throughline_store::{Actor, Source, Store, StoreError};

pub use error::{ApiError, ErrorCode};
use state::{AppState, Library};

/// Every command and event, for the invoke handler and for the TypeScript bindings.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            commands::workspace::list_workspaces,
            commands::workspace::create_workspace,
            commands::workspace::delete_workspace,
            commands::workspace::open_workspace,
            commands::workspace::apply_edit,
            commands::workspace::undo,
            commands::workspace::redo,
            commands::workspace::import_workspace,
            commands::workspace::export_workspace,
            commands::workspace::get_settings,
            commands::workspace::set_settings,
            commands::graph::audit_workspace,
            commands::graph::get_layout,
            commands::graph::save_layout,
            commands::readiness::readiness_report,
            commands::playbook::playbook_outline,
            commands::playbook::export_playbook,
            commands::playbook::playbook_pdf,
            commands::playbook::choose_pdf_path,
            commands::playbook::open_exported,
            commands::playbook::reveal_exported,
            commands::reality::choose_log_path,
            commands::reality::preview_log,
            commands::reality::import_log,
            commands::reality::list_logs,
            commands::reality::delete_log,
            commands::reality::replay_log,
            commands::reality::alias_edit,
            commands::monitor::monitor_report,
            commands::monitor::preview_readings_import,
            commands::monitor::import_readings,
            commands::monitor::export_readings,
            commands::monitor::choose_readings_file,
            commands::monitor::choose_readings_export_path,
            commands::versions::list_snapshots,
            commands::versions::create_snapshot,
            commands::versions::open_snapshot,
            commands::versions::restore_snapshot,
            commands::versions::delete_snapshot,
            commands::versions::export_snapshot,
            commands::versions::compare_versions,
            commands::versions::workspace_timeline,
            commands::versions::item_history,
            commands::merge::preview_merge,
            commands::merge::apply_merge,
            commands::library::library_status,
            commands::library::list_backups,
            commands::library::back_up_now,
            commands::library::restore_backup,
            commands::library::salvage_library,
            commands::import::preview_import,
            commands::room::list_templates,
            commands::room::create_from_template,
            commands::room::duplicate_workspace,
        ])
        .events(tauri_specta::collect_events![events::LibraryChanged])
}

/// Where the library database lives: `THROUGHLINE_DB`, else the OS app-data directory.
fn library_path(app: &tauri::App) -> Result<PathBuf, ApiError> {
    if let Ok(path) = Store::default_path() {
        return Ok(path);
    }
    app.path()
        .app_data_dir()
        .map(|dir| dir.join("library.sqlite3"))
        .map_err(|e| error::io(format!("cannot find a folder for the library: {e}")))
}

/// Opens the library and, the first time, adds the sample workspace so there is
/// something to look at.
pub(crate) fn open_library(path: &Path) -> Result<Store, StoreError> {
    let mut store = Store::open(path)?;
    store.seed_first_run(
        throughline_format::sample,
        &Actor::new("Throughline", Source::Import),
    )?;
    // The seeding is not news to a window that has not opened yet.
    store.take_committed();
    Ok(store)
}

/// Starts the app.
pub fn run() {
    let builder = specta_builder();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            if let Some(window) = app.get_webview_window("main") {
                rendering::apply(&window);
            }
            let (path, library) = match library_path(app) {
                Ok(path) => {
                    let library = commands::library::opened(open_library(&path));
                    (Some(path), library)
                }
                Err(error) => (
                    None,
                    Library::Closed {
                        error,
                        damage: None,
                    },
                ),
            };
            if let Library::Closed { error, .. } = &library {
                eprintln!("Throughline could not open its library: {error}");
            }
            app.manage(AppState::new(app.handle().clone(), path, library));
            events::watch(app.handle().clone());
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Throughline could not start: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use specta_typescript::Typescript;

    /// Writes `ui/src/bindings.ts`. CI runs this and fails when the committed file differs.
    #[test]
    fn export_bindings() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");
        super::specta_builder()
            .export(
                Typescript::default()
                    .header("// Generated from the Rust types by `cargo test -p throughline-app export_bindings`. Do not edit.\n// @ts-nocheck"),
                path,
            )
            .expect("bindings export");
    }
}
