//! Reads fixture files without depending on the format crate: the Throughline envelope
//! (`format`, `version`) is dropped and the rest is the `Workspace`.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use throughline_model::Workspace;

/// The folder holding one sub-folder of fixtures per rule.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Reads a `*.throughline.json` file into a workspace.
pub fn load(path: &Path) -> Workspace {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut value: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    let object = value
        .as_object_mut()
        .expect("a Throughline file is an object");
    assert_eq!(
        object.remove("format"),
        Some("throughline".into()),
        "{}",
        path.display()
    );
    assert_eq!(
        object.remove("version"),
        Some(1.into()),
        "{}",
        path.display()
    );
    serde_json::from_value(value)
        .unwrap_or_else(|e| panic!("{} is not a workspace: {e}", path.display()))
}

/// Reads the fixture `<code>/<case>.throughline.json`.
pub fn fixture(code: &str, case: &str) -> Workspace {
    load(
        &fixtures()
            .join(code)
            .join(format!("{case}.throughline.json")),
    )
}
