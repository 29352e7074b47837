//! "What changed since LABEL": the comparison `throughline-versions` makes between a
//! baseline and the workspace, for leaders who were at the last workshop: headline
//! figures, the changes layer by layer, the divergences resolved and introduced, and how
//! readiness moved.

use throughline_audit::Severity;
use throughline_model::{Dimension, Layer, Workspace};
use throughline_readiness::total_display;
use throughline_versions::{Change, ChangeKind, Comparison, FindingChange, ReadinessPoint};

use super::facts::{Facts, severity_word};
use super::figures::{Figure, figure_row};
use super::{Limits, count, hairline, heading, start};
use crate::layout::{Cell, Flow, column_rows, text_rows};
use crate::style::{ACCENT, ALERT, BODY, H3, INK, LABEL, MUTED, SMALL};

/// Lays out the section; it is planned only when a baseline was given.
pub(super) fn render(flow: &mut Flow, _ws: &Workspace, facts: &Facts<'_>, limits: &Limits) {
    let Some((label, c)) = &facts.changes else {
        return;
    };
    let lead = format!(
        "What moved between {label} and this playbook: the changes layer by layer, the \
         divergences that closed and opened, and how readiness moved."
    );
    start(flow, &facts.title(super::Section::Changes), &lead, limits);
    figure_row(flow, &headline(c));
    by_layer(flow, c, limits);
    findings(flow, c, limits);
    readiness(flow, c);
}

fn headline(c: &Comparison) -> Vec<Figure> {
    let f = &c.findings;
    let open = |list: &[FindingChange]| list.iter().filter(|x| !x.waived).count();
    let mut figures = vec![
        Figure::new(c.changes.len().to_string(), "items changed", INK),
        Figure::new(
            open(&f.resolved).to_string(),
            "divergences resolved",
            ACCENT,
        ),
        Figure::new(
            open(&f.introduced).to_string(),
            "divergences new",
            if open(&f.introduced) > 0 { ALERT } else { INK },
        ),
    ];
    let total = |p: &Option<ReadinessPoint>| p.as_ref().and_then(|p| p.total);
    if let (Some(before), Some(after)) = (total(&c.readiness.before), total(&c.readiness.after)) {
        figures.push(Figure::new(
            format!("{} → {}", total_display(before), total_display(after)),
            "readiness of 30",
            if after + 1e-9 < before { ALERT } else { ACCENT },
        ));
    }
    figures
}

/// The groups changes are shown in: the four layers, then the records outside the stack.
fn groups() -> Vec<(String, Option<Layer>)> {
    Layer::ALL
        .iter()
        .map(|l| (format!("{} layer", l.label()), Some(*l)))
        .chain([("Readiness, scores, waivers and metrics".to_string(), None)])
        .collect()
}

fn by_layer(flow: &mut Flow, c: &Comparison, limits: &Limits) {
    heading(flow, "Changes by layer");
    let geo = flow.geo;
    if c.changes.is_empty() {
        flow.paragraph(text_rows(
            "Nothing in the workspace differs from the baseline.",
            BODY.colored(MUTED),
            geo.left,
            geo.content_width(),
        ));
        return;
    }
    let name_w = 130.0;
    let text_x = geo.left + name_w + 10.0;
    let text_w = geo.right - text_x;
    let mut head = column_rows(&[
        Cell {
            x: geo.left,
            width: name_w,
            text: "LAYER",
            style: LABEL,
        },
        Cell {
            x: text_x,
            width: text_w,
            text: "WHAT CHANGED",
            style: LABEL,
        },
    ]);
    head.push(hairline(flow));
    let mut blocks = Vec::new();
    for (title, layer) in groups() {
        let mine: Vec<&Change> = c.changes.iter().filter(|x| x.layer == layer).collect();
        if mine.is_empty() {
            continue;
        }
        let counts = kinds(&mine);
        let names = names(&mine, limits);
        let text = if names.is_empty() {
            counts
        } else {
            format!("{counts}: {names}")
        };
        let mut rows = column_rows(&[
            Cell {
                x: geo.left,
                width: name_w,
                text: &title,
                style: H3,
            },
            Cell {
                x: text_x,
                width: text_w,
                text: &text,
                style: BODY,
            },
        ]);
        rows.push(hairline(flow));
        blocks.push(rows);
    }
    flow.table(head, blocks);
}

/// "2 added, 3 changed, 1 removed".
fn kinds(changes: &[&Change]) -> String {
    let parts: Vec<String> = [
        (ChangeKind::Added, "added"),
        (ChangeKind::Changed, "changed"),
        (ChangeKind::Moved, "moved"),
        (ChangeKind::Removed, "removed"),
    ]
    .into_iter()
    .filter_map(|(kind, word)| {
        let n = changes.iter().filter(|c| c.change == kind).count();
        (n > 0).then(|| format!("{n} {word}"))
    })
    .collect();
    parts.join(", ")
}

