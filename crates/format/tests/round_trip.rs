//! Export is canonical: export -> import -> export gives the same bytes, and the files
//! shipped in the repository are already in that form.
//!
//! To rewrite a shipped file in canonical form after editing it by hand, run the tests
//! with `THROUGHLINE_BLESS=1`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap in a test is a failed test

use std::path::{Path, PathBuf};

use throughline_format::{SAMPLE_JSON, parse, read_file, sample, to_string, write_file};

fn repo_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Parses `path`, and checks (or, when blessing, rewrites) that it is canonical.
fn assert_canonical(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let ws = parse(&text).unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
    let canonical = to_string(&ws);
    if std::env::var_os("THROUGHLINE_BLESS").is_some() {
        std::fs::write(path, &canonical).unwrap();
        return;
    }
    assert!(
        text == canonical,
        "{} is not in canonical form; run the tests with THROUGHLINE_BLESS=1 to rewrite it",
        path.display()
    );
}

#[test]
fn the_sample_parses_and_is_canonical() {
    assert_canonical(&repo_file("../../assets/sample/nexusflow.throughline.json"));
    let ws = parse(SAMPLE_JSON).expect("the shipped sample must parse");
    assert_eq!(sample(), ws, "sample() is the parsed SAMPLE_JSON");
    assert_eq!(ws.workspace.name, "NexusFlow: the first 30 days");
}

#[test]
fn the_every_field_fixture_is_canonical() {
    assert_canonical(&repo_file("tests/fixtures/every-field.throughline.json"));
}

#[test]
fn export_import_export_is_byte_identical_for_the_sample() {
    let first = to_string(&sample());
    let second = to_string(&parse(&first).unwrap());
    assert_eq!(first, second);
}

#[test]
fn export_import_export_is_byte_identical_with_every_optional_field() {
    let text =
        std::fs::read_to_string(repo_file("tests/fixtures/every-field.throughline.json")).unwrap();
    let ws = parse(&text).unwrap();
    let h = &ws.handoffs[0];
    assert!(
        h.owner.is_some()
            && h.gate.is_some()
            && h.source_of_truth.is_some()
            && h.latency_hours == Some(u32::MAX),
        "the fixture really sets every optional handoff field"
    );
    let first = to_string(&ws);
    let again = parse(&first).unwrap();
    assert_eq!(again, ws, "nothing is lost on the way");
    assert_eq!(to_string(&again), first);
}

#[test]
fn export_starts_with_the_envelope_sorts_maps_and_ends_with_a_newline() {
    let text =
        std::fs::read_to_string(repo_file("tests/fixtures/every-field.throughline.json")).unwrap();
    let out = to_string(&parse(&text).unwrap());
    assert!(
        out.starts_with(
            "{\n  \"format\": \"throughline\",\n  \"version\": 2,\n  \"workspace\": {\n"
        ),
        "envelope first, two-space indent: {}",
        &out[..80]
    );
    assert!(out.ends_with("}\n") && !out.ends_with("\n\n"));
    let a = out.find("\"a.key\": \"first\"").unwrap();
    let z = out.find("\"z.key\": \"last\"").unwrap();
    assert!(
        a < z,
        "claims are written sorted by key whatever the input order"
    );
    let start = out.find("\"id\": \"start\"").unwrap();
    let end = out.find("\"id\": \"end\"").unwrap();
    assert!(start < end, "stages keep the user's order");
}

#[test]
fn write_file_then_read_file_gives_the_same_workspace_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nexusflow.throughline.json");
    std::fs::write(&path, "an older version of the file").unwrap();
    write_file(&sample(), &path).unwrap();
    assert_eq!(read_file(&path).unwrap(), sample());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE_JSON);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "only the file itself remains: {names:?}");
}

#[test]
fn write_file_into_a_missing_folder_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("x.throughline.json");
    let err = write_file(&sample(), &path).unwrap_err();
    assert_eq!(err.code(), "write_failed");
    assert!(err.to_string().contains("no-such-folder"), "{err}");
}

#[test]
fn the_example_in_the_format_docs_parses_and_is_canonical() {
    let doc = std::fs::read_to_string(repo_file("../../docs/format.md")).unwrap();
    let start = doc
        .find("```json\n")
        .expect("docs/format.md has a json example")
        + 8;
    let len = doc[start..].find("```").unwrap();
    let example = &doc[start..start + len];
    let ws = parse(example).unwrap_or_else(|e| panic!("the docs example does not parse: {e}"));
    assert_eq!(
        to_string(&ws),
        example,
        "the docs example is in canonical form"
    );
}

#[test]
fn an_empty_workspace_round_trips_and_writes_every_collection() {
    let ws = throughline_model::Workspace::new("Empty");
    let text = to_string(&ws);
    assert_eq!(parse(&text).unwrap(), ws);
    assert!(
        text.contains("\"stages\": []") && text.contains("\"waivers\": []"),
        "empty collections are written, so every file has the same outline: {text}"
    );
}

#[cfg(unix)]
#[test]
fn a_written_file_is_readable_like_any_saved_file_and_keeps_an_existing_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.throughline.json");
    let ws = throughline_format::sample();
    throughline_format::write_file(&ws, &path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o644,
        "a new file is not private to the writer: {mode:o}"
    );

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    throughline_format::write_atomically(b"{}", &path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "replacing a file keeps its mode: {mode:o}");
}
