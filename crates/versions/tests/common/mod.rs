//! Workspaces the tests start from, and edits made through the model's own edit path.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use throughline_model::{Edit, Id, Workspace, apply_edit, validate};

/// The sample workspace with one metric, two readings and a review added, so that every
/// collection has items.
pub fn fixture() -> Workspace {
    let mut v = serde_json::to_value(throughline_format::sample()).unwrap();
    v["metrics"] = json!([{
        "id": "completion", "name": "Journey completion", "kind": "completion",
        "min": 0.0, "max": 100.0, "direction": "higher", "target": 70.0,
        "owner": "Priya", "scope": "journey", "leading": false
    }, {
        "id": "recall", "name": "Narrative recall", "kind": "recall",
        "min": 0.0, "max": 100.0, "direction": "higher",
        "owner": "Dana", "scope": "stage:setup", "leading": true
    }]);
    v["waivers"].as_array_mut().unwrap().push(json!({
        "code": "single-point-of-failure", "subject": "cdp", "reason": "Planned redundancy",
        "who": "Dana Okafor", "when": "2025-05-06T15:30:00Z"
    }));
    v["readings"] = json!([
        {"metric": "completion", "date": "2025-03-01", "value": 52.0},
        {"metric": "completion", "date": "2025-04-01", "value": 58.0}
    ]);
    v["reviews"] = json!([
        {"id": "march-review", "date": "2025-03-05", "decisions": "Fix the wizard"},
        {"id": "april-review", "date": "2025-04-05", "decisions": "Keep going"}
    ]);
    let ws: Workspace = serde_json::from_value(v).unwrap();
    assert!(
        validate(&ws).is_empty(),
        "fixture is valid: {:?}",
        validate(&ws)
    );
    ws
}

/// Applies an edit through the model, as the app would; the edit must be valid.
pub fn edit(ws: &Workspace, edit: Edit) -> Workspace {
    apply_edit(ws, &edit).unwrap()
}

/// `ws` with its JSON changed by `f` (for edits the tests describe as data).
pub fn with_json(ws: &Workspace, f: impl FnOnce(&mut Value)) -> Workspace {
    let mut v = serde_json::to_value(ws).unwrap();
    f(&mut v);
    serde_json::from_value(v).unwrap()
}

pub fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}
