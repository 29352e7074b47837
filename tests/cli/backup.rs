//! `backup`, `backups`, `restore` and `salvage`, and what a damaged library prints.

use super::{Sandbox, s, sample_file};

fn damage_middle(path: &std::path::Path) {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    let pages = bytes.len() / 4096;
    for b in &mut bytes[4096 * (pages / 2)..4096 * (pages / 2 + 2)] {
        *b = 0xA5;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn backup_lists_and_restores_through_the_command_line() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    sb.ok(&["import", s(&sample)]);
    let out = sb.ok(&["backup"]);
    assert!(out.contains("Backed up the library to"), "{out}");
    let file = sb.path("mine.sqlite3");
    sb.ok(&["backup", "-o", s(&file)]);
    assert!(file.exists());
    let again = sb.fails(&["backup", "-o", s(&file)]);
    assert!(again.contains("already there"), "{again}");

    let list = sb.ok(&["backups"]);
    assert!(list.contains("manual") && list.contains(" ok "), "{list}");
    assert!(list.contains("KB") || list.contains("MB"), "{list}");

    sb.ok(&["import", s(&sample)]);
    let out = sb.ok(&["restore", s(&file)]);
    assert!(out.contains("kept as"), "{out}");
    let listed = sb.ok(&["list"]);
    assert_eq!(listed.lines().count(), 1, "back to one workspace: {listed}");
}

#[test]
fn a_damaged_library_prints_the_facts_and_the_restore_command_then_restores() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    for _ in 0..4 {
        sb.ok(&["import", s(&sample)]);
    }
    sb.ok(&["backup"]);
    damage_middle(&sb.db());

    let out = sb.run(&["list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("is damaged"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    let command = err
        .split("restore it with: ")
        .nth(1)
        .and_then(|rest| rest.split(" (the damaged").next())
        .unwrap_or_else(|| panic!("no restore command in: {err}"));
    let words: Vec<&str> = command.split(' ').collect();
    assert_eq!(
        words[..3],
        ["throughline", "--db", s(&sb.db())],
        "{command}"
    );

    // The printed command, run as printed, brings the library back.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_throughline"))
        .args(&words[1..])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(sb.ok(&["list"]).lines().count(), 4);
}

#[test]
fn salvage_copies_what_it_can_into_a_new_library() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    sb.ok(&["import", s(&sample)]);
    let new = sb.path("salvaged.sqlite3");
    let out = sb.ok(&["salvage", "-o", s(&new)]);
    assert!(out.contains("Salvaged 1 of 1"), "{out}");
    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_throughline"))
        .args(["--db", s(&new), "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("NexusFlow"), "{listed}");
}

#[test]
fn backups_keep_daily_and_keep_weekly_set_how_many_automatic_backups_the_library_keeps() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    sb.ok(&["import", s(&sample)]);

    let out = sb.ok(&["backups", "--keep-daily", "3", "--keep-weekly", "2"]);
    assert!(
        out.contains("last 3 days and 2 weeks"),
        "the new policy is confirmed: {out}"
    );
    let store = throughline_store::Store::open(&sb.db()).unwrap();
    let policy = store.backup_policy().unwrap();
    assert_eq!((policy.keep_daily, policy.keep_weekly), (3, 2));
    drop(store);

    let out = sb.ok(&["backups", "--keep-weekly", "0"]);
    assert!(out.contains("last 3 days and 0 weeks"), "{out}");

    let err = sb.fails(&["backups", "--keep-daily", "0"]);
    assert!(err.contains("--keep-daily"), "a day must be kept: {err}");
}