/// The first few names, each marked with what happened to it, and how many more.
fn names(changes: &[&Change], limits: &Limits) -> String {
    let mut shown: Vec<String> = changes
        .iter()
        .filter(|c| c.collection != "readings")
        .take(limits.changed_names)
        .map(|c| {
            let sign = match c.change {
                ChangeKind::Added => "+",
                ChangeKind::Removed => "−",
                ChangeKind::Changed => "~",
                ChangeKind::Moved => "↕",
            };
            let name = if c.collection == "workspace" {
                "the vision and journey state".to_string()
            } else {
                limits.clip(&c.name).into_owned()
            };
            format!("{sign} {name}")
        })
        .collect();
    let more = changes.len().saturating_sub(shown.len());
    if more > 0 && !shown.is_empty() {
        shown.push(format!("and {more} more"));
    }
    shown.join(", ")
}

fn findings(flow: &mut Flow, c: &Comparison, limits: &Limits) {
    let f = &c.findings;
    for (title, list, empty) in [
        (
            "Divergences resolved",
            &f.resolved,
            "No divergence of the baseline has been resolved.",
        ),
        (
            "Divergences introduced",
            &f.introduced,
            "No new divergence since the baseline.",
        ),
    ] {
        heading(flow, &format!("{title} ({})", list.len()));
        let geo = flow.geo;
        if list.is_empty() {
            flow.paragraph(text_rows(
                empty,
                BODY.colored(MUTED),
                geo.left,
                geo.content_width(),
            ));
            continue;
        }
        let tag_w = 62.0;
        let text_x = geo.left + tag_w;
        for x in list.iter().take(limits.delta_findings) {
            let color = match (title, x.severity) {
                ("Divergences resolved", _) => ACCENT,
                (_, Severity::Error) => ALERT,
                _ => crate::style::WARN,
            };
            let tag = if x.waived {
                format!("{} (waived)", severity_word(x.severity))
            } else {
                severity_word(x.severity).to_string()
            };
            let message = limits.clip(&x.message);
            let rows = column_rows(&[
                Cell {
                    x: geo.left,
                    width: tag_w - 6.0,
                    text: &tag,
                    style: LABEL.colored(color),
                },
                Cell {
                    x: text_x,
                    width: geo.right - text_x,
                    text: &message,
                    style: BODY,
                },
            ]);
            flow.keep_together(rows);
            flow.gap(3.0);
        }
        let more = list.len().saturating_sub(limits.delta_findings);
        if more > 0 {
            let line = format!(
                "{} in `throughline diff` and the app's Compare view.",
                count(more, "more", "more")
            );
            flow.paragraph(text_rows(&line, SMALL, geo.left, geo.content_width()));
        }
    }
}

fn readiness(flow: &mut Flow, c: &Comparison) {
    let r = &c.readiness;
    if r.is_unchanged() {
        return;
    }
    heading(flow, "How readiness moved");
    let geo = flow.geo;
    let mut lines = Vec::new();
    match (&r.before, &r.after) {
        (Some(b), Some(a)) if b != a => {
            lines.push(format!(
                "Latest session: {} ({}) → {} ({}); total {} → {} of 30.",
                b.name.trim(),
                b.date.trim(),
                a.name.trim(),
                a.date.trim(),
                total_of(b),
                total_of(a)
            ));
            for d in Dimension::ALL {
                let mean = |p: &ReadinessPoint| {
                    p.means
                        .iter()
                        .find(|m| m.dimension == d)
                        .and_then(|m| m.mean)
                };
                if let (Some(x), Some(y)) = (mean(b), mean(a))
                    && (x - y).abs() > 1e-9
                {
                    lines.push(format!("{}: {x:.1} → {y:.1} ({:+.1})", d.label(), y - x));
                }
            }
        }
        (None, Some(a)) => lines.push(format!(
            "First readiness session since the baseline: {} ({}), total {} of 30.",
            a.name.trim(),
            a.date.trim(),
            total_of(a)
        )),
        (Some(b), None) => lines.push(format!(
            "The baseline's session {} is no longer in the workspace.",
            b.name.trim()
        )),
        _ => {}
    }
    let layers: Vec<String> = r
        .layers
        .iter()
        .filter(|l| l.before != l.after)
        .map(|l| {
            let s = |x: Option<u8>| x.map_or("not rated".to_string(), |v| v.to_string());
            format!("{} {} → {}", l.layer.label(), s(l.before), s(l.after))
        })
        .collect();
    if !layers.is_empty() {
        lines.push(format!("Layer scores: {}.", layers.join(", ")));
    }
    for line in lines {
        flow.paragraph(text_rows(&line, BODY, geo.left, geo.content_width()));
    }
}

fn total_of(p: &ReadinessPoint) -> String {
    p.total.map_or("no total".to_string(), total_display)
}
