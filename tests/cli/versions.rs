//! Black-box tests of the version subcommands (`snapshot`, `diff`, `merge`, `history`),
//! and of `merge` as the git merge driver in a real `git merge`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};
use throughline_model::{Edit, Id};
use throughline_store::{Actor, Source, Store};

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

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .arg("--db")
            .arg(self.path("library.sqlite3"))
            .env_remove("THROUGHLINE_DB")
            .output()
            .unwrap()
    }

    /// Runs and checks the exit code; returns stdout and stderr.
    fn code(&self, args: &[&str], code: i32) -> (String, String) {
        let out = self.run(args);
        let (stdout, stderr) = (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        );
        assert_eq!(
            out.status.code(),
            Some(code),
            "throughline {args:?}\nstdout: {stdout}\nstderr: {stderr}"
        );
        (stdout, stderr)
    }

    fn ok(&self, args: &[&str]) -> String {
        self.code(args, 0).0
    }

    /// The sample workspace file, changed by `f`, written as `name`.
    fn sample(&self, name: &str, f: impl FnOnce(&mut Value)) -> PathBuf {
        let mut v: Value = serde_json::from_str(throughline_format::SAMPLE_JSON).unwrap();
        f(&mut v);
        let p = self.path(name);
        std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        p
    }

    fn import_sample(&self) -> String {
        let file = self.sample("sample.throughline.json", |_| {});
        let out = self.ok(&["import", s(&file)]);
        out.trim().rsplit(" as ").next().unwrap().to_string()
    }

    fn store(&self) -> Store {
        Store::open(&self.path("library.sqlite3")).unwrap()
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn element<'a>(ws: &'a Value, id: &str) -> &'a Value {
    ws["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap()
}

fn set_element(ws: &mut Value, id: &str, field: &str, value: Value) {
    for e in ws["elements"].as_array_mut().unwrap() {
        if e["id"] == id {
            e[field] = value.clone();
        }
    }
}

fn unown(ws: &mut Value, handoff: &str) {
    for h in ws["handoffs"].as_array_mut().unwrap() {
        if h["id"] == handoff {
            h["owner"] = Value::Null;
        }
    }
}

#[test]
fn a_snapshot_is_taken_compared_restored_and_deleted() {
    let sb = Sandbox::new();
    let slug = sb.import_sample();
    let list = sb.ok(&["list"]);
    assert!(list.contains(&slug), "{list}");
    let out = sb.ok(&[
        "snapshot",
        "create",
        &slug,
        "--label",
        "Post-workshop baseline",
        "--note",
        "March",
    ]);
    assert!(
        out.contains("Took snapshot \"Post-workshop baseline\""),
        "{out}"
    );
    let (_, err) = sb.code(
        &[
            "snapshot",
            "create",
            &slug,
            "--label",
            "post-workshop baseline",
        ],
        2,
    );
    assert!(err.contains("already has a snapshot labelled"), "{err}");

    let mut store = sb.store();
    store
        .apply(
            &slug,
            &Edit::DeleteElement {
                id: Id::new("webinar").unwrap(),
            },
            &Actor::new("Ada", Source::Ui),
        )
        .unwrap();
    drop(store);

    let at = format!("{slug}@Post-workshop baseline");
    let (text, _) = sb.code(&["diff", &at, &slug], 0);
    assert!(text.contains("- removed  element webinar"), "{text}");
    let json_out = sb.ok(&["diff", &at, &slug, "--format", "json"]);
    let v: Value = serde_json::from_str(&json_out).unwrap();
    assert_eq!(v["from"], json!(at));
    assert!(
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "webinar" && c["change"] == "removed")
    );

    let listed = sb.ok(&["snapshot", "list", &slug]);
    assert!(
        listed.contains("Post-workshop baseline") && listed.contains("March"),
        "{listed}"
    );

    let (_, err) = sb.code(&["snapshot", "restore", &slug, "Baseline"], 2);
    assert!(err.contains("it has: \"Post-workshop baseline\""), "{err}");
    let out = sb.ok(&["snapshot", "restore", &slug, "Post-workshop baseline"]);
    assert!(out.contains("Restored"), "{out}");
    assert!(sb.store().load(&slug).unwrap().element("webinar").is_some());
    let history = sb.ok(&["history", &slug, "--entity", "webinar"]);
    assert!(history.contains("(restore)  Restore snapshot"), "{history}");

    let exported = sb.path("baseline.throughline.json");
    sb.ok(&[
        "snapshot",
        "export",
        &slug,
        "Post-workshop baseline",
        "-o",
        s(&exported),
    ]);
    assert_eq!(
        throughline_format::read_file(&exported).unwrap(),
        throughline_format::sample()
    );

    // Every command that reads a workspace reads a snapshot too, as WORKSPACE@LABEL.
    sb.ok(&["snapshot", "create", &slug, "--label", "With webinar"]);
    sb.store()
        .apply(
            &slug,
            &Edit::DeleteElement {
                id: Id::new("webinar").unwrap(),
            },
            &Actor::new("Ada", Source::Ui),
        )
        .unwrap();
    let audit = |target: &str| {
        let out = sb.run(&["audit", target, "--format", "json"]);
        assert!(
            out.status.code().unwrap() < 2,
            "throughline audit {target}: {out:?}"
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    assert_eq!(
        audit(&at),
        audit(s(&exported)),
        "the snapshot, as its exported file"
    );
    assert_ne!(audit(&format!("{slug}@With webinar")), audit(&slug));
    let (_, err) = sb.code(&["audit", &format!("{slug}@Q3")], 2);
    assert!(err.contains("it has: \"With webinar\""), "{err}");

    sb.ok(&["snapshot", "delete", &slug, "Post-workshop baseline"]);
    sb.ok(&["snapshot", "delete", &slug, "With webinar"]);
    let listed = sb.ok(&["snapshot", "list", &slug]);
    assert!(listed.contains("has no snapshots"), "{listed}");
}

#[test]
fn diff_compares_the_workspace_after_any_change_batch_with_now() {
    let sb = Sandbox::new();
    let slug = sb.import_sample();
    let mut store = sb.store();
    let first = store.history(&slug, 1).unwrap()[0].id;
    store
        .apply(
            &slug,
            &Edit::DeleteElement {
                id: Id::new("webinar").unwrap(),
            },
            &Actor::new("Ada", Source::Ui),
        )
        .unwrap();
    drop(store);

    let at = format!("{slug}#{first}");
    let json_out = sb.ok(&["diff", &at, &slug, "--format", "json"]);
    let v: Value = serde_json::from_str(&json_out).unwrap();
    assert_eq!(v["from"], json!(at));
    let changes = v["changes"].as_array().unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c["id"] == "webinar" && c["change"] == "removed"),
        "{json_out}"
    );
    let (_, err) = sb.code(&["diff", &format!("{slug}#{}", first + 90), &slug], 2);
    assert!(err.contains("has no change batch"), "{err}");
}

