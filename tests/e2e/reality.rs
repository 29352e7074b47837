//! The reality check in the real app: a log is imported, replayed, its shadow handoff is
//! drawn on the graph, adopted into the map, and the finding clears.

use std::fmt::Write as _;

use crate::driver::{Driver, E2E_LOG_FILE};
use crate::scenario;
use crate::stack::tid;

/// Six cases through the sample's website, sign-up and wizard, each then passing from the
/// wizard to the support desk, a step the sample map does not draw.
fn tickets() -> String {
    let mut csv = String::from("case_id,activity,timestamp,resource\n");
    for case in 1..=6 {
        for (step, activity) in ["website", "signup", "wizard", "support-desk"]
            .iter()
            .enumerate()
        {
            let _ = writeln!(
                csv,
                "c{case},{activity},2026-03-0{case}T{:02}:00:00Z,agent-{case}",
                9 + step
            );
        }
    }
    csv
}

#[test]
fn a_shadow_handoff_in_a_log_is_drawn_adopted_and_cleared() {
    scenario(async {
        let driver = Driver::start();
        // The native open dialog cannot be driven through WebDriver: a test build answers
        // it with this file (THROUGHLINE_E2E_LOG_FILE, set by the driver).
        std::fs::write(driver.home.path().join(E2E_LOG_FILE), tickets()).unwrap();
        let app = driver.launch().await;

        app.click(&tid("nav-reality")).await;
        app.click(&tid("log-import")).await;
        app.find(&tid("import-log-dialog")).await;
        assert_eq!(
            app.attr(&tid("import-log-name"), "value").await.as_deref(),
            Some("tickets"),
            "the name defaults to the file's"
        );
        app.click(&tid("import-log-confirm")).await;

        let shadow = r#"[data-testid="shadow-handoff"][data-key="wizard>support-desk"]"#;
        app.find(shadow).await;
        let fitness = app.texts(&tid("reality-fitness")).await.join("");
        assert_eq!(
            fitness, "66.7%",
            "2 of 3 steps of each case follow a drawn handoff"
        );
        app.screenshot("reality-replayed").await;

        // The lens draws the shadow handoff on the graph as a ghost edge.
        app.click(&tid("reality-show-graph")).await;
        app.find(r#"[data-testid="graph-edge"][data-edge-id="shadow:wizard>support-desk"]"#)
            .await;
        app.screenshot("reality-lens-graph").await;

        // Back in the panel (the replay is run again for the lens on), adopt it.
        app.click(&tid("nav-reality")).await;
        app.click(&format!("{shadow} {}", tid("shadow-adopt")))
            .await;
        app.find(&tid("no-shadows")).await;
        app.wait_texts(&tid("reality-fitness"), "fitness after adopting", |t| {
            t.first().is_some_and(|f| f == "100.0%")
        })
        .await;
        let codes = app
            .texts(r#"[data-testid="finding"][data-code="shadow-handoff"]"#)
            .await;
        assert!(
            codes.is_empty(),
            "the shadow-handoff finding cleared: {codes:?}"
        );

        // The adopted handoff is a real one now: drawn, not a ghost.
        app.click(&tid("reality-show-graph")).await;
        app.find(r#"[data-testid="graph-edge"][data-edge-id="wizard-support-desk"]"#)
            .await;
        let ghosts = app
            .all(r#"[data-testid="graph-edge"][data-edge-id="shadow:wizard>support-desk"]"#)
            .await;
        assert!(
            ghosts.is_empty(),
            "no ghost is left for the adopted handoff"
        );
        app.quit().await;
    });
}
