//! The user's settings, kept in the library beside the workspaces: the display name
//! recorded with changes, and the workspace opened last (the one to open at start).

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use throughline_model::check_name;

use crate::edits::read_state;
use crate::events::{ChangeKind, Committed};
use crate::library::workspace_id;
use crate::{DEFAULT_DISPLAY_NAME, Store, StoreError, WorkspaceState};

/// The setting that names the workspace opened last.
pub(crate) const LAST_WORKSPACE: &str = "last_workspace";
const DISPLAY_NAME: &str = "display_name";

/// The user's settings, as the app's Settings dialog edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Settings {
    /// The name recorded in the change log for edits made in the app.
    pub display_name: String,
    /// The workspace to open at start-up (its slug).
    pub last_workspace: Option<String>,
    /// Whether the user has given their name; until they do, `display_name` is a
    /// placeholder and the app asks for it. Ignored when saving.
    #[serde(default)]
    pub named: bool,
}

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(crate) fn put(conn: &Connection, key: &str, value: Option<&str>) -> Result<(), StoreError> {
    match value {
        Some(value) => conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?,
        None => conn.execute("DELETE FROM settings WHERE key = ?1", [key])?,
    };
    Ok(())
}

fn checked_name(name: &str) -> Result<&str, StoreError> {
    let name = name.trim();
    check_name(name).map_err(|source| StoreError::InvalidText {
        what: "display name",
        source,
    })?;
    Ok(name)
}

fn read(conn: &Connection) -> Result<Settings, StoreError> {
    let name = get(conn, DISPLAY_NAME)?;
    Ok(Settings {
        named: name.is_some(),
        display_name: name.unwrap_or_else(|| DEFAULT_DISPLAY_NAME.to_string()),
        last_workspace: get(conn, LAST_WORKSPACE)?,
    })
}

impl Store {
    /// The user's settings.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        read(&self.conn)
    }

    /// Saves the settings in one transaction and returns them as stored (the name
    /// trimmed). An invalid display name or an unknown workspace changes nothing.
    pub fn set_settings(&mut self, settings: &Settings) -> Result<Settings, StoreError> {
        let name = checked_name(&settings.display_name)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(slug) = &settings.last_workspace {
            workspace_id(&tx, slug)?;
        }
        put(&tx, DISPLAY_NAME, Some(name))?;
        put(&tx, LAST_WORKSPACE, settings.last_workspace.as_deref())?;
        let stored = read(&tx)?;
        tx.commit()?;
        self.published(Committed::settings());
        Ok(stored)
    }

    /// Opens a workspace for the user: its state, remembered as the one to open next
    /// time, in one transaction (nothing is written when it already is the last one).
    pub fn open_workspace(&mut self, slug: &str) -> Result<WorkspaceState, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let state = read_state(&tx, slug)?;
        let remembered = get(&tx, LAST_WORKSPACE)?.as_deref() != Some(slug);
        if remembered {
            put(&tx, LAST_WORKSPACE, Some(slug))?;
        }
        tx.commit()?;
        if remembered {
            self.published(Committed::settings());
        }
        Ok(state)
    }

    /// The name recorded with the user's changes.
    pub fn display_name(&self) -> Result<String, StoreError> {
        Ok(read(&self.conn)?.display_name)
    }

    /// Sets the name recorded with the user's changes; it must be a valid name.
    pub fn set_display_name(&mut self, name: &str) -> Result<(), StoreError> {
        put(&self.conn, DISPLAY_NAME, Some(checked_name(name)?))?;
        self.published(Committed::settings());
        Ok(())
    }

    /// A free-form setting of the app, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        get(&self.conn, key)
    }

    /// Sets a free-form setting, or removes it with `None`.
    pub fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        put(&self.conn, key, value)?;
        self.published(Committed::settings());
        Ok(())
    }
}

impl Committed {
    fn settings() -> Self {
        Committed {
            slug: None,
            source: None,
            kind: ChangeKind::Settings,
        }
    }
}
