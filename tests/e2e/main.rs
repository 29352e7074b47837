//! End-to-end tests of the real app: tauri-driver and WebKitWebDriver drive the built
//! binary under Xvfb, each test with its own library database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod assess;
mod driver;
mod graph;
mod live;
mod monitor;
mod playbook;
mod reality;
mod recovery;
mod stack;
mod versions;

use std::sync::Mutex;

/// One app at a time: the machine has two cores and each test restarts the app.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Runs an async scenario on its own runtime, holding the one-app lock.
fn scenario<F: std::future::Future<Output = ()>>(f: F) {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f);
}
