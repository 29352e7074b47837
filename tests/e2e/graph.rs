//! The handoff graph and its live audit: a claim that diverges across an invariant handoff
//! flags the edge and lists the finding; fixing it clears both; a waiver survives a restart.

use crate::driver::{App, Driver, WAIT};
use crate::scenario;
use crate::stack::tid;

const HANDOFF: &str = "promise-to-setup";
const WEBSITE_SAYS: &str = "No technical setup: connect your tools in minutes";

fn finding(code: &str, key: &str) -> String {
    format!(r#"[data-testid="finding"][data-code="{code}"][data-key="{key}"]"#)
}

/// The edge itself (its label hides when the view is zoomed far out).
fn edge(id: &str) -> String {
    format!(r#"[data-testid="graph-edge"][data-edge-id="{id}"]"#)
}

/// Waits until `attr` of the element matching `css` satisfies `check`.
async fn wait_attr(
    app: &App,
    css: &str,
    attr: &str,
    what: &str,
    check: impl Fn(Option<&str>) -> bool,
) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let value = app.attr(css, attr).await;
        if check(value.as_deref()) {
            return;
        }
        if std::time::Instant::now() >= deadline {
            app.screenshot(&format!("failed-{}", what.replace(' ', "-")))
                .await;
            panic!("{what}: {css} has {attr}={value:?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn wait_absent(app: &App, css: &str, what: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    while !app.all(css).await.is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "{what}: {css} is still there"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Sets the wizard's `setup.effort` claim through the element inspector, finding the card the
/// way a facilitator does on a map larger than the window: by name in the graph's search.
async fn set_wizard_claim(app: &App, text: &str) {
    app.retype(&tid("graph-search"), "Onboarding wizard").await;
    app.retype(r#"[aria-label="Value for setup.effort"]"#, text)
        .await;
}

#[test]
fn a_diverging_claim_flags_its_handoff_until_fixed_and_a_waiver_survives_a_restart() {
    scenario(async {
        let driver = Driver::start();
        let app = driver.launch().await;
        app.click(&tid("nav-graph")).await;
        app.find(&tid("findings-panel")).await;

        // The sample's website and wizard disagree on the setup effort.
        app.click(&format!("{} button", finding("conflicting-claim", HANDOFF)))
            .await;
        wait_attr(
            &app,
            &edge(HANDOFF),
            "data-severity",
            "the edge is flagged",
            |v| v == Some("error"),
        )
        .await;
        app.screenshot("graph-sample").await;

        // Waive the channel-switch finding on the same handoff, with a reason.
        let channel = finding("channel-switch-drops-state", HANDOFF);
        app.click(&format!("{channel} [data-testid=\"finding-waive\"]"))
            .await;
        app.find(&tid("waive-reason-input"))
            .await
            .send_keys("The setup call re-states the plan by phone")
            .await
            .unwrap();
        app.click(&tid("waive-submit")).await;
        wait_attr(
            &app,
            &channel,
            "data-waived",
            "the finding shows as waived",
            |v| v == Some("true"),
        )
        .await;

        // Make the wizard say what the website says: the conflict and the flag go.
        set_wizard_claim(&app, WEBSITE_SAYS).await;
        wait_absent(
            &app,
            &finding("conflicting-claim", HANDOFF),
            "the fixed conflict is gone",
        )
        .await;
        wait_attr(
            &app,
            &edge(HANDOFF),
            "data-severity",
            "the flag goes",
            |v| v.is_some() && v != Some("error"),
        )
        .await;

        // Make them disagree again: the edge is flagged and the finding listed once more.
        set_wizard_claim(&app, "Requires API keys").await;
        app.find(&finding("conflicting-claim", HANDOFF)).await;
        wait_attr(
            &app,
            &edge(HANDOFF),
            "data-severity",
            "flagged again",
            |v| v == Some("error"),
        )
        .await;
        app.quit().await;

        // After a restart the waiver is still there, marked as such.
        let app = driver.launch().await;
        app.click(&tid("nav-graph")).await;
        wait_attr(
            &app,
            &channel,
            "data-waived",
            "the waiver survived a restart",
            |v| v == Some("true"),
        )
        .await;
        let note = format!("{channel} [data-testid=\"finding-waived-note\"]");
        app.find(&note).await;
        let text = app.texts(&note).await.join(" ");
        assert!(
            text.contains("re-states the plan"),
            "the reason is shown: {text}"
        );
        app.screenshot("graph-after-restart").await;
        app.quit().await;
    });
}
