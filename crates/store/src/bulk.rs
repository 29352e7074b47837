//! Many readings at once: the fast path of a `PutReadings` edit (a readings import).
//!
//! An edit of a hundred thousand readings must not cost a hundred thousand JSON values, row
//! look-ups through serde and log rows. This path plans the whole import in memory (where
//! each reading goes, what it replaces, whether it breaks a rule), then writes it in the
//! caller's transaction with one prepared upsert reused for every row, and logs it as one
//! compact entry per batch (table `change_readings`, see migration 0007) instead of one
//! `changes` row per reading. Undo and redo read that entry back and put exactly the
//! readings it names back where they were.
//!
//! The outcome is the same as the general path's: a new reading goes at the end, a
//! recorded one changes in place, a reading given twice lands where its first copy goes
//! with its last copy's value, and a reading that changes nothing is not logged.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use throughline_model::{
    EditError, EntityChange, EntityKind, Id, Lookup, Placed, Problem, Reading, check_reading,
};

use crate::StoreError;

/// The encoding of the compact entry this version writes (see [`encode`]).
const ENCODING: i64 = 1;

/// A reading's value and sample size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Val {
    pub value: f64,
    pub n: Option<u32>,
}

/// One reading a batch changed: where it stands, and its state before and after (none when
/// it did not exist).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub metric: String,
    pub date: String,
    pub ord: u32,
    pub before: Option<Val>,
    pub after: Option<Val>,
}

impl Entry {
    fn key(&self) -> String {
        format!("{}@{}", self.metric, self.date)
    }

    /// The entry that reverts this one.
    fn inverted(&self) -> Entry {
        Entry {
            before: self.after,
            after: self.before,
            ..self.clone()
        }
    }
}

/// What a bulk batch changed, in the order the readings were given.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Bulk {
    pub entries: Vec<Entry>,
}

impl Bulk {
    /// The batch that reverts this one.
    pub fn inverted(&self) -> Bulk {
        Bulk {
            entries: self.entries.iter().map(Entry::inverted).collect(),
        }
    }

    /// The batch as entity changes, in the order `diff` lists them (by key), for a
    /// [`crate::WorkspaceDelta`] and the history.
    pub fn changes(&self) -> Result<Vec<EntityChange>, StoreError> {
        let placed = |e: &Entry, v: Option<Val>| -> Result<Option<Placed>, StoreError> {
            v.map(|v| {
                let reading = Reading {
                    metric: Id::new(&e.metric).map_err(StoreError::corrupt)?,
                    date: e.date.clone(),
                    value: v.value,
                    n: v.n,
                };
                Ok(Placed {
                    index: e.ord,
                    value: serde_json::to_value(&reading).map_err(StoreError::corrupt)?,
                })
            })
            .transpose()
        };
        let mut out = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            out.push(EntityChange {
                kind: EntityKind::Reading,
                key: e.key(),
                before: placed(e, e.before)?,
                after: placed(e, e.after)?,
            });
        }
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }
}

/// The metrics' scales, loaded once: all the reading rule needs to look up.
struct Scales(HashMap<String, (f64, f64)>);

impl Scales {
    fn load(conn: &Connection, ws: i64) -> Result<Self, StoreError> {
        let mut stmt =
            conn.prepare_cached("SELECT id, min, max FROM metrics WHERE workspace_id = ?1")?;
        let rows = stmt.query_map([ws], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        Ok(Self(rows.collect::<Result<_, _>>()?))
    }
}

impl Lookup for Scales {
    fn has_stage(&self, _: &str) -> bool {
        false
    }
    fn has_element(&self, _: &str) -> bool {
        false
    }
    fn metric_scale(&self, id: &str) -> Option<(f64, f64)> {
        self.0.get(id).copied()
    }
    fn has_session(&self, _: &str) -> bool {
        false
    }
}

/// The readings recorded now, for the keys a batch names: `(ord, value)` by key.
struct Recorded {
    /// Every reading of the workspace, when loading them all is cheaper than looking each up.
    all: Option<HashMap<String, (u32, Val)>>,
}

impl Recorded {
    fn new(conn: &Connection, ws: i64, asked: usize) -> Result<Self, StoreError> {
        let count: i64 = conn
            .prepare_cached("SELECT COUNT(*) FROM readings WHERE workspace_id = ?1")?
            .query_row([ws], |r| r.get(0))?;
        if count as usize > asked {
            return Ok(Self { all: None });
        }
        let mut stmt =
            conn.prepare_cached("SELECT key, ord, value, n FROM readings WHERE workspace_id = ?1")?;
        let mut rows = stmt.query([ws])?;
        let mut all = HashMap::with_capacity(count as usize);
        while let Some(r) = rows.next()? {
            all.insert(r.get(0)?, row_val(r, 1)?);
        }
        Ok(Self { all: Some(all) })
    }

