//! The JSON Schema in `docs/throughline.schema.json` agrees with the model: every file
//! Throughline writes is valid against it, and the type-level mistakes Throughline refuses
//! are refused by the schema too.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use std::path::{Path, PathBuf};

use serde_json::Value;
use throughline_format::{SAMPLE_JSON, parse, to_string};

fn repo_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator() -> jsonschema::Validator {
    let schema = json(&repo_file("../../docs/throughline.schema.json"));
    jsonschema::draft202012::new(&schema).expect("the schema itself is valid")
}

fn schema_errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

#[test]
fn the_sample_is_valid_against_the_schema() {
    let v = validator();
    let doc: Value = serde_json::from_str(SAMPLE_JSON).unwrap();
    assert_eq!(schema_errors(&v, &doc), Vec::<String>::new());
}

#[test]
fn a_file_with_every_optional_field_is_valid_against_the_schema() {
    let v = validator();
    let path = repo_file("tests/fixtures/every-field.throughline.json");
    assert_eq!(schema_errors(&v, &json(&path)), Vec::<String>::new());
    // What the exporter writes (with its explicit nulls and defaults) is valid too.
    let text = std::fs::read_to_string(&path).unwrap();
    let exported: Value = serde_json::from_str(&to_string(&parse(&text).unwrap())).unwrap();
    assert_eq!(schema_errors(&v, &exported), Vec::<String>::new());
}

#[test]
fn the_smallest_file_is_valid_against_the_schema_and_the_parser() {
    let text = r#"{"format": "throughline", "version": 1, "workspace": {"name": "Empty"}}"#;
    assert!(parse(text).is_ok());
    let doc: Value = serde_json::from_str(text).unwrap();
    assert_eq!(schema_errors(&validator(), &doc), Vec::<String>::new());
}

#[test]
fn the_schema_refuses_what_the_typed_parser_refuses() {
    let v = validator();
    for name in [
        "wrong-format.json",
        "newer-version.json",
        "emotion-3.json",
        "score-7.json",
        "unknown-field.json",
        "wrong-type.json",
        "unknown-kind.json",
        "bad-id.json",
        "not-an-object.json",
    ] {
        let path = repo_file("tests/fixtures/bad").join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(parse(&text).is_err(), "{name} is refused by the parser");
        assert!(
            !v.is_valid(&json(&path)),
            "{name} is refused by the parser, so the schema must refuse it too"
        );
    }
}

#[test]
fn every_field_of_the_model_is_declared_in_the_schema() {
    // Walks the exported every-field fixture and checks that each object key it holds is
    // a declared property of the schema, so a field added to the model shows up here.
    let schema = json(&repo_file("../../docs/throughline.schema.json"));
    let text =
        std::fs::read_to_string(repo_file("tests/fixtures/every-field.throughline.json")).unwrap();
    let exported: Value = serde_json::from_str(&to_string(&parse(&text).unwrap())).unwrap();
    let mut declared = std::collections::BTreeSet::new();
    collect_properties(&schema, &mut declared);
    let mut used = std::collections::BTreeSet::new();
    collect_keys(&exported, &mut used);
    // Claim and interpretation keys are data, not fields.
    for data_key in ["a.key", "z.key", "intent.rising"] {
        used.remove(data_key);
    }
    let missing: Vec<_> = used.difference(&declared).collect();
    assert!(
        missing.is_empty(),
        "fields missing from the schema: {missing:?}"
    );
}

fn collect_properties(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|x| collect_properties(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| collect_properties(x, out)),
        _ => {}
    }
}

fn collect_keys(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            out.extend(map.keys().cloned());
            map.values().for_each(|x| collect_keys(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| collect_keys(x, out)),
        _ => {}
    }
}
