//! Fuzzing, as property tests with a fixed budget: the file reader, validation, the audit
//! and the playbook never panic or hang on random or damaged input, and an import the
//! library refuses leaves the library as it was.
//!
//! `THROUGHLINE_FUZZ_CASES=N` runs N cases per property instead of the CI budget.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use proptest::prelude::*;
use serde_json::Value;
use throughline_format::{parse, sample, to_string};
use throughline_model::{Workspace, validate};
use throughline_playbook::{PlaybookOptions, outline, render};
use throughline_store::{Actor, Source, Store};

fn cases(default: u32) -> u32 {
    std::env::var("THROUGHLINE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A damaged copy of `text`: bytes cut, repeated, replaced or inserted.
#[derive(Debug, Clone)]
enum Damage {
    Cut { at: usize, len: usize },
    Repeat { at: usize, len: usize },
    Replace { at: usize, with: char },
    Insert { at: usize, text: String },
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Damage::Cut { at, len }),
        (any::<usize>(), 1..200usize).prop_map(|(at, len)| Damage::Repeat { at, len }),
        (any::<usize>(), any::<char>()).prop_map(|(at, with)| Damage::Replace { at, with }),
        (
            any::<usize>(),
            prop_oneof![
                Just("null".to_string()),
                Just("{".to_string()),
                Just("]".to_string()),
                Just("\"\\u0000\"".to_string()),
                Just("1e999".to_string()),
                Just(",\"x\":".to_string()),
                "\\PC{0,12}",
            ]
        )
            .prop_map(|(at, text)| Damage::Insert { at, text }),
    ]
}

fn apply(text: &str, damages: &[Damage]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for d in damages {
        let n = chars.len().max(1);
        match d {
            Damage::Cut { at, len } => {
                let at = at % n;
                let end = (at + len).min(chars.len());
                if at < end {
                    chars.drain(at..end);
                }
            }
            Damage::Repeat { at, len } => {
                let at = at % n;
                let end = (at + len).min(chars.len());
                let copy: Vec<char> = chars.get(at..end).unwrap_or_default().to_vec();
                chars.splice(at..at, copy);
            }
            Damage::Replace { at, with } => {
                if !chars.is_empty() {
                    let at = at % chars.len();
                    chars[at] = *with;
                }
            }
            Damage::Insert { at, text } => {
                let at = at % (chars.len() + 1);
                chars.splice(at..at, text.chars());
            }
        }
    }
    chars.into_iter().collect()
}

/// A JSON value of any shape, for replacing a part of a valid file.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::String),
        Just(Value::String("wizard".into())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the node reached by following `path` (indices taken modulo each container's
/// size) with `with`.
fn replace_node(node: &mut Value, path: &[usize], with: Value) {
    let Some((step, rest)) = path.split_first() else {
        *node = with;
        return;
    };
    match node {
        Value::Array(items) if !items.is_empty() => {
            let n = items.len();
            replace_node(&mut items[step % n], rest, with);
        }
        Value::Object(map) if !map.is_empty() => {
            let n = map.len();
            if let Some((_, v)) = map.iter_mut().nth(step % n) {
                replace_node(v, rest, with);
            }
        }
        _ => *node = with,
    }
}

/// Everything downstream of the reader, on a workspace it accepted.
fn use_workspace(ws: &Workspace) {
    assert!(
        validate(ws).is_empty(),
        "the reader accepted an invalid workspace"
    );
    let report = throughline_audit::audit(ws);
    let _ = throughline_audit::report(ws, report.findings.clone());
    let _ = outline(ws, &PlaybookOptions::default());
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_reader_survives_any_text(text in "\\PC{0,400}") {
        let _ = parse(&text);
    }

    #[test]
    fn the_reader_survives_any_json(value in json_value()) {
        let _ = parse(&value.to_string());
        let mut file = serde_json::json!({"format": "throughline", "version": 2});
        file["workspace"] = value;
        let _ = parse(&file.to_string());
    }

    #[test]
    fn the_reader_survives_a_damaged_sample(damages in proptest::collection::vec(damage(), 1..6)) {
        let text = apply(&to_string(&sample()), &damages);
        if let Ok(ws) = parse(&text) {
            use_workspace(&ws);
        }
    }

    #[test]
    fn the_reader_survives_a_sample_with_a_part_replaced(
        path in proptest::collection::vec(any::<usize>(), 0..6),
        with in json_value(),
    ) {
        let mut value: Value = serde_json::from_str(&to_string(&sample())).unwrap();
        replace_node(&mut value, &path, with);
        if let Ok(ws) = parse(&value.to_string()) {
            use_workspace(&ws);
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_refused_import_leaves_the_library_as_it_was(
        path in proptest::collection::vec(any::<usize>(), 1..6),
        with in json_value(),
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let actor = Actor::new("Ada", Source::Import);
        let kept = store.import_workspace(&sample(), &actor).unwrap();
        let before = (store.list_workspaces().unwrap(), store.state(&kept.slug).unwrap());
        // The damaged workspace, as far as it still has the model's types; the library
        // must refuse it when it breaks a rule.
        let mut value = serde_json::to_value(sample()).unwrap();
        replace_node(&mut value, &path, with);
        let Ok(doc) = serde_json::from_value::<Workspace>(value) else { return Ok(()) };
        if validate(&doc).is_empty() {
            return Ok(());
        }
        prop_assert!(store.import_workspace(&doc, &actor).is_err());
        let after = (store.list_workspaces().unwrap(), store.state(&kept.slug).unwrap());
        prop_assert_eq!(before, after);
        prop_assert_eq!(store.integrity_problems().unwrap(), Vec::<String>::new());
    }
}

proptest! {
    #![proptest_config(config(16))]

    #[test]
    fn the_playbook_renders_any_workspace_the_reader_accepts(
        damages in proptest::collection::vec(damage(), 1..4),
    ) {
        let text = apply(&to_string(&sample()), &damages);
        let ws = parse(&text).unwrap_or_else(|_| sample());
        let rendered = render(&ws, &PlaybookOptions::default());
        prop_assert!(rendered.is_ok(), "{:?}", rendered.err());
    }
}
