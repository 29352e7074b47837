//! Monitor in the real app: a metric added in the editor, readings imported from a CSV file
//! through the preview, the drift flagged, the measured arc drawn, and the lens on the stack.

use crate::driver::{App, Driver};
use crate::scenario;
use crate::stack::tid;

/// Chooses `value` in the `<select>` matching `css`. WebDriver's option click does not
/// always reach React's change handler in WebKit, so the value is set as a person's choice
/// would set it when the click did not take.
async fn choose(app: &App, css: &str, value: &str) {
    let select = app.find(css).await;
    let _ = select.select_by_value(value).await;
    let read = "return document.querySelector(arguments[0]).value;";
    let now = app
        .client
        .execute(read, vec![css.into()])
        .await
        .unwrap_or_default();
    if now.as_str() != Some(value) {
        let set = "const el = document.querySelector(arguments[0]);\
                   const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;\
                   setter.call(el, arguments[1]);\
                   el.dispatchEvent(new Event('change', { bubbles: true }));";
        app.client
            .execute(set, vec![css.into(), value.into()])
            .await
            .unwrap();
    }
}

#[test]
fn importing_readings_flags_the_drift_and_draws_the_measured_arc() {
    scenario(async {
        let driver = Driver::start();
        // The native open dialog cannot be driven through WebDriver: a test build answers it
        // with THROUGHLINE_E2E_OPEN_FILE, `import.csv` in the test's folder (see the driver).
        // The wizard's satisfaction met its target of 4 in February and misses it in March.
        std::fs::write(
            driver.home.path().join("import.csv"),
            "metric,date,value,n\n\
             setup-satisfaction,2026-01-31,4.3,120\n\
             setup-satisfaction,2026-02-28,4.1,130\n\
             setup-satisfaction,2026-03-31,3.2,140\n",
        )
        .unwrap();
        let app = driver.launch().await;
        app.click(&tid("nav-monitor")).await;
        app.find(&tid("monitor-empty")).await;

        // A sentiment metric (1 to 5 by default) on the onboarding wizard, target 4.
        app.click(&tid("monitor-empty-add")).await;
        app.type_into(&tid("metric-name"), "Setup satisfaction")
            .await;
        app.type_into(&tid("metric-target"), "4").await;
        app.type_into(&tid("metric-owner"), "CX team").await;
        choose(&app, &tid("metric-scope"), "element:wizard").await;
        app.click(&tid("metric-save")).await;
        app.find(r#"[data-testid="metric-cell"][data-metric-id="setup-satisfaction"]"#)
            .await;

        // The preview reads the file, finds every row good, and only then imports.
        app.click(&tid("readings-import")).await;
        app.find(&tid("import-readings")).await;
        app.wait_texts(&tid("import-summary"), "import preview", |t| {
            t.first()
                .is_some_and(|s| s.contains("3 rows: 3 new readings"))
        })
        .await;
        app.click(r#"[data-testid="import-readings-commit"]:not([disabled])"#)
            .await;
        app.wait_texts(&tid("monitor-message"), "import result", |t| {
            t.first()
                .is_some_and(|s| s.starts_with("Imported 3 readings"))
        })
        .await;

        // The drift is flagged by the monitor library, on the touchpoint layer.
        let drift = r#"[data-testid="monitor-finding"][data-code="metric-drift"][data-key="setup-satisfaction"]"#;
        app.find(drift).await;
        let text = app.texts(drift).await.join(" ");
        assert!(text.contains("Touchpoint layer"), "{text}");
        app.find(r#"[data-testid="metric-cell"][data-metric-id="setup-satisfaction"][data-verdict="missed"]"#)
            .await;

        // The measured arc is drawn: 3.2 on 1 to 5 is +0.2 against the planned -1 of Setup.
        app.find(&tid("measured-arc")).await;
        let measured =
            r#"[data-testid="arc-row"][data-stage-id="setup"] [data-testid="arc-measured"]"#;
        app.wait_texts(measured, "measured feeling of setup", |t| t == ["+0.2"])
            .await;
        let gap = r#"[data-testid="arc-row"][data-stage-id="setup"] [data-testid="arc-gap"]"#;
        app.wait_texts(gap, "gap of setup", |t| {
            t.first().is_some_and(|s| s.contains("+1.2"))
        })
        .await;
        app.screenshot("monitor-drift").await;

        // On the stack, the lens marks the stage and draws the measured arc over the plan.
        app.click(&tid("monitor-show-on-stack")).await;
        app.find(r#"[data-testid="lens-bar"][data-lens="monitor"]"#)
            .await;
        app.find(&tid("lens-arc")).await;
        app.wait_texts(
            r#"[data-testid="stage-column"][data-stage-id="setup"] [data-testid="marks"]"#,
            "setup's lens mark",
            |t| t.first().is_some_and(|s| s.contains("gap +1.2")),
        )
        .await;
        app.screenshot("monitor-lens").await;
        app.quit().await;
    });
}
