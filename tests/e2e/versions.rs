//! Versions in the real app: a snapshot, an edit, the change marked by Compare on the stack,
//! a restore of the snapshot, and the restore undone.

use crate::driver::{App, Driver};
use crate::scenario;
use crate::stack::tid;

const WIZARD: &str = r#"[data-testid="card"][data-card-id="wizard"]"#;
const WELCOME: &str = r#"[data-testid="card"][data-card-id="welcome-email"]"#;

const CLOSE_INSPECTOR: &str = r#"[aria-label="Close the inspector"]"#;

/// Scrolls the stack so that the card `id` is in the middle of the window.
async fn scroll_to(app: &App, id: &str) {
    let script = format!(
        r#"document.querySelector('[data-card-id="{id}"]')?.scrollIntoView({{block: "center", inline: "center"}})"#
    );
    let _ = app.client.execute(&script, vec![]).await;
}

/// Copies a screenshot the driver saved to the folder named by `THROUGHLINE_E2E_SHOTS`, if set.
async fn shot(app: &App, name: &str) {
    app.screenshot(name).await;
    if let Some(dir) = std::env::var_os("THROUGHLINE_E2E_SHOTS") {
        let from = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("screenshots")
            .join(format!("{name}.png"));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::copy(from, std::path::Path::new(&dir).join(format!("{name}.png")));
    }
}

#[test]
fn a_snapshot_an_edit_compare_marks_the_change_then_restore_and_undo_the_restore() {
    scenario(async {
        let driver = Driver::start();
        let app = driver.launch().await;
        app.wait_texts(&tid("card"), "the sample opens", |t| {
            t.iter().any(|s| s.contains("Onboarding wizard"))
        })
        .await;

        // A snapshot from the top bar.
        app.click(&tid("take-snapshot")).await;
        app.type_into(&tid("snapshot-label"), "Baseline").await;
        app.click(&tid("snapshot-submit")).await;
        app.wait_texts(".dialog", "the snapshot dialog closes", |t| t.is_empty())
            .await;

        // An edit: the wizard renamed in the inspector.
        app.click(WIZARD).await;
        app.find(&tid("inspector")).await;
        app.retype(&tid("inspector-name"), "Setup wizard").await;
        app.wait_texts(WIZARD, "the card is renamed", |t| {
            t.iter().any(|s| s.contains("Setup wizard"))
        })
        .await;
        // And the welcome email deleted (with its handoffs).
        app.click(CLOSE_INSPECTOR).await;
        scroll_to(&app, "welcome-email").await;
        app.click(WELCOME).await;
        app.click(&tid("inspector-delete")).await;
        app.wait_texts(WELCOME, "the card is deleted", |t| t.is_empty())
            .await;

        // Compare the snapshot with now: the change is listed, field by field.
        app.click(&tid("nav-versions")).await;
        app.click(&tid("snapshot-compare")).await;
        let entry = r#"[data-testid="change-entry"][data-id="wizard"]"#;
        app.wait_texts(entry, "the rename is listed", |t| {
            t.len() == 1 && t[0].contains("Setup wizard") && t[0].contains("Onboarding wizard")
        })
        .await;
        app.wait_texts(
            r#"[data-testid="change-entry"][data-change="removed"]"#,
            "the deleted card is listed as removed",
            |t| t.iter().any(|s| s.contains("Welcome email series")),
        )
        .await;
        app.wait_texts(&tid("lens-bar"), "the Compare lens is on", |t| {
            t.iter()
                .any(|s| s.contains("Changes from “Baseline” to Now"))
        })
        .await;
        shot(&app, "compare-view").await;

        // The entry selects the card on the stack, where the lens marks it.
        app.click(&format!("{entry} button")).await;
        app.wait_texts(
            &format!("{WIZARD}.mark-changed {}", tid("marks")),
            "the card is marked on the stack",
            |t| t.iter().any(|s| s.contains("Changed")),
        )
        .await;
        app.find(&format!("{WELCOME}.is-ghost")).await;
        app.click(CLOSE_INSPECTOR).await;
        scroll_to(&app, "wizard").await;
        shot(&app, "compare-stack").await;
        app.click(&tid("nav-graph")).await;
        app.wait_texts(
            r#"[data-testid="graph-node"][data-node-id="wizard"] [data-testid="marks"]"#,
            "the card is marked on the graph",
            |t| t.iter().any(|s| s.contains("Changed")),
        )
        .await;
        shot(&app, "compare-graph").await;

        // Open the snapshot itself: every view shows it, read-only, under a banner.
        app.click(&tid("nav-versions")).await;
        app.click(&tid("snapshot-open")).await;
        app.wait_texts(
            &tid("snapshot-banner"),
            "the banner names the snapshot",
            |t| {
                t.iter()
                    .any(|s| s.contains("Snapshot “Baseline”") && s.contains("read only"))
            },
        )
        .await;
        app.click(r##"a.nav-item[href="#stack"]"##).await;
        app.wait_texts(WIZARD, "the stack shows the snapshot's name", |t| {
            t.iter().any(|s| s.contains("Onboarding wizard"))
        })
        .await;
        app.find(&format!("{WELCOME}:not(.is-ghost)")).await;
        app.click(WIZARD).await;
        app.find(&format!(
            r#"{}[aria-readonly="true"]:read-only"#,
            tid("inspector-name")
        ))
        .await;
        shot(&app, "snapshot-view").await;
        app.click(&tid("snapshot-back")).await;
        app.wait_texts(WIZARD, "back to now, the rename is there", |t| {
            t.iter().any(|s| s.contains("Setup wizard"))
        })
        .await;
        app.wait_texts(&tid("snapshot-banner"), "the banner is gone", |t| {
            t.is_empty()
        })
        .await;

        // Restore the snapshot: one undoable change.
        app.click(&tid("nav-versions")).await;
        app.click(&tid("snapshot-restore")).await;
        app.click(&tid("restore-confirm")).await;
        app.wait_texts(&tid("snapshot-message"), "the restore is reported", |t| {
            t.iter().any(|s| s.contains("Restored “Baseline”"))
        })
        .await;
        let undo = app.attr(&tid("undo"), "aria-label").await;
        assert_eq!(undo.as_deref(), Some("Undo: Restore snapshot “Baseline”"));
        app.click(r##"a.nav-item[href="#stack"]"##).await;
        app.wait_texts(WIZARD, "the restore brings the old name back", |t| {
            t.iter().any(|s| s.contains("Onboarding wizard"))
        })
        .await;
        app.find(&format!("{WELCOME}:not(.is-ghost)")).await;

        // Undo the restore: the rename is back.
        app.click(&tid("undo")).await;
        app.wait_texts(WIZARD, "undoing the restore brings the rename back", |t| {
            t.iter().any(|s| s.contains("Setup wizard"))
        })
        .await;
        app.wait_texts(
            &format!("{WELCOME}:not(.is-ghost)"),
            "and the deletion",
            |t| t.is_empty(),
        )
        .await;
        app.quit().await;
    });
}
