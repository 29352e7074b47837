//! Specifications of `merge_choosing`: the user settles each conflict toward ours or theirs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{edit, fixture, id, with_json};
use serde_json::json;
use throughline_model::{Edit, Workspace, validate};
use throughline_versions::{Choice, Merge, MergeOptions, Side, merge_choosing};

fn choose(base: &Workspace, ours: &Workspace, theirs: &Workspace, choices: &[Choice]) -> Merge {
    let m = merge_choosing(base, ours, theirs, MergeOptions::default(), choices).unwrap();
    assert!(
        validate(&m.workspace).is_empty(),
        "{:?}",
        validate(&m.workspace)
    );
    m
}

fn choice(collection: &str, id: &str, field: Option<&str>, take: Side) -> Choice {
    Choice {
        collection: collection.into(),
        id: id.into(),
        field: field.map(str::to_string),
        take,
    }
}

fn renamed_webinar(base: &Workspace) -> Workspace {
    with_json(base, |v| {
        for e in v["elements"].as_array_mut().unwrap() {
            if e["id"] == "webinar" {
                e["name"] = json!("Monthly webinar");
            }
        }
    })
}

#[test]
fn a_field_conflict_settled_toward_theirs_takes_their_value_and_is_still_reported() {
    let base = fixture();
    let ours = with_json(&base, |v| {
        v["elements"][0]["claims"]["setup.effort"] = json!("An hour of setup");
        v["elements"][0]["description"] = json!("Ours");
    });
    let theirs = with_json(&base, |v| {
        v["elements"][0]["claims"]["setup.effort"] = json!("A day of setup");
        v["elements"][0]["description"] = json!("Theirs");
    });
    let pick = [choice(
        "elements",
        "website",
        Some("claims.setup.effort"),
        Side::Theirs,
    )];
    let m = choose(&base, &ours, &theirs, &pick);
    assert_eq!(m.conflicts.len(), 2, "{:?}", m.conflicts);
    let website = m.workspace.element("website").unwrap();
    assert_eq!(
        website.claims["setup.effort"], "A day of setup",
        "chosen: theirs"
    );
    assert_eq!(website.description, "Ours", "not chosen: ours");
}

#[test]
fn choosing_ours_is_the_same_as_choosing_nothing() {
    let base = fixture();
    let ours = with_json(&base, |v| v["workspace"]["vision"] = json!("Ours"));
    let theirs = with_json(&base, |v| v["workspace"]["vision"] = json!("Theirs"));
    let pick = [choice("workspace", "workspace", Some("vision"), Side::Ours)];
    let m = choose(&base, &ours, &theirs, &pick);
    assert_eq!(m.workspace.workspace.vision, "Ours");
    let pick = [choice(
        "workspace",
        "workspace",
        Some("vision"),
        Side::Theirs,
    )];
    assert_eq!(
        choose(&base, &ours, &theirs, &pick)
            .workspace
            .workspace
            .vision,
        "Theirs"
    );
}

#[test]
fn their_deletion_chosen_over_our_change_deletes_the_item() {
    let base = fixture();
    let deleted = edit(&base, Edit::DeleteElement { id: id("webinar") });
    let changed = renamed_webinar(&base);
    let pick = [choice("elements", "webinar", None, Side::Theirs)];
    let m = choose(&base, &changed, &deleted, &pick);
    assert!(m.workspace.element("webinar").is_none());
    assert!(
        m.conflicts
            .iter()
            .any(|c| c.id == "webinar" && c.field.is_none())
    );
}

#[test]
fn their_change_chosen_over_our_deletion_brings_the_item_back_as_they_changed_it() {
    let base = fixture();
    let deleted = edit(&base, Edit::DeleteElement { id: id("webinar") });
    let changed = renamed_webinar(&base);
    let pick = [choice("elements", "webinar", None, Side::Theirs)];
    let m = choose(&base, &deleted, &changed, &pick);
    assert_eq!(
        m.workspace.element("webinar").unwrap().name,
        "Monthly webinar"
    );
}
