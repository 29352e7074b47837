//! The rules an edit can break, checked on the entities it changed and on those that
//! refer to what it removed, through indexed queries on the rows as the edit left them.
//! The rules themselves are the model's ([`throughline_model::check_element`] and its
//! kin), the same functions whole-document validation runs.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde_json::Value;
use throughline_model::{
    Element, EntityChange, EntityKind, Handoff, LayerScore, Lookup, Metric, Problem, Reading,
    Review, check_aliases, check_element, check_handoff, check_info, check_layer_score,
    check_metric, check_principle, check_reading, check_review, check_session, check_stage,
    check_waiver, name_key,
};

use crate::rows::{self, Loaded};
use crate::{StoreError, names};

/// Answers the rules' lookups from the tables.
struct Tables<'a> {
    conn: &'a Connection,
    ws: i64,
}

impl Lookup for Tables<'_> {
    fn has_stage(&self, id: &str) -> bool {
        rows::exists(self.conn, EntityKind::Stage, self.ws, id).unwrap_or(false)
    }
    fn has_element(&self, id: &str) -> bool {
        rows::exists(self.conn, EntityKind::Element, self.ws, id).unwrap_or(false)
    }
    fn metric_scale(&self, id: &str) -> Option<(f64, f64)> {
        self.conn
            .prepare_cached("SELECT min, max FROM metrics WHERE workspace_id = ?1 AND id = ?2")
            .and_then(|mut s| {
                s.query_row(rusqlite::params![self.ws, id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
            })
            .ok()
    }
    fn has_session(&self, id: &str) -> bool {
        rows::exists(self.conn, EntityKind::Session, self.ws, id).unwrap_or(false)
    }
}

/// Where a problem falls in whole-document order: the section, then the entity's index.
type Order = (u8, u32);

const ALIASES: u8 = 3;

fn section(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Info => 0,
        EntityKind::Stage => 1,
        EntityKind::Element => 2,
        EntityKind::Handoff => 4,
        EntityKind::Principle => 5,
        EntityKind::Session => 6,
        EntityKind::LayerScore => 7,
        EntityKind::Waiver => 8,
        EntityKind::Metric => 9,
        EntityKind::Reading => 10,
        EntityKind::Review => 11,
    }
}

/// Every problem of the workspace after `changes` were written, in the order
/// whole-document validation would list them. The workspace was valid before.
pub(crate) fn check(
    conn: &Connection,
    ws: i64,
    changes: &[EntityChange],
) -> Result<Vec<Problem>, StoreError> {
    let lookup = Tables { conn, ws };
    let mut found: BTreeMap<Order, Vec<Problem>> = BTreeMap::new();
    let mut checked: HashSet<(EntityKind, String)> = HashSet::new();
    let mut changed_elements: Vec<Element> = Vec::new();
    let mut dependents: Vec<(EntityKind, String)> = Vec::new();
    for c in changes {
        match &c.after {
            Some(after) if c.before.as_ref().map(|b| &b.value) != Some(&after.value) => {
                checked.insert((c.kind, c.key.clone()));
                let problems = rules(c.kind, after.index, &after.value, &lookup)?;
                found
                    .entry((section(c.kind), after.index))
                    .or_default()
                    .extend(problems);
                if c.kind == EntityKind::Element {
                    changed_elements.push(parse(c.kind, &after.value)?);
                }
                if c.kind == EntityKind::Metric {
                    dependents.extend(referring(conn, ws, c.kind, &c.key)?);
                }
            }
            Some(_) => {}
            None => dependents.extend(referring(conn, ws, c.kind, &c.key)?),
        }
    }
    for (kind, key) in dependents {
        if !checked.insert((kind, key.clone())) {
            continue;
        }
        let Some((ord, value)) = current(conn, ws, kind, &key)? else {
            continue;
        };
        let problems = rules(kind, ord, &value, &lookup)?;
        found
            .entry((section(kind), ord))
            .or_default()
            .extend(problems);
    }
    for (ord, problems) in aliases(conn, ws, &changed_elements)? {
        found.entry((ALIASES, ord)).or_default().extend(problems);
    }
    Ok(found.into_values().flatten().collect())
}

/// The entities that refer to the entity `kind`/`key`: what must be checked again when it
/// goes (or, for a metric, when its scale changes).
fn referring(
    conn: &Connection,
    ws: i64,
    kind: EntityKind,
    key: &str,
) -> Result<Vec<(EntityKind, String)>, StoreError> {
    let mut out = Vec::new();
    let mut add =
        |kind: EntityKind, keys: Vec<String>| out.extend(keys.into_iter().map(|k| (kind, k)));
    match kind {
        EntityKind::Element => {
            let ends: Vec<Loaded<Handoff>> = rows::select(
                conn,
                EntityKind::Handoff,
                ws,
                "from_id = ?2 OR to_id = ?2 OR source_of_truth = ?2",
                &[&key],
            )?;
            add(
                EntityKind::Handoff,
                ends.into_iter().map(|h| h.key).collect(),
            );
            let pattern = format!("%\"{key}\"%");
            let rules: Vec<Loaded<Element>> =
                rows::select(conn, EntityKind::Element, ws, "covers LIKE ?2", &[&pattern])?;
            add(
                EntityKind::Element,
                rules.into_iter().map(|e| e.key).collect(),
            );
            let scope = format!("element:{key}");
            add(
                EntityKind::Metric,
                keys::<Metric>(conn, ws, EntityKind::Metric, "scope = ?2", &scope)?,
            );
        }
        EntityKind::Stage => {
            let pattern = format!("%\"{key}\"%");
            add(
                EntityKind::Element,
                keys::<Element>(conn, ws, EntityKind::Element, "stages LIKE ?2", &pattern)?,
            );
            let scope = format!("stage:{key}");
            add(
                EntityKind::Metric,
                keys::<Metric>(conn, ws, EntityKind::Metric, "scope = ?2", &scope)?,
            );
        }
        EntityKind::Metric => {
            add(
                EntityKind::Reading,
                keys::<Reading>(conn, ws, EntityKind::Reading, "metric = ?2", key)?,
            );
        }
        EntityKind::Session => {
            add(
                EntityKind::Review,
                keys::<Review>(conn, ws, EntityKind::Review, "session = ?2", key)?,
            );
            add(
                EntityKind::LayerScore,
                keys::<LayerScore>(conn, ws, EntityKind::LayerScore, "session = ?2", key)?,
            );
        }
        _ => {}
    }
    Ok(out)
}

