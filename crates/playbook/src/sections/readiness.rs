//! The readiness page: the latest session's radar, the total against the threshold, the
//! verdict, what to address first, and where the raters disagreed. Every figure and
//! sentence comes from `throughline-readiness`.

use throughline_model::{Dimension, ReadinessSession, Workspace};
use throughline_readiness::{GapKind, LayerDiagnosis, SessionSummary};

use super::facts::{Facts, total_display};
use super::{Limits, count, heading, radar, start};
use crate::layout::{Cell, Flow, Item, Row, Stroke, column_rows, measure, pt, rect, text_rows};
use crate::style::{ACCENT, ACCENT_PALE, ALERT, BODY, H2, H3, INK, LABEL, MUTED, SMALL};

/// Lays out the readiness section: the latest session when there is one, then the
/// Coherence Stack's layer scores and their diagnosis when the layers were rated.
pub(super) fn render(flow: &mut Flow, ws: &Workspace, facts: &Facts<'_>, limits: &Limits) {
    let Some((session, summary)) = &facts.readiness else {
        start(
            flow,
            "Readiness",
            "No readiness session has been scored yet; the Coherence Stack's layers have been rated.",
            limits,
        );
        layers(flow, ws);
        return;
    };
    let date = if summary.date.trim().is_empty() {
        String::new()
    } else {
        format!(", {}", summary.date.trim())
    };
    let lead = format!(
        "{}{date}: {} scored six dimensions from 1 (absent) to 5 (fully integrated). The \
         shaded shape is the room's average; each thin line is one rater.",
        session.name.trim(),
        count(summary.raters as usize, "rater", "raters"),
    );
    start(flow, "Readiness", &lead, limits);
    if limits.radar {
        radar::draw(flow, session, summary);
        flow.gap(10.0);
    }
    total_bar(flow, summary);
    let geo = flow.geo;
    flow.gap(6.0);
    flow.place_all(text_rows(
        &summary.verdict.sentence,
        BODY,
        geo.left,
        geo.content_width(),
    ));
    address_first(flow, summary);
    if limits.lean() {
        flow.gap(6.0);
        flow.paragraph(text_rows(
            &summary.agreement.words,
            BODY,
            geo.left,
            geo.content_width(),
        ));
    } else {
        disagreement(flow, session, summary);
    }
    if !ws.layer_scores.is_empty() {
        layers(flow, ws);
    }
}

/// The four layers of the Coherence Stack, top to bottom, with each one's latest score and
/// how it moved, then what the gaps between them mean (the readiness library's words).
fn layers(flow: &mut Flow, ws: &Workspace) {
    let d: LayerDiagnosis = throughline_readiness::diagnose_layers(&ws.layer_scores);
    let title = match d.date.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(date) => format!("The Coherence Stack, rated {date}"),
        None => "The Coherence Stack".to_string(),
    };
    heading(flow, &title);
    let geo = flow.geo;
    let name_w = 90.0;
    let bar_x = geo.left + name_w + 8.0;
    let bar_w = 150.0;
    let note_x = bar_x + bar_w + 14.0;
    let mut rows = Vec::new();
    for r in &d.layers {
        let mut row = Row::space(18.0).with_text(geo.left, H3, r.layer.label());
        row = row.with(Item::Shape {
            points: rect(bar_x, 4.0, bar_w, 10.0),
            fill: ACCENT_PALE,
            stroke: None,
        });
        let note = match r.score {
            Some(score) => {
                let v = f32::from(score.get());
                row = row.with(Item::Shape {
                    points: rect(bar_x, 4.0, bar_w * v / 5.0, 10.0),
                    fill: if score.get() <= 2 { ALERT } else { ACCENT },
                    stroke: None,
                });
                let change = match (r.change, r.previous_date.as_deref()) {
                    (Some(c), Some(date)) if c != 0 => format!(" ({c:+} since {date})"),
                    (Some(_), Some(date)) => format!(" (unchanged since {date})"),
                    _ => String::new(),
                };
                format!("{} of 5{change}", score.get())
            }
            None => "not rated".to_string(),
        };
        let note = crate::layout::ellipsize(&note, BODY, geo.right - note_x);
        row = row.with_text(note_x, BODY, note);
        rows.push(row);
    }
    flow.keep_together(rows);
    flow.gap(6.0);
    for p in &d.patterns {
        let tone = match p.kind {
            GapKind::AllStrong | GapKind::NoLargeGap => ACCENT,
            _ => ALERT,
        };
        let mut rows = text_rows(&p.title, H3.colored(tone), geo.left, geo.content_width());
        rows.extend(text_rows(
            &p.explanation,
            BODY,
            geo.left,
            geo.content_width(),
        ));
        rows.push(Row::space(6.0));
        flow.keep_together(rows);
    }
}

