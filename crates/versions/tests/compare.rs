//! Specifications of `compare`: every kind of change in every collection, moves, the
//! findings a change introduces and resolves, readiness before and after, and the JSON.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{edit, fixture, id, with_json};
use serde_json::{Value, json};
use throughline_model::{Edit, EntityKind, Workspace};
use throughline_versions::{ChangeKind, Comparison, collection_name, compare};

/// For each collection: the field that makes an item's key, and another field to change
/// with a valid new value. Every kind of entity must have a row.
fn table() -> Vec<(&'static str, &'static str, &'static str, Value)> {
    vec![
        ("stages", "id", "name", json!("Renamed")),
        ("elements", "id", "name", json!("Renamed")),
        ("handoffs", "id", "owner", json!("Somebody else")),
        ("principles", "id", "text", json!("A new wording.")),
        ("readiness", "id", "name", json!("Renamed session")),
        ("layer_scores", "date", "score", json!(5)),
        ("waivers", "subject", "reason", json!("Another reason")),
        ("metrics", "id", "name", json!("Renamed metric")),
        ("readings", "date", "value", json!(99.0)),
        ("reviews", "id", "decisions", json!("Other decisions")),
    ]
}

fn find<'c>(c: &'c Comparison, collection: &str, kind: ChangeKind) -> Vec<&'c str> {
    c.changes
        .iter()
        .filter(|x| x.collection == collection && x.change == kind)
        .map(|x| x.id.as_str())
        .collect()
}

#[test]
fn every_collection_reports_added_removed_and_changed_items() {
    let names: Vec<&str> = table().iter().map(|r| r.0).collect();
    for kind in EntityKind::ALL {
        let name = collection_name(kind);
        assert!(
            name == "workspace" || names.contains(&name),
            "collection {name} has no row in this test: add one"
        );
    }
    let before = fixture();
    for (collection, key_field, field, value) in table() {
        // Change the first item, remove the last, add a copy of the first under a new key.
        let after = with_json(&before, |v| {
            let items = v[collection].as_array_mut().unwrap();
            assert!(
                items.len() >= 2,
                "{collection} needs two items in the fixture"
            );
            let mut added = items[0].clone();
            added[key_field] = json!(match key_field {
                "date" => "2030-01-01",
                _ => "brand-new",
            });
            items[0][field] = value.clone();
            items.pop();
            items.push(added);
        });
        let c = compare(&before, &after);
        let all: Vec<(&str, ChangeKind)> = c
            .changes
            .iter()
            .map(|x| (x.collection.as_str(), x.change))
            .collect();
        for kind in [ChangeKind::Added, ChangeKind::Removed, ChangeKind::Changed] {
            assert_eq!(
                find(&c, collection, kind).len(),
                1,
                "{collection}: one item {kind:?}; got {all:?}"
            );
        }
        let changed = c
            .changes
            .iter()
            .find(|x| x.collection == collection && x.change == ChangeKind::Changed)
            .unwrap();
        assert_eq!(changed.fields[field].after, value, "{collection}.{field}");
        assert_eq!(
            all.len(),
            3,
            "{collection}: nothing else changed; got {all:?}"
        );
    }
}

#[test]
fn a_changed_claim_is_reported_by_its_dotted_path() {
    let before = fixture();
    let after = with_json(&before, |v| {
        v["elements"][0]["claims"]["setup.effort"] = json!("Some setup: an hour with IT");
    });
    let c = compare(&before, &after);
    assert_eq!(c.changes.len(), 1);
    let f = &c.changes[0].fields["claims.setup.effort"];
    assert_eq!(
        f.before,
        json!("No technical setup: connect your tools in minutes")
    );
    assert_eq!(f.after, json!("Some setup: an hour with IT"));
    assert_eq!(c.changes[0].id, "website");
}