fn keys<T: DeserializeOwned>(
    conn: &Connection,
    ws: i64,
    kind: EntityKind,
    filter: &str,
    param: &str,
) -> Result<Vec<String>, StoreError> {
    let found: Vec<Loaded<T>> = rows::select(conn, kind, ws, filter, &[&param])?;
    Ok(found.into_iter().map(|l| l.key).collect())
}

/// The alias rule over every element bearing a name or alias of a changed element.
fn aliases(
    conn: &Connection,
    ws: i64,
    changed: &[Element],
) -> Result<Vec<(u32, Vec<Problem>)>, StoreError> {
    if changed.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for e in changed {
        ids.insert(e.id.to_string());
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            ids.extend(names::bearers(conn, ws, &name_key(name))?);
        }
    }
    let mut bearers: Vec<Loaded<Element>> = Vec::new();
    for id in ids {
        if let Some(e) = rows::by_key(conn, EntityKind::Element, ws, &id)? {
            bearers.push(e);
        }
    }
    bearers.sort_by_key(|e| e.ord);
    let problems = check_aliases(bearers.iter().map(|e| (e.ord as usize, &e.item)));
    let mut out: Vec<(u32, Vec<Problem>)> = Vec::new();
    for p in problems {
        let ord = index_of(&p.path).unwrap_or(0);
        match out.iter_mut().find(|(o, _)| *o == ord) {
            Some((_, list)) => list.push(p),
            None => out.push((ord, vec![p])),
        }
    }
    Ok(out)
}

/// The index in a path like `elements[12].aliases[0]`.
fn index_of(path: &str) -> Option<u32> {
    let start = path.find('[')? + 1;
    let end = start + path[start..].find(']')?;
    path[start..end].parse().ok()
}

/// An entity's position and value as the tables hold it now.
pub(crate) fn current(
    conn: &Connection,
    ws: i64,
    kind: EntityKind,
    key: &str,
) -> Result<Option<(u32, Value)>, StoreError> {
    fn get<T: DeserializeOwned + serde::Serialize>(
        conn: &Connection,
        ws: i64,
        kind: EntityKind,
        key: &str,
    ) -> Result<Option<(u32, Value)>, StoreError> {
        rows::by_key::<T>(conn, kind, ws, key)?
            .map(|l| {
                Ok((
                    l.ord,
                    serde_json::to_value(&l.item).map_err(StoreError::corrupt)?,
                ))
            })
            .transpose()
    }
    use throughline_model as m;
    match kind {
        EntityKind::Info => Ok(Some((
            0,
            serde_json::to_value(rows::info(conn, ws)?).map_err(StoreError::corrupt)?,
        ))),
        EntityKind::Stage => get::<m::Stage>(conn, ws, kind, key),
        EntityKind::Element => get::<m::Element>(conn, ws, kind, key),
        EntityKind::Handoff => get::<m::Handoff>(conn, ws, kind, key),
        EntityKind::Principle => get::<m::Principle>(conn, ws, kind, key),
        EntityKind::Session => get::<m::ReadinessSession>(conn, ws, kind, key),
        EntityKind::LayerScore => get::<m::LayerScore>(conn, ws, kind, key),
        EntityKind::Waiver => get::<m::Waiver>(conn, ws, kind, key),
        EntityKind::Metric => get::<m::Metric>(conn, ws, kind, key),
        EntityKind::Reading => get::<m::Reading>(conn, ws, kind, key),
        EntityKind::Review => get::<m::Review>(conn, ws, kind, key),
    }
}

fn parse<T: DeserializeOwned>(kind: EntityKind, value: &Value) -> Result<T, StoreError> {
    T::deserialize(value).map_err(|e| StoreError::corrupt(format!("{}: {e}", kind.as_str())))
}

/// The model's rules for one entity of `kind` at `index`.
fn rules(
    kind: EntityKind,
    index: u32,
    value: &Value,
    lookup: &dyn Lookup,
) -> Result<Vec<Problem>, StoreError> {
    let i = index as usize;
    Ok(match kind {
        EntityKind::Info => check_info(&parse(kind, value)?),
        EntityKind::Stage => check_stage(i, &parse(kind, value)?),
        EntityKind::Element => check_element(i, &parse(kind, value)?, lookup),
        EntityKind::Handoff => check_handoff(i, &parse(kind, value)?, lookup),
        EntityKind::Principle => check_principle(i, &parse(kind, value)?),
        EntityKind::Session => check_session(i, &parse(kind, value)?),
        EntityKind::LayerScore => check_layer_score(i, &parse(kind, value)?, lookup),
        EntityKind::Waiver => check_waiver(i, &parse(kind, value)?),
        EntityKind::Metric => check_metric(i, &parse(kind, value)?, lookup),
        EntityKind::Reading => check_reading(i, &parse(kind, value)?, lookup),
        EntityKind::Review => check_review(i, &parse(kind, value)?, lookup),
    })
}
