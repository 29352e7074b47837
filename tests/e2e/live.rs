//! Live updates: a write by another process (the CLI's code path, from this test process)
//! reaches the open window without a restart.

use std::time::{Duration, Instant};

use throughline_store::{Source, Store};

use crate::driver::Driver;
use crate::scenario;
use crate::stack::tid;

#[test]
fn a_workspace_imported_by_another_process_appears_in_the_open_switcher() {
    scenario(async {
        let driver = Driver::start();
        let app = driver.launch().await;
        app.wait_texts(&tid("workspace-switcher"), "the sample opens", |t| {
            t.iter().any(|s| s.contains("NexusFlow"))
        })
        .await;
        app.click(&tid("workspace-switcher")).await;
        app.find(&tid("workspace-item")).await;

        // Another process writes the library, exactly as `throughline import` does.
        let mut store = Store::open(&driver.home.path().join("library.sqlite3")).unwrap();
        let mut doc = throughline_format::sample();
        doc.workspace.name = "Imported from the command line".into();
        let actor = store.actor(Source::Cli).unwrap();
        store.import_workspace(&doc, &actor).unwrap();
        let written = Instant::now();

        // The app polls twice a second; a generous bound tells "live" from "after a restart".
        let deadline = written + Duration::from_secs(5);
        loop {
            let items = app.texts(&tid("workspace-item")).await;
            if items
                .iter()
                .any(|s| s.contains("Imported from the command line"))
            {
                break;
            }
            if Instant::now() >= deadline {
                app.screenshot("failed-live-import").await;
                panic!("the switcher still lists only {items:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        eprintln!(
            "live update: the imported workspace appeared after {} ms",
            written.elapsed().as_millis()
        );
        app.screenshot("live-import").await;
        app.quit().await;
    });
}