#[test]
fn diff_of_two_files_gates_on_the_findings_the_newer_one_introduces() {
    let sb = Sandbox::new();
    let old = sb.sample("old.throughline.json", |_| {});
    let new = sb.sample("new.throughline.json", |v| unown(v, "deal-notes"));
    let (out, _) = sb.code(
        &["diff", s(&old), s(&new), "--fail-on", "introduced-warning"],
        1,
    );
    assert!(out.contains("unowned-handoff [deal-notes]"), "{out}");
    sb.code(
        &["diff", s(&old), s(&new), "--fail-on", "introduced-error"],
        0,
    );
    sb.code(
        &["diff", s(&new), s(&old), "--fail-on", "introduced-warning"],
        0,
    );
    let v: Value =
        serde_json::from_str(&sb.ok(&["diff", s(&old), s(&new), "--format", "json"])).unwrap();
    assert_eq!(v["changes"][0]["fields"]["owner"]["after"], Value::Null);
    assert_eq!(v["findings"]["introduced"][0]["code"], "unowned-handoff");
    assert_eq!(v["findings"]["introduced"][0]["severity"], "warning");
}

#[test]
fn a_file_of_a_newer_format_version_is_refused_and_nothing_is_written() {
    let sb = Sandbox::new();
    let base = sb.sample("base.throughline.json", |_| {});
    let newer = sb.sample("newer.throughline.json", |v| v["version"] = json!(99));
    let out = sb.path("out.throughline.json");
    let (_, err) = sb.code(&["merge", s(&base), s(&base), s(&newer), "-o", s(&out)], 2);
    assert!(
        err.contains("newer.throughline.json") && err.contains("newer Throughline"),
        "{err}"
    );
    assert!(!out.exists());
    let (_, err) = sb.code(&["diff", s(&base), s(&newer)], 2);
    assert!(err.contains("newer Throughline"), "{err}");
}

#[test]
fn merge_exits_0_when_clean_and_1_with_conflicts_keeping_ours() {
    let sb = Sandbox::new();
    let base = sb.sample("base.throughline.json", |_| {});
    let ours = sb.sample("ours.throughline.json", |v| {
        set_element(v, "website", "name", json!("Web site"))
    });
    let theirs = sb.sample("theirs.throughline.json", |v| {
        set_element(v, "wizard", "channel", json!("web"))
    });
    let out = sb.path("out.throughline.json");
    sb.code(&["merge", s(&base), s(&ours), s(&theirs), "-o", s(&out)], 0);
    let merged: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(element(&merged, "website")["name"], "Web site");
    assert_eq!(element(&merged, "wizard")["channel"], "web");

    let rival = sb.sample("rival.throughline.json", |v| {
        set_element(v, "website", "name", json!("Homepage"))
    });
    let (stdout, _) = sb.code(
        &[
            "merge",
            s(&base),
            s(&ours),
            s(&rival),
            "-o",
            s(&out),
            "--format",
            "json",
        ],
        1,
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        report["conflicts"],
        json!([{"collection": "elements", "id": "website", "field": "name",
                "base": "Marketing website", "ours": "Web site", "theirs": "Homepage"}])
    );
    let merged = throughline_format::read_file(&out).unwrap();
    assert_eq!(merged.element("website").unwrap().name, "Web site");
}

