//! How entities map to rows, and the two generic operations on them: write an entity
//! change, and read a whole workspace back.
//!
//! Each entity kind has a table with real columns for its identity, its order (`ord`),
//! its references and its scalar fields, and JSON text columns for nested data. The map
//! from JSON fields to columns is declared once per kind ([`TABLES`]), so an edit of any
//! kind is written by the same code: upsert the `after`, delete when `after` is absent.

use rusqlite::types::Value as Sql;
use rusqlite::{Connection, params_from_iter};
use serde_json::{Map, Value};
use throughline_model::{EntityChange, EntityKind, Workspace, WorkspaceInfo};

use crate::StoreError;

/// How a field is held in its column.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ty {
    Text,
    Int,
    /// A floating-point number.
    Real,
    Bool,
    /// Nested data as JSON text.
    Json,
}

/// A JSON field of an entity and the column that holds it.
pub(crate) struct Field {
    pub(crate) column: &'static str,
    pub(crate) json: &'static str,
    pub(crate) ty: Ty,
}

const fn f(column: &'static str, json: &'static str, ty: Ty) -> Field {
    Field { column, json, ty }
}

/// One entity kind's table.
pub(crate) struct Table {
    kind: EntityKind,
    pub(crate) name: &'static str,
    /// The column holding the entity's key; it may also be one of `fields` (`id`).
    pub(crate) key: &'static str,
    pub(crate) fields: &'static [Field],
}

impl Table {
    fn key_is_field(&self) -> bool {
        self.fields.iter().any(|c| c.column == self.key)
    }
}

pub(crate) const INFO: &[Field] = &[
    f("name", "name", Ty::Text),
    f("vision", "vision", Ty::Text),
    f("journey_state", "journey_state", Ty::Json),
];

const TABLES: &[Table] = &[
    Table {
        kind: EntityKind::Stage,
        name: "stages",
        key: "id",
        fields: &[
            f("id", "id", Ty::Text),
            f("name", "name", Ty::Text),
            f("emotion", "emotion", Ty::Int),
            f("moment", "moment", Ty::Text),
        ],
    },
    Table {
        kind: EntityKind::Element,
        name: "elements",
        key: "id",
        fields: &[
            f("id", "id", Ty::Text),
            f("kind", "kind", Ty::Text),
            f("name", "name", Ty::Text),
            f("description", "description", Ty::Text),
            f("channel", "channel", Ty::Text),
            f("team", "team", Ty::Text),
            f("capability", "capability", Ty::Text),
            f("stages", "stages", Ty::Json),
            f("covers", "covers", Ty::Json),
            f("claims", "claims", Ty::Json),
            f("needs", "needs", Ty::Json),
            f("interprets", "interprets", Ty::Json),
            f("tags", "tags", Ty::Json),
            f("aliases", "aliases", Ty::Json),
        ],
    },
    Table {
        kind: EntityKind::Handoff,
        name: "handoffs",
        key: "id",
        fields: &[
            f("id", "id", Ty::Text),
            f("from_id", "from", Ty::Text),
            f("to_id", "to", Ty::Text),
            f("carries", "carries", Ty::Json),
            f("invariant", "invariant", Ty::Json),
            f("may_vary", "may_vary", Ty::Json),
            f("owner", "owner", Ty::Text),
            f("source_of_truth", "source_of_truth", Ty::Text),
            f("mode", "mode", Ty::Text),
            f("gate", "gate", Ty::Text),
            f("latency_hours", "latency_hours", Ty::Int),
            f("trigger", "trigger", Ty::Text),
        ],
    },
    Table {
        kind: EntityKind::Principle,
        name: "principles",
        key: "id",
        fields: &[
            f("id", "id", Ty::Text),
            f("text", "text", Ty::Text),
            f("non_negotiable", "non_negotiable", Ty::Bool),
        ],
    },
    Table {
        kind: EntityKind::Session,
        name: "readiness_sessions",
        key: "id",
        fields: &[
            f("id", "id", Ty::Text),
            f("name", "name", Ty::Text),
            f("date", "date", Ty::Text),
            f("raters", "raters", Ty::Json),
            f("note", "note", Ty::Text),
        ],
    },
    Table {
        kind: EntityKind::LayerScore,
        name: "layer_scores",
        key: "key",
        fields: &[
            f("layer", "layer", Ty::Text),
            f("score", "score", Ty::Int),
            f("date", "date", Ty::Text),
            f("session", "session", Ty::Text),
        ],
    },
    Table {
        kind: EntityKind::Waiver,
        name: "waivers",
        key: "key",
        fields: &[
            f("code", "code", Ty::Text),
            f("subject", "subject", Ty::Text),
            f("reason", "reason", Ty::Text),
            f("who", "who", Ty::Text),
            f("made_at", "when", Ty::Text),
            f("review", "review", Ty::Text),
        ],
    },
    Table {
        kind: EntityKind::Metric,
        name: "metrics",
        key: "id",
        fields: &[
            f("id", "id", Ty::Text),
            f("name", "name", Ty::Text),
            f("kind", "kind", Ty::Text),
            f("min", "min", Ty::Real),
            f("max", "max", Ty::Real),
            f("direction", "direction", Ty::Text),
            f("target", "target", Ty::Real),
            f("owner", "owner", Ty::Text),
            f("scope", "scope", Ty::Text),
            f("leading", "leading", Ty::Bool),
        ],
    },
    Table {
        kind: EntityKind::Reading,
        name: "readings",
        key: "key",
        fields: &[
            f("metric", "metric", Ty::Text),
            f("date", "date", Ty::Text),
            f("value", "value", Ty::Real),
            f("n", "n", Ty::Int),
        ],
    },
    Table {
        kind: EntityKind::Review,
        name: "reviews",
        key: "id",
        fields: &[
            f("id", "id", Ty::Text),
            f("date", "date", Ty::Text),
            f("attendees", "attendees", Ty::Json),
            f("decisions", "decisions", Ty::Text),
            f("findings", "findings", Ty::Json),
            f("session", "session", Ty::Text),
        ],
    },
];

