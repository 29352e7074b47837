//! Every element's name and aliases in the form the alias rule compares them
//! ([`name_key`]), so that the rule can find the elements bearing a name by one lookup.

use std::collections::BTreeSet;

use rusqlite::{Connection, params};
use serde_json::{Map, Value};
use throughline_model::{EntityKind, name_key};

use crate::StoreError;

/// Records the names of the element `id` as the object `element` gives them.
pub(crate) fn write(
    conn: &Connection,
    workspace_id: i64,
    id: &str,
    element: &Map<String, Value>,
) -> Result<(), StoreError> {
    let mut names = BTreeSet::new();
    if let Some(Value::String(name)) = element.get("name") {
        names.insert(name_key(name));
    }
    if let Some(Value::Array(aliases)) = element.get("aliases") {
        names.extend(aliases.iter().filter_map(Value::as_str).map(name_key));
    }
    conn.prepare_cached("DELETE FROM element_names WHERE workspace_id = ?1 AND element_id = ?2")?
        .execute(params![workspace_id, id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO element_names (workspace_id, element_id, name) VALUES (?1, ?2, ?3)",
    )?;
    for name in names {
        insert.execute(params![workspace_id, id, name])?;
    }
    Ok(())
}

/// The ids of the elements that bear `name` (a [`name_key`]) as name or alias.
pub(crate) fn bearers(
    conn: &Connection,
    workspace_id: i64,
    name: &str,
) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT element_id FROM element_names WHERE workspace_id = ?1 AND name = ?2",
    )?;
    let rows = stmt.query_map(params![workspace_id, name], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Fills the names of a workspace written before this table existed.
pub(crate) fn ensure(conn: &Connection, workspace_id: i64) -> Result<(), StoreError> {
    let missing: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM elements WHERE workspace_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM element_names WHERE workspace_id = ?1)",
        )?
        .query_row([workspace_id], |r| r.get(0))?;
    if !missing {
        return Ok(());
    }
    let elements: Vec<throughline_model::Element> =
        crate::rows::all(conn, EntityKind::Element, workspace_id)?;
    for e in elements {
        let value = serde_json::to_value(&e).map_err(StoreError::corrupt)?;
        if let Value::Object(object) = value {
            write(conn, workspace_id, e.id.as_str(), &object)?;
        }
    }
    Ok(())
}