#[test]
fn merge_refuses_unrelated_files_unless_forced() {
    let sb = Sandbox::new();
    let base = sb.sample("base.throughline.json", |_| {});
    let other = sb.sample("other.throughline.json", |v| {
        *v = json!({"format": "throughline", "version": 2,
                    "workspace": {"name": "Other"}, "stages": [{"id": "x", "name": "X"}]});
    });
    let out = sb.path("out.throughline.json");
    let (_, err) = sb.code(&["merge", s(&base), s(&base), s(&other), "-o", s(&out)], 2);
    assert!(err.contains("--force"), "{err}");
    assert!(!out.exists());
    let (_, err) = sb.code(
        &[
            "merge",
            s(&base),
            s(&base),
            s(&other),
            "-o",
            s(&out),
            "--force",
        ],
        0,
    );
    assert!(err.contains("warning"), "{err}");
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap()
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Writes the sample, changed by `f`, in the canonical form an export gives.
fn write_sample(file: &Path, f: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_str(throughline_format::SAMPLE_JSON).unwrap();
    f(&mut v);
    let ws = throughline_format::parse(&serde_json::to_string(&v).unwrap()).unwrap();
    throughline_format::write_file(&ws, file).unwrap();
}

/// A repository with the workspace committed on `main`, the driver registered, and a
/// branch `theirs` and `main` each changing the file.
fn repo(sb: &Sandbox, ours: impl FnOnce(&mut Value), theirs: impl FnOnce(&mut Value)) -> PathBuf {
    let dir = sb.path("repo");
    std::fs::create_dir(&dir).unwrap();
    git_ok(&dir, &["init", "-q", "-b", "main"]);
    git_ok(&dir, &["config", "user.name", "Test"]);
    git_ok(&dir, &["config", "user.email", "test@example.com"]);
    // The two lines docs/versions.md gives.
    std::fs::write(
        dir.join(".gitattributes"),
        "*.throughline.json merge=throughline\n",
    )
    .unwrap();
    git_ok(
        &dir,
        &[
            "config",
            "merge.throughline.driver",
            &format!("{BIN} merge %O %A %B -o %A"),
        ],
    );
    let file = dir.join("journey.throughline.json");
    write_sample(&file, |_| {});
    git_ok(&dir, &["add", "."]);
    git_ok(&dir, &["commit", "-qm", "base"]);
    git_ok(&dir, &["checkout", "-qb", "theirs"]);
    write_sample(&file, theirs);
    git_ok(&dir, &["commit", "-qam", "theirs"]);
    git_ok(&dir, &["checkout", "-q", "main"]);
    write_sample(&file, ours);
    git_ok(&dir, &["commit", "-qam", "ours"]);
    dir
}

#[test]
fn git_merges_two_branches_through_the_driver() {
    let sb = Sandbox::new();
    // Neighbouring lines of the same element: a line-based merge would conflict.
    let dir = repo(
        &sb,
        |v| set_element(v, "wizard", "name", json!("Setup wizard")),
        |v| {
            set_element(
                v,
                "wizard",
                "description",
                json!("Five steps to the first workflow"),
            )
        },
    );
    git_ok(&dir, &["merge", "-q", "--no-edit", "theirs"]);
    let merged = throughline_format::read_file(&dir.join("journey.throughline.json")).unwrap();
    let wizard = merged.element("wizard").unwrap();
    assert_eq!(wizard.name, "Setup wizard");
    assert_eq!(wizard.description, "Five steps to the first workflow");
}

#[test]
fn a_git_merge_with_a_conflict_stops_with_a_valid_file_holding_ours() {
    let sb = Sandbox::new();
    let dir = repo(
        &sb,
        |v| set_element(v, "wizard", "name", json!("Setup wizard")),
        |v| set_element(v, "wizard", "name", json!("Guided wizard")),
    );
    let out = git(&dir, &["merge", "--no-edit", "theirs"]);
    assert!(!out.status.success(), "git reports the conflict");
    let merged = throughline_format::read_file(&dir.join("journey.throughline.json")).unwrap();
    assert_eq!(merged.element("wizard").unwrap().name, "Setup wizard");
}
