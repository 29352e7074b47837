//! Shared helpers: fixture paths, workspaces, replay with default options.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use throughline_model::Workspace;
use throughline_reality::{BadRowPolicy, RealityReport, ReplayOptions};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn workspace(case: &str) -> Workspace {
    let path = fixtures().join(case).join("workspace.throughline.json");
    let ws = throughline_format::read_file(&path).expect("fixture workspace reads");
    let problems = throughline_model::validate(&ws);
    assert!(
        problems.is_empty(),
        "{case}: invalid workspace: {problems:?}"
    );
    ws
}

pub fn replay(ws: &Workspace, path: &Path) -> RealityReport {
    throughline_reality::replay_file(ws, path, &ReplayOptions::default())
        .unwrap_or_else(|e| panic!("{} replays: {e}", path.display()))
}

pub fn skipping() -> ReplayOptions {
    ReplayOptions {
        bad_rows: BadRowPolicy {
            skip_bad_rows: true,
        },
        ..ReplayOptions::default()
    }
}

/// `(key, severity)` of every finding of `code`.
pub fn keyed(report: &RealityReport, code: &str) -> Vec<(String, String)> {
    report
        .findings()
        .iter()
        .filter(|f| f.code.as_str() == code)
        .map(|f| (f.key.clone(), f.severity.as_str().to_string()))
        .collect()
}

/// The report with every floating value rounded, as JSON, for comparisons.
pub fn json(report: &RealityReport) -> serde_json::Value {
    serde_json::from_str(&throughline_reality::render_json(report)).expect("report is JSON")
}