fn total_bar(flow: &mut Flow, s: &SessionSummary) {
    let geo = flow.geo;
    let max = f64::from(s.total_max.max(1));
    let headline = match s.total {
        Some(t) => format!("{} of {}", total_display(t), s.total_max),
        None => "No total".to_string(),
    };
    let threshold = format!("Threshold {:.0}", s.threshold);
    let mut rows = vec![Row::space(H2.leading).with_text(geo.left, H2, headline)];
    let bar_h = 12.0;
    let width = geo.content_width();
    let x_of = |v: f64| geo.left + (v / max).clamp(0.0, 1.0) as f32 * width;
    let mut bar = Row::space(bar_h + 18.0).with(Item::Shape {
        points: rect(geo.left, 4.0, width, bar_h),
        fill: ACCENT_PALE,
        stroke: None,
    });
    if let Some(t) = s.total {
        let color = if t + throughline_readiness::EPSILON >= s.threshold {
            ACCENT
        } else {
            ALERT
        };
        bar = bar.with(Item::Shape {
            points: rect(geo.left, 4.0, x_of(t) - geo.left, bar_h),
            fill: color,
            stroke: None,
        });
    }
    let tx = x_of(s.threshold);
    bar = bar.with(Item::Path {
        points: vec![pt(tx, 0.0), pt(tx, bar_h + 8.0)],
        closed: false,
        stroke: Stroke::solid(INK, 1.4),
    });
    let label_w = measure(&threshold, LABEL);
    bar = bar.with(Item::text(
        (tx - label_w / 2.0).min(geo.right - label_w),
        bar_h + 17.0,
        LABEL.colored(INK),
        threshold,
    ));
    bar = bar.with(Item::text(geo.left, bar_h + 17.0, SMALL, "0"));
    let end = s.total_max.to_string();
    let end_w = measure(&end, SMALL);
    bar = bar.with(Item::text(geo.right - end_w, bar_h + 17.0, SMALL, end));
    rows.push(Row::space(4.0));
    rows.push(bar);
    flow.keep_together(rows);
}

fn address_first(flow: &mut Flow, s: &SessionSummary) {
    if s.recommendations.is_empty() {
        return;
    }
    let title = if s.recommendations.len() == 1 {
        "Address first"
    } else {
        "Address first (tied for weakest)"
    };
    heading(flow, title);
    let geo = flow.geo;
    for r in &s.recommendations {
        let head = format!(
            "{}: average {} of 5",
            r.dimension.label(),
            throughline_readiness::figure_display(r.mean)
        );
        let mut rows = text_rows(&head, H3.colored(ALERT), geo.left, geo.content_width());
        rows.extend(text_rows(&r.text, BODY, geo.left, geo.content_width()));
        rows.push(Row::space(6.0));
        flow.keep_together(rows);
    }
}

fn disagreement(flow: &mut Flow, session: &ReadinessSession, s: &SessionSummary) {
    heading(flow, "Where the raters disagreed");
    let geo = flow.geo;
    if s.discuss.is_empty() {
        flow.place_all(text_rows(
            "No dimension's scores span two points or more.",
            BODY.colored(MUTED),
            geo.left,
            geo.content_width(),
        ));
    }
    let name_w = 90.0;
    let value_x = geo.left + name_w + 10.0;
    for d in &s.discuss {
        let Some(stats) = s.dimensions.iter().find(|x| x.dimension == *d) else {
            continue;
        };
        let range = match (stats.lowest, stats.highest) {
            (Some(lo), Some(hi)) => format!(
                "Scores run from {} to {}: {}. Discuss before acting on the average.",
                lo.get(),
                hi.get(),
                who_scored(session, *d)
            ),
            _ => "Scores vary by two points or more.".to_string(),
        };
        let rows = column_rows(&[
            Cell {
                x: geo.left,
                width: name_w,
                text: d.label(),
                style: H3,
            },
            Cell {
                x: value_x,
                width: geo.right - value_x,
                text: &range,
                style: BODY,
            },
        ]);
        flow.keep_together(rows);
        flow.gap(3.0);
    }
    flow.gap(6.0);
    flow.place_all(text_rows(
        &s.agreement.words,
        BODY.colored(INK),
        geo.left,
        geo.content_width(),
    ));
}

/// "Ana 2, Ben 4, Chloé 5": each rater's score for `d`, as given.
fn who_scored(session: &ReadinessSession, d: Dimension) -> String {
    let parts: Vec<String> = session
        .raters
        .iter()
        .filter_map(|r| {
            r.scores
                .get(d)
                .map(|score| format!("{} {}", r.name.trim(), score.get()))
        })
        .collect();
    parts.join(", ")
}
