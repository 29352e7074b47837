//! The Coherence Stack editor: what a facilitator builds survives a restart, and so does
//! its undo history.

use fantoccini::key::Key;

use crate::driver::{App, Driver};
use crate::scenario;

pub fn tid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

async fn wait_saved(app: &App) {
    let deadline = std::time::Instant::now() + crate::driver::WAIT;
    loop {
        let state = app
            .find(&tid("save-state"))
            .await
            .attr("data-state")
            .await
            .unwrap();
        if state.as_deref() == Some("saved") {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the edit was never saved: {state:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[test]
fn a_new_workspace_with_a_stage_and_a_touchpoint_survives_a_restart_and_so_does_undo() {
    scenario(async {
        let driver = Driver::start();
        let app = driver.launch().await;

        // First launch opens the sample; make a workspace of our own.
        app.wait_texts(
            &tid("workspace-switcher"),
            "the sample opens on first launch",
            |t| t.iter().any(|s| s.contains("NexusFlow")),
        )
        .await;
        app.screenshot("stack-sample").await;
        app.click(&tid("workspace-switcher")).await;
        app.click(&tid("new-workspace")).await;
        app.find(&tid("workspace-name-input"))
            .await
            .send_keys("Quarterly alignment")
            .await
            .unwrap();
        app.click(&tid("workspace-name-submit")).await;
        app.wait_texts(
            &tid("workspace-switcher"),
            "the new workspace is open",
            |t| t.iter().any(|s| s.contains("Quarterly alignment")),
        )
        .await;

        // A stage, then a touchpoint in it, renamed in the inspector.
        app.click(&tid("add-stage")).await;
        let input = app.find(&tid("stage-name-input")).await;
        input
            .send_keys(&format!("Discover{}", Key::Enter))
            .await
            .unwrap();
        app.wait_texts(&tid("stage-column"), "the stage is added", |t| {
            t.len() == 1 && t[0].contains("Discover")
        })
        .await;
        app.click(&tid("add-touchpoint")).await;
        app.find(&tid("inspector")).await;
        app.retype(&tid("inspector-name"), "Welcome email").await;
        app.wait_texts(&tid("card"), "the card is renamed", |t| {
            t.iter().any(|s| s.contains("Welcome email"))
        })
        .await;
        wait_saved(&app).await;
        app.quit().await;

        // Restart: the same workspace opens with both, and undo still knows the rename.
        let app = driver.launch().await;
        app.wait_texts(
            &tid("workspace-switcher"),
            "the last workspace reopens",
            |t| t.iter().any(|s| s.contains("Quarterly alignment")),
        )
        .await;
        app.wait_texts(&tid("stage-column"), "the stage survived", |t| {
            t.len() == 1 && t[0].contains("Discover")
        })
        .await;
        app.wait_texts(&tid("card"), "the touchpoint survived", |t| {
            t.iter().any(|s| s.contains("Welcome email"))
        })
        .await;
        app.screenshot("stack-after-restart").await;

        app.click(&tid("undo")).await;
        app.wait_texts(
            &tid("card"),
            "undo after a restart reverts the rename",
            |t| {
                t.iter().any(|s| s.contains("New touchpoint"))
                    && !t.iter().any(|s| s.contains("Welcome email"))
            },
        )
        .await;

        // Redo by keyboard brings the rename back.
        let body = app.find("body").await;
        body.send_keys(&format!("{}{}z", Key::Control, Key::Shift))
            .await
            .unwrap();
        app.wait_texts(&tid("card"), "Ctrl+Shift+Z redoes the rename", |t| {
            t.iter().any(|s| s.contains("Welcome email"))
        })
        .await;
        app.quit().await;
    });
}
