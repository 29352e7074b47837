//! Comparing two states of a workspace: what changed, item by item and field by field.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use serde_json::Value;
use throughline_model::{EntityKind, Layer, Workspace};

use crate::collection::{
    Get, Item, Set, Visitor, collection_name, is_ordered, to_value, visit_all,
};
use crate::fields::{FieldChange, changed_fields};
use crate::findings::{FindingsDelta, findings_delta};
use crate::readiness::{ReadinessDelta, readiness_delta};
use rustc_hash::FxHashMap;

/// What happened to one item between two states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// The store has a `ChangeKind` too (what a committed transaction was); the generated bindings
// need two names. A container rename does not change the JSON of a unit-variant enum.
#[serde(rename = "ItemChangeKind", rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    /// At least one field differs. An item that also moved is reported once, as
    /// `changed`, with its `position` filled in.
    Changed,
    /// Only its position among the other items changed (stages and principles).
    Moved,
}

/// An item's position before and after, counted from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Position {
    pub before: u32,
    pub after: u32,
}

/// One item that differs between the two states.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Change {
    /// The collection, named as in the file: `elements`, `layer_scores`, `workspace`.
    pub collection: String,
    /// The item's id (or composite key: `vision@2026-03-01`, `code|subject`).
    pub id: String,
    pub change: ChangeKind,
    /// The item's name as people know it (name, or a principle's text), for display.
    pub name: String,
    /// The layer of the Coherence Stack the item belongs to; absent for records such as
    /// readiness sessions, layer scores, waivers and metrics.
    pub layer: Option<Layer>,
    /// For `changed`: each field that differs, by dotted path.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldChange>,
    /// For `moved` (and a `changed` item that also moved): where it stood and stands. For a
    /// `removed` stage or principle: where it stood, and `after` the number of the newer
    /// state's items that stood before it (where a view draws it as a ghost).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// For `removed`: the item as it was, so a view can show it as a ghost.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<crate::AnyJson>))]
    pub before: Option<Value>,
    /// For `added`: the item as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<crate::AnyJson>))]
    pub after: Option<Value>,
}

/// Everything that differs between two states of a workspace.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Comparison {
    /// The older state, as the caller names it (a workspace's name by default).
    pub from: String,
    /// The newer state.
    pub to: String,
    /// In document order of collections; within one, the newer state's order, then what
    /// was removed in the older state's order.
    pub changes: Vec<Change>,
    pub findings: FindingsDelta,
    pub readiness: ReadinessDelta,
}

impl Comparison {
    /// True when the two states hold the same items with the same values.
    pub fn is_unchanged(&self) -> bool {
        self.changes.is_empty()
    }

    /// The same comparison with the two states named `from` and `to`.
    pub fn named(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        self.from = from.into();
        self.to = to.into();
        self
    }
}

/// Compares the older state `a` with the newer state `b`: every item added, removed,
/// changed or moved; the audit findings the change introduced and resolved; readiness and
/// layer scores before and after.
pub fn compare(a: &Workspace, b: &Workspace) -> Comparison {
    // The item changes and the two audits do not depend on each other: on a machine with
    // more than one core they run side by side (about a third off at 10,000 elements).
    let (changes, findings) = std::thread::scope(|s| {
        let findings = s.spawn(|| findings_delta(a, b));
        let changes = changes(a, b);
        // A panic in the audit (the fuzz suite holds it to none) goes on as if run here.
        let findings = findings
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (changes, findings)
    });
    Comparison {
        from: a.workspace.name.clone(),
        to: b.workspace.name.clone(),
        changes,
        findings,
        readiness: readiness_delta(a, b),
    }
}

/// The item-level changes from `a` to `b` alone, without audit or readiness.
pub fn changes(a: &Workspace, b: &Workspace) -> Vec<Change> {
    let mut v = Changes {
        a,
        b,
        out: Vec::new(),
    };
    visit_all(&mut v);
    v.out
}

struct Changes<'w> {
    a: &'w Workspace,
    b: &'w Workspace,
    out: Vec<Change>,
}

