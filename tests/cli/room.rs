//! The room's commands: `name` (who signs the waivers), `duplicate`, a waiver's review date
//! in `audit`, an empty workspace's audit, agreement in words in `readiness`.

use super::{Sandbox, code_and_out, s, unowned_only};

#[test]
fn name_is_asked_for_until_set_and_then_signs_the_users_changes() {
    let sb = Sandbox::new();
    sb.empty_library();
    let out = sb.ok(&["name"]);
    assert!(out.starts_with("No name set yet"), "{out}");
    let out = sb.ok(&["name", "  Dana Whitfield "]);
    assert_eq!(
        out,
        "Your changes and waivers are now recorded as \"Dana Whitfield\"\n"
    );
    assert_eq!(sb.ok(&["name"]), "Dana Whitfield\n");
    let err = sb.fails(&["name", "   "]);
    assert!(err.contains("display name"), "{err}");
    assert_eq!(
        sb.ok(&["name"]),
        "Dana Whitfield\n",
        "a refused name changes nothing"
    );
}

#[test]
fn duplicate_copies_a_workspace_under_a_new_name() {
    let sb = Sandbox::new();
    let file = unowned_only(&sb);
    sb.ok(&["import", s(&file)]);
    let out = sb.ok(&["duplicate", "unowned"]);
    assert_eq!(
        out,
        "Duplicated \"Unowned\" as \"Unowned (copy)\" (unowned-copy)\n"
    );
    let out = sb.ok(&["duplicate", "Unowned", "--name", "Variant B"]);
    assert!(out.contains("as \"Variant B\" (variant-b)"), "{out}");
    let list = sb.ok(&["list"]);
    assert_eq!(list.lines().count(), 3, "{list}");
    let err = sb.fails(&["duplicate", "nothing-here"]);
    assert!(err.contains("nothing-here"), "{err}");
}

#[test]
fn audit_marks_a_waiver_past_its_review_date_as_due() {
    let sb = Sandbox::new();
    let text = std::fs::read_to_string(unowned_only(&sb)).unwrap();
    let waived = text.trim_end().trim_end_matches('}').to_string()
        + r#","waivers":[{"code":"unowned-handoff","subject":"h1","reason":"The agency owns it",
            "who":"Ana","when":"2024-01-01T09:00:00Z","review":"2024-06-30"}]}"#;
    let file = sb.write(
        "waived.throughline.json",
        &waived.replace("\"version\":1", "\"version\":2"),
    );
    let (code, out, err) = code_and_out(&sb, &["audit", s(&file)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 waived (1 due for review)"), "{out}");
    assert!(
        out.contains("review due: the waiver was to be reviewed on 2024-06-30"),
        "{out}"
    );
}

#[test]
fn audit_of_an_empty_workspace_says_there_is_nothing_to_check() {
    let sb = Sandbox::new();
    let file = sb.write(
        "empty.throughline.json",
        r#"{"format":"throughline","version":2,"workspace":{"name":"Fresh","vision":""}}"#,
    );
    let out = sb.ok(&["audit", s(&file)]);
    assert!(out.contains("nothing to check yet"), "{out}");
}

#[test]
fn a_bad_review_date_is_refused_with_its_path() {
    let sb = Sandbox::new();
    let text = std::fs::read_to_string(unowned_only(&sb)).unwrap();
    let bad = text.trim_end().trim_end_matches('}').to_string()
        + r#","waivers":[{"code":"unowned-handoff","subject":"h1","reason":"ok",
            "who":"Ana","when":"2024-01-01T09:00:00Z","review":"30/06/2024"}]}"#;
    let file = sb.write("bad.throughline.json", &bad);
    let err = sb.fails(&["audit", s(&file)]);
    assert!(err.contains("waivers[0].review"), "{err}");
}

#[test]
fn the_readiness_trend_writes_agreement_in_words() {
    let sb = Sandbox::new();
    let sample = sb.path("sample.throughline.json");
    sb.ok(&["sample", "-o", s(&sample)]);
    let out = sb.ok(&["readiness", s(&sample)]);
    assert!(
        out.contains("Agreement: The room"),
        "the agreement sentence opens with its meaning: {out}"
    );
}