pub(crate) fn table(kind: EntityKind) -> Result<&'static Table, StoreError> {
    TABLES
        .iter()
        .find(|t| t.kind == kind)
        .ok_or_else(|| StoreError::corrupt(format!("no table for {}", kind.as_str())))
}

/// Writes one entity change: the `after` state replaces the row, or the row goes.
pub(crate) fn write_change(
    conn: &Connection,
    workspace_id: i64,
    change: &EntityChange,
) -> Result<(), StoreError> {
    if change.kind == EntityKind::Info {
        return write_info(conn, workspace_id, change);
    }
    let t = table(change.kind)?;
    if let (Some(before), Some(after)) = (&change.before, &change.after)
        && before.value == after.value
    {
        // A move: only the position changes.
        let sql = format!(
            "UPDATE {} SET ord = ?3 WHERE workspace_id = ?1 AND {} = ?2",
            t.name, t.key
        );
        conn.prepare_cached(&sql)?.execute(rusqlite::params![
            workspace_id,
            change.key,
            after.index
        ])?;
        return Ok(());
    }
    let Some(after) = &change.after else {
        let sql = format!(
            "DELETE FROM {} WHERE workspace_id = ?1 AND {} = ?2",
            t.name, t.key
        );
        conn.prepare_cached(&sql)?
            .execute(rusqlite::params![workspace_id, change.key])?;
        return Ok(());
    };
    let object = as_object(change, &after.value, t.fields)?;
    let mut columns = vec!["workspace_id", "ord"];
    let mut values = vec![Sql::Integer(workspace_id), Sql::Integer(after.index.into())];
    if !t.key_is_field() {
        columns.push(t.key);
        values.push(Sql::Text(change.key.clone()));
    }
    for field in t.fields {
        columns.push(field.column);
        values.push(to_sql(change, field, object.get(field.json))?);
    }
    let updates: Vec<String> = columns
        .iter()
        .filter(|c| !["workspace_id", t.key].contains(c))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT (workspace_id, {}) DO UPDATE SET {}",
        t.name,
        columns.join(", "),
        vec!["?"; columns.len()].join(", "),
        t.key,
        updates.join(", ")
    );
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    if change.kind == EntityKind::Element {
        crate::names::write(conn, workspace_id, &change.key, object)?;
    }
    Ok(())
}

