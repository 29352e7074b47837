//! Three-way merge of a workspace, at the level of items and their fields.
//!
//! For each collection, each item is merged on its own: a change on one side is taken; a
//! change on both sides is merged field by field; the same field changed differently on
//! both sides, or an item deleted on one side and changed on the other, is a conflict
//! that keeps our side. Our order is kept and their new items are placed after the item
//! they follow in their file. The result is then made consistent ([`crate::repair`]).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use throughline_model::{EntityKind, Workspace};

use crate::VersionsError;
use crate::collection::{Get, Item, Set, Visitor, collection_name, to_value, visit_all};
use crate::fields::{FieldConflict, merge_fields};
use rustc_hash::{FxHashMap, FxHashSet};

/// Something both sides changed, each its own way; the merged file holds `ours`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Conflict {
    pub collection: String,
    pub id: String,
    /// The dotted path of the field; `None` when one side deleted the item and the other
    /// changed it (or kept it because something still refers to it).
    pub field: Option<String>,
    /// Each side's value; `null` where the item or field is absent.
    #[cfg_attr(feature = "specta", specta(type = crate::AnyJson))]
    pub base: Value,
    #[cfg_attr(feature = "specta", specta(type = crate::AnyJson))]
    pub ours: Value,
    #[cfg_attr(feature = "specta", specta(type = crate::AnyJson))]
    pub theirs: Value,
}

/// How to merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Merge even files that do not look like three versions of one workspace.
    pub force: bool,
}

/// The side a conflict is settled toward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Ours,
    Theirs,
}

/// The user's decision on one conflict, named as the conflict names itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Choice {
    pub collection: String,
    pub id: String,
    /// The conflict's field; `None` for a delete-versus-change conflict.
    pub field: Option<String>,
    pub take: Side,
}

/// The conflicts settled toward their side, by (collection, id, field).
type TheirsWins = FxHashSet<(String, String, Option<String>)>;

/// The merged workspace, always valid, and what could not be merged cleanly.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Merge {
    pub workspace: Workspace,
    pub conflicts: Vec<Conflict>,
    /// Things the user should know that are not conflicts (a forced merge of unrelated files).
    pub warnings: Vec<String>,
}

impl Merge {
    /// True when both sides' changes combined without a conflict.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Merges `ours` and `theirs`, two versions descended from `base`. Refuses (unless
/// `options.force`) files that do not look like versions of one workspace. Every conflict
/// keeps our side.
pub fn merge(
    base: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
    options: MergeOptions,
) -> Result<Merge, VersionsError> {
    merge_choosing(base, ours, theirs, options, &[])
}

/// [`merge`], with each conflict named in `choices` settled the way the user chose: a
/// field takes their value, an item one side deleted and the other changed takes their
/// version (deleted, or as they changed it). The conflicts are still reported. The result
/// is made valid as always, so a choice that would break a reference (their deletion of
/// an element our handoffs still use) is settled toward ours again and reported.
pub fn merge_choosing(
    base: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
    options: MergeOptions,
    choices: &[Choice],
) -> Result<Merge, VersionsError> {
    let theirs_wins: TheirsWins = choices
        .iter()
        .filter(|c| c.take == Side::Theirs)
        .map(|c| (c.collection.clone(), c.id.clone(), c.field.clone()))
        .collect();
    let mut warnings = Vec::new();
    for (side, other) in [("ours", ours), ("theirs", theirs)] {
        if !related(base, other) {
            let problem = VersionsError::Unrelated {
                side,
                base: base.workspace.name.clone(),
                other: other.workspace.name.clone(),
            };
            if !options.force {
                return Err(problem);
            }
            warnings.push(format!("{problem} (merged anyway: --force)"));
        }
    }
    let mut v = Merger {
        base,
        ours,
        theirs,
        out: Workspace::default(),
        conflicts: Vec::new(),
        theirs_wins: &theirs_wins,
    };
    visit_all(&mut v);
    let Merger {
        mut out,
        mut conflicts,
        ..
    } = v;
    crate::repair::make_valid(base, ours, theirs, &mut out, &mut conflicts, &mut warnings);
    Ok(Merge {
        workspace: out,
        conflicts,
        warnings,
    })
}

/// Two workspaces are versions of one when they share a name or at least one item key.
fn related(a: &Workspace, b: &Workspace) -> bool {
    if a.workspace.name == b.workspace.name {
        return true;
    }
    struct Keys<'w>(&'w Workspace, &'w Workspace, bool);
    impl Visitor for Keys<'_> {
        fn visit<T: Item>(&mut self, kind: EntityKind, get: Get<T>, _: Set<T>) {
            if self.2 || kind == EntityKind::Info {
                return;
            }
            let keys: FxHashSet<Cow<'_, str>> = get(self.0).iter().map(Item::key).collect();
            self.2 = get(self.1).iter().any(|x| keys.contains(&x.key()));
        }
    }
    let mut k = Keys(a, b, false);
    visit_all(&mut k);
    k.2
}

struct Merger<'w> {
    base: &'w Workspace,
    ours: &'w Workspace,
    theirs: &'w Workspace,
    out: Workspace,
    conflicts: Vec<Conflict>,
    theirs_wins: &'w TheirsWins,
}

