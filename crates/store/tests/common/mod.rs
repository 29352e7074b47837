//! Shared fixtures for the store's specifications.
#![allow(dead_code)]

use std::path::Path;

use rusqlite::Connection;
use serde_json::json;
use throughline_model::{Edit, Id, Workspace};
use throughline_store::{Actor, Source, Store};

pub fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

pub fn ui() -> Actor {
    Actor::new("Ada", Source::Ui)
}

pub fn cli() -> Actor {
    Actor::new("Grace", Source::Cli)
}

/// A workspace that uses every field of every entity kind, so that a field the tables
/// forget to store shows up as a difference after reloading.
pub fn rich() -> Workspace {
    serde_json::from_value(json!({
        "workspace": {
            "name": "NexusFlow onboarding",
            "vision": "Customers reach value in their first week without help",
            "journey_state": ["journey.stage", "case.id"]
        },
        "stages": [
            {"id": "discover", "name": "Discover", "emotion": 1, "moment": "Reads the promise"},
            {"id": "onboard", "name": "Onboard", "emotion": -2, "moment": "First setup"},
            {"id": "succeed", "name": "Succeed", "emotion": 2, "moment": ""}
        ],
        "elements": [
            {
                "id": "website", "kind": "touchpoint", "name": "Website",
                "description": "Marketing site", "channel": "web", "team": "marketing",
                "stages": ["discover"], "claims": {"setup.effort": "No setup needed"},
                "needs": ["journey.stage"], "interprets": {"rising-intent": "research"},
                "tags": ["public"]
            },
            {
                "id": "wizard", "kind": "touchpoint", "name": "Wizard", "channel": "app",
                "stages": ["onboard"], "claims": {"setup.effort": "Technical configuration"}
            },
            {"id": "crm", "kind": "system", "name": "CRM", "capability": "data"},
            {"id": "suppress", "kind": "rule", "name": "One message a day", "covers": ["website", "wizard"]},
            {"id": "cs", "kind": "team", "name": "Customer success"},
            {"id": "ana", "kind": "person", "name": "Ana"},
            {"id": "agency", "kind": "partner", "name": "Agency"}
        ],
        "handoffs": [
            {
                "id": "h1", "from": "website", "to": "wizard",
                "carries": ["setup.effort", "journey.stage"], "invariant": ["setup.effort"],
                "may_vary": ["journey.stage"], "owner": "Product marketing",
                "source_of_truth": "crm", "mode": "generated", "gate": "Legal",
                "latency_hours": 24, "trigger": "escalation"
            },
            {"id": "h2", "from": "crm", "to": "wizard"}
        ],
        "principles": [
            {"id": "p1", "text": "Never promise what setup cannot keep", "non_negotiable": true},
            {"id": "p2", "text": "One voice per day"}
        ],
        "readiness": [
            {
                "id": "s1", "name": "Kick-off", "date": "2025-03-04", "note": "Remote",
                "raters": [
                    {"name": "Ada", "scores": {"strategy": 4, "data": 2, "culture": 3}, "note": "Unsure about data"},
                    {"name": "Grace", "scores": {"team": 5, "technology": 1, "metrics": 2}}
                ]
            }
        ],
        "layer_scores": [
            {"layer": "vision", "score": 4, "date": "2025-03-04", "session": "s1"},
            {"layer": "touchpoint", "score": 2, "date": "2025-03-04"}
        ],
        "waivers": [
            {
                "code": "unowned-handoff", "subject": "h2", "reason": "Automated feed",
                "who": "Ada", "when": "2025-03-05T10:00:00Z", "review": "2025-09-01"
            }
        ]
    }))
    .unwrap()
}

/// A store in memory holding [`rich`], and its slug.
pub fn store_with_rich() -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    let summary = store.import_workspace(&rich(), &ui()).unwrap();
    (store, summary.slug)
}

/// Every row of every table, as text: two snapshots are equal when nothing changed.
pub fn snapshot(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect();
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        for row in rows {
            out.push(row.unwrap());
        }
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    out.push(format!("user_version: {version}"));
    out
}

/// One edit of every kind, each valid on [`rich`] by itself.
pub fn one_edit_of_each_kind() -> Vec<(&'static str, Edit)> {
    let ws = rich();
    let mut info = ws.workspace.clone();
    info.name = "NexusFlow first month".into();
    let mut wizard = ws.element("wizard").unwrap().clone();
    wizard.claims.insert("support.hours".into(), "24/7".into());
    let mut h2 = ws.handoff("h2").unwrap().clone();
    h2.owner = Some("Data team".into());
    let mut session = ws.readiness[0].clone();
    session.raters.pop();
    let edits = json!([
        ["set info", {"type": "set_info", "info": info}],
        ["add stage in the middle", {"type": "put_stage", "index": 1,
            "stage": {"id": "activate", "name": "Activate", "emotion": 0, "moment": "Aha"}}],
        ["edit stage", {"type": "put_stage", "index": null,
            "stage": {"id": "onboard", "name": "Onboard", "emotion": -1, "moment": "Setup"}}],
        ["move stage", {"type": "move_stage", "id": "succeed", "index": 0}],
        ["delete stage", {"type": "delete_stage", "id": "discover"}],
        ["add element", {"type": "put_element", "element":
            {"id": "bot", "kind": "touchpoint", "name": "Chatbot", "channel": "chat"}}],
        ["edit element", {"type": "put_element", "element": wizard}],
        ["delete element", {"type": "delete_element", "id": "website"}],
        ["add handoff", {"type": "put_handoff", "handoff": {"id": "h3", "from": "wizard", "to": "cs"}}],
        ["edit handoff", {"type": "put_handoff", "handoff": h2}],
        ["delete handoff", {"type": "delete_handoff", "id": "h1"}],
        ["add principle first", {"type": "put_principle", "index": 0,
            "principle": {"id": "p3", "text": "Ask once", "non_negotiable": false}}],
        ["delete principle", {"type": "delete_principle", "id": "p1"}],
        ["edit session", {"type": "put_session", "session": session}],
        ["add session", {"type": "put_session", "session":
            {"id": "s2", "name": "Follow-up", "date": "2025-06-01", "raters": []}}],
        ["delete session", {"type": "delete_session", "id": "s1"}],
        ["add layer score", {"type": "put_layer_score", "score":
            {"layer": "system", "score": 3, "date": "2025-06-01"}}],
        ["replace layer score", {"type": "put_layer_score", "score":
            {"layer": "vision", "score": 5, "date": "2025-03-04"}}],
        ["delete layer score", {"type": "delete_layer_score", "layer": "touchpoint", "date": "2025-03-04"}],
        ["add waiver", {"type": "put_waiver", "waiver": {"code": "hero", "subject": "ana",
            "reason": "Interim", "who": "Grace", "when": "2025-06-01T09:00:00Z"}}],
        ["delete waiver", {"type": "delete_waiver", "code": "unowned-handoff", "subject": "h2"}],
        ["batch", {"type": "batch", "edits": [
            {"type": "delete_element", "id": "crm"},
            {"type": "put_stage", "index": null, "stage": {"id": "renew", "name": "Renew"}}
        ]}]
    ]);
    edits
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            let name: &'static str = pair[0].as_str().unwrap().to_string().leak();
            (name, serde_json::from_value(pair[1].clone()).unwrap())
        })
        .collect()
}
