//! A damaged library: the window shows the recovery screen instead of failing, names the
//! newest good backup, and restoring it brings the workspaces back.

use std::path::Path;

use throughline_store::{Source, Store};

use crate::driver::Driver;
use crate::scenario;
use crate::stack::tid;

/// A library holding a workspace worth keeping, with a backup of it taken; closed.
fn library_with_backup(path: &Path) -> String {
    let mut store = Store::open(path).unwrap();
    let actor = store.actor(Source::Cli).unwrap();
    let mut doc = throughline_format::sample();
    // First by name, so that the restored library opens on it.
    doc.workspace.name = "Annual review workshop".into();
    store.import_workspace(&doc, &actor).unwrap();
    // More workspaces, so that the file has pages in the middle to damage.
    for n in 0..6 {
        let mut other = throughline_format::sample();
        other.workspace.name = format!("Filler {n}");
        other.workspace.vision = "V".repeat(6_000);
        store.import_workspace(&other, &actor).unwrap();
    }
    let backup = store.backup_now().unwrap();
    // Closing the last connection moves the WAL into the main file.
    drop(store);
    backup.taken_at
}

/// Overwrites a run of pages in the middle of the file, as a disk fault would.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let pages = bytes.len() / 4096;
    assert!(pages > 8, "the library has pages to damage ({pages})");
    for b in &mut bytes[4096 * (pages / 2)..4096 * (pages / 2 + 3)] {
        *b = 0xA5;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_library_opens_the_recovery_screen_and_restoring_the_backup_brings_the_workspace_back()
{
    scenario(async {
        let driver = Driver::start();
        let library = driver.home.path().join("library.sqlite3");
        let taken_at = library_with_backup(&library);
        damage(&library);
        let damaged = std::fs::read(&library).unwrap();
        assert!(
            Store::open(&library).is_err(),
            "the damage is one the check at open finds"
        );

        let app = driver.launch().await;
        app.find(&tid("recovery-screen")).await;
        app.screenshot("recovery-screen").await;
        let day = &taken_at[..10];
        app.wait_texts(&tid("newest-backup"), "the newest backup is named", |t| {
            t.iter().any(|s| s.contains(day))
        })
        .await;

        app.click(&tid("restore-newest")).await;
        app.wait_texts(
            &tid("workspace-switcher"),
            "the restored workspace opens",
            |t| t.iter().any(|s| s.contains("Annual review workshop")),
        )
        .await;
        assert!(
            app.all(&tid("recovery-screen")).await.is_empty(),
            "the recovery screen is gone"
        );
        let kept: Vec<String> = std::fs::read_dir(driver.home.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("library.sqlite3.replaced-"))
            .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"))
            .collect();
        assert_eq!(
            kept.len(),
            1,
            "the damaged file is kept aside under a dated name: {kept:?}"
        );
        assert!(
            std::fs::read(driver.home.path().join(&kept[0])).unwrap() == damaged,
            "the damaged file is kept as it was"
        );
        app.quit().await;
    });
}
