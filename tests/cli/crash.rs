//! Two writers at once, and a CLI killed in the middle of an import: nothing is lost, the
//! library stays whole, and a workspace is either absent or complete.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use rusqlite::Connection;
use throughline_store::{Actor, Source, Store};

use super::{Sandbox, s, sample_file};

fn integrity(path: &Path) -> String {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_cli_and_another_writer_at_the_same_moment_lose_nothing() {
    let sb = Sandbox::new();
    let sample = sample_file(&sb);
    sb.ok(&["import", s(&sample)]);
    let db = sb.db();
    let rounds = 12;
    let writer = std::thread::spawn(move || {
        let mut store = Store::open(&db).unwrap();
        let actor = Actor::new("app", Source::Ui);
        let doc = throughline_format::sample();
        for i in 0..rounds {
            store.import_workspace(&doc, &actor).unwrap();
            store
                .set_setting("last_opened", Some(&format!("round {i}")))
                .unwrap();
        }
    });
    for _ in 0..rounds {
        let out = sb.run(&["import", s(&sample)]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "the CLI import failed: {err}");
        assert!(!err.contains("locked"), "{err}");
    }
    writer.join().unwrap();
    let list = sb.ok(&["list"]);
    assert_eq!(list.lines().count(), 1 + 2 * rounds, "{list}");
    assert_eq!(integrity(&sb.db()), "ok");
}

#[test]
fn a_cli_killed_in_the_middle_of_an_import_leaves_the_library_whole() {
    let sb = Sandbox::new();
    let big = throughline_audit::generate(1_500, 7);
    let file = sb.path("big.throughline.json");
    throughline_format::write_file(&big, &file).unwrap();
    // One import left to finish says how long an import takes on this machine.
    let started = Instant::now();
    sb.ok(&["import", s(&file)]);
    let full = started.elapsed();
    let expected = (big.stages.len() as u32, big.elements.len() as u32);

    let rounds = 8u32;
    for round in 0..rounds {
        let delay = full * round / rounds;
        let mut child = Command::new(env!("CARGO_BIN_EXE_throughline"))
            .args(["import", s(&file), "--db", s(&sb.db())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();

        assert_eq!(
            integrity(&sb.db()),
            "ok",
            "round {round}, killed after {delay:?}"
        );
        let store = Store::open(&sb.db()).unwrap();
        for w in store.list_workspaces().unwrap() {
            assert_eq!(
                (w.stages, w.elements),
                expected,
                "round {round}: workspace {} is complete",
                w.slug
            );
        }
    }
    // The library still takes writes after all that.
    sb.ok(&["import", s(&file)]);
}
