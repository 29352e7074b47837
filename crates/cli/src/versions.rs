//! The version subcommands: snapshots, `diff` of any two states, the three-way `merge`
//! (also a git merge driver) and the `history` of a workspace or one of its items.

use crate::output::outln;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{Value, json};
use throughline_model::{EntityChange, Workspace};
use throughline_store::{ChangeBatch, Source};
use throughline_versions::{MergeOptions, collection_name, compare, field_changes, merge};

use crate::OutputFormat;
use crate::library::{CliError, Library};

/// `throughline snapshot ...`
#[derive(Debug, clap::Args)]
pub struct SnapshotArgs {
    #[command(subcommand)]
    action: SnapshotAction,
}

#[derive(Debug, clap::Subcommand)]
enum SnapshotAction {
    /// Take a snapshot of a workspace as it is now.
    Create {
        /// The workspace's slug or name.
        workspace: String,
        /// The snapshot's label, unique within the workspace (e.g. "Post-workshop baseline").
        #[arg(long)]
        label: String,
        /// A note saying what the snapshot marks.
        #[arg(long)]
        note: Option<String>,
    },
    /// List a workspace's snapshots, newest first.
    List {
        /// The workspace's slug or name.
        workspace: String,
    },
    /// Bring a workspace back to a snapshot, as one edit that undo reverts.
    Restore {
        /// The workspace's slug or name.
        workspace: String,
        /// The snapshot's label.
        label: String,
    },
    /// Delete a snapshot (the workspace is not touched).
    Delete {
        /// The workspace's slug or name.
        workspace: String,
        /// The snapshot's label.
        label: String,
    },
    /// Write a snapshot as a `*.throughline.json` file.
    Export {
        /// The workspace's slug or name.
        workspace: String,
        /// The snapshot's label.
        label: String,
        /// Where to write it.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

/// When `diff` exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFailOn {
    /// The newer state introduces an unwaived error.
    IntroducedError,
    /// The newer state introduces an unwaived error or warning.
    IntroducedWarning,
    /// Never.
    Never,
}

/// `throughline diff A B`
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older state: a file, a workspace (slug or name), WORKSPACE@LABEL (a snapshot), or
    /// WORKSPACE#N (the workspace as it was right after change batch N of `history`).
    a: String,
    /// The newer state, in the same forms.
    b: String,
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Exit 1 when the newer state introduces an unwaived finding this severe.
    #[arg(long, value_enum, default_value_t = DiffFailOn::Never)]
    fail_on: DiffFailOn,
}

/// `throughline merge BASE OURS THEIRS -o OUT`
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor (`%O` in a git merge driver).
    base: PathBuf,
    /// Our version (`%A`).
    ours: PathBuf,
    /// Their version (`%B`).
    theirs: PathBuf,
    /// Where to write the merged workspace (may be OURS).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Merge even files that do not look like versions of one workspace.
    #[arg(long)]
    force: bool,
}

/// `throughline history WORKSPACE`
#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// The workspace's slug or name.
    workspace: String,
    /// Only the changes to this item (a stage, element, handoff, principle... id).
    #[arg(long, value_name = "ID")]
    entity: Option<String>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

fn print_json(v: &impl serde::Serialize) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(v).map_err(|e| CliError::Other(e.to_string()))?;
    outln!("{text}");
    Ok(())
}

