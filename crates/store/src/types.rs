use serde::{Deserialize, Serialize};
use throughline_model::{EntityChange, Workspace};

/// Where a write came from, recorded with every change batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Ui,
    Cli,
    Import,
    Undo,
    Redo,
    /// Restoring a snapshot: an ordinary, undoable edit back to a saved state.
    Restore,
    /// Merging another copy of the workspace into it: one undoable edit to the merged state.
    Merge,
}

impl Source {
    /// The source's name as stored in the change log.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Ui => "ui",
            Source::Cli => "cli",
            Source::Import => "import",
            Source::Undo => "undo",
            Source::Redo => "redo",
            Source::Restore => "restore",
            Source::Merge => "merge",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        [
            Source::Ui,
            Source::Cli,
            Source::Import,
            Source::Undo,
            Source::Redo,
            Source::Restore,
            Source::Merge,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// Who is writing and through what: the display name and the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Actor {
    pub name: String,
    pub source: Source,
}

impl Actor {
    /// An actor named `name` writing through `source`.
    pub fn new(name: impl Into<String>, source: Source) -> Self {
        Self {
            name: name.into(),
            source,
        }
    }
}

/// A workspace as listed in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkspaceSummary {
    /// The workspace's permanent identifier in this library.
    pub slug: String,
    pub name: String,
    pub stages: u32,
    pub elements: u32,
    /// RFC 3339, UTC: when the last change was saved.
    pub updated_at: String,
}

/// A batch undo or redo would act on, as the UI offers it ("Undo: Add stage “A”").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryStep {
    pub label: String,
}

/// A workspace as the UI shows it: the document, and what undo and redo would do.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkspaceState {
    pub summary: WorkspaceSummary,
    pub doc: Workspace,
    /// Counts every saved change batch; a reader can tell that the workspace changed.
    pub revision: u32,
    /// RFC 3339, UTC: when the last change was saved.
    pub saved_at: String,
    /// The batch undo would revert, if any.
    pub undo: Option<HistoryStep>,
    /// The batch redo would re-apply, if any.
    pub redo: Option<HistoryStep>,
}

/// What a logged batch is and where it stands for undo and redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum BatchState {
    /// An edit in effect; on the undo stack.
    Done,
    /// An edit that was undone; on the redo stack.
    Undone,
    /// An undone edit that a later edit replaced; it can no longer be redone.
    Discarded,
    /// A record that is not itself undoable: a workspace's creation, an undo or a redo.
    Record,
}

/// One user action as logged: when, who, from where, and each entity's before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangeBatch {
    pub id: u32,
    /// RFC 3339, UTC.
    pub at: String,
    pub who: String,
    pub source: Source,
    pub label: String,
    pub state: BatchState,
    pub changes: Vec<EntityChange>,
}

/// What one saved action changed, without the whole document: what the window needs to
/// update itself after an edit, an undo or a redo.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkspaceDelta {
    pub summary: WorkspaceSummary,
    /// Each entity's state before and after, in the order `diff` lists them; empty when
    /// the action changed nothing.
    pub changes: Vec<EntityChange>,
    /// Counts every saved change batch; a reader can tell that the workspace changed.
    pub revision: u32,
    /// RFC 3339, UTC: when the last change was saved.
    pub saved_at: String,
    /// The batch undo would revert now, if any.
    pub undo: Option<HistoryStep>,
    /// The batch redo would re-apply now, if any.
    pub redo: Option<HistoryStep>,
}