fn write_info(
    conn: &Connection,
    workspace_id: i64,
    change: &EntityChange,
) -> Result<(), StoreError> {
    let Some(after) = &change.after else {
        return Err(StoreError::corrupt(
            "a change removes the workspace's info, which every workspace has",
        ));
    };
    let object = as_object(change, &after.value, INFO)?;
    let mut values = Vec::new();
    for field in INFO {
        values.push(to_sql(change, field, object.get(field.json))?);
    }
    values.push(Sql::Integer(workspace_id));
    let sets: Vec<String> = INFO.iter().map(|c| format!("{} = ?", c.column)).collect();
    let sql = format!("UPDATE workspaces SET {} WHERE id = ?", sets.join(", "));
    conn.execute(&sql, params_from_iter(values))?;
    Ok(())
}

/// The entity as a JSON object, refusing any field the table has no column for, so that
/// a field added to the model without a migration fails loudly instead of being lost.
fn as_object<'a>(
    change: &EntityChange,
    value: &'a Value,
    fields: &[Field],
) -> Result<&'a Map<String, Value>, StoreError> {
    let object = value.as_object().ok_or_else(|| {
        StoreError::corrupt(format!(
            "{} \"{}\" is not an object",
            change.kind.as_str(),
            change.key
        ))
    })?;
    if let Some(unknown) = object.keys().find(|k| !fields.iter().any(|f| f.json == *k)) {
        return Err(StoreError::corrupt(format!(
            "{} \"{}\" has a field \"{unknown}\" this library has no column for",
            change.kind.as_str(),
            change.key
        )));
    }
    Ok(object)
}

fn to_sql(change: &EntityChange, field: &Field, value: Option<&Value>) -> Result<Sql, StoreError> {
    let value = match value {
        None | Some(Value::Null) => return Ok(Sql::Null),
        Some(v) => v,
    };
    let converted = match (field.ty, value) {
        (Ty::Text, Value::String(s)) => Some(Sql::Text(s.clone())),
        (Ty::Int, Value::Number(n)) => n.as_i64().map(Sql::Integer),
        (Ty::Real, Value::Number(n)) => n.as_f64().map(Sql::Real),
        (Ty::Bool, Value::Bool(b)) => Some(Sql::Integer(i64::from(*b))),
        (Ty::Json, v) => Some(Sql::Text(v.to_string())),
        _ => None,
    };
    converted.ok_or_else(|| {
        StoreError::corrupt(format!(
            "{} \"{}\": field \"{}\" has an unexpected value {value}",
            change.kind.as_str(),
            change.key,
            field.json
        ))
    })
}

/// Reads a whole workspace document back from its rows, each row deserialised straight
/// into its model type.
pub(crate) fn load_doc(conn: &Connection, workspace_id: i64) -> Result<Workspace, StoreError> {
    use crate::rows::all;
    let info: WorkspaceInfo = crate::rows::info(conn, workspace_id)?;
    Ok(Workspace {
        workspace: info,
        stages: all(conn, EntityKind::Stage, workspace_id)?,
        elements: all(conn, EntityKind::Element, workspace_id)?,
        handoffs: all(conn, EntityKind::Handoff, workspace_id)?,
        principles: all(conn, EntityKind::Principle, workspace_id)?,
        readiness: all(conn, EntityKind::Session, workspace_id)?,
        layer_scores: all(conn, EntityKind::LayerScore, workspace_id)?,
        waivers: all(conn, EntityKind::Waiver, workspace_id)?,
        metrics: all(conn, EntityKind::Metric, workspace_id)?,
        readings: all(conn, EntityKind::Reading, workspace_id)?,
        reviews: all(conn, EntityKind::Review, workspace_id)?,
    })
}
