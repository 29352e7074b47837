//! The Monitor page: the scorecard of coherence metrics (leading, then lagging; each with
//! its latest value, trend, target and owner), the promised and measured emotional arc, and
//! what drifted. Every figure comes from `throughline-monitor`'s report.

use throughline_audit::{Finding, SubjectKind};
use throughline_model::{Better, Workspace};
use throughline_monitor::{MetricStatus, Monitor, num};

use super::figures::{Listed, finding_table};
use super::principles::element_name;
use super::{Limits, arc_chart, count, hairline, heading, heading_over, start};
use crate::layout::{Cell, Flow, Row, column_rows, text_rows};
use crate::style::{ACCENT, ALERT, BODY, INK, LABEL, MUTED, SMALL};

/// Lays out the section; it is planned only when the workspace has metrics.
pub(super) fn render(flow: &mut Flow, ws: &Workspace, facts: &super::Facts<'_>, limits: &Limits) {
    let Some(m) = &facts.monitor else {
        return;
    };
    let lead = match &m.as_of {
        Some(date) => format!(
            "As of {date}: the coherence metrics with their trend, target and owner, the \
             emotional arc the narrative promises against the one customers report, and what \
             drifted."
        ),
        None => "No readings yet: the metrics below have nothing to report until readings \
                 are imported."
            .to_string(),
    };
    start(flow, "Monitor", &lead, limits);
    scorecard(flow, ws, m, limits);
    if m.stages.iter().any(|s| s.measured.is_some()) {
        heading_over(
            flow,
            "Promised and measured arc",
            arc_chart::MEASURED_HEIGHT + 4.0,
        );
        arc_chart::draw_measured(flow, &m.stages);
        flow.gap(4.0);
    }
    drifted(flow, ws, m, limits);
}

fn scorecard(flow: &mut Flow, ws: &Workspace, m: &Monitor, limits: &Limits) {
    heading(flow, "Scorecard");
    let geo = flow.geo;
    let name_w = 170.0;
    let latest_x = geo.left + name_w + 8.0;
    let latest_w = 46.0;
    let trend_x = latest_x + latest_w + 8.0;
    let trend_w = 72.0;
    let target_x = trend_x + trend_w + 8.0;
    let target_w = 70.0;
    let owner_x = target_x + target_w + 8.0;
    let owner_w = geo.right - owner_x;
    let columns = [
        (geo.left, name_w),
        (latest_x, latest_w),
        (trend_x, trend_w),
        (target_x, target_w),
        (owner_x, owner_w),
    ];
    let cells = |texts: [(&str, crate::style::TextStyle); 5]| -> Vec<Row> {
        let cells: Vec<Cell<'_>> = columns
            .iter()
            .zip(texts)
            .map(|((x, width), (text, style))| Cell {
                x: *x,
                width: *width,
                text,
                style,
            })
            .collect();
        column_rows(&cells)
    };
    let mut head = cells([
        ("METRIC", LABEL),
        ("LATEST", LABEL),
        ("TREND", LABEL),
        ("TARGET", LABEL),
        ("OWNER", LABEL),
    ]);
    head.push(hairline(flow));
    let mut blocks = Vec::new();
    let ordered: Vec<&MetricStatus> = m
        .metrics
        .iter()
        .filter(|s| s.leading)
        .chain(m.metrics.iter().filter(|s| !s.leading))
        .collect();
    let mut last_group = None;
    for s in ordered.iter().take(limits.metrics) {
        if last_group != Some(s.leading) {
            last_group = Some(s.leading);
            let group = if s.leading { "Leading" } else { "Lagging" };
            blocks.push(vec![
                Row::space(4.0),
                Row::space(SMALL.leading).with_text(geo.left, LABEL.colored(ACCENT), group),
            ]);
        }
        let name = limits.clip(&s.name);
        let latest = s
            .latest
            .as_ref()
            .map_or("no reading".to_string(), |p| num(p.value));
        let (trend, trend_style) = trend(s);
        let (target, target_style) = target(s);
        let owner = owner(ws, s);
        let owner_style = if owner.is_none() {
            SMALL.colored(ALERT)
        } else {
            SMALL.colored(INK)
        };
        let owner = limits.clip(owner.unwrap_or("nobody"));
        let mut rows = cells([
            (&name, BODY),
            (&latest, BODY),
            (&trend, trend_style),
            (&target, target_style),
            (&owner, owner_style),
        ]);
        rows.push(hairline(flow));
        blocks.push(rows);
    }
    flow.table(head, blocks);
    let more = m.metrics.len().saturating_sub(limits.metrics);
    if more > 0 {
        let line = format!(
            "{} in the full edition and the app's Monitor view.",
            count(more, "more metric", "more metrics")
        );
        flow.paragraph(text_rows(&line, SMALL, geo.left, geo.content_width()));
    }
}

