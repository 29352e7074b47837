//! Merging a file into the workspace: the user's copy of the workspace edited elsewhere
//! (`theirs`) is merged three-way with the workspace as it is now (`ours`) from a common
//! base (a snapshot, a point of the timeline, or a file). The preview shows what the merge
//! would change and each conflict; applying makes the workspace equal to the merged result
//! as one undoable edit logged with the source `merge`.

use serde::Serialize;
use tauri::{State, Window};
use throughline_store::{Source, WorkspaceState};
use throughline_versions::{
    Choice, Comparison, Conflict, Merge, MergeOptions, compare, merge_choosing,
};

use crate::commands::versions::{VersionRef, load};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// What merging the file would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct MergePreview {
    /// The names of the three states: base, ours (the workspace now), theirs (the file).
    pub base: String,
    pub ours: String,
    pub theirs: String,
    /// From the workspace now to the merged result: what applying would change.
    pub comparison: Comparison,
    /// Each thing both sides changed differently, with the three values.
    pub conflicts: Vec<Conflict>,
    /// Things to know that are not conflicts.
    pub warnings: Vec<String>,
}

/// Merges the file `theirs` into the workspace `slug` from the common `base`, settling
/// conflicts as `choices` say (the others keep the workspace's value); writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_merge(
    state: State<'_, AppState>,
    slug: String,
    theirs: String,
    base: VersionRef,
    choices: Vec<Choice>,
) -> Result<MergePreview, ApiError> {
    let (names, now, merged) = {
        let store = state.store()?;
        run(&store, &slug, &theirs, &base, &choices)?
    };
    let comparison = compare(&now, &merged.workspace).named(names[1].clone(), "Merged");
    let [base, ours, theirs] = names;
    Ok(MergePreview {
        base,
        ours,
        theirs,
        comparison,
        conflicts: merged.conflicts,
        warnings: merged.warnings,
    })
}

/// Merges as [`preview_merge`] does and makes the workspace equal to the result, as one
/// undoable edit labelled `Merge FILE`.
#[tauri::command]
#[specta::specta]
pub async fn apply_merge(
    window: Window,
    state: State<'_, AppState>,
    slug: String,
    theirs: String,
    base: VersionRef,
    choices: Vec<Choice>,
) -> Result<WorkspaceState, ApiError> {
    let mut store = state.store_for(&window)?;
    let (names, _, merged) = run(&store, &slug, &theirs, &base, &choices)?;
    let actor = store.actor(Source::Merge)?;
    let label = format!("Merge {}", names[2]);
    Ok(store.apply_document(&slug, &merged.workspace, &label, Source::Merge, &actor)?)
}

/// Loads the three states and merges them.
fn run(
    store: &throughline_store::Store,
    slug: &str,
    theirs: &str,
    base: &VersionRef,
    choices: &[Choice],
) -> Result<([String; 3], throughline_model::Workspace, Merge), ApiError> {
    let (base_name, base_doc) = load(store, slug, base)?;
    let (ours_name, ours_doc) = load(store, slug, &VersionRef::Current)?;
    let (theirs_name, theirs_doc) = load(
        store,
        slug,
        &VersionRef::File {
            path: theirs.to_string(),
        },
    )?;
    let merged = merge_choosing(
        &base_doc,
        &ours_doc,
        &theirs_doc,
        MergeOptions::default(),
        choices,
    )
    .map_err(|e| ApiError::new(ErrorCode::BadFile, e.to_string()))?;
    Ok(([base_name, ours_name, theirs_name], ours_doc, merged))
}
