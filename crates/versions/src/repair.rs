//! Making a merged workspace consistent. Each side is valid on its own, but their changes
//! together may not be: we add a handoff to an element they deleted, they give an element
//! an alias we gave another. Each problem the model's validation finds is settled toward
//! our side and reported as a conflict: an item that differs from ours goes back to ours
//! (or away, if we do not have it); an item that is already ours gets back what it refers
//! to and the other side deleted. This repeats until the workspace is valid; should it not
//! converge, the merge keeps our side whole, which is valid by itself.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use throughline_model::{EntityKind, Workspace, validate};

use crate::collection::{
    Get, Item, Set, Visitor, collection_kind, collection_name, to_value, visit_all,
};
use crate::merge::{Conflict, conflict};

/// More rounds than any real pair of edits needs; a bound so a merge always ends.
const MAX_ROUNDS: usize = 16;

pub(crate) fn make_valid(
    base: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
    out: &mut Workspace,
    conflicts: &mut Vec<Conflict>,
    warnings: &mut Vec<String>,
) {
    for _ in 0..MAX_ROUNDS {
        let problems = validate(out);
        if problems.is_empty() {
            return;
        }
        let mut suspects: HashMap<EntityKind, HashSet<usize>> = HashMap::new();
        for p in &problems {
            if let Some((kind, index)) = locate(&p.path) {
                suspects.entry(kind).or_default().insert(index);
            }
        }
        let mut r = Repair {
            base,
            ours,
            theirs,
            out: &mut *out,
            suspects,
            wanted: HashSet::new(),
            restoring: false,
            changed: false,
            conflicts: &mut *conflicts,
        };
        visit_all(&mut r);
        r.restoring = true;
        visit_all(&mut r);
        if !r.changed {
            break;
        }
    }
    if !validate(out).is_empty() {
        *out = ours.clone();
        warnings.push(
            "their changes could not be combined with ours into a consistent workspace; \
             the merged file keeps our side as it was"
                .to_string(),
        );
    }
}

/// The collection and index a problem's path points into: `handoffs[3].to` is handoff 3;
/// `workspace.name` is the workspace's own record.
fn locate(path: &str) -> Option<(EntityKind, usize)> {
    let end = path.find(['[', '.']).unwrap_or(path.len());
    let kind = collection_kind(&path[..end])?;
    if kind == EntityKind::Info {
        return Some((kind, 0));
    }
    let rest = path[end..].strip_prefix('[')?;
    let index = rest.split(']').next()?.parse().ok()?;
    Some((kind, index))
}

struct Repair<'a> {
    base: &'a Workspace,
    ours: &'a Workspace,
    theirs: &'a Workspace,
    out: &'a mut Workspace,
    suspects: HashMap<EntityKind, HashSet<usize>>,
    /// Strings the items already at our value refer to: ids to bring back.
    wanted: HashSet<String>,
    restoring: bool,
    changed: bool,
    conflicts: &'a mut Vec<Conflict>,
}

fn find<'x, T: Item>(items: &'x [T], key: &str) -> Option<(usize, &'x T)> {
    items.iter().enumerate().find(|(_, x)| x.key() == key)
}

fn strings(v: &Value, out: &mut HashSet<String>) {
    match v {
        Value::String(s) => {
            if let Some((_, id)) = s.split_once(':') {
                out.insert(id.to_string());
            }
            out.insert(s.clone());
        }
        Value::Array(xs) => xs.iter().for_each(|x| strings(x, out)),
        Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

impl Repair<'_> {
    fn record(&mut self, c: Conflict) {
        let dup = self
            .conflicts
            .iter()
            .any(|x| x.collection == c.collection && x.id == c.id && x.field == c.field);
        if !dup {
            self.conflicts.push(c);
        }
        self.changed = true;
    }

    fn revert<T: Item>(&mut self, kind: EntityKind, get: Get<T>, set: Set<T>) {
        let Some(indices) = self.suspects.get(&kind) else {
            return;
        };
        let mut indices: Vec<usize> = indices.iter().copied().collect();
        indices.sort_unstable_by(|a, b| b.cmp(a));
        let mut items = get(self.out).to_vec();
        let name = collection_name(kind);
        for i in indices {
            let Some(x) = items.get(i) else { continue };
            let key = x.key();
            let ours = find(get(self.ours), &key).map(|(_, o)| o);
            if ours == Some(x) {
                strings(&to_value(x), &mut self.wanted);
                self.wanted.remove(key.as_ref());
                continue;
            }
            let base = find(get(self.base), &key).map(|(_, b)| b);
            let theirs = find(get(self.theirs), &key).map(|(_, t)| t);
            self.record(conflict(name, &key, None, [base, ours, theirs]));
            match ours {
                Some(o) => items[i] = o.clone(),
                None => {
                    items.remove(i);
                }
            }
        }
        set(self.out, items);
    }

    fn restore<T: Item>(&mut self, kind: EntityKind, get: Get<T>, set: Set<T>) {
        if self.wanted.is_empty() || kind == EntityKind::Info {
            return;
        }
        let present: HashSet<String> = get(self.out).iter().map(|x| x.key().into_owned()).collect();
        let missing: Vec<(usize, &T)> = get(self.ours)
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                let k = o.key();
                self.wanted.contains(k.as_ref()) && !present.contains(k.as_ref())
            })
            .collect();
        if missing.is_empty() {
            return;
        }
        let mut items = get(self.out).to_vec();
        let name = collection_name(kind);
        for (i, o) in missing {
            let key = o.key();
            let base = find(get(self.base), &key).map(|(_, b)| b);
            self.record(conflict(name, &key, None, [base, Some(o), None]));
            items.insert(i.min(items.len()), o.clone());
        }
        set(self.out, items);
    }
}

impl Visitor for Repair<'_> {
    fn visit<T: Item>(&mut self, kind: EntityKind, get: Get<T>, set: Set<T>) {
        if self.restoring {
            self.restore(kind, get, set);
        } else {
            self.revert(kind, get, set);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::locate;
    use throughline_model::EntityKind;

    #[test]
    fn problem_paths_point_at_items() {
        assert_eq!(locate("handoffs[3].to"), Some((EntityKind::Handoff, 3)));
        assert_eq!(locate("workspace.name"), Some((EntityKind::Info, 0)));
        assert_eq!(locate("layer_scores[0]"), Some((EntityKind::LayerScore, 0)));
        assert_eq!(locate("elements"), None);
    }
}
