//! Every way an import can fail says what is wrong and where, and returns no workspace.
//!
//! Each scenario reads a file from `tests/fixtures/bad/` (or builds the input in place
//! where a file would be unwieldy) and checks the error's code and its exact message.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use std::path::{Path, PathBuf};

use throughline_format::{FormatError, MAX_INPUT_BYTES, parse, read_file};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

/// Imports a bad fixture, which must fail, and returns the error.
fn import(name: &str) -> FormatError {
    match read_file(&fixture(name)) {
        Ok(_) => panic!("{name} was imported, but it should have been refused"),
        Err(e) => e,
    }
}

fn assert_error(e: &FormatError, code: &str, message: &str) {
    assert_eq!(e.code(), code, "code of: {e}");
    assert_eq!(e.to_string(), message);
}

#[test]
fn text_that_is_not_json_gives_the_line_and_column() {
    let e = import("not-json.json");
    assert_error(
        &e,
        "not_json",
        "this is not a Throughline file: line 5, column 3: expected \",\" or \"}\"",
    );
    assert!(
        matches!(
            e,
            FormatError::NotJson {
                line: 5,
                column: 3,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn an_empty_file_is_not_json() {
    let e = parse("").unwrap_err();
    assert_error(
        &e,
        "not_json",
        "this is not a Throughline file: line 1, column 0: EOF while parsing a value",
    );
}

#[test]
fn json_that_is_not_an_object_is_not_a_throughline_file() {
    assert_error(
        &import("not-an-object.json"),
        "not_throughline",
        "this is not a Throughline file: it holds an array, where a JSON object is expected",
    );
    assert_error(
        &parse("\"hello\"").unwrap_err(),
        "not_throughline",
        "this is not a Throughline file: it holds a string, where a JSON object is expected",
    );
}

#[test]
fn a_missing_or_wrong_format_tag_is_not_a_throughline_file() {
    assert_error(
        &parse(r#"{"version": 1, "workspace": {"name": "x"}}"#).unwrap_err(),
        "not_throughline",
        "this is not a Throughline file: it has no \"format\": \"throughline\" field",
    );
    assert_error(
        &import("wrong-format.json"),
        "not_throughline",
        "this is not a Throughline file: its \"format\" is \"excalidraw\", where \"throughline\" is expected",
    );
}

#[test]
fn a_file_from_a_newer_throughline_is_refused_before_its_fields_are_read() {
    assert_error(
        &import("newer-version.json"),
        "newer_version",
        "written by a newer Throughline (format version 3); this version reads versions 1 to 2",
    );
}

#[test]
fn version_zero_a_fraction_a_string_or_no_version_is_refused_clearly() {
    let cases = [
        (r#"{"format": "throughline", "version": 0}"#, "is 0"),
        (r#"{"format": "throughline", "version": 1.5}"#, "is 1.5"),
        (r#"{"format": "throughline", "version": -1}"#, "is -1"),
        (r#"{"format": "throughline", "version": "1"}"#, "is \"1\""),
        (r#"{"format": "throughline"}"#, "is missing"),
    ];
    for (input, found) in cases {
        assert_error(
            &parse(input).unwrap_err(),
            "bad_version",
            &format!(
                "this is not a readable Throughline file: \"version\" {found}; it must be a whole number from 1 to 2"
            ),
        );
    }
}

#[test]
fn an_emotion_of_3_is_out_of_range() {
    let e = import("emotion-3.json");
    assert_error(
        &e,
        "bad_field",
        "stages[0].emotion: emotion is 3; it runs from -2 to 2 (line 6, column 50)",
    );
    assert_eq!(e.problems()[0].path, "stages[0].emotion");
}

#[test]
fn a_score_of_7_is_out_of_range() {
    assert_error(
        &import("score-7.json"),
        "bad_field",
        "readiness[0].raters[1].scores.data: score is 7; it runs from 1 to 5 (line 12, column 62)",
    );
}

#[test]
fn a_field_the_format_does_not_know_is_refused_with_its_path() {
    let e = import("unknown-field.json");
    assert_eq!(e.code(), "bad_field");
    let p = &e.problems()[0];
    assert_eq!(p.path, "elements[2].colour");
    assert!(
        p.message.starts_with(
            "this field is not part of the Throughline format; expected one of id, kind, name"
        ),
        "{}",
        p.message
    );
}

#[test]
fn a_wrong_type_says_what_was_expected_and_what_was_found() {
    assert_error(
        &import("wrong-type.json"),
        "bad_field",
        "elements[0].name: expected a string, found integer 42 (line 6, column 55)",
    );
    let e = import("unknown-kind.json");
    assert_eq!(e.problems()[0].path, "elements[0].kind");
    assert!(
        e.problems()[0]
            .message
            .starts_with("unknown variant \"widget\", expected one of \"touchpoint\""),
        "{e}"
    );
}

#[test]
fn a_missing_required_field_is_named_with_its_path() {
    let e = parse(r#"{"format": "throughline", "version": 1}"#).unwrap_err();
    assert_eq!(e.code(), "bad_field");
    assert_eq!(
        e.problems()[0].to_string(),
        "workspace: this field is required"
    );
    let e = parse(r#"{"format": "throughline", "version": 1, "workspace": {"name": "x"}, "stages": [{"id": "a"}]}"#)
        .unwrap_err();
    assert_eq!(
        e.problems()[0].to_string(),
        "stages[0].name: this field is required"
    );
}

#[test]
fn an_id_that_is_not_a_slug_is_refused() {
    assert_error(
        &import("bad-id.json"),
        "bad_field",
        "elements[0].id: id \"Onboarding Wizard\" may use only lowercase letters, digits, '-', '_' and '.', and must start with a letter or digit (line 6, column 31)",
    );
}

#[test]
fn two_elements_with_one_id_are_refused() {
    assert_error(
        &import("duplicate-ids.json"),
        "invalid_workspace",
        "elements[1].id: another element already has id \"wizard\"",
    );
}

#[test]
fn a_handoff_to_a_missing_element_names_the_handoff_and_the_element() {
    assert_error(
        &import("dangling-handoff.json"),
        "invalid_workspace",
        "handoffs[3].to: no element \"crm\"",
    );
}

#[test]
fn an_invariant_key_must_be_among_the_carried_keys() {
    assert_error(
        &import("invariant-not-carried.json"),
        "invalid_workspace",
        "handoffs[0].invariant[0]: \"setup.effort\" is not among the keys this handoff carries",
    );
}

#[test]
fn a_date_that_does_not_exist_is_refused() {
    assert_error(
        &import("bad-date.json"),
        "invalid_workspace",
        "layer_scores[0].date: \"2025-02-30\" is not a date written YYYY-MM-DD",
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let e = import("several-problems.json");
    assert_eq!(e.code(), "invalid_workspace");
    let paths: Vec<&str> = e.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["workspace.name", "elements[0].stages[1]", "handoffs[0].to"]
    );
    assert_eq!(
        e.to_string(),
        "3 problems: workspace.name: cannot be empty; elements[0].stages[1]: no stage \"launch\"; handoffs[0].to: a handoff cannot lead back to where it starts"
    );
}

#[test]
fn a_ten_megabyte_name_is_refused_with_a_short_message() {
    let name = "x".repeat(10 * 1024 * 1024);
    let input =
        format!(r#"{{"format": "throughline", "version": 1, "workspace": {{"name": "{name}"}}}}"#);
    let e = parse(&input).unwrap_err();
    assert_eq!(e.code(), "invalid_workspace");
    let message = e.to_string();
    assert!(
        message.len() < 200,
        "the message stays short: {} bytes",
        message.len()
    );
    assert!(
        message.starts_with("workspace.name: \"xxxx")
            && message.ends_with("is 10485760 characters long; the limit is 500"),
        "{message}"
    );
}

#[test]
fn input_over_64_mib_is_refused_before_it_is_parsed() {
    let input = " ".repeat(MAX_INPUT_BYTES + 1);
    assert_error(
        &parse(&input).unwrap_err(),
        "too_large",
        "the file is 64.1 MiB; Throughline opens files of at most 64 MiB",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.throughline.json");
    std::fs::write(&path, " ".repeat(MAX_INPUT_BYTES + 5 * 1024 * 1024)).unwrap();
    assert_error(
        &read_file(&path).unwrap_err(),
        "too_large",
        "the file is 69.0 MiB; Throughline opens files of at most 64 MiB",
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.throughline.json");
    std::fs::write(
        &path,
        b"{\"format\": \"throughline\", \"name\": \"Caf\xe9\"}",
    )
    .unwrap();
    let e = read_file(&path).unwrap_err();
    assert_error(
        &e,
        "not_utf8",
        &format!(
            "{} is not UTF-8 text (the first bad byte is at offset 38); a Throughline file is JSON in UTF-8",
            path.display()
        ),
    );
}

#[test]
fn a_missing_file_is_named_in_the_error() {
    let path = fixture("no-such-file.throughline.json");
    let e = read_file(&path).unwrap_err();
    assert_eq!(e.code(), "read_failed");
    assert!(
        e.to_string()
            .starts_with(&format!("cannot read {}: ", path.display())),
        "{e}"
    );
    assert!(e.problems().is_empty());
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let input =
        "\u{feff}{\"format\": \"throughline\", \"version\": 1, \"workspace\": {\"name\": \"BOM\"}}";
    assert_eq!(parse(input).unwrap().workspace.name, "BOM");
}