/// Runs `throughline snapshot ...`.
pub fn snapshot(args: SnapshotArgs, db: Option<&Path>) -> Result<ExitCode, CliError> {
    let mut lib = Library::open(db)?;
    let slug = |lib: &Library, w: &str| -> Result<String, CliError> { Ok(lib.store.find(w)?.slug) };
    match args.action {
        SnapshotAction::Create {
            workspace,
            label,
            note,
        } => {
            let slug = slug(&lib, &workspace)?;
            let actor = lib.store.actor(Source::Cli)?;
            let info = lib
                .store
                .create_snapshot(&slug, &label, note.as_deref(), &actor)?;
            outln!(
                "Took snapshot \"{}\" of {slug} ({} elements, {} KB stored)",
                info.label,
                info.elements,
                info.stored_bytes.div_ceil(1024)
            );
        }
        SnapshotAction::List { workspace } => {
            let slug = slug(&lib, &workspace)?;
            let list = lib.store.snapshots(&slug)?;
            if list.is_empty() {
                outln!(
                    "{slug} has no snapshots. Take one with `throughline snapshot create {slug} --label LABEL`."
                );
            }
            for s in list {
                let at = s.at.get(..16).unwrap_or(&s.at).replace('T', " ");
                let note = s.note.map(|n| format!(": {n}")).unwrap_or_default();
                outln!("{}  {at} UTC by {}{note}", s.label, s.who);
            }
        }
        SnapshotAction::Restore { workspace, label } => {
            let slug = slug(&lib, &workspace)?;
            let actor = lib.store.actor(Source::Restore)?;
            let before = lib.store.state(&slug)?.revision;
            let state = lib.store.restore_snapshot(&slug, &label, &actor)?;
            if state.revision == before {
                outln!("{slug} already matches snapshot \"{label}\"; nothing changed.");
            } else {
                outln!(
                    "Restored {slug} to snapshot \"{label}\". This is one edit: undo it in the app to get the later changes back."
                );
            }
        }
        SnapshotAction::Delete { workspace, label } => {
            let slug = slug(&lib, &workspace)?;
            lib.store.delete_snapshot(&slug, &label)?;
            outln!("Deleted snapshot \"{label}\" of {slug}");
        }
        SnapshotAction::Export {
            workspace,
            label,
            output,
        } => {
            let slug = slug(&lib, &workspace)?;
            lib.store.export_snapshot(&slug, &label, &output)?;
            outln!(
                "Exported snapshot \"{label}\" of {slug} to {}",
                output.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn read_file(path: &Path) -> Result<Workspace, CliError> {
    throughline_format::read_file(path)
        .map_err(|e| CliError::Other(format!("{}: {e}", path.display())))
}

/// Loads a state for `diff` (and the playbook's `--since`): a file, WORKSPACE@LABEL,
/// WORKSPACE#N (after change batch N), or a workspace; with the name it goes by in the report.
pub(crate) fn load_state(state: &str, db: Option<&Path>) -> Result<(String, Workspace), CliError> {
    let path = Path::new(state);
    if path.is_file() || state.ends_with(".json") {
        return Ok((state.to_string(), read_file(path)?));
    }
    let lib = Library::open_existing(db)?;
    // A workspace whose name holds an `@` or a `#` is still found by its name.
    let unknown = match lib.load(state) {
        Ok((summary, doc)) => return Ok((summary.slug, doc)),
        Err(e) if !state.contains(['@', '#']) => return Err(e),
        Err(e) => e,
    };
    if let Some((workspace, label)) = state.split_once('@') {
        let slug = lib.store.find(workspace)?.slug;
        let doc = lib.store.load_snapshot(&slug, label)?;
        return Ok((format!("{slug}@{}", label.trim()), doc));
    }
    if let Some((workspace, batch)) = state.rsplit_once('#')
        && let Ok(batch) = batch.trim().parse::<u32>()
    {
        let slug = lib.store.find(workspace)?.slug;
        let doc = lib.store.state_after(&slug, batch)?;
        return Ok((format!("{slug}#{batch}"), doc));
    }
    Err(unknown)
}

/// Runs `throughline diff A B`; exit 1 when the newer state introduces what `--fail-on` names.
pub fn diff(args: DiffArgs, db: Option<&Path>) -> Result<ExitCode, CliError> {
    let (from, a) = load_state(&args.a, db)?;
    let (to, b) = load_state(&args.b, db)?;
    let comparison = compare(&a, &b).named(from, to);
    match args.format {
        OutputFormat::Text => {
            crate::output::print(&throughline_versions::render_text(&comparison))?
        }
        OutputFormat::Json => print_json(&comparison)?,
    }
    let worst = comparison.findings.worst_introduced();
    let fail = match args.fail_on {
        DiffFailOn::Never => false,
        DiffFailOn::IntroducedError => worst == Some(throughline_audit::Severity::Error),
        DiffFailOn::IntroducedWarning => {
            worst.is_some_and(|s| s <= throughline_audit::Severity::Warning)
        }
    };
    Ok(if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `throughline merge`; exit 1 when there are conflicts (OUT is written either way).
pub fn merge_files(args: MergeArgs) -> Result<ExitCode, CliError> {
    let base = read_file(&args.base)?;
    let ours = read_file(&args.ours)?;
    let theirs = read_file(&args.theirs)?;
    let merged = merge(&base, &ours, &theirs, MergeOptions { force: args.force })
        .map_err(|e| CliError::Other(e.to_string()))?;
    throughline_format::write_file(&merged.workspace, &args.output)?;
    for w in &merged.warnings {
        crate::output::eprint_line(&format!("throughline: warning: {w}"));
    }
    match args.format {
        OutputFormat::Json => print_json(&json!({
            "output": args.output.display().to_string(),
            "conflicts": merged.conflicts,
            "warnings": merged.warnings,
        }))?,
        OutputFormat::Text if merged.is_clean() => {
            outln!("Merged cleanly into {}", args.output.display())
        }
        OutputFormat::Text => {
            crate::output::print(&throughline_versions::render_conflicts_text(
                &merged.conflicts,
            ))?;
            outln!(
                "Merged into {} with {} conflict(s); each keeps our side. Review them, then commit.",
                args.output.display(),
                merged.conflicts.len()
            );
        }
    }
    Ok(if merged.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn change_json(c: &EntityChange) -> Value {
    let (change, fields) = match (&c.before, &c.after) {
        (None, _) => ("added", Value::Null),
        (_, None) => ("removed", Value::Null),
        (Some(b), Some(a)) if b.value == a.value => ("moved", Value::Null),
        (Some(b), Some(a)) => ("changed", json!(field_changes(&b.value, &a.value))),
    };
    let mut v = json!({"collection": collection_name(c.kind), "id": c.key, "change": change});
    if !fields.is_null() {
        v["fields"] = fields;
    }
    v
}

fn show(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

/// Runs `throughline history WORKSPACE [--entity ID]`: the change log, newest first.
pub fn history(args: HistoryArgs, db: Option<&Path>) -> Result<ExitCode, CliError> {
    let lib = Library::open(db)?;
    let slug = lib.store.find(&args.workspace)?.slug;
    let mut batches: Vec<ChangeBatch> = lib.store.history(&slug, u32::MAX)?;
    if let Some(id) = &args.entity {
        for b in &mut batches {
            b.changes.retain(|c| &c.key == id);
        }
        batches.retain(|b| !b.changes.is_empty());
        if batches.is_empty() {
            return Err(CliError::Other(format!(
                "no change to an item \"{id}\" in the history of {slug}; give the id of a stage, element, handoff or other item"
            )));
        }
    }
    let entries: Vec<Value> = batches
        .iter()
        .map(|b| {
            json!({
                "at": b.at, "who": b.who, "source": b.source, "label": b.label,
                "state": b.state, "changes": b.changes.iter().map(change_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    if args.format == OutputFormat::Json {
        print_json(&entries)?;
        return Ok(ExitCode::SUCCESS);
    }
    for e in &entries {
        let at = e["at"].as_str().unwrap_or_default();
        outln!(
            "{} UTC  {} ({})  {}",
            at.get(..16).unwrap_or(at).replace('T', " "),
            e["who"].as_str().unwrap_or_default(),
            e["source"].as_str().unwrap_or_default(),
            e["label"].as_str().unwrap_or_default()
        );
        let changes = e["changes"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        if args.entity.is_none() && changes.len() > 20 {
            outln!("    {} items changed", changes.len());
            continue;
        }
        for c in changes {
            outln!(
                "    {} {} {}",
                c["change"].as_str().unwrap_or_default(),
                c["collection"].as_str().unwrap_or_default(),
                c["id"].as_str().unwrap_or_default()
            );
            if let Some(fields) = c["fields"].as_object() {
                for (path, f) in fields {
                    outln!(
                        "        {path}: {} -> {}",
                        show(&f["before"]),
                        show(&f["after"])
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
