//! Black-box tests of `throughline playbook` with `--since` (a file, a snapshot label of
//! the target, or WORKSPACE@LABEL, resolved as `diff` resolves states) and `--log` (an
//! event log replayed as `replay` reads it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_throughline");

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs the CLI against this sandbox's library; returns exit code, stdout, stderr.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(BIN)
            .args(args)
            .arg("--db")
            .arg(self.path("library.sqlite3"))
            .env_remove("THROUGHLINE_DB")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "throughline {args:?}\n{out}\n{err}");
        out
    }

    /// The sample, changed by `f`, written as `name`.
    fn sample(&self, name: &str, f: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
        let mut v: serde_json::Value =
            serde_json::from_str(throughline_format::SAMPLE_JSON).unwrap();
        f(&mut v);
        let p = self.path(name);
        std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        p
    }

    /// A small log of the sample: 20 cases from the website through signup to the
    /// wizard, half of them then straight to the support desk (a handoff the map lacks).
    fn log(&self) -> PathBuf {
        let mut csv = String::from("case_id,activity,timestamp\n");
        for c in 0..20 {
            let last = if c % 2 == 0 {
                "support-desk"
            } else {
                "chatbot"
            };
            for (i, a) in ["website", "signup", "wizard", last].iter().enumerate() {
                csv.push_str(&format!(
                    "c{c},{a},2025-05-{:02}T{:02}:00:00Z\n",
                    c + 1,
                    9 + i
                ));
            }
        }
        let p = self.path("log.csv");
        std::fs::write(&p, csv).unwrap();
        p
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The PDF's text with whitespace removed.
fn text_of(pdf: &Path) -> String {
    let doc = lopdf::Document::load(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn a_file_baseline_and_a_log_add_what_changed_and_the_reality_check() {
    let sb = Sandbox::new();
    let now = sb.sample("now.throughline.json", |_| {});
    let before = sb.sample("kickoff.throughline.json", |v| {
        v["handoffs"]
            .as_array_mut()
            .unwrap()
            .retain(|h| h["id"] != "coherence-report");
    });
    let pdf = sb.path("out.pdf");
    let log = sb.log();
    let out = sb.ok(&[
        "playbook",
        s(&now),
        "-o",
        s(&pdf),
        "--since",
        s(&before),
        "--log",
        s(&log),
    ]);
    assert!(out.contains("Wrote the playbook"), "{out}");
    let text = text_of(&pdf);
    assert!(
        text.contains("Whatchangedsincekickoff.throughline.json"),
        "a file baseline is named by its file name"
    );
    assert!(
        text.contains("+coherence-report"),
        "the added handoff is listed"
    );
    assert!(text.contains("Realitycheck") && text.contains("80eventsof20cases"));
    let pages = out.split('(').nth(1).unwrap();
    let pages: u32 = pages.split_whitespace().next().unwrap().parse().unwrap();
    assert!(
        pages <= 6,
        "the leadership edition keeps its budget: {pages}"
    );
}

#[test]
fn a_bare_label_is_a_snapshot_of_the_target_and_workspace_at_label_works_too() {
    let sb = Sandbox::new();
    let file = sb.sample("sample.throughline.json", |_| {});
    let out = sb.ok(&["import", s(&file)]);
    let slug = out.trim().rsplit(" as ").next().unwrap().to_string();
    sb.ok(&["snapshot", "create", &slug, "--label", "kick-off"]);
    let pdf = sb.path("out.pdf");
    for since in ["kick-off".to_string(), format!("{slug}@kick-off")] {
        sb.ok(&["playbook", &slug, "-o", s(&pdf), "--since", &since]);
        let text = text_of(&pdf);
        assert!(text.contains("Whatchangedsincekick-off"), "{since}");
        assert!(
            text.contains("Nothingintheworkspacediffersfromthebaseline."),
            "{since}: nothing was edited since the snapshot"
        );
    }
}

#[test]
fn an_unknown_label_or_a_missing_log_fails_and_writes_nothing() {
    let sb = Sandbox::new();
    let file = sb.sample("sample.throughline.json", |_| {});
    let out = sb.ok(&["import", s(&file)]);
    let slug = out.trim().rsplit(" as ").next().unwrap().to_string();
    sb.ok(&["snapshot", "create", &slug, "--label", "kick-off"]);
    let pdf = sb.path("out.pdf");
    let (code, _, err) = sb.run(&["playbook", &slug, "-o", s(&pdf), "--since", "march"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("march") && err.contains("kick-off"), "{err}");
    let (code, _, err) = sb.run(&[
        "playbook",
        s(&file),
        "-o",
        s(&pdf),
        "--log",
        s(&sb.path("missing.csv")),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("missing.csv"), "{err}");
    assert!(!pdf.exists(), "no PDF is written when an input is wrong");
}
