//! The Assess step in a live workshop: two raters scored by keyboard alone; the room reads
//! the total and the verdict the readiness library computed.

use fantoccini::key::Key;

use crate::driver::{App, Driver};
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

#[test]
fn two_raters_scored_by_keyboard_give_the_total_and_verdict() {
    scenario(async {
        let driver = Driver::start();
        let app = driver.launch().await;
        app.click(&tid("nav-assess")).await;

        app.click(&tid("assess-new-session")).await;
        let name = app.find(&tid("session-name-input")).await;
        name.send_keys(&format!("Board offsite{}", Key::Enter))
            .await
            .unwrap();

        let rater = app.find(&tid("rater-name-input")).await;
        rater
            .send_keys(&format!("Ana{}", Key::Enter))
            .await
            .unwrap();
        let rater = app.find(&tid("rater-name-input")).await;
        rater
            .send_keys(&format!("Ben{}", Key::Enter))
            .await
            .unwrap();
        app.find(r#"[data-testid="rater-row"][data-rater="Ben"]"#)
            .await;

        // Strategy, Data, Team, Technology, Culture, Metrics for Ana, then (wrapping) Ben.
        app.click(r#"[data-testid="score-cell"][data-rater="Ana"][data-dimension="strategy"]"#)
            .await;
        type_keys(&app, "213232").await;
        type_keys(&app, "322143").await;

        // Means 2.5, 1.5, 2.5, 1.5, 3.5, 2.5: a total of 14 of 30, below 18.
        let deadline = std::time::Instant::now() + crate::driver::WAIT;
        loop {
            let total = app.find(&tid("readiness-total")).await;
            let value = total.attr("data-total").await.unwrap().unwrap_or_default();
            if value.parse::<f64>().ok() == Some(14.0) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "total read {value:?}, expected 14"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let verdict = app.find(&tid("readiness-verdict")).await;
        assert_eq!(
            verdict.attr("data-kind").await.unwrap().as_deref(),
            Some("foundations_first")
        );
        let words = verdict.text().await.unwrap();
        assert!(!words.is_empty(), "the verdict is said in words");
        let total_text = app
            .find(&tid("readiness-total"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            total_text.contains("14") && total_text.contains("30"),
            "{total_text}"
        );
        app.screenshot("assess-two-raters").await;

        // A 7 is refused in place and changes nothing.
        app.click(r#"[data-testid="score-cell"][data-rater="Ben"][data-dimension="metrics"]"#)
            .await;
        type_keys(&app, "7").await;
        let message = app.find(&tid("grid-message")).await.text().await.unwrap();
        assert!(message.contains("1 to 5"), "{message}");
        let cell = app
            .find(r#"[data-testid="score-cell"][data-rater="Ben"][data-dimension="metrics"]"#)
            .await;
        assert_eq!(cell.attr("data-score").await.unwrap().as_deref(), Some("3"));
        app.quit().await;
    });
}