    fn get(&self, conn: &Connection, ws: i64, key: &str) -> Result<Option<(u32, Val)>, StoreError> {
        match &self.all {
            Some(all) => Ok(all.get(key).copied()),
            None => current(conn, ws, key),
        }
    }
}

fn row_val(r: &rusqlite::Row<'_>, at: usize) -> Result<(u32, Val), StoreError> {
    let ord: i64 = r.get(at)?;
    let n: Option<i64> = r.get(at + 2)?;
    Ok((
        u32::try_from(ord).map_err(StoreError::corrupt)?,
        Val {
            value: r.get(at + 1)?,
            n: n.map(u32::try_from)
                .transpose()
                .map_err(StoreError::corrupt)?,
        },
    ))
}

/// The reading with this key as the table holds it now: its position and value.
fn current(conn: &Connection, ws: i64, key: &str) -> Result<Option<(u32, Val)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT ord, value, n FROM readings WHERE workspace_id = ?1 AND key = ?2",
    )?;
    let found = stmt
        .query_row(params![ws, key], |r| Ok(row_val(r, 0)))
        .optional()?;
    found.transpose()
}

/// What putting `readings` into the workspace would change, checked against the rules:
/// refused with every problem (in document order) when any reading breaks one.
pub(crate) fn plan(conn: &Connection, ws: i64, readings: &[Reading]) -> Result<Bulk, StoreError> {
    let recorded = Recorded::new(conn, ws, readings.len())?;
    let mut next = crate::rows::count(conn, EntityKind::Reading, ws)?;
    // The entry of each key given so far, so that a second copy updates the first.
    let mut slot: HashMap<(&str, &str), usize> = HashMap::with_capacity(readings.len());
    let mut entries: Vec<Entry> = Vec::with_capacity(readings.len());
    let mut given: Vec<&Reading> = Vec::with_capacity(readings.len());
    for r in readings {
        let val = Val {
            value: r.value,
            n: r.n,
        };
        if let Some(&i) = slot.get(&(r.metric.as_str(), r.date.as_str())) {
            entries[i].after = Some(val);
            given[i] = r;
            continue;
        }
        let key = format!("{}@{}", r.metric, r.date);
        let (ord, before) = match recorded.get(conn, ws, &key)? {
            Some((ord, old)) => (ord, Some(old)),
            None => {
                next += 1;
                (next - 1, None)
            }
        };
        slot.insert((r.metric.as_str(), r.date.as_str()), entries.len());
        entries.push(Entry {
            metric: r.metric.to_string(),
            date: r.date.clone(),
            ord,
            before,
            after: Some(val),
        });
        given.push(r);
    }
    let scales = Scales::load(conn, ws)?;
    let mut problems: Vec<(u32, Vec<Problem>)> = Vec::new();
    for (e, r) in entries.iter().zip(&given) {
        let found = check_reading(e.ord as usize, r, &scales);
        if !found.is_empty() {
            problems.push((e.ord, found));
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|(ord, _)| *ord);
        let all = problems.into_iter().flat_map(|(_, p)| p).collect();
        return Err(EditError::Invalid(all).into());
    }
    // A reading put again as it is changes nothing. New readings keep their positions:
    // only in-place ones can drop out, and those never shift anything.
    entries.retain(|e| e.before != e.after);
    Ok(Bulk { entries })
}

