//! Reading rows straight into model types.
//!
//! A row is deserialised field by field through serde, without building a JSON value
//! first: text, number and flag columns are handed to the model type as they are, and
//! the JSON columns (lists and maps) are parsed in place. This keeps opening a workspace
//! close to the cost of selecting its rows.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row, ToSql};
use serde::de::value::Error as DeError;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::forward_to_deserialize_any;
use throughline_model::{EntityKind, WorkspaceInfo};

use crate::StoreError;
use crate::tables::{Field, INFO, Ty, table};

/// A row of an entity table as the model type `T`, with its key and position.
pub(crate) struct Loaded<T> {
    pub key: String,
    pub ord: u32,
    pub item: T,
}

/// Every row of `kind` in the workspace, in order.
pub(crate) fn all<T: DeserializeOwned>(
    conn: &Connection,
    kind: EntityKind,
    workspace_id: i64,
) -> Result<Vec<T>, StoreError> {
    let t = table(kind)?;
    let columns: Vec<&str> = t.fields.iter().map(|f| f.column).collect();
    let sql = format!(
        "SELECT {} FROM {} WHERE workspace_id = ?1 ORDER BY ord",
        columns.join(", "),
        t.name
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([workspace_id])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(parse(kind, row, 0, t.fields)?);
    }
    Ok(out)
}

/// The rows of `kind` in the workspace that match `filter` (SQL over the table's
/// columns; its parameters are `?2` on), in order, with their keys and positions.
pub(crate) fn select<T: DeserializeOwned>(
    conn: &Connection,
    kind: EntityKind,
    workspace_id: i64,
    filter: &str,
    params: &[&dyn ToSql],
) -> Result<Vec<Loaded<T>>, StoreError> {
    let t = table(kind)?;
    let columns: Vec<&str> = t.fields.iter().map(|f| f.column).collect();
    let sql = format!(
        "SELECT {}, ord, {} FROM {} WHERE workspace_id = ?1 AND ({filter}) ORDER BY ord",
        t.key,
        columns.join(", "),
        t.name
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut all: Vec<&dyn ToSql> = vec![&workspace_id];
    all.extend_from_slice(params);
    let mut rows = stmt.query(all.as_slice())?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let ord: i64 = row.get(1)?;
        out.push(Loaded {
            key: row.get(0)?,
            ord: u32::try_from(ord).map_err(StoreError::corrupt)?,
            item: parse(kind, row, 2, t.fields)?,
        });
    }
    Ok(out)
}

/// The row of `kind` with this key, if any.
pub(crate) fn by_key<T: DeserializeOwned>(
    conn: &Connection,
    kind: EntityKind,
    workspace_id: i64,
    key: &str,
) -> Result<Option<Loaded<T>>, StoreError> {
    let t = table(kind)?;
    let filter = format!("{} = ?2", t.key);
    Ok(select(conn, kind, workspace_id, &filter, &[&key])?
        .into_iter()
        .next())
}

/// How many rows of `kind` the workspace has (positions run from 0 without gaps).
pub(crate) fn count(
    conn: &Connection,
    kind: EntityKind,
    workspace_id: i64,
) -> Result<u32, StoreError> {
    let t = table(kind)?;
    let sql = format!(
        "SELECT COALESCE(MAX(ord) + 1, 0) FROM {} WHERE workspace_id = ?1",
        t.name
    );
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row([workspace_id], |r| r.get(0))?;
    u32::try_from(n).map_err(StoreError::corrupt)
}

/// Whether a row of `kind` has this key.
pub(crate) fn exists(
    conn: &Connection,
    kind: EntityKind,
    workspace_id: i64,
    key: &str,
) -> Result<bool, StoreError> {
    let t = table(kind)?;
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM {} WHERE workspace_id = ?1 AND {} = ?2)",
        t.name, t.key
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params![workspace_id, key], |r| r.get(0))?)
}

