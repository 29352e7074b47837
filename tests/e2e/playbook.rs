//! The playbook export from the real app: the file is written where the user chose.

use crate::driver::Driver;
use crate::scenario;
use crate::stack::tid;

#[test]
fn exporting_the_playbook_writes_a_pdf_and_offers_to_open_it() {
    scenario(async {
        let driver = Driver::start();
        let app = driver.launch().await;
        app.click(&tid("nav-playbook")).await;
        // Wait for the outline to load: it changes the height of the card above the export
        // button, and a click aimed before that lands where the button no longer is.
        app.find(r#"[data-testid="playbook-preview"][aria-busy="false"] [data-testid="playbook-preview-section"]"#)
            .await;

        // The native save dialog cannot be driven through WebDriver: a test build of the app
        // answers it with the suggested name in THROUGHLINE_E2E_SAVE_DIR (see the driver).
        let exports = driver.home.path().join("exports");
        std::fs::create_dir_all(&exports).unwrap();

        app.click(&tid("playbook-export")).await;
        app.find(&tid("playbook-result")).await;
        let text = app.texts(&tid("playbook-result")).await.join(" ");
        // The dialog suggests `<workspace slug>-playbook.pdf`.
        let out = std::fs::read_dir(&exports)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "pdf"))
            .expect("a PDF was written in the chosen folder");
        let name = out.file_name().unwrap().to_str().unwrap().to_string();
        assert!(name.ends_with("-playbook.pdf"), "{name}");
        assert!(text.contains(&name), "the result names the file: {text}");
        app.find(&tid("playbook-open")).await;
        app.find(&tid("playbook-reveal")).await;
        let bytes = std::fs::read(&out).expect("the PDF was written where the user chose");
        assert!(bytes.starts_with(b"%PDF-"));
        app.screenshot("playbook-exported").await;
        app.quit().await;
    });
}