impl Visitor for Changes<'_> {
    fn visit<T: Item>(&mut self, kind: EntityKind, get: Get<T>, _set: Set<T>) {
        let (a, b) = (get(self.a), get(self.b));
        if a == b {
            return;
        }
        let old: FxHashMap<Cow<'_, str>, (usize, &T)> = a
            .iter()
            .enumerate()
            .map(|(i, x)| (x.key(), (i, x)))
            .collect();
        let new_keys: FxHashMap<Cow<'_, str>, usize> =
            b.iter().enumerate().map(|(i, x)| (x.key(), i)).collect();
        let moved = if is_ordered(kind) {
            moved_keys(a, &new_keys)
        } else {
            Default::default()
        };
        let collection = collection_name(kind).to_string();
        for (j, item) in b.iter().enumerate() {
            let key = item.key();
            let position = |i: usize| Position {
                before: i as u32,
                after: j as u32,
            };
            let change = match old.get(key.as_ref()) {
                None => Some(entry(
                    &collection,
                    key.into_owned(),
                    ChangeKind::Added,
                    item,
                    |c| c.after = Some(to_value(item)),
                )),
                Some((i, was)) => {
                    let moved = moved.contains(key.as_ref()).then(|| position(*i));
                    let key = key.into_owned();
                    if *was != item {
                        let mut fields = BTreeMap::new();
                        changed_fields(&to_value(*was), &to_value(item), "", &mut fields);
                        Some(entry(&collection, key, ChangeKind::Changed, item, |c| {
                            c.fields = fields;
                            c.position = moved;
                        }))
                    } else {
                        moved.map(|p| {
                            entry(&collection, key, ChangeKind::Moved, item, |c| {
                                c.position = Some(p)
                            })
                        })
                    }
                }
            };
            self.out.extend(change);
        }
        let ordered = is_ordered(kind);
        let mut kept = 0u32;
        for (i, item) in a.iter().enumerate() {
            let key = item.key();
            if new_keys.contains_key(key.as_ref()) {
                kept += 1;
                continue;
            }
            self.out.push(entry(
                &collection,
                key.into_owned(),
                ChangeKind::Removed,
                item,
                |c| {
                    c.before = Some(to_value(item));
                    // Where a view draws the removed stage or principle: after the items
                    // of the newer state that stood before it.
                    c.position = ordered.then_some(Position {
                        before: i as u32,
                        after: kept,
                    });
                },
            ));
        }
    }
}

fn entry<T: Item>(
    collection: &str,
    id: String,
    change: ChangeKind,
    item: &T,
    fill: impl FnOnce(&mut Change),
) -> Change {
    let mut c = Change {
        collection: collection.to_string(),
        name: display_name(&to_value(item)).unwrap_or_else(|| id.clone()),
        id,
        change,
        layer: item.layer(),
        fields: BTreeMap::new(),
        position: None,
        before: None,
        after: None,
    };
    fill(&mut c);
    c
}

/// The name people know an item by: its `name`, else a principle's `text`.
fn display_name(v: &Value) -> Option<String> {
    ["name", "text"]
        .iter()
        .find_map(|f| v.get(f).and_then(Value::as_str))
        .map(str::to_string)
}

/// The items present in both states whose order relative to the others changed: the
/// fewest items that, taken out and put back, turn the old order into the new one (those
/// outside a longest increasing run of new positions). Inserting or removing an item
/// elsewhere moves nothing.
fn moved_keys<T: Item>(old: &[T], new_keys: &FxHashMap<Cow<'_, str>, usize>) -> HashSet<String> {
    let common: Vec<(Cow<'_, str>, usize)> = old
        .iter()
        .filter_map(|x| {
            let k = x.key();
            new_keys.get(k.as_ref()).map(|&j| (k, j))
        })
        .collect();
    let positions: Vec<usize> = common.iter().map(|(_, j)| *j).collect();
    let keep = longest_increasing(&positions);
    common
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !keep[*i])
        .map(|(_, (k, _))| k.into_owned())
        .collect()
}

/// Marks the members of one longest strictly increasing subsequence (patience sorting,
/// O(n log n)).
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into xs of the smallest tail per length
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let at = tails.partition_point(|&t| xs[t] < x);
        prev[i] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut keep = vec![false; xs.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep[i] = true;
        cur = prev[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn one_item_taken_out_and_put_back_is_the_only_move() {
        // Old order a b c d; new order b c a d: positions of a,b,c,d in the new list.
        assert_eq!(longest_increasing(&[2, 0, 1, 3]), [false, true, true, true]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
    }
}