/// Checks that every reading the batch names stands as its `before` says (or is absent),
/// so that an undo or redo never overwrites a change made since. Returns the key of the
/// first one that does not.
pub(crate) fn first_conflict(
    conn: &Connection,
    ws: i64,
    bulk: &Bulk,
) -> Result<Option<String>, StoreError> {
    for e in &bulk.entries {
        let key = e.key();
        let now = current(conn, ws, &key)?;
        let expected = e.before.map(|v| (e.ord, v));
        if now != expected {
            return Ok(Some(key));
        }
    }
    Ok(None)
}

/// The problems of the readings the batch leaves, checked against the metrics as they
/// are now (a redo after the scale changed, say).
pub(crate) fn problems(
    conn: &Connection,
    ws: i64,
    bulk: &Bulk,
) -> Result<Vec<Problem>, StoreError> {
    let scales = Scales::load(conn, ws)?;
    let mut out = Vec::new();
    for e in &bulk.entries {
        if let Some(v) = e.after {
            let r = Reading {
                metric: Id::new(&e.metric).map_err(StoreError::corrupt)?,
                date: e.date.clone(),
                value: v.value,
                n: v.n,
            };
            out.extend(check_reading(e.ord as usize, &r, &scales));
        }
    }
    Ok(out)
}

/// Writes the batch's `after` states: one prepared upsert (or delete) per reading.
pub(crate) fn write(conn: &Connection, ws: i64, bulk: &Bulk) -> Result<(), StoreError> {
    let mut upsert = conn.prepare_cached(
        "INSERT INTO readings (workspace_id, key, ord, metric, date, value, n)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (workspace_id, key) DO UPDATE
         SET ord = excluded.ord, value = excluded.value, n = excluded.n",
    )?;
    let mut delete =
        conn.prepare_cached("DELETE FROM readings WHERE workspace_id = ?1 AND key = ?2")?;
    // Deletions first (an undo removes the readings an import added at the end), then
    // the rest in the order given.
    for e in bulk.entries.iter().filter(|e| e.after.is_none()) {
        delete.execute(params![ws, e.key()])?;
    }
    for e in &bulk.entries {
        if let Some(v) = e.after {
            upsert.execute(params![ws, e.key(), e.ord, e.metric, e.date, v.value, v.n])?;
        }
    }
    Ok(())
}

/// Logs the batch's compact entry under the change batch `batch_id`.
pub(crate) fn log(conn: &Connection, batch_id: i64, bulk: &Bulk) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO change_readings (batch_id, encoding, count, data) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        batch_id,
        ENCODING,
        bulk.entries.len() as i64,
        encode(bulk)
    ])?;
    Ok(())
}

