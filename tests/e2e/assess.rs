//! The Assess step in a live workshop: two raters scored by keyboard alone; the room reads
//! the total and the verdict the readiness library computed.

use fantoccini::key::Key;

use crate::driver::{App, Driver, WAIT};
use crate::scenario;
use crate::stack::tid;

/// Types one key at a time into whatever has focus, as a facilitator does.
async fn type_keys(app: &App, keys: &str) {
    for k in keys.chars() {
        let focused = app
            .client
            .active_element()
            .await
            .expect("a focused element");
        focused
            .send_keys(&k.to_string())
            .await
            .expect("a key press");
    }
}

fn cell(rater: &str, dimension: &str) -> String {
    format!(r#"[data-testid="score-cell"][data-rater="{rater}"][data-dimension="{dimension}"]"#)
}

async fn add_rater(app: &App, name: &str) {
    app.type_into(&tid("rater-name-input"), &format!("{name}{}", Key::Enter))
        .await;
    app.find(&format!(
        r#"[data-testid="rater-row"][data-rater="{name}"]"#
    ))
    .await;
}

#[test]
fn two_raters_scored_by_keyboard_give_the_total_and_verdict() {
    scenario(async {
        let driver = Driver::start();
        let app = driver.launch().await;
        app.click(&tid("nav-assess")).await;

        app.click(&tid("assess-new-session")).await;
        app.type_into(
            &tid("session-name-input"),
            &format!("Board offsite{}", Key::Enter),
        )
        .await;
        // The new session is the one shown before anyone is added to it.
        app.wait_texts(
            r#"[data-testid="session-item"][aria-current="true"]"#,
            "new session selected",
            |t| t.iter().any(|t| t.contains("Board offsite")),
        )
        .await;
        add_rater(&app, "Ana").await;
        add_rater(&app, "Ben").await;

        // Strategy, Data, Team, Technology, Culture, Metrics for Ana, then (wrapping) Ben.
        app.click(&cell("Ana", "strategy")).await;
        type_keys(&app, "213232").await;
        type_keys(&app, "322143").await;

        // Means 2.5, 1.5, 2.5, 1.5, 3.5, 2.5: a total of 14 of 30, below 18.
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let value = app
                .attr(&tid("readiness-total"), "data-total")
                .await
                .unwrap_or_default();
            if value.parse::<f64>().ok() == Some(14.0) {
                break;
            }
            if std::time::Instant::now() >= deadline {
                app.screenshot("failed-assess-total").await;
                panic!("total read {value:?}, expected 14");
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(
            app.attr(&tid("readiness-verdict"), "data-kind")
                .await
                .as_deref(),
            Some("foundations_first")
        );
        let words = app.texts(&tid("readiness-verdict")).await.join(" ");
        assert!(!words.trim().is_empty(), "the verdict is said in words");
        let total_text = app.texts(&tid("readiness-total")).await.join(" ");
        assert!(
            total_text.contains("14") && total_text.contains("30"),
            "{total_text}"
        );
        app.screenshot("assess-two-raters").await;

        // A 7 is refused in place and changes nothing.
        app.click(&cell("Ben", "metrics")).await;
        type_keys(&app, "7").await;
        app.find(&tid("grid-message")).await;
        let message = app.texts(&tid("grid-message")).await.join(" ");
        assert!(message.contains("1 to 5"), "{message}");
        assert_eq!(
            app.attr(&cell("Ben", "metrics"), "data-score")
                .await
                .as_deref(),
            Some("3"),
            "the 7 changed nothing"
        );
        app.quit().await;
    });
}
