//! Field-level differences and three-way merges of one item, by dotted path.
//!
//! Objects are followed key by key (`claims.setup.effort`); anything else, arrays
//! included, is one value compared whole. An absent field and `null` are the same thing,
//! and an absent object counts as an empty one, so a claim added to an element that had
//! none is the field `claims.KEY` going from null to its text.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

/// One field's value before and after; `null` means absent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldChange {
    #[cfg_attr(feature = "specta", specta(type = crate::AnyJson))]
    pub before: Value,
    #[cfg_attr(feature = "specta", specta(type = crate::AnyJson))]
    pub after: Value,
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

static EMPTY: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);

/// The object behind a value when it is an object or absent; `None` for anything else.
fn as_map(v: &Value) -> Option<&Map<String, Value>> {
    match v {
        Value::Object(m) => Some(m),
        Value::Null => Some(&EMPTY),
        _ => None,
    }
}

/// Every field that differs between two values of one item, by dotted path
/// (`claims.setup.effort`); arrays are compared whole.
pub fn field_changes(before: &Value, after: &Value) -> BTreeMap<String, FieldChange> {
    let mut out = BTreeMap::new();
    changed_fields(before, after, "", &mut out);
    out
}

/// Every field that differs between `before` and `after`, by dotted path under `prefix`.
pub(crate) fn changed_fields(
    before: &Value,
    after: &Value,
    prefix: &str,
    out: &mut BTreeMap<String, FieldChange>,
) {
    if before == after {
        return;
    }
    let both_objects = before.is_object() || after.is_object();
    match (as_map(before), as_map(after)) {
        (Some(b), Some(a)) if both_objects => {
            for (key, bv) in b {
                changed_fields(
                    bv,
                    a.get(key).unwrap_or(&Value::Null),
                    &join(prefix, key),
                    out,
                );
            }
            for (key, av) in a {
                if !b.contains_key(key) {
                    changed_fields(&Value::Null, av, &join(prefix, key), out);
                }
            }
        }
        _ => {
            let path = if prefix.is_empty() { "value" } else { prefix };
            out.insert(
                path.to_string(),
                FieldChange {
                    before: before.clone(),
                    after: after.clone(),
                },
            );
        }
    }
}

/// A field both sides changed, each its own way.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldConflict {
    pub path: String,
    pub base: Value,
    pub ours: Value,
    pub theirs: Value,
}

/// Merges one item field by field: a field changed on one side takes that side's value;
/// a field changed on both sides to different values is a conflict and keeps ours, unless
/// `take_theirs(path)` says the user chose their value for that field.
pub(crate) fn merge_fields(
    base: &Value,
    ours: &Value,
    theirs: &Value,
    prefix: &str,
    conflicts: &mut Vec<FieldConflict>,
    take_theirs: &dyn Fn(&str) -> bool,
) -> Value {
    if ours == theirs || theirs == base {
        return ours.clone();
    }
    if ours == base {
        return theirs.clone();
    }
    let any_object = ours.is_object() || theirs.is_object();
    if let (Some(b), Some(o), Some(t), true) =
        (as_map(base), as_map(ours), as_map(theirs), any_object)
    {
        let mut out = Map::new();
        let keys = o.keys().chain(t.keys().filter(|k| !o.contains_key(*k)));
        for key in keys {
            let pick = |m: &Map<String, Value>| m.get(key).cloned().unwrap_or(Value::Null);
            let merged = merge_fields(
                &pick(b),
                &pick(o),
                &pick(t),
                &join(prefix, key),
                conflicts,
                take_theirs,
            );
            if !merged.is_null() {
                out.insert(key.clone(), merged);
            }
        }
        return Value::Object(out);
    }
    let path = if prefix.is_empty() { "value" } else { prefix };
    conflicts.push(FieldConflict {
        path: path.to_string(),
        base: base.clone(),
        ours: ours.clone(),
        theirs: theirs.clone(),
    });
    if take_theirs(path) {
        theirs.clone()
    } else {
        ours.clone()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn nested_objects_are_followed_to_the_changed_leaf() {
        let mut out = BTreeMap::new();
        changed_fields(
            &json!({"name": "Wizard", "claims": {"setup.effort": "none"}, "tags": ["a"]}),
            &json!({"name": "Wizard", "claims": {"setup.effort": "high"}, "tags": ["a", "b"]}),
            "",
            &mut out,
        );
        let paths: Vec<&str> = out.keys().map(String::as_str).collect();
        assert_eq!(
            paths,
            ["claims.setup.effort", "tags"],
            "arrays are compared whole"
        );
        assert_eq!(out["claims.setup.effort"].after, json!("high"));
    }

    #[test]
    fn a_map_that_appears_is_a_change_of_each_of_its_keys() {
        let mut out = BTreeMap::new();
        changed_fields(
            &json!({"id": "x"}),
            &json!({"id": "x", "claims": {"a": "1"}}),
            "",
            &mut out,
        );
        assert_eq!(out["claims.a"].before, Value::Null);
    }

    #[test]
    fn two_fields_of_one_item_merge_and_one_field_conflicts() {
        let mut conflicts = Vec::new();
        let merged = merge_fields(
            &json!({"name": "A", "owner": "x", "gate": null}),
            &json!({"name": "B", "owner": "y"}),
            &json!({"name": "A", "owner": "z", "gate": "legal"}),
            "",
            &mut conflicts,
            &|_| false,
        );
        assert_eq!(merged, json!({"name": "B", "owner": "y", "gate": "legal"}));
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].path, "owner");
        assert_eq!(conflicts[0].theirs, json!("z"));
    }
}
