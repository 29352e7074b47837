//! The comparison and the merge conflicts as text for a terminal.

use std::fmt::Write;

use serde_json::Value;
use throughline_model::{Dimension, Layer};

use crate::{Change, ChangeKind, Comparison, Conflict, FindingChange};

fn show(v: &Value) -> String {
    match v {
        Value::Null => "(none)".to_string(),
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

fn line(c: &Change) -> String {
    let what = format!("{} {} \"{}\"", singular(&c.collection), c.id, c.name);
    let what = if c.collection == "workspace" {
        "the workspace".to_string()
    } else if c.name == c.id {
        format!("{} {}", singular(&c.collection), c.id)
    } else {
        what
    };
    let moved = |out: &mut String| {
        if let Some(p) = c.position {
            let _ = write!(
                out,
                " (moved from position {} to {})",
                p.before + 1,
                p.after + 1
            );
        }
    };
    let mut out = String::new();
    match c.change {
        ChangeKind::Added => {
            let _ = write!(out, "  + added    {what}");
        }
        ChangeKind::Removed => {
            let _ = write!(out, "  - removed  {what}");
        }
        ChangeKind::Moved => {
            let _ = write!(out, "  > moved    {what}");
            moved(&mut out);
        }
        ChangeKind::Changed => {
            let _ = write!(out, "  ~ changed  {what}");
            moved(&mut out);
            for (path, f) in &c.fields {
                let _ = write!(
                    out,
                    "\n      {path}: {} -> {}",
                    show(&f.before),
                    show(&f.after)
                );
            }
        }
    }
    out
}

fn singular(collection: &str) -> &str {
    match collection {
        "readiness" => "session",
        "layer_scores" => "layer score",
        other => other.strip_suffix('s').unwrap_or(other),
    }
}

fn finding(f: &FindingChange) -> String {
    let waived = if f.waived { " (waived)" } else { "" };
    format!(
        "  {:<7} {} [{}]{waived}: {}",
        f.severity.as_str(),
        f.code,
        f.key,
        f.message
    )
}

/// A mean, written by the readiness library's one rule (as the app and the PDF write it).
fn number(x: Option<f64>) -> String {
    x.map_or("-".to_string(), throughline_readiness::figure_display)
}

/// A readiness total, rounded down like everywhere else (17.96 never reads "18.0").
fn total(x: Option<f64>) -> String {
    x.map_or("-".to_string(), throughline_readiness::total_display)
}

/// The comparison for a terminal: changes grouped by layer of the Coherence Stack (then
/// the records outside the stack), findings introduced and resolved, and readiness.
pub fn render_text(c: &Comparison) -> String {
    let mut out = format!("Changes from {} to {}\n", c.from, c.to);
    if c.changes.is_empty() {
        out.push_str("\nNo item differs.\n");
    }
    let groups: Vec<(String, Option<Layer>)> = Layer::ALL
        .iter()
        .map(|l| (format!("{} layer", l.label()), Some(*l)))
        .chain([("Readiness, scores, waivers and metrics".to_string(), None)])
        .collect();
    for (title, layer) in groups {
        let mine: Vec<&Change> = c.changes.iter().filter(|x| x.layer == layer).collect();
        if mine.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title} ({})", mine.len());
        for x in mine {
            let _ = writeln!(out, "{}", line(x));
        }
    }
    let f = &c.findings;
    let _ = writeln!(
        out,
        "\nFindings: {} introduced, {} resolved",
        f.introduced.len(),
        f.resolved.len()
    );
    for (title, list) in [("Introduced", &f.introduced), ("Resolved", &f.resolved)] {
        if !list.is_empty() {
            let _ = writeln!(out, "{title}:");
            for x in list.iter() {
                let _ = writeln!(out, "{}", finding(x));
            }
        }
    }
    let r = &c.readiness;
    if r.before.is_some() || r.after.is_some() {
        let _ = writeln!(
            out,
            "\nReadiness (latest session): total {} -> {} out of 30",
            total(r.before.as_ref().and_then(|p| p.total)),
            total(r.after.as_ref().and_then(|p| p.total))
        );
        for d in Dimension::ALL {
            let mean = |p: &Option<crate::ReadinessPoint>| {
                p.as_ref()
                    .and_then(|p| p.means.iter().find(|m| m.dimension == d))
                    .and_then(|m| m.mean)
            };
            let (b, a) = (mean(&r.before), mean(&r.after));
            if b != a {
                let _ = writeln!(out, "  {}: {} -> {}", d.label(), number(b), number(a));
            }
        }
    }
    let layers: Vec<String> = r
        .layers
        .iter()
        .filter(|l| l.before.is_some() || l.after.is_some())
        .map(|l| {
            let s = |x: Option<u8>| x.map_or("-".to_string(), |v| v.to_string());
            format!("{} {} -> {}", l.layer.label(), s(l.before), s(l.after))
        })
        .collect();
    if !layers.is_empty() {
        let _ = writeln!(out, "Layer scores: {}", layers.join(", "));
    }
    out
}

/// The conflicts of a merge for a terminal, one per line with each side's value.
pub fn render_conflicts_text(conflicts: &[Conflict]) -> String {
    let mut out = String::new();
    for c in conflicts {
        match &c.field {
            Some(field) => {
                let _ = writeln!(
                    out,
                    "conflict: {} {} {field}: base {}, ours {}, theirs {} (kept ours)",
                    singular(&c.collection),
                    c.id,
                    show(&c.base),
                    show(&c.ours),
                    show(&c.theirs)
                );
            }
            None => {
                let what = match (c.ours.is_null(), c.theirs.is_null()) {
                    (true, _) => "we deleted it and they changed it (kept deleted)",
                    (_, true) => {
                        "they deleted it and we changed it or still refer to it (kept ours)"
                    }
                    _ => "both sides changed it in ways that do not combine (kept ours)",
                };
                let _ = writeln!(
                    out,
                    "conflict: {} {}: {what}",
                    singular(&c.collection),
                    c.id
                );
            }
        }
    }
    out
}