/// "+0.3 since 03-01", coloured by whether the move is for the better.
fn trend(s: &MetricStatus) -> (String, crate::style::TextStyle) {
    let (Some(d), Some(p)) = (s.trend.since_previous, &s.previous) else {
        return ("one reading".to_string(), SMALL.colored(MUTED));
    };
    let better = match s.direction {
        Better::Higher => d > 0.0,
        Better::Lower => d < 0.0,
    };
    let sign = if d > 0.0 { "+" } else { "" };
    let since = p.date.get(5..).unwrap_or(&p.date);
    let style = if d == 0.0 {
        SMALL.colored(MUTED)
    } else if better {
        SMALL.colored(ACCENT)
    } else {
        SMALL.colored(ALERT)
    };
    (format!("{sign}{} since {since}", num(d)), style)
}

/// "4.5, met" or "4.5, 0.4 to go".
fn target(s: &MetricStatus) -> (String, crate::style::TextStyle) {
    match (s.target, s.meets_target, s.trend.to_target) {
        (Some(t), Some(true), _) => (format!("{}, met", num(t)), SMALL.colored(ACCENT)),
        (Some(t), Some(false), Some(d)) => (
            format!("{}, {} to go", num(t), num(d)),
            SMALL.colored(ALERT),
        ),
        (Some(t), _, _) => (num(t), SMALL.colored(INK)),
        (None, _, _) => ("no target".to_string(), SMALL.colored(MUTED)),
    }
}

/// Who answers for a finding about a stage (a promised emotion missed): the owners of the
/// metrics that measure the stage, by name. `None` when the finding is not about a stage
/// or none of its metrics has an owner.
fn stage_owners(ws: &Workspace, m: &Monitor, f: &Finding) -> Option<String> {
    let subject = f
        .subjects
        .first()
        .filter(|s| s.kind == SubjectKind::Stage)?;
    let stage = m.stages.iter().find(|s| s.id == subject.id)?;
    let mut names: Vec<&str> = Vec::new();
    for id in &stage.metrics {
        let Some(status) = m.metrics.iter().find(|s| &s.id == id) else {
            continue;
        };
        if let Some(name) = owner(ws, status)
            && !names.contains(&name)
        {
            names.push(name);
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// The metric's owner by name (an element id reads as the element's name).
fn owner<'a>(ws: &'a Workspace, s: &'a MetricStatus) -> Option<&'a str> {
    s.owner
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(|o| element_name(ws, o))
}

fn drifted(flow: &mut Flow, ws: &Workspace, m: &Monitor, limits: &Limits) {
    let open: Vec<_> = m
        .report
        .findings
        .iter()
        .filter(|f| f.waived.is_none())
        .collect();
    heading(flow, &format!("What drifted ({})", open.len()));
    let geo = flow.geo;
    if open.is_empty() {
        flow.paragraph(text_rows(
            "Nothing drifted: every metric holds its course and the measured arc keeps the promise.",
            BODY.colored(MUTED),
            geo.left,
            geo.content_width(),
        ));
        return;
    }
    let rows: Vec<_> = open
        .iter()
        .take(limits.drift)
        .map(|f| {
            let layer = f
                .layer
                .map(|l| format!(" · {}", l.label()))
                .unwrap_or_default();
            let tag = format!("{}{layer}", super::facts::severity_word(f.severity));
            let mut row = Listed::new(ws, f, tag);
            if let Some(owners) = stage_owners(ws, m, f) {
                row.owner = owners;
            }
            row
        })
        .collect();
    finding_table(flow, &rows, limits);
    let more = open.len().saturating_sub(limits.drift);
    if more > 0 {
        let line = format!(
            "{} in the full edition and the app's Monitor view.",
            count(more, "more finding", "more findings")
        );
        flow.paragraph(text_rows(&line, SMALL, geo.left, geo.content_width()));
    }
}
