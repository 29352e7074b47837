//! Starts the real app through tauri-driver and WebKitWebDriver, each test with its own
//! library database, and cleans up every process it started, whatever happens.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator, elements::Element, key::Key};
use serde_json::json;

/// The file name a test build's log dialog answers with, in the driver's home folder.
pub const E2E_LOG_FILE: &str = "tickets.csv";

/// The name the tests' user gave on a first launch.
pub const E2E_USER: &str = "Robin Tester";

/// How long any single wait may take before the test fails with a message.
pub const WAIT: Duration = Duration::from_secs(20);

/// A running tauri-driver, killed with its whole process group when dropped (tauri-driver
/// 2.1 leaves its WebKitWebDriver child behind otherwise).
pub struct Driver {
    child: Child,
    pub port: u16,
    pub home: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

impl Driver {
    /// Starts tauri-driver with a fresh, empty library.
    pub fn start() -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "end-to-end tests drive the real app and need a display: run them under xvfb-run \
             (scripts/test does)"
        );
        let home = tempfile::Builder::new()
            .prefix("e2e-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .expect("temp dir");
        let library = home.path().join("library.sqlite3");
        // The user has given a name, as on any launch after the first: otherwise the app's
        // first-run question would sit over every view the tests drive.
        throughline_store::Store::open(&library)
            .and_then(|mut store| store.set_display_name(E2E_USER))
            .expect("a new library with the user's name");
        let port = free_port();
        let native_port = free_port();
        let driver = which("tauri-driver");
        let child = Command::new(driver)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("THROUGHLINE_DB", &library)
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            // A test build answers the PDF save dialog with this folder (see choose_pdf_path).
            .env("THROUGHLINE_E2E_SAVE_DIR", home.path().join("exports"))
            // ... and the event-log open dialog with this file (see choose_log_path).
            .env("THROUGHLINE_E2E_LOG_FILE", home.path().join(E2E_LOG_FILE))
            // ... and the readings open dialog with this file (see choose_readings_file).
            .env("THROUGHLINE_E2E_OPEN_FILE", home.path().join("import.csv"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("tauri-driver starts (scripts/setup --test installs it)");
        let driver = Driver { child, port, home };
        driver.wait_listening();
        driver
    }

    fn wait_listening(&self) {
        let deadline = Instant::now() + WAIT;
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on {}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Launches the app and connects to it.
    pub async fn launch(&self) -> App {
        let caps = json!({
            "tauri:options": { "application": env!("CARGO_BIN_EXE_throughline-app") }
        });
        let caps = match caps {
            serde_json::Value::Object(map) => map,
            _ => unreachable!(),
        };
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps);
        let url = format!("http://127.0.0.1:{}", self.port);
        let connect = builder.connect(&url);
        let client = tokio::time::timeout(Duration::from_secs(60), connect)
            .await
            .expect("the app window opened within 60 s")
            .expect("a WebDriver session with the app");
        App { client }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        std::thread::sleep(Duration::from_millis(200));
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
    }
}

fn which(program: &str) -> PathBuf {
    let home_bin = std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin").join(program));
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(program))
        .chain(home_bin)
        .find(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from(program))
}

/// The app under test.
pub struct App {
    pub client: Client,
}

impl App {
    /// Waits for an element matching `css` and returns it.
    pub async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(e) => e,
            Err(e) => {
                self.screenshot("failed-find").await;
                panic!("no element matches {css}: {e}")
            }
        }
    }

    /// Every element matching `css` right now.
    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
    }

    /// The text content of every element matching `css`, whitespace collapsed. (WebKit's
    /// WebDriver "element text" leaves out some visible text, so read it from the page.)
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let script = "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.replace(/\\s+/g, ' ').trim());";
        match self
            .client
            .execute(script, vec![serde_json::Value::String(css.to_string())])
            .await
        {
            Ok(serde_json::Value::Array(items)) => items
                .into_iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// An attribute of the first element matching `css`, read from the page (immune to the
    /// element being re-rendered between finding and reading it).
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let script = "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;";
        let args = vec![serde_json::Value::from(css), serde_json::Value::from(name)];
        match self.client.execute(script, args).await {
            Ok(serde_json::Value::String(v)) => Some(v),
            _ => None,
        }
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Replaces the text of a field the way a person does: click, select all, type, Enter.
    pub async fn retype(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.click().await.unwrap();
        field
            .send_keys(&format!("{}a", Key::Control))
            .await
            .unwrap();
        field
            .send_keys(&format!("{text}{}", Key::Enter))
            .await
            .unwrap();
    }

    /// Types `keys` into the element matching `css`. A React re-render may replace the
    /// element between finding and typing; then it is found again rather than failing.
    pub async fn type_into(&self, css: &str, keys: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            match self.find(css).await.send_keys(keys).await {
                Ok(()) => return,
                Err(e) if e.is_stale_element_reference() && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => {
                    self.screenshot("failed-type").await;
                    panic!("type into {css}: {e}")
                }
            }
        }
    }

    /// Waits until `check` holds for the texts of the elements matching `css`.
    pub async fn wait_texts(
        &self,
        css: &str,
        what: &str,
        check: impl Fn(&[String]) -> bool,
    ) -> Vec<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            let texts = self.texts(css).await;
            if check(&texts) {
                return texts;
            }
            if Instant::now() >= deadline {
                self.screenshot(&format!("failed-{}", what.replace(' ', "-")))
                    .await;
                panic!("{what}: {css} showed {texts:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a screenshot under the target directory, for a person to look at. Bounded in
    /// time: a screenshot is never worth a hung test.
    pub async fn screenshot(&self, name: &str) {
        // Only when asked for (THROUGHLINE_E2E_SCREENSHOTS=1): WebKitWebDriver sometimes never
        // answers a screenshot request (seen on the first launch's stack, the recovery screen
        // and the graph), and a request left unanswered stalls the whole session, so the
        // scenarios themselves do not depend on screenshots.
        if std::env::var_os("THROUGHLINE_E2E_SCREENSHOTS").is_none() {
            return;
        }
        let taken = tokio::time::timeout(Duration::from_secs(15), self.client.screenshot()).await;
        if let Ok(Ok(png)) = taken {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    /// Ends the session, which quits the app.
    pub async fn quit(self) {
        let _ = self.client.close().await;
    }
}
