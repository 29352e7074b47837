//! Edits applied through the real store, slugs and rater names: what the test double must
//! answer the same way.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde_json::{Value, json};
use throughline_model::{Edit, EntityChange, Id, ReadinessSession, Workspace, validate};
use throughline_store::{Actor, Source, Store};

use crate::CasesError;

/// The edit cases and the workspaces they start from.
#[derive(Debug, Serialize)]
pub struct EditCases {
    /// Who applies the edits (the display name the store records, e.g. on a waiver).
    pub actor: String,
    /// The store's frozen clock: the time it stamps on what it records for the user.
    pub clock: String,
    /// The starting documents by name (written once, not once per case).
    pub bases: BTreeMap<String, Workspace>,
    pub cases: Vec<EditCase>,
}

/// One edit applied to a workspace, and what the store answered.
#[derive(Debug, Serialize)]
pub struct EditCase {
    pub name: String,
    /// The name of the starting document in [`EditCases::bases`].
    pub before: String,
    pub edit: Edit,
    pub outcome: Outcome,
}

/// What the store answered to an edit.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Outcome {
    /// The edit was saved: the new document, what the store said changed (what the window
    /// patches its document with) and the label undo offers.
    Applied {
        doc: Box<Workspace>,
        changes: Vec<EntityChange>,
        undo_label: Option<String>,
        /// What undoing the edit at once changed.
        undo_changes: Vec<EntityChange>,
    },
    /// The edit was refused; the document is unchanged.
    Refused { code: String, message: String },
}

/// A display name turned into an id, unique against the ids already taken.
#[derive(Debug, Serialize)]
pub struct SlugCase {
    pub name: String,
    pub taken: Vec<String>,
    pub fallback: String,
    pub id: String,
}

/// Whether a rater name typed into a session would be accepted by the model.
#[derive(Debug, Serialize)]
pub struct RaterNameCase {
    pub existing: Vec<String>,
    pub typed: String,
    pub accepted: bool,
}