/// The compact entry logged for the change batch `batch_id`, if it has one.
pub(crate) fn logged(conn: &Connection, batch_id: i64) -> Result<Option<Bulk>, StoreError> {
    let found: Option<(i64, Vec<u8>)> = conn
        .prepare_cached("SELECT encoding, data FROM change_readings WHERE batch_id = ?1")?
        .query_row([batch_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match found {
        None => Ok(None),
        Some((ENCODING, data)) => decode(&data).map(Some),
        Some((other, _)) => Err(StoreError::corrupt(format!(
            "change log: batch {batch_id} has readings in an unknown encoding {other}"
        ))),
    }
}

const BEFORE: u8 = 1;
const BEFORE_N: u8 = 2;
const AFTER: u8 = 4;
const AFTER_N: u8 = 8;

/// Encoding 1: per entry, the metric and date (each a little-endian `u16` length and
/// UTF-8 bytes), the position (`u32`), a flag byte (before, before's n, after, after's n),
/// then the present values (`f64`) and sample sizes (`u32`), before first.
fn encode(bulk: &Bulk) -> Vec<u8> {
    let mut out = Vec::with_capacity(bulk.entries.len() * 48);
    for e in &bulk.entries {
        for text in [&e.metric, &e.date] {
            let bytes = text.as_bytes();
            out.extend_from_slice(&(bytes.len() as u16).to_le_bytes());
            out.extend_from_slice(bytes);
        }
        out.extend_from_slice(&e.ord.to_le_bytes());
        let flag = |v: Option<Val>, has: u8, has_n: u8| match v {
            None => 0,
            Some(Val { n: None, .. }) => has,
            Some(Val { n: Some(_), .. }) => has | has_n,
        };
        out.push(flag(e.before, BEFORE, BEFORE_N) | flag(e.after, AFTER, AFTER_N));
        for v in [e.before, e.after].into_iter().flatten() {
            out.extend_from_slice(&v.value.to_le_bytes());
            if let Some(n) = v.n {
                out.extend_from_slice(&n.to_le_bytes());
            }
        }
    }
    out
}

fn decode(data: &[u8]) -> Result<Bulk, StoreError> {
    let mut r = Cursor { data, at: 0 };
    let mut entries = Vec::new();
    while r.at < data.len() {
        let metric = r.text()?;
        let date = r.text()?;
        let ord = u32::from_le_bytes(r.take()?);
        let flags = r.take::<1>()?[0];
        let mut val = |has: u8, has_n: u8| -> Result<Option<Val>, StoreError> {
            if flags & has == 0 {
                return Ok(None);
            }
            let value = f64::from_le_bytes(r.take()?);
            let n = if flags & has_n != 0 {
                Some(u32::from_le_bytes(r.take()?))
            } else {
                None
            };
            Ok(Some(Val { value, n }))
        };
        let before = val(BEFORE, BEFORE_N)?;
        let after = val(AFTER, AFTER_N)?;
        entries.push(Entry {
            metric,
            date,
            ord,
            before,
            after,
        });
    }
    Ok(Bulk { entries })
}

struct Cursor<'a> {
    data: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], StoreError> {
        let bytes = self
            .data
            .get(self.at..self.at + N)
            .and_then(|b| <[u8; N]>::try_from(b).ok())
            .ok_or_else(|| StoreError::corrupt("change log: a readings entry is cut short"))?;
        self.at += N;
        Ok(bytes)
    }

    fn text(&mut self) -> Result<String, StoreError> {
        let len = u16::from_le_bytes(self.take()?) as usize;
        let bytes = self
            .data
            .get(self.at..self.at + len)
            .ok_or_else(|| StoreError::corrupt("change log: a readings entry is cut short"))?;
        self.at += len;
        String::from_utf8(bytes.to_vec())
            .map_err(|e| StoreError::corrupt(format!("change log: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_survives_encoding_with_and_without_sample_sizes() {
        let bulk = Bulk {
            entries: vec![
                Entry {
                    metric: "csat".into(),
                    date: "2026-01-31".into(),
                    ord: 7,
                    before: None,
                    after: Some(Val {
                        value: 4.25,
                        n: Some(120),
                    }),
                },
                Entry {
                    metric: "nps-ü".into(),
                    date: "2026-02-28".into(),
                    ord: 0,
                    before: Some(Val {
                        value: -12.0,
                        n: None,
                    }),
                    after: Some(Val {
                        value: 3.0,
                        n: Some(0),
                    }),
                },
            ],
        };
        assert_eq!(decode(&encode(&bulk)).unwrap(), bulk);
        assert_eq!(decode(&encode(&bulk.inverted())).unwrap(), bulk.inverted());
    }

    #[test]
    fn a_cut_entry_is_reported_not_read() {
        let bulk = Bulk {
            entries: vec![Entry {
                metric: "csat".into(),
                date: "2026-01-31".into(),
                ord: 1,
                before: None,
                after: Some(Val {
                    value: 4.0,
                    n: None,
                }),
            }],
        };
        let data = encode(&bulk);
        let err = decode(&data[..data.len() - 3]).unwrap_err();
        assert!(err.to_string().contains("cut short"), "{err}");
    }
}