impl Visitor for Merger<'_> {
    fn visit<T: Item>(&mut self, kind: EntityKind, get: Get<T>, set: Set<T>) {
        let (b, o, t) = (get(self.base), get(self.ours), get(self.theirs));
        let merged = if o == t || t == b {
            o.to_vec()
        } else if o == b {
            t.to_vec()
        } else {
            let collection = collection_name(kind);
            let wins = |id: &str, field: Option<&str>| {
                self.theirs_wins.contains(&(
                    collection.to_string(),
                    id.to_string(),
                    field.map(str::to_string),
                ))
            };
            merge_items(collection, b, o, t, &mut self.conflicts, &wins)
        };
        set(&mut self.out, merged);
    }
}

pub(crate) fn conflict<T: Item>(
    collection: &str,
    id: &str,
    field: Option<String>,
    sides: [Option<&T>; 3],
) -> Conflict {
    let v = |x: Option<&T>| x.map(to_value).unwrap_or(Value::Null);
    Conflict {
        collection: collection.to_string(),
        id: id.to_string(),
        field,
        base: v(sides[0]),
        ours: v(sides[1]),
        theirs: v(sides[2]),
    }
}

fn merge_items<T: Item>(
    collection: &str,
    base: &[T],
    ours: &[T],
    theirs: &[T],
    conflicts: &mut Vec<Conflict>,
    wins: &dyn Fn(&str, Option<&str>) -> bool,
) -> Vec<T> {
    let base_by: FxHashMap<Cow<'_, str>, &T> = base.iter().map(|x| (x.key(), x)).collect();
    let theirs_by: FxHashMap<Cow<'_, str>, &T> = theirs.iter().map(|x| (x.key(), x)).collect();
    let mut kept: Vec<(Cow<'_, str>, T)> = Vec::with_capacity(ours.len().max(theirs.len()));
    for o in ours {
        let key = o.key();
        let b = base_by.get(key.as_ref()).copied();
        let t = theirs_by.get(key.as_ref()).copied();
        match (b, t) {
            (Some(b), Some(t)) if o == b => kept.push((key, t.clone())),
            (_, Some(t)) if o == t => kept.push((key, o.clone())),
            (Some(b), Some(t)) if t == b => kept.push((key, o.clone())),
            // Both changed it (or both added it, differently): field by field.
            (b, Some(t)) => {
                let merged = merge_item(collection, &key, b, o, t, conflicts, wins);
                kept.push((key, merged));
            }
            (Some(b), None) if o == b => {} // they deleted it; we left it alone
            (Some(b), None) => {
                conflicts.push(conflict(collection, &key, None, [Some(b), Some(o), None]));
                if !wins(&key, None) {
                    kept.push((key, o.clone()));
                }
            }
            (None, None) => kept.push((key, o.clone())),
        }
    }
    let in_ours: FxHashSet<Cow<'_, str>> = ours.iter().map(Item::key).collect();
    let kept_keys: FxHashSet<&str> = kept.iter().map(|(k, _)| k.as_ref()).collect();
    // Their new items, each after the item it follows in their order (None: at the start).
    let mut after: FxHashMap<Option<Cow<'_, str>>, Vec<T>> = FxHashMap::default();
    let mut anchor: Option<Cow<'_, str>> = None;
    for t in theirs {
        let key = t.key();
        if kept_keys.contains(key.as_ref()) {
            anchor = Some(key);
            continue;
        }
        if in_ours.contains(key.as_ref()) {
            continue;
        }
        match base_by.get(key.as_ref()).copied() {
            // We deleted it; a change of theirs to it is a conflict, and it stays deleted.
            Some(b) if b != t => {
                conflicts.push(conflict(collection, &key, None, [Some(b), None, Some(t)]));
                if wins(&key, None) {
                    after.entry(anchor.clone()).or_default().push(t.clone());
                }
            }
            Some(_) => {}
            None => after.entry(anchor.clone()).or_default().push(t.clone()),
        }
    }
    let mut out = Vec::with_capacity(kept.len() + after.values().map(Vec::len).sum::<usize>());
    out.extend(after.remove(&None).unwrap_or_default());
    for (key, item) in kept {
        out.push(item);
        if let Some(new) = after.remove(&Some(key)) {
            out.extend(new);
        }
    }
    out
}

/// Merges one item both sides changed, field by field; conflicting fields keep ours.
fn merge_item<T: Item>(
    collection: &str,
    key: &str,
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    conflicts: &mut Vec<Conflict>,
    wins: &dyn Fn(&str, Option<&str>) -> bool,
) -> T {
    let mut fields: Vec<FieldConflict> = Vec::new();
    let b = base.map(to_value).unwrap_or(Value::Null);
    let take = |path: &str| wins(key, Some(path));
    let merged = merge_fields(
        &b,
        &to_value(ours),
        &to_value(theirs),
        "",
        &mut fields,
        &take,
    );
    match serde_json::from_value::<T>(merged) {
        Ok(item) => {
            conflicts.extend(fields.into_iter().map(|f| Conflict {
                collection: collection.to_string(),
                id: key.to_string(),
                field: Some(f.path),
                base: f.base,
                ours: f.ours,
                theirs: f.theirs,
            }));
            item
        }
        // The fields do not make an item together: keep ours whole.
        Err(_) => {
            conflicts.push(conflict(
                collection,
                key,
                None,
                [base, Some(ours), Some(theirs)],
            ));
            if wins(key, None) {
                theirs.clone()
            } else {
                ours.clone()
            }
        }
    }
}
