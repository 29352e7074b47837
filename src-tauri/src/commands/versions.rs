//! Versions of a workspace: snapshots (take, list, restore as an undoable edit, delete,
//! export), the comparison of any two states (now, a snapshot, a file), and the change log
//! as a timeline and as one item's history. Each command is a call into the store or the
//! versions library.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tauri::{State, Window};
use throughline_model::EntityChange;
use throughline_model::{EntityKind, Workspace};
use throughline_store::{BatchState, SnapshotInfo, Source, Store, WorkspaceState};
use throughline_versions::{
    ChangeKind, Comparison, FieldChange, compare, field_changes, is_ordered,
};

use crate::error::ApiError;
use crate::state::AppState;

/// One state of a workspace to compare: as it is now, a snapshot of it, or a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VersionRef {
    /// The workspace as it is now.
    Current,
    /// One of the workspace's snapshots, by label.
    Snapshot { label: String },
    /// A `*.throughline.json` file the user chose.
    File { path: String },
    /// The workspace as it was right after one change batch of its timeline.
    Batch { id: u32 },
}

/// One item a change batch touched, for the timeline and its filter.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct BatchItem {
    pub kind: EntityKind,
    /// The item's id (or composite key).
    pub id: String,
    /// The item's name (or a principle's text) after the change, else before; may be empty.
    pub name: String,
}

/// One change batch as the timeline lists it: when, who, through what, and which items.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct BatchSummary {
    pub id: u32,
    /// RFC 3339, UTC.
    pub at: String,
    pub who: String,
    pub source: Source,
    pub label: String,
    pub state: BatchState,
    pub items: Vec<BatchItem>,
}

/// What one change batch did to one item: the inspector's history entry.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct ItemChange {
    pub batch: u32,
    /// RFC 3339, UTC.
    pub at: String,
    pub who: String,
    pub source: Source,
    pub label: String,
    pub state: BatchState,
    pub change: ChangeKind,
    /// For `changed`: each field's before and after, by dotted path.
    pub fields: BTreeMap<String, FieldChange>,
}

/// The workspace's snapshots, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_snapshots(
    state: State<'_, AppState>,
    slug: String,
) -> Result<Vec<SnapshotInfo>, ApiError> {
    Ok(state.store()?.snapshots(&slug)?)
}

/// Takes a snapshot of the workspace as it is now, labelled `label` (unique in the workspace).
#[tauri::command]
#[specta::specta]
pub async fn create_snapshot(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
    label: String,
    note: Option<String>,
) -> Result<SnapshotInfo, ApiError> {
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Ui)?;
    Ok(store.create_snapshot(&slug, &label, note.as_deref(), &actor)?)
}

/// The snapshot `label`, to look at in every view, read-only. Its slug is `SLUG@LABEL`,
/// which every read command accepts and every write command refuses.
#[tauri::command]
#[specta::specta]
pub async fn open_snapshot(
    state: State<'_, AppState>,
    slug: String,
    label: String,
) -> Result<WorkspaceState, ApiError> {
    Ok(state.store()?.snapshot_state(&slug, &label)?)
}

/// Brings the workspace back to the snapshot `label` as one undoable edit.
#[tauri::command]
#[specta::specta]
pub async fn restore_snapshot(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
    label: String,
) -> Result<WorkspaceState, ApiError> {
    let mut store = state.store_for(&window)?;
    let actor = store.actor(Source::Restore)?;
    Ok(store.restore_snapshot(&slug, &label, &actor)?)
}

/// Deletes the snapshot `label`; the workspace is not touched. The UI asks first.
#[tauri::command]
#[specta::specta]
pub async fn delete_snapshot(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
    label: String,
) -> Result<(), ApiError> {
    Ok(state.store_for(&window)?.delete_snapshot(&slug, &label)?)
}

/// Writes the snapshot `label` to a `*.throughline.json` file.
#[tauri::command]
#[specta::specta]
pub async fn export_snapshot(
    state: State<'_, AppState>,
    slug: String,
    label: String,
    path: String,
) -> Result<(), ApiError> {
    let path = PathBuf::from(path);
    state.store()?.export_snapshot(&slug, &label, &path)?;
    state.exported(&path);
    Ok(())
}

/// Compares the older state `from` with the newer state `to` of the workspace `slug`.
#[tauri::command]
#[specta::specta]
pub async fn compare_versions(
    state: State<'_, AppState>,
    slug: String,
    from: VersionRef,
    to: VersionRef,
) -> Result<Comparison, ApiError> {
    let (a, b) = {
        let store = state.store()?;
        (load(&store, &slug, &from)?, load(&store, &slug, &to)?)
    };
    // The comparison runs the audit twice; the store lock is not held meanwhile.
    Ok(compare(&a.1, &b.1).named(a.0, b.0))
}

