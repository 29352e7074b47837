//! A command line that behaves: closed pipes, missing libraries, standard output, and
//! workspaces that share a name.

use std::io::Read;
use std::process::{Command, Stdio};

use super::{Sandbox, s, sample_file};

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    for args in [vec!["audit", s(&sample)], vec!["sample", "-o", "-"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_throughline"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one byte, then hang up, like `| head -c 1`.
        let mut stdout = child.stdout.take().unwrap();
        let mut one = [0u8; 1];
        stdout.read_exact(&mut one).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?} is quiet: {err}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {:?}",
            out.status
        );
    }
}

#[test]
fn read_only_commands_refuse_a_library_that_does_not_exist() {
    let sb = Sandbox::new();
    for args in [
        vec!["list"],
        vec!["export", "x", "-o", "x.json"],
        vec!["audit", "nexusflow"],
        vec!["readiness", "nexusflow"],
        vec!["backups"],
        vec!["backup"],
    ] {
        let err = sb.fails(&args);
        assert!(
            err.contains("no library at") && err.contains("`throughline import` creates one"),
            "{args:?}: {err}"
        );
        assert!(!sb.db().exists(), "{args:?} created no library");
    }
}

#[test]
fn sample_and_export_write_to_standard_output_with_a_dash() {
    let sb = Sandbox::new();
    let text = sb.ok(&["sample", "-o", "-"]);
    assert!(text.starts_with('{') && text.contains("\"format\": \"throughline\""));
    let file = sb.write("s.throughline.json", &text);
    sb.ok(&["import", s(&file)]);
    let exported = sb.ok(&["export", "nexusflow-the-first-30-days", "-o", "-"]);
    assert_eq!(exported, text, "export to stdout is the file itself");
}

#[test]
fn a_failed_write_names_the_file_asked_for_not_a_temporary_one() {
    let sb = Sandbox::new();
    let target = sb.path("missing-folder/out.throughline.json");
    let err = sb.fails(&["sample", "-o", s(&target)]);
    assert!(err.contains("missing-folder/out.throughline.json"), "{err}");
    assert!(
        !err.contains(".throughline-") && !err.contains("at path"),
        "{err}"
    );
    assert!(err.contains("folder does not exist"), "{err}");
}

#[test]
fn workspaces_with_the_same_name_are_told_apart() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    let first = sb.ok(&["import", s(&sample)]);
    assert!(!first.contains("already had"), "{first}");
    let second = sb.ok(&["import", s(&sample)]);
    assert!(
        second.contains("already had a workspace called"),
        "{second}"
    );
    let list = sb.ok(&["list"]);
    let slugs: Vec<&str> = list
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(slugs.len(), 2);
    assert_ne!(slugs[0], slugs[1], "{list}");
    assert!(second.contains(slugs[1]), "the new slug is named: {second}");
    assert!(list.lines().all(|l| l.contains("updated")), "{list}");
}
