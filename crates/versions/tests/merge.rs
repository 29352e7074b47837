//! Specifications of the three-way `merge`: clean merges, field conflicts, deletion
//! against change, references the other side left dangling, order, and unrelated files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{edit, fixture, id, with_json};
use serde_json::{Value, json};
use throughline_model::{Edit, Handoff, Stage, Workspace, validate};
use throughline_versions::{Merge, MergeOptions, VersionsError, merge};

fn merged(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> Merge {
    let m = merge(base, ours, theirs, MergeOptions::default()).unwrap();
    assert!(
        validate(&m.workspace).is_empty(),
        "a merged workspace is always valid: {:?}",
        validate(&m.workspace)
    );
    m
}

fn element_name(ws: &Workspace, id: &str) -> String {
    ws.element(id).unwrap().name.clone()
}

#[test]
fn changes_to_different_items_combine_without_conflict() {
    let base = fixture();
    let ours = with_json(&base, |v| v["elements"][0]["name"] = json!("Web site"));
    let theirs = edit(
        &base,
        Edit::PutStage {
            stage: Stage {
                id: id("renew"),
                name: "Renew".into(),
                emotion: Default::default(),
                moment: String::new(),
            },
            index: None,
        },
    );
    let theirs = with_json(&theirs, |v| {
        v["elements"][1]["description"] = json!("Live demo")
    });
    let m = merged(&base, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(element_name(&m.workspace, "website"), "Web site");
    assert_eq!(
        m.workspace.element("sales-demo").unwrap().description,
        "Live demo"
    );
    assert!(m.workspace.stage("renew").is_some());
}

#[test]
fn two_different_fields_of_one_item_combine() {
    let base = fixture();
    let ours = with_json(&base, |v| v["elements"][4]["name"] = json!("Setup wizard"));
    let theirs = with_json(&base, |v| v["elements"][4]["channel"] = json!("web"));
    let m = merged(&base, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let wizard = m.workspace.element("wizard").unwrap();
    assert_eq!(wizard.name, "Setup wizard");
    assert_eq!(wizard.channel.as_deref(), Some("web"));
}

#[test]
fn one_field_changed_two_ways_is_a_conflict_that_keeps_ours() {
    let base = fixture();
    let ours = with_json(&base, |v| {
        v["elements"][0]["claims"]["setup.effort"] = json!("An hour of setup")
    });
    let theirs = with_json(&base, |v| {
        v["elements"][0]["claims"]["setup.effort"] = json!("A day of setup");
        v["elements"][0]["name"] = json!("Web site");
    });
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(
        (c.collection.as_str(), c.id.as_str()),
        ("elements", "website")
    );
    assert_eq!(c.field.as_deref(), Some("claims.setup.effort"));
    assert_eq!(c.ours, json!("An hour of setup"));
    assert_eq!(c.theirs, json!("A day of setup"));
    let website = m.workspace.element("website").unwrap();
    assert_eq!(website.claims["setup.effort"], "An hour of setup");
    assert_eq!(website.name, "Web site", "their other field still arrives");
}

#[test]
fn the_same_change_on_both_sides_is_not_a_conflict() {
    let base = fixture();
    let both = with_json(&base, |v| {
        v["workspace"]["vision"] = json!("Same new vision")
    });
    let m = merged(&base, &both, &both);
    assert!(m.is_clean());
    assert_eq!(m.workspace, both);
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_a_conflict_with_no_field() {
    let base = fixture();
    let deleted = edit(&base, Edit::DeleteElement { id: id("webinar") });
    let changed = with_json(&base, |v| {
        for e in v["elements"].as_array_mut().unwrap() {
            if e["id"] == "webinar" {
                e["name"] = json!("Monthly webinar");
            }
        }
    });

    // We deleted it, they changed it: stays deleted (our side).
    let m = merged(&base, &deleted, &changed);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].field, None);
    assert_eq!(m.conflicts[0].ours, Value::Null);
    assert!(m.workspace.element("webinar").is_none());

    // We changed it, they deleted it: stays, with our change.
    let m = merged(&base, &changed, &deleted);
    assert!(
        m.conflicts
            .iter()
            .any(|c| c.id == "webinar" && c.field.is_none() && c.theirs.is_null())
    );
    assert_eq!(element_name(&m.workspace, "webinar"), "Monthly webinar");
}

#[test]
fn deleted_on_one_side_and_untouched_on_the_other_is_deleted() {
    let base = fixture();
    let ours = with_json(&base, |v| v["elements"][0]["name"] = json!("Web site"));
    let theirs = edit(&base, Edit::DeleteElement { id: id("webinar") });
    let m = merged(&base, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert!(m.workspace.element("webinar").is_none());
    assert!(
        m.workspace
            .handoffs
            .iter()
            .all(|h| h.from != "webinar" && h.to != "webinar")
    );
}

#[test]
fn a_handoff_to_an_element_they_deleted_keeps_the_element_and_is_a_conflict() {
    let base = fixture();
    let ours = edit(
        &base,
        Edit::PutHandoff {
            handoff: Handoff::new(id("forum-to-webinar"), id("community-forum"), id("webinar")),
        },
    );
    let theirs = edit(&base, Edit::DeleteElement { id: id("webinar") });
    let m = merged(&base, &ours, &theirs);
    assert!(m.workspace.handoff("forum-to-webinar").is_some());
    assert!(
        m.workspace.element("webinar").is_some(),
        "the element is brought back"
    );
    let c = m
        .conflicts
        .iter()
        .find(|c| c.id == "webinar")
        .expect("a conflict on webinar");
    assert_eq!(c.collection, "elements");
    assert_eq!(c.field, None);
}

#[test]
fn a_handoff_they_added_to_an_element_we_deleted_is_dropped_as_a_conflict() {
    let base = fixture();
    let ours = edit(&base, Edit::DeleteElement { id: id("webinar") });
    let theirs = edit(
        &base,
        Edit::PutHandoff {
            handoff: Handoff::new(id("forum-to-webinar"), id("community-forum"), id("webinar")),
        },
    );
    let m = merged(&base, &ours, &theirs);
    assert!(m.workspace.element("webinar").is_none());
    assert!(m.workspace.handoff("forum-to-webinar").is_none());
    assert!(
        m.conflicts
            .iter()
            .any(|c| c.id == "forum-to-webinar" && c.ours.is_null())
    );
}

#[test]
fn their_new_items_keep_their_place_and_ours_keep_our_order() {
    let base = fixture();
    let new_stage = |sid: &str| Stage {
        id: id(sid),
        name: sid.to_uppercase(),
        emotion: Default::default(),
        moment: String::new(),
    };
    let ours = edit(
        &base,
        Edit::MoveStage {
            id: id("stuck"),
            index: 0,
        },
    );
    let theirs = edit(
        &base,
        Edit::PutStage {
            stage: new_stage("connect"),
            index: Some(4),
        },
    );
    let m = merged(&base, &ours, &theirs);
    let order: Vec<&str> = m.workspace.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "stuck",
            "discover",
            "evaluate",
            "sign-up",
            "setup",
            "connect",
            "first-value"
        ]
    );
}

#[test]
fn every_collection_merges_a_change_from_each_side() {
    let base = fixture();
    let ours = with_json(&base, |v| {
        v["principles"][0]["text"] = json!("Ours");
        v["metrics"][0]["target"] = json!(80.0);
        v["readings"][0]["value"] = json!(53.0);
        v["reviews"][0]["decisions"] = json!("Ours");
        v["waivers"][0]["reason"] = json!("Ours");
        v["readiness"][0]["name"] = json!("Ours");
        v["layer_scores"][0]["score"] = json!(3);
    });
    let theirs = with_json(&base, |v| {
        v["principles"][1]["text"] = json!("Theirs");
        v["metrics"][1]["owner"] = json!("Sam");
        v["readings"][1]["value"] = json!(60.0);
        v["reviews"][1]["decisions"] = json!("Theirs");
        v["waivers"][1]["reason"] = json!("Theirs");
        v["readiness"][1]["name"] = json!("Theirs");
        v["layer_scores"][1]["score"] = json!(4);
        v["workspace"]["vision"] = json!("Theirs");
    });
    let m = merged(&base, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let v = serde_json::to_value(&m.workspace).unwrap();
    for (path, want) in [
        ("/principles/0/text", json!("Ours")),
        ("/principles/1/text", json!("Theirs")),
        ("/metrics/0/target", json!(80.0)),
        ("/metrics/1/owner", json!("Sam")),
        ("/readings/0/value", json!(53.0)),
        ("/readings/1/value", json!(60.0)),
        ("/reviews/1/decisions", json!("Theirs")),
        ("/waivers/1/reason", json!("Theirs")),
        ("/readiness/0/name", json!("Ours")),
        ("/readiness/1/name", json!("Theirs")),
        ("/layer_scores/0/score", json!(3)),
        ("/layer_scores/1/score", json!(4)),
        ("/workspace/vision", json!("Theirs")),
    ] {
        assert_eq!(v.pointer(path), Some(&want), "{path}");
    }
}

#[test]
fn files_that_are_not_versions_of_one_workspace_are_refused_unless_forced() {
    let base = fixture();
    let mut other = Workspace::new("Another company");
    other.stages.push(Stage {
        id: id("elsewhere"),
        name: "Elsewhere".into(),
        emotion: Default::default(),
        moment: String::new(),
    });
    let err = merge(&base, &base, &other, MergeOptions::default()).unwrap_err();
    assert!(matches!(
        err,
        VersionsError::Unrelated { side: "theirs", .. }
    ));
    assert!(err.to_string().contains("--force"), "{err}");
    let m = merge(&base, &base, &other, MergeOptions { force: true }).unwrap();
    assert_eq!(m.warnings.len(), 1);
    assert!(validate(&m.workspace).is_empty());
}
