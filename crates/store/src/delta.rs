//! What an edit changes, computed from the rows it touches.
//!
//! Each kind of [`Edit`] loads only the rows it needs: the entity it names, the rows its
//! cascade reaches through indexed columns, and, when positions shift (a deletion, an
//! insertion at an index), the rows after the first shifted position. The result is the
//! list of [`EntityChange`]s that [`diff`](throughline_model::diff) would give for the
//! same edit on the whole document, in the same order.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use throughline_model::{
    Edit, EditError, Element, EntityChange, EntityKind, Handoff, Id, Metric, Placed, Reading,
    layer_score_key, reading_key, waiver_key,
};

use crate::StoreError;
use crate::rows::{self, Loaded};

/// The connection and workspace an edit is computed in.
pub(crate) struct Ctx<'a> {
    pub conn: &'a Connection,
    pub ws: i64,
}

/// Applies `edit` to the tables and appends the entity changes it made, one step at a
/// time (a batch's edits in order, each seeing the rows the previous ones wrote).
pub(crate) fn run(
    ctx: &Ctx<'_>,
    edit: &Edit,
    out: &mut Vec<EntityChange>,
) -> Result<(), StoreError> {
    match edit {
        Edit::Batch { edits } => {
            for e in edits {
                run(ctx, e, out)?;
            }
            Ok(())
        }
        Edit::PutReadings { readings } => put_readings(ctx, readings, out),
        other => step(ctx, out, |c| one(ctx, c, other)),
    }
}

/// Upserts readings one after another, exactly as a `put` of each would (a recorded
/// reading changes where it stands, a new one goes at the end), but counts the readings
/// once instead of once per reading: an import of a hundred thousand readings makes one
/// indexed look-up and one write per reading.
fn put_readings(
    ctx: &Ctx<'_>,
    readings: &[Reading],
    out: &mut Vec<EntityChange>,
) -> Result<(), StoreError> {
    let kind = EntityKind::Reading;
    let mut len = rows::count(ctx.conn, kind, ctx.ws)?;
    out.reserve(readings.len());
    for r in readings {
        let key = reading_key(r);
        let mut changes = Vec::with_capacity(1);
        match rows::by_key::<Reading>(ctx.conn, kind, ctx.ws, &key)? {
            Some(old) => point(&mut changes, kind, key, old.ord, &old.item, r)?,
            None => {
                changes.push(EntityChange {
                    kind,
                    key,
                    before: None,
                    after: Some(Placed {
                        index: len,
                        value: value(r)?,
                    }),
                });
                len += 1;
            }
        }
        for c in &changes {
            crate::tables::write_change(ctx.conn, ctx.ws, c)?;
        }
        out.extend(changes);
    }
    Ok(())
}