#[test]
fn the_workspace_record_changes_as_the_collection_workspace() {
    let before = fixture();
    let after = with_json(&before, |v| {
        v["workspace"]["vision"] = json!("A new vision.")
    });
    let c = compare(&before, &after);
    assert_eq!(find(&c, "workspace", ChangeKind::Changed), ["workspace"]);
    assert!(c.changes[0].fields.contains_key("vision"));
}

#[test]
fn a_removed_stage_says_where_it_stood_and_how_many_kept_stages_stood_before_it() {
    let before = fixture();
    let removed = with_json(&before, |v| {
        let stages = v["stages"].as_array_mut().unwrap();
        stages.remove(2);
        stages.remove(1);
        for e in v["elements"].as_array_mut().unwrap() {
            e["stages"] = json!([]);
        }
    });
    let c = compare(&before, &removed);
    let gone: Vec<(String, u32, u32)> = c
        .changes
        .iter()
        .filter(|x| x.collection == "stages" && x.change == ChangeKind::Removed)
        .map(|x| {
            let p = x.position.unwrap();
            (x.id.clone(), p.before, p.after)
        })
        .collect();
    let ids: Vec<String> = before.stages[1..3]
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    assert_eq!(
        gone,
        [(ids[0].clone(), 1, 1), (ids[1].clone(), 2, 1)],
        "both go back after the one kept stage that stood before them"
    );
    let element = c
        .changes
        .iter()
        .find(|x| x.collection == "elements")
        .unwrap();
    assert_eq!(element.position, None, "elements have no order to tell");
}

#[test]
fn a_stage_moved_is_a_move_and_inserting_another_moves_nothing() {
    let before = fixture();
    let moved = edit(
        &before,
        Edit::MoveStage {
            id: id("stuck"),
            index: 0,
        },
    );
    let c = compare(&before, &moved);
    assert_eq!(
        find(&c, "stages", ChangeKind::Moved),
        ["stuck"],
        "{:?}",
        c.changes
    );
    let p = c.changes[0].position.unwrap();
    assert_eq!((p.before, p.after), (4, 0));

    let inserted = with_json(&before, |v| {
        let stages = v["stages"].as_array_mut().unwrap();
        stages.insert(0, json!({"id": "aware", "name": "Aware"}));
    });
    let c = compare(&before, &inserted);
    assert_eq!(find(&c, "stages", ChangeKind::Added), ["aware"]);
    assert!(
        find(&c, "stages", ChangeKind::Moved).is_empty(),
        "{:?}",
        c.changes
    );
}

#[test]
fn an_item_that_moves_and_changes_is_one_change_with_its_position() {
    let before = fixture();
    let after = with_json(&before, |v| {
        let p = v["principles"].as_array_mut().unwrap();
        let mut first = p.remove(0);
        first["non_negotiable"] = json!(false);
        p.push(first);
    });
    let c = compare(&before, &after);
    assert_eq!(c.changes.len(), 1, "{:?}", c.changes);
    let x = &c.changes[0];
    assert_eq!(x.change, ChangeKind::Changed);
    assert_eq!(x.id, "promise-what-ships");
    assert_eq!(x.position.map(|p| (p.before, p.after)), Some((0, 4)));
    assert!(x.fields.contains_key("non_negotiable"));
}

#[test]
fn removing_an_owner_introduces_a_finding_and_restoring_it_resolves_it() {
    let before = fixture();
    let after = with_json(&before, |v| {
        for h in v["handoffs"].as_array_mut().unwrap() {
            if h["id"] == "deal-notes" {
                h["owner"] = Value::Null;
            }
        }
    });
    let forward = compare(&before, &after);
    let introduced: Vec<(&str, &str)> = forward
        .findings
        .introduced
        .iter()
        .map(|f| (f.code.as_str(), f.key.as_str()))
        .collect();
    assert!(
        introduced.contains(&("unowned-handoff", "deal-notes")),
        "{introduced:?}"
    );
    assert!(forward.findings.worst_introduced().is_some());
    let back = compare(&after, &before);
    assert!(back.findings.introduced.is_empty());
    assert_eq!(back.findings.resolved, forward.findings.introduced);
}