/// Reads and validates a workspace document (the UI's test workspace).
pub(crate) fn read_workspace(path: &Path) -> Result<Workspace, CasesError> {
    let text = std::fs::read_to_string(path).map_err(|source| CasesError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bad = |message: String| CasesError::BadWorkspace {
        path: path.to_path_buf(),
        message,
    };
    let ws: Workspace = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
    let problems = validate(&ws);
    if let Some(p) = problems.first() {
        return Err(bad(p.to_string()));
    }
    Ok(ws)
}

/// The display name the cases are applied by.
const ACTOR: &str = "Dana";
/// The frozen time of the cases' store.
const STAMP_TIME: &str = "2025-03-01T10:00:00Z";

/// The edits the UI sends, each applied to `base` (or a variant of it) through an in-memory store.
pub fn edit_cases(base: &Workspace) -> Result<EditCases, CasesError> {
    let with_session = apply(
        base,
        "a session",
        session_edit("kickoff", "Kick-off", &["Ana", "Ben"]),
    )?;
    let with_extras = apply(
        &with_session,
        "extras",
        json!({"type": "batch", "edits": [
            {"type": "put_principle", "principle": {"id": "one-voice", "text": "Speak with one voice across every channel we run."}, "index": null},
            {"type": "put_layer_score", "score": {"layer": "vision", "date": "2025-03-01", "score": 3}},
            {"type": "put_waiver", "waiver": {"code": "unowned-handoff", "subject": "demo-wizard", "reason": "Sales owns it", "who": "Dana", "when": "2025-03-01T10:00:00Z"}}
        ]}),
    )?;
    let with_metrics = apply(&with_extras, "metrics", crate::measure::with_metrics_edit())?;
    let bases = BTreeMap::from([
        ("nexusflow".to_string(), base.clone()),
        ("with-session".to_string(), with_session.clone()),
        ("with-extras".to_string(), with_extras.clone()),
        (crate::measure::WITH_METRICS.to_string(), with_metrics),
    ]);
    let b = "nexusflow";
    let x = "with-extras";
    let with_session = "with-session";
    let mut cases = Vec::new();
    let mut case = |name: &str, before: &str, edit: Value| -> Result<(), CasesError> {
        let edit = parse_edit(name, edit)?;
        let doc = bases.get(before).ok_or_else(|| CasesError::BadCase {
            case: name.to_string(),
            message: format!("no base document \"{before}\""),
        })?;
        let outcome = run(doc, &edit)?;
        cases.push(EditCase {
            name: name.to_string(),
            before: before.to_string(),
            edit,
            outcome,
        });
        Ok(())
    };
    case(
        "rename the workspace",
        b,
        json!({"type": "set_info", "info": {"name": "NexusFlow: day one", "vision": base.workspace.vision, "journey_state": base.workspace.journey_state}}),
    )?;
    case(
        "edit the vision",
        b,
        json!({"type": "set_info", "info": {"name": base.workspace.name, "vision": "Nobody asks for help twice.", "journey_state": base.workspace.journey_state}}),
    )?;
    case(
        "a workspace name cannot be blank",
        b,
        json!({"type": "set_info", "info": {"name": "  ", "vision": ""}}),
    )?;
    case(
        "add a stage at the end",
        b,
        json!({"type": "put_stage", "stage": {"id": "renew", "name": "Renew", "emotion": 0, "moment": ""}, "index": null}),
    )?;
    case(
        "add a stage at a position",
        b,
        json!({"type": "put_stage", "stage": {"id": "trial", "name": "Trial", "emotion": 1, "moment": "Tries it"}, "index": 2}),
    )?;
    case(
        "edit a stage in place",
        b,
        json!({"type": "put_stage", "stage": {"id": "set-up", "name": "Set up", "emotion": -1, "moment": "Finds the guide"}, "index": null}),
    )?;
    case(
        "move a stage by putting it at an index",
        b,
        json!({"type": "put_stage", "stage": {"id": "get-help", "name": "Get help", "emotion": -1, "moment": "Explains the problem to a third person"}, "index": 0}),
    )?;
    case(
        "move a stage",
        b,
        json!({"type": "move_stage", "id": "first-value", "index": 1}),
    )?;
    case(
        "a stage name cannot be blank",
        b,
        json!({"type": "put_stage", "stage": {"id": "blank", "name": " ", "emotion": 0, "moment": ""}, "index": null}),
    )?;
    case(
        "delete a stage and its card placements",
        b,
        json!({"type": "delete_stage", "id": "get-help"}),
    )?;
    case(
        "deleting a missing stage is refused",
        b,
        json!({"type": "delete_stage", "id": "nowhere"}),
    )?;
    case(
        "add a card",
        b,
        json!({"type": "put_element", "element": {"id": "faq", "kind": "touchpoint", "name": "FAQ page", "stages": ["get-help"]}}),
    )?;
    case(
        "edit a card",
        b,
        json!({"type": "put_element", "element": {"id": "signup", "kind": "touchpoint", "name": "Sign-up page", "channel": "web", "team": "Growth", "stages": ["sign-up"]}}),
    )?;
    case(
        "a card cannot sit in a missing stage",
        b,
        json!({"type": "put_element", "element": {"id": "faq", "kind": "touchpoint", "name": "FAQ page", "stages": ["nowhere"]}}),
    )?;
    case(
        "delete a card with its handoffs and rule coverage",
        b,
        json!({"type": "delete_element", "id": "chatbot"}),
    )?;
    case(
        "deleting a missing card is refused",
        b,
        json!({"type": "delete_element", "id": "nobody"}),
    )?;
    case(
        "add a handoff",
        b,
        json!({"type": "put_handoff", "handoff": {"id": "agent-check-in", "from": "agent", "to": "check-in", "carries": ["case.id"], "invariant": [], "may_vary": [], "owner": null, "source_of_truth": null, "mode": "typed", "gate": null, "latency_hours": null, "trigger": "always"}}),
    )?;
    case(
        "edit a handoff",
        b,
        json!({"type": "put_handoff", "handoff": {"id": "demo-wizard", "from": "demo", "to": "wizard", "carries": ["feature.scope"], "invariant": [], "may_vary": [], "owner": "Sales", "source_of_truth": null, "mode": "typed", "gate": null, "latency_hours": null, "trigger": "always"}}),
    )?;
    case(
        "delete a handoff",
        b,
        json!({"type": "delete_handoff", "id": "demo-wizard"}),
    )?;
    case(
        "add a principle",
        b,
        json!({"type": "put_principle", "principle": {"id": "ask-once", "text": "Never ask a customer for the same thing twice."}, "index": null}),
    )?;
    case(
        "edit a principle",
        x,
        json!({"type": "put_principle", "principle": {"id": "one-voice", "text": "One voice, every channel."}, "index": null}),
    )?;
    case(
        "a principle needs text",
        b,
        json!({"type": "put_principle", "principle": {"id": "empty", "text": " "}, "index": null}),
    )?;
    case(
        "delete a principle",
        x,
        json!({"type": "delete_principle", "id": "one-voice"}),
    )?;
    case(
        "add a readiness session",
        b,
        session_edit("kickoff", "Kick-off", &["Ana"]),
    )?;
    case(
        "edit a readiness session",
        with_session,
        session_edit("kickoff", "Kick-off workshop", &["Ana", "Ben", "Cleo"]),
    )?;
    case(
        "a rater cannot appear twice",
        with_session,
        session_edit("kickoff", "Kick-off", &["Ana", "Ana"]),
    )?;
    case(
        "a rater needs a name",
        with_session,
        session_edit("kickoff", "Kick-off", &["Ana", " "]),
    )?;
    case(
        "delete a readiness session",
        with_session,
        json!({"type": "delete_session", "id": "kickoff"}),
    )?;
    case(
        "score a layer",
        b,
        json!({"type": "put_layer_score", "score": {"layer": "system", "date": "2025-03-02", "score": 2}}),
    )?;
    case(
        "rescore a layer on the same date",
        x,
        json!({"type": "put_layer_score", "score": {"layer": "vision", "date": "2025-03-01", "score": 4}}),
    )?;
    case(
        "delete a layer score",
        x,
        json!({"type": "delete_layer_score", "layer": "vision", "date": "2025-03-01"}),
    )?;
    case(
        "deleting a missing layer score is refused",
        b,
        json!({"type": "delete_layer_score", "layer": "vision", "date": "2025-03-01"}),
    )?;
    case(
        "waive a finding",
        b,
        // The client sends no author or date: the store stamps them.
        json!({"type": "put_waiver", "waiver": {"code": "conflicting-claim", "subject": "website-wizard", "reason": "Legal signed off", "who": "", "when": ""}}),
    )?;
    case(
        "withdraw a waiver",
        x,
        json!({"type": "delete_waiver", "code": "unowned-handoff", "subject": "demo-wizard"}),
    )?;
    case(
        "withdrawing a missing waiver is refused",
        b,
        json!({"type": "delete_waiver", "code": "unowned-handoff", "subject": "demo-wizard"}),
    )?;
    case(
        "a batch of one is labelled as its edit",
        b,
        json!({"type": "batch", "edits": [{"type": "delete_handoff", "id": "demo-wizard"}]}),
    )?;
    case(
        "delete a selection as one batch",
        b,
        json!({"type": "batch", "edits": [{"type": "delete_handoff", "id": "demo-wizard"}, {"type": "delete_element", "id": "chatbot"}, {"type": "delete_element", "id": "agent"}]}),
    )?;
    case(
        "a batch is refused whole",
        b,
        json!({"type": "batch", "edits": [{"type": "delete_handoff", "id": "demo-wizard"}, {"type": "delete_stage", "id": "nowhere"}]}),
    )?;
    crate::measure::monitor_cases(&mut case, b)?;
    Ok(EditCases {
        actor: ACTOR.to_string(),
        clock: STAMP_TIME.to_string(),
        bases,
        cases,
    })
}

fn session_edit(id: &str, name: &str, raters: &[&str]) -> Value {
    let raters: Vec<Value> = raters
        .iter()
        .map(|r| json!({"name": r, "scores": {"strategy": 3, "data": 2}}))
        .collect();
    json!({"type": "put_session", "session": {"id": id, "name": name, "date": "2025-02-04", "raters": raters}})
}

fn parse_edit(case: &str, edit: Value) -> Result<Edit, CasesError> {
    serde_json::from_value(edit).map_err(|e| CasesError::BadCase {
        case: case.to_string(),
        message: e.to_string(),
    })
}

/// A variant of `base` for later cases: `edit` applied by the model.
fn apply(base: &Workspace, name: &str, edit: Value) -> Result<Workspace, CasesError> {
    let edit = parse_edit(name, edit)?;
    throughline_model::apply_edit(base, &edit).map_err(|e| CasesError::BadCase {
        case: name.to_string(),
        message: e.to_string(),
    })
}

/// Applies `edit` to `before` through a fresh in-memory store, as the app does.
fn run(before: &Workspace, edit: &Edit) -> Result<Outcome, CasesError> {
    let mut store = Store::open_in_memory()?;
    // The store stamps waivers with the actor and its clock: fixed, for reproducible cases.
    store.freeze_clock(STAMP_TIME);
    let actor = Actor::new(ACTOR, Source::Ui);
    let slug = store.import_workspace(before, &actor)?.slug;
    Ok(match store.apply_delta(&slug, edit, &actor) {
        Ok(delta) => {
            let doc = Box::new(store.load(&slug)?);
            let undo_changes = if delta.changes.is_empty() {
                Vec::new()
            } else {
                store
                    .undo_delta(&slug, &Actor::new("Dana", Source::Undo))?
                    .changes
            };
            Outcome::Applied {
                doc,
                changes: delta.changes,
                undo_label: delta.undo.map(|s| s.label),
                undo_changes,
            }
        }
        Err(e) => Outcome::Refused {
            code: e.code().to_string(),
            message: e.to_string(),
        },
    })
}

/// Display names turned into ids by the model's own rule.
pub(crate) fn slug_cases() -> Vec<SlugCase> {
    let cases: [(&str, &[&str], &str); 12] = [
        ("Week 2: Support", &[], "item"),
        ("Onboarding wizard", &["onboarding-wizard"], "item"),
        (
            "Onboarding wizard",
            &["onboarding-wizard", "onboarding-wizard-2"],
            "item",
        ),
        ("Süpport", &[], "item"),
        ("Café & Crème", &[], "item"),
        ("  --Trim me--  ", &[], "item"),
        ("", &[], "touchpoint"),
        ("¿¡!?", &[], "stage"),
        ("New touchpoint", &["new-touchpoint"], "touchpoint"),
        ("ÉTAPE 1 — Découvrir", &[], "stage"),
        ("under_score.dot", &[], "item"),
        (
            "A very long name that goes on and on well past the sixty-four characters an id may hold",
            &[],
            "item",
        ),
    ];
    cases
        .iter()
        .map(|(name, taken, fallback)| SlugCase {
            name: (*name).to_string(),
            taken: taken.iter().map(|t| (*t).to_string()).collect(),
            fallback: (*fallback).to_string(),
            id: Id::slug_from(name, fallback, |c| taken.contains(&c))
                .as_str()
                .to_string(),
        })
        .collect()
}

/// Rater names typed into a session that already has raters: accepted when the session
/// with the trimmed name added passes the model's validation.
pub(crate) fn rater_name_cases() -> Vec<RaterNameCase> {
    let long = "x".repeat(throughline_model::NAME_MAX + 1);
    let typed: [(&[&str], &str); 9] = [
        (&["Ana"], "Ben"),
        (&["Ana"], "Ana"),
        (&["Ana"], "  Ana "),
        (&["Ana"], "ana"),
        (&[], ""),
        (&[], "   "),
        (&[], long.as_str()),
        (&["Ana", "Ben"], "Cleo"),
        (&[], "Ana\tBen"),
    ];
    typed
        .iter()
        .map(|(existing, typed)| {
            let mut names: Vec<String> = existing.iter().map(|n| (*n).to_string()).collect();
            names.push(typed.trim().to_string());
            RaterNameCase {
                existing: existing.iter().map(|n| (*n).to_string()).collect(),
                typed: (*typed).to_string(),
                accepted: session_is_valid(&names),
            }
        })
        .collect()
}

fn session_is_valid(names: &[String]) -> bool {
    let raters: Vec<Value> = names
        .iter()
        .map(|n| json!({"name": n, "scores": {}}))
        .collect();
    let session = json!({"id": "s", "name": "Session", "date": "2025-01-01", "raters": raters});
    let Ok(session) = serde_json::from_value::<ReadinessSession>(session) else {
        return false;
    };
    let mut ws = Workspace::new("Raters");
    ws.readiness.push(session);
    validate(&ws).is_empty()
}