/// The workspace's info (name, vision, journey state).
pub(crate) fn info(conn: &Connection, workspace_id: i64) -> Result<WorkspaceInfo, StoreError> {
    let columns: Vec<&str> = INFO.iter().map(|f| f.column).collect();
    let sql = format!(
        "SELECT {} FROM workspaces WHERE id = ?1",
        columns.join(", ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([workspace_id])?;
    let row = rows
        .next()?
        .ok_or_else(|| StoreError::corrupt("workspace row vanished"))?;
    parse(EntityKind::Info, row, 0, INFO)
}

fn parse<T: DeserializeOwned>(
    kind: EntityKind,
    row: &Row<'_>,
    offset: usize,
    fields: &'static [Field],
) -> Result<T, StoreError> {
    T::deserialize(RowDe {
        row,
        offset,
        fields,
    })
    .map_err(|e| StoreError::corrupt(format!("{}: {e}", kind.as_str())))
}

/// A row as a map from the model's field names to its non-NULL columns.
struct RowDe<'a, 'r> {
    row: &'a Row<'r>,
    offset: usize,
    fields: &'static [Field],
}

impl<'de> de::Deserializer<'de> for RowDe<'de, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(RowMap {
            de: self,
            next: 0,
            cell: None,
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct RowMap<'a, 'r> {
    de: RowDe<'a, 'r>,
    next: usize,
    cell: Option<Cell<'a>>,
}

impl<'de> MapAccess<'de> for RowMap<'de, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        while let Some(field) = self.de.fields.get(self.next) {
            let index = self.de.offset + self.next;
            self.next += 1;
            let value = self
                .de
                .row
                .get_ref(index)
                .map_err(|e| de::Error::custom(format!("column {}: {e}", field.column)))?;
            if let Some(cell) = Cell::new(field, value)? {
                self.cell = Some(cell);
                return seed.deserialize(field.json.into_deserializer()).map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let cell = self
            .cell
            .take()
            .ok_or_else(|| de::Error::custom("a value was asked for before its key"))?;
        seed.deserialize(cell)
    }
}

/// One non-NULL column, typed by its field.
enum Cell<'a> {
    Text(&'a str),
    Int(i64),
    Real(f64),
    Bool(bool),
    Json(&'a str),
}

impl<'a> Cell<'a> {
    fn new(field: &Field, value: ValueRef<'a>) -> Result<Option<Self>, DeError> {
        let text = |bytes: &'a [u8]| {
            std::str::from_utf8(bytes)
                .map_err(|e| de::Error::custom(format!("column {}: {e}", field.column)))
        };
        Ok(Some(match (field.ty, value) {
            (_, ValueRef::Null) => return Ok(None),
            (Ty::Text, ValueRef::Text(b)) => Cell::Text(text(b)?),
            (Ty::Json, ValueRef::Text(b)) => Cell::Json(text(b)?),
            (Ty::Int, ValueRef::Integer(i)) => Cell::Int(i),
            (Ty::Real, ValueRef::Real(x)) => Cell::Real(x),
            // SQLite stores a whole REAL such as 5.0 as it was given; read either back.
            (Ty::Real, ValueRef::Integer(i)) => Cell::Real(i as f64),
            (Ty::Bool, ValueRef::Integer(i)) => Cell::Bool(i != 0),
            (_, other) => {
                return Err(de::Error::custom(format!(
                    "column {} holds {:?}",
                    field.column,
                    other.data_type()
                )));
            }
        }))
    }
}

impl<'de> de::Deserializer<'de> for Cell<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Cell::Text(s) => visitor.visit_borrowed_str(s),
            Cell::Int(i) => visitor.visit_i64(i),
            Cell::Real(x) => visitor.visit_f64(x),
            Cell::Bool(b) => visitor.visit_bool(b),
            Cell::Json(s) => {
                let mut json = serde_json::Deserializer::from_str(s);
                let value = de::Deserializer::deserialize_any(&mut json, visitor)
                    .map_err(de::Error::custom)?;
                json.end().map_err(de::Error::custom)?;
                Ok(value)
            }
        }
    }

    /// A NULL column is skipped, so a column that is present is always `Some`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self {
            Cell::Text(s) => {
                de::Deserializer::deserialize_enum(s.into_deserializer(), name, variants, visitor)
            }
            other => other.deserialize_any(visitor),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}