#[test]
fn readiness_and_layer_scores_are_read_before_and_after() {
    let before = fixture();
    let after = with_json(&before, |v| {
        v["layer_scores"]
            .as_array_mut()
            .unwrap()
            .push(json!({"layer": "vision", "score": 5, "date": "2031-01-01"}));
        let sessions = v["readiness"].as_array_mut().unwrap();
        let mut next = sessions[sessions.len() - 1].clone();
        next["id"] = json!("follow-up");
        next["date"] = json!("2031-01-01");
        for r in next["raters"].as_array_mut().unwrap() {
            r["scores"]["strategy"] = json!(5);
        }
        sessions.push(next);
    });
    let c = compare(&before, &after);
    let r = &c.readiness;
    assert_ne!(r.before.as_ref().unwrap().session, "follow-up");
    assert_eq!(r.after.as_ref().unwrap().session, "follow-up");
    assert!(r.after.as_ref().unwrap().total > r.before.as_ref().unwrap().total);
    let vision = r
        .layers
        .iter()
        .find(|l| l.layer.label() == "Vision")
        .unwrap();
    assert_eq!(vision.after, Some(5));
    assert_ne!(vision.before, Some(5));
}

#[test]
fn a_state_compared_with_itself_has_no_changes() {
    let ws = fixture();
    let c = compare(&ws, &ws);
    assert!(c.is_unchanged());
    assert!(c.findings.introduced.is_empty() && c.findings.resolved.is_empty());
    assert!(c.readiness.is_unchanged());
    assert!(throughline_versions::render_text(&c).contains("No item differs"));
}

#[test]
fn the_json_form_is_the_one_the_issue_gives() {
    let before = fixture();
    let after = with_json(&before, |v| {
        v["elements"][4]["claims"] = json!({"setup.effort": "Two hours"});
    });
    let c = compare(&before, &after).named("baseline", "now");
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["from"], "baseline");
    assert_eq!(v["to"], "now");
    assert_eq!(v["changes"][0]["collection"], "elements");
    assert_eq!(v["changes"][0]["id"], "wizard");
    assert_eq!(v["changes"][0]["change"], "changed");
    assert!(
        v["changes"][0]["fields"]["claims.setup.effort"]["before"].is_string()
            || v["changes"][0]["fields"]["claims.setup.effort"]["before"].is_null()
    );
    assert_eq!(
        v["changes"][0]["fields"]["claims.setup.effort"]["after"],
        "Two hours"
    );
    assert!(v["findings"]["introduced"].is_array());
    assert!(v["findings"]["resolved"].is_array());
    assert!(v["readiness"].is_object());
}

#[test]
fn the_text_groups_changes_by_layer() {
    let before: Workspace = fixture();
    let after = with_json(&before, |v| {
        v["stages"][0]["name"] = json!("Discovery");
        v["elements"][0]["name"] = json!("Web site");
        v["elements"][14]["name"] = json!("Customer data platform");
    });
    let text = throughline_versions::render_text(&compare(&before, &after));
    let narrative = text.find("Narrative layer").unwrap();
    let system = text.find("System layer").unwrap();
    let touchpoint = text.find("Touchpoint layer").unwrap();
    assert!(narrative < system && system < touchpoint, "{text}");
    assert!(
        text.contains("name: \"Discover\" -> \"Discovery\""),
        "{text}"
    );
}

#[test]
fn a_readiness_total_reads_as_everywhere_else_rounded_down() {
    // The sample's latest session totals 18.58: the CLI, the app and the PDF all say 18.5.
    let sample = throughline_format::sample();
    let c = compare(&sample, &sample);
    let after = c.readiness.after.as_ref().unwrap();
    assert!(
        (after.total.unwrap() - 18.583).abs() < 0.001,
        "{:?}",
        after.total
    );
    assert_eq!(after.total_display.as_deref(), Some("18.5"));
    let text = throughline_versions::render_text(&c);
    assert!(text.contains("total 18.5 -> 18.5 out of 30"), "{text}");
}