/// The newest `limit` change batches of the workspace, newest first, with the items each touched.
#[tauri::command]
#[specta::specta]
pub async fn workspace_timeline(
    state: State<'_, AppState>,
    slug: String,
    limit: u32,
) -> Result<Vec<BatchSummary>, ApiError> {
    let batches = state.store()?.history(&slug, limit)?;
    Ok(batches
        .into_iter()
        .map(|b| BatchSummary {
            items: b
                .changes
                .iter()
                .filter(|c| !only_shifted(c))
                .map(|c| BatchItem {
                    kind: c.kind,
                    id: c.key.clone(),
                    name: c
                        .after
                        .as_ref()
                        .or(c.before.as_ref())
                        .map(|p| item_name(&p.value))
                        .unwrap_or_default(),
                })
                .collect(),
            id: b.id,
            at: b.at,
            who: b.who,
            source: b.source,
            label: b.label,
            state: b.state,
        })
        .collect())
}

/// Every logged change to the item `id` of kind `kind`, newest first, field by field.
#[tauri::command]
#[specta::specta]
pub async fn item_history(
    state: State<'_, AppState>,
    slug: String,
    kind: EntityKind,
    id: String,
) -> Result<Vec<ItemChange>, ApiError> {
    let batches = state.store()?.history(&slug, u32::MAX)?;
    let mut out = Vec::new();
    for b in batches {
        for c in b
            .changes
            .iter()
            .filter(|c| c.kind == kind && c.key == id && !only_shifted(c))
        {
            let (change, fields) = match (&c.before, &c.after) {
                (None, _) => (ChangeKind::Added, BTreeMap::new()),
                (_, None) => (ChangeKind::Removed, BTreeMap::new()),
                (Some(x), Some(y)) if x.value == y.value => (ChangeKind::Moved, BTreeMap::new()),
                (Some(x), Some(y)) => (ChangeKind::Changed, field_changes(&x.value, &y.value)),
            };
            out.push(ItemChange {
                batch: b.id,
                at: b.at.clone(),
                who: b.who.clone(),
                source: b.source,
                label: b.label.clone(),
                state: b.state,
                change,
                fields,
            });
        }
    }
    Ok(out)
}

/// True when the change only moved the item in a collection whose order means nothing
/// (an element after a deleted one shifts up): the log records it, people did not do it.
fn only_shifted(c: &EntityChange) -> bool {
    match (&c.before, &c.after) {
        (Some(b), Some(a)) => b.value == a.value && !is_ordered(c.kind),
        _ => false,
    }
}

/// The state `which` of the workspace `slug`, with the name the comparison gives it.
pub(crate) fn load(
    store: &Store,
    slug: &str,
    which: &VersionRef,
) -> Result<(String, Workspace), ApiError> {
    Ok(match which {
        VersionRef::Current => ("Now".to_string(), store.load(slug)?),
        VersionRef::Snapshot { label } => (
            format!("“{}”", label.trim()),
            store.load_snapshot(slug, label)?,
        ),
        VersionRef::Batch { id } => (format!("After change {id}"), store.state_after(slug, *id)?),
        VersionRef::File { path } => {
            let path = PathBuf::from(path);
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            (name, throughline_format::read_file(&path)?)
        }
    })
}

/// An item's name as people know it: `name`, else a principle's `text`, else nothing.
fn item_name(value: &serde_json::Value) -> String {
    ["name", "text"]
        .iter()
        .find_map(|k| value.get(k).and_then(|v| v.as_str()))
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_reference_crosses_as_a_tagged_object() {
        let r: VersionRef =
            serde_json::from_value(serde_json::json!({"kind": "snapshot", "label": "Baseline"}))
                .unwrap();
        assert_eq!(
            r,
            VersionRef::Snapshot {
                label: "Baseline".into()
            }
        );
        let now: VersionRef =
            serde_json::from_value(serde_json::json!({"kind": "current"})).unwrap();
        assert_eq!(now, VersionRef::Current);
    }

    #[test]
    fn an_element_shifted_by_a_deletion_is_not_a_change_but_a_moved_stage_is() {
        let placed = |index, name: &str| {
            Some(throughline_model::Placed {
                index,
                value: serde_json::json!({ "name": name }),
            })
        };
        let shift = |kind| EntityChange {
            kind,
            key: "x".into(),
            before: placed(3, "A"),
            after: placed(2, "A"),
        };
        assert!(only_shifted(&shift(EntityKind::Element)));
        assert!(!only_shifted(&shift(EntityKind::Stage)));
        let renamed = EntityChange {
            after: placed(2, "B"),
            ..shift(EntityKind::Element)
        };
        assert!(!only_shifted(&renamed));
    }

    #[test]
    fn a_principle_is_named_by_its_text() {
        assert_eq!(
            item_name(&serde_json::json!({"text": "One voice"})),
            "One voice"
        );
        assert_eq!(item_name(&serde_json::json!({"name": "Wizard"})), "Wizard");
        assert_eq!(item_name(&serde_json::json!({"id": "x"})), "");
    }
}