fn step(
    ctx: &Ctx<'_>,
    out: &mut Vec<EntityChange>,
    f: impl FnOnce(&mut Vec<EntityChange>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut changes = Vec::new();
    f(&mut changes)?;
    for c in &changes {
        crate::tables::write_change(ctx.conn, ctx.ws, c)?;
    }
    out.extend(changes);
    Ok(())
}

/// The net effect of changes made one after another: each entity's first `before` and
/// last `after`, dropping entities that ended where they started, in `diff` order.
pub(crate) fn compose(log: Vec<EntityChange>) -> Vec<EntityChange> {
    let mut net: BTreeMap<(EntityKind, String), EntityChange> = BTreeMap::new();
    for c in log {
        match net.get_mut(&(c.kind, c.key.clone())) {
            Some(first) => first.after = c.after,
            None => {
                net.insert((c.kind, c.key.clone()), c);
            }
        }
    }
    net.into_values().filter(|c| c.before != c.after).collect()
}

fn not_found(what: &'static str, id: impl Into<String>) -> StoreError {
    EditError::NotFound {
        what,
        id: id.into(),
    }
    .into()
}

fn one(ctx: &Ctx<'_>, out: &mut Vec<EntityChange>, edit: &Edit) -> Result<(), StoreError> {
    use EntityKind as K;
    match edit {
        Edit::SetInfo { info } => {
            let old = rows::info(ctx.conn, ctx.ws)?;
            point(out, K::Info, "workspace".into(), 0, &old, info)?;
        }
        Edit::PutStage { stage, index } => {
            put(ctx, out, K::Stage, stage.id.to_string(), stage, *index)?;
        }
        Edit::MoveStage { id, index } => {
            let at = find::<throughline_model::Stage>(ctx, K::Stage, id.as_str(), "stage")?;
            let len = rows::count(ctx.conn, K::Stage, ctx.ws)?;
            let to = (*index).min(len - 1);
            let mut tail = Tail::<throughline_model::Stage>::load(ctx, K::Stage, at.ord.min(to))?;
            let item = tail.remove(id.as_str())?;
            tail.insert(to, id.to_string(), item);
            tail.emit(out)?;
        }
        Edit::DeleteStage { id } => {
            delete::<throughline_model::Stage>(ctx, out, K::Stage, id.as_str(), "stage")?;
            let pattern = format!("%\"{id}\"%");
            let serving: Vec<Loaded<Element>> =
                rows::select(ctx.conn, K::Element, ctx.ws, "stages LIKE ?2", &[&pattern])?;
            for e in serving.into_iter().filter(|e| e.item.stages.contains(id)) {
                let mut new = e.item.clone();
                new.stages.retain(|s| s != id);
                point(out, K::Element, e.key, e.ord, &e.item, &new)?;
            }
            let scope = format!("stage:{id}");
            drop_metrics(ctx, out, "scope = ?2", &scope)?;
        }
        Edit::PutElement { element } => {
            put(ctx, out, K::Element, element.id.to_string(), element, None)?;
        }
        Edit::DeleteElement { id } => delete_element(ctx, out, id)?,
        Edit::PutHandoff { handoff } => {
            put(ctx, out, K::Handoff, handoff.id.to_string(), handoff, None)?;
        }
        Edit::DeleteHandoff { id } => {
            delete::<Handoff>(ctx, out, K::Handoff, id.as_str(), "handoff")?;
        }
        Edit::PutPrinciple { principle, index } => {
            put(
                ctx,
                out,
                K::Principle,
                principle.id.to_string(),
                principle,
                *index,
            )?;
        }
        Edit::DeletePrinciple { id } => {
            delete::<throughline_model::Principle>(
                ctx,
                out,
                K::Principle,
                id.as_str(),
                "principle",
            )?;
        }
        Edit::PutSession { session } => {
            put(ctx, out, K::Session, session.id.to_string(), session, None)?;
        }
        Edit::DeleteSession { id } => {
            delete::<throughline_model::ReadinessSession>(
                ctx,
                out,
                K::Session,
                id.as_str(),
                "readiness session",
            )?;
            // The layers rated in it keep their scores and dates; they stand on their own.
            let rated: Vec<Loaded<throughline_model::LayerScore>> = rows::select(
                ctx.conn,
                K::LayerScore,
                ctx.ws,
                "session = ?2",
                &[&id.as_str()],
            )?;
            for l in rated {
                let new = throughline_model::LayerScore {
                    session: None,
                    ..l.item.clone()
                };
                point(out, K::LayerScore, l.key, l.ord, &l.item, &new)?;
            }
        }
        Edit::PutLayerScore { score } => {
            put(ctx, out, K::LayerScore, layer_score_key(score), score, None)?;
        }
        Edit::DeleteLayerScore { layer, date } => {
            let key = format!("{}@{date}", layer.label().to_lowercase());
            if !rows::exists(ctx.conn, K::LayerScore, ctx.ws, &key)? {
                return Err(not_found(
                    "layer score",
                    format!("{} on {date}", layer.label()),
                ));
            }
            delete::<throughline_model::LayerScore>(ctx, out, K::LayerScore, &key, "layer score")?;
        }
        Edit::PutWaiver { waiver } => {
            put(ctx, out, K::Waiver, waiver_key(waiver), waiver, None)?;
        }
        Edit::DeleteWaiver { code, subject } => {
            let key = format!("{code}|{subject}");
            if !rows::exists(ctx.conn, K::Waiver, ctx.ws, &key)? {
                return Err(not_found("waiver", format!("{code} on {subject}")));
            }
            delete::<throughline_model::Waiver>(ctx, out, K::Waiver, &key, "waiver")?;
        }
        Edit::PutMetric { metric } => {
            put(ctx, out, K::Metric, metric.id.to_string(), metric, None)?;
        }
        Edit::DeleteMetric { id } => {
            find::<Metric>(ctx, K::Metric, id.as_str(), "metric")?;
            drop_metrics(ctx, out, "id = ?2", id.as_str())?;
        }
        Edit::PutReadings { .. } | Edit::Batch { .. } => run(ctx, edit, out)?,
        Edit::DeleteReading { metric, date } => {
            let key = format!("{metric}@{date}");
            if !rows::exists(ctx.conn, K::Reading, ctx.ws, &key)? {
                return Err(not_found("reading", format!("{metric} on {date}")));
            }
            delete::<Reading>(ctx, out, K::Reading, &key, "reading")?;
        }
        Edit::PutReview { review } => {
            put(ctx, out, K::Review, review.id.to_string(), review, None)?;
        }
        Edit::DeleteReview { id } => {
            delete::<throughline_model::Review>(ctx, out, K::Review, id.as_str(), "review")?;
        }
    }
    Ok(())
}

/// Deletes an element, every handoff to or from it, its place as a handoff's source of
/// truth and in rules' `covers`, and the metrics scoped to it with their readings.
fn delete_element(ctx: &Ctx<'_>, out: &mut Vec<EntityChange>, id: &Id) -> Result<(), StoreError> {
    use EntityKind as K;
    let at = find::<Element>(ctx, K::Element, id.as_str(), "element")?;
    let mut elements = Tail::<Element>::load(ctx, K::Element, at.ord)?;
    elements.remove(id.as_str())?;
    let pattern = format!("%\"{id}\"%");
    let covering: Vec<Loaded<Element>> =
        rows::select(ctx.conn, K::Element, ctx.ws, "covers LIKE ?2", &[&pattern])?;
    for e in covering.into_iter().filter(|e| e.item.covers.contains(id)) {
        let mut new = e.item.clone();
        new.covers.retain(|c| c != id);
        if e.ord >= elements.from {
            elements.replace(&e.key, new);
        } else {
            point(out, K::Element, e.key, e.ord, &e.item, &new)?;
        }
    }
    elements.emit(out)?;

    let ends: Vec<Loaded<Handoff>> = rows::select(
        ctx.conn,
        K::Handoff,
        ctx.ws,
        "from_id = ?2 OR to_id = ?2",
        &[&id.as_str()],
    )?;
    let from = ends.first().map_or(u32::MAX, |h| h.ord);
    let mut handoffs = Tail::<Handoff>::load(ctx, K::Handoff, from)?;
    for h in &ends {
        handoffs.remove(&h.key)?;
    }
    let sourced: Vec<Loaded<Handoff>> = rows::select(
        ctx.conn,
        K::Handoff,
        ctx.ws,
        "source_of_truth = ?2",
        &[&id.as_str()],
    )?;
    for h in sourced {
        if ends.iter().any(|e| e.key == h.key) {
            continue;
        }
        let mut new = h.item.clone();
        new.source_of_truth = None;
        if h.ord >= handoffs.from {
            handoffs.replace(&h.key, new);
        } else {
            point(out, K::Handoff, h.key, h.ord, &h.item, &new)?;
        }
    }
    handoffs.emit(out)?;
    let scope = format!("element:{id}");
    drop_metrics(ctx, out, "scope = ?2", &scope)
}

/// Removes the metrics matching `filter` and their readings.
fn drop_metrics(
    ctx: &Ctx<'_>,
    out: &mut Vec<EntityChange>,
    filter: &str,
    param: &str,
) -> Result<(), StoreError> {
    let gone: Vec<Loaded<Metric>> =
        rows::select(ctx.conn, EntityKind::Metric, ctx.ws, filter, &[&param])?;
    let Some(first) = gone.first() else {
        return Ok(());
    };
    let mut metrics = Tail::<Metric>::load(ctx, EntityKind::Metric, first.ord)?;
    for m in &gone {
        metrics.remove(&m.key)?;
    }
    metrics.emit(out)?;
    let mut readings_from = u32::MAX;
    for m in &gone {
        let first: Option<i64> = ctx
            .conn
            .prepare_cached(
                "SELECT MIN(ord) FROM readings WHERE workspace_id = ?1 AND metric = ?2",
            )?
            .query_row(rusqlite::params![ctx.ws, m.key], |r| r.get(0))?;
        if let Some(first) = first {
            readings_from = readings_from.min(u32::try_from(first).map_err(StoreError::corrupt)?);
        }
    }
    let mut readings = Tail::<Reading>::load(ctx, EntityKind::Reading, readings_from)?;
    readings.retain(|r| !gone.iter().any(|m| m.key == r.metric.as_str()));
    readings.emit(out)
}

fn find<T: DeserializeOwned>(
    ctx: &Ctx<'_>,
    kind: EntityKind,
    key: &str,
    what: &'static str,
) -> Result<Loaded<T>, StoreError> {
    rows::by_key(ctx.conn, kind, ctx.ws, key)?.ok_or_else(|| not_found(what, key))
}

/// Adds an entity (at `index`, or at the end) or replaces the one with the same key, in
/// place unless an index is given: the model's `put_at`.
fn put<T: Serialize + DeserializeOwned + Clone>(
    ctx: &Ctx<'_>,
    out: &mut Vec<EntityChange>,
    kind: EntityKind,
    key: String,
    item: &T,
    index: Option<u32>,
) -> Result<(), StoreError> {
    let existing: Option<Loaded<T>> = rows::by_key(ctx.conn, kind, ctx.ws, &key)?;
    if let (Some(old), None) = (&existing, index) {
        return point(out, kind, key, old.ord, &old.item, item);
    }
    let len = rows::count(ctx.conn, kind, ctx.ws)?;
    let at = existing.as_ref().map_or(len, |l| l.ord);
    let from = at.min(index.map_or(len, |i| i.min(len)));
    let mut tail = Tail::<T>::load(ctx, kind, from)?;
    let mut new_len = len;
    if existing.is_some() {
        tail.remove(&key)?;
        new_len -= 1;
    }
    let to = index.map_or(new_len, |i| i.min(new_len));
    tail.insert(to, key, item.clone());
    tail.emit(out)
}

fn delete<T: Serialize + DeserializeOwned + Clone>(
    ctx: &Ctx<'_>,
    out: &mut Vec<EntityChange>,
    kind: EntityKind,
    key: &str,
    what: &'static str,
) -> Result<(), StoreError> {
    let at = find::<T>(ctx, kind, key, what)?;
    let mut tail = Tail::<T>::load(ctx, kind, at.ord)?;
    tail.remove(key)?;
    tail.emit(out)
}

fn value<T: Serialize>(item: &T) -> Result<Value, StoreError> {
    serde_json::to_value(item).map_err(StoreError::corrupt)
}

/// An entity changed where it stands.
fn point<T: Serialize>(
    out: &mut Vec<EntityChange>,
    kind: EntityKind,
    key: String,
    index: u32,
    old: &T,
    new: &T,
) -> Result<(), StoreError> {
    let (before, after) = (value(old)?, value(new)?);
    if before != after {
        out.push(EntityChange {
            kind,
            key,
            before: Some(Placed {
                index,
                value: before,
            }),
            after: Some(Placed {
                index,
                value: after,
            }),
        });
    }
    Ok(())
}

/// An entity of a tail: one of the loaded rows unchanged, or a new state.
enum Slot<T> {
    Same(usize),
    New(T),
}

/// The rows of a collection from position `from` on, to run positional operations on.
struct Tail<T> {
    kind: EntityKind,
    from: u32,
    before: Vec<(String, T)>,
    items: Vec<(String, Slot<T>)>,
}

impl<T: Serialize + DeserializeOwned + Clone> Tail<T> {
    fn load(ctx: &Ctx<'_>, kind: EntityKind, from: u32) -> Result<Self, StoreError> {
        let before: Vec<(String, T)> = if from == u32::MAX {
            Vec::new()
        } else {
            rows::select(ctx.conn, kind, ctx.ws, "ord >= ?2", &[&from])?
                .into_iter()
                .map(|l| (l.key, l.item))
                .collect()
        };
        let items = before
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), Slot::Same(i)))
            .collect();
        Ok(Self {
            kind,
            from: if from == u32::MAX { u32::MAX } else { from },
            before,
            items,
        })
    }

    fn position(&self, key: &str) -> Result<usize, StoreError> {
        self.items
            .iter()
            .position(|(k, _)| k == key)
            .ok_or_else(|| {
                StoreError::corrupt(format!("{} \"{key}\" was not loaded", self.kind.as_str()))
            })
    }

    fn current(&self, slot: &Slot<T>) -> T {
        match slot {
            Slot::Same(i) => self.before[*i].1.clone(),
            Slot::New(t) => t.clone(),
        }
    }

    fn remove(&mut self, key: &str) -> Result<T, StoreError> {
        let at = self.position(key)?;
        let (_, slot) = self.items.remove(at);
        Ok(self.current(&slot))
    }

    /// Inserts at absolute position `index` (at or after `from`).
    fn insert(&mut self, index: u32, key: String, item: T) {
        let local = index.saturating_sub(self.from) as usize;
        let local = local.min(self.items.len());
        self.items.insert(local, (key, Slot::New(item)));
    }

    fn replace(&mut self, key: &str, item: T) {
        if let Some(at) = self.items.iter().position(|(k, _)| k == key) {
            self.items[at].1 = Slot::New(item);
        }
    }

    fn retain(&mut self, keep: impl Fn(&T) -> bool) {
        let before = &self.before;
        self.items.retain(|(_, slot)| match slot {
            Slot::Same(i) => keep(&before[*i].1),
            Slot::New(t) => keep(t),
        });
    }

    fn emit(self, out: &mut Vec<EntityChange>) -> Result<(), StoreError> {
        let from = if self.from == u32::MAX { 0 } else { self.from };
        let values: Vec<Value> = self
            .before
            .iter()
            .map(|(_, t)| value(t))
            .collect::<Result<_, _>>()?;
        let mut old: BTreeMap<&str, (u32, usize)> = BTreeMap::new();
        for (i, (k, _)) in self.before.iter().enumerate() {
            old.insert(k.as_str(), (from + i as u32, i));
        }
        let mut seen = std::collections::HashSet::new();
        for (j, (key, slot)) in self.items.iter().enumerate() {
            let index = from + j as u32;
            seen.insert(key.as_str());
            let before = old.get(key.as_str()).map(|(o, i)| Placed {
                index: *o,
                value: values[*i].clone(),
            });
            let after_value = match slot {
                Slot::Same(i) => values[*i].clone(),
                Slot::New(t) => value(t)?,
            };
            let after = Some(Placed {
                index,
                value: after_value,
            });
            if before != after {
                out.push(EntityChange {
                    kind: self.kind,
                    key: key.clone(),
                    before,
                    after,
                });
            }
        }
        for (key, (o, i)) in old {
            if !seen.contains(key) {
                out.push(EntityChange {
                    kind: self.kind,
                    key: key.to_string(),
                    before: Some(Placed {
                        index: o,
                        value: values[i].clone(),
                    }),
                    after: None,
                });
            }
        }
        Ok(())
    }
}
