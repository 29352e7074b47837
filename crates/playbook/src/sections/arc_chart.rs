//! The emotional arc: how the customer feels at each stage, drawn as a vector chart; on
//! the monitor page, the measured arc drawn over the promised one.

use throughline_model::{Emotion, Stage};
use throughline_monitor::StageArc;

use crate::layout::{Flow, Item, Pt, Stroke, circle, ellipsize, measure, pt};
use crate::style::{ACCENT, ALERT, INK, LABEL, MUTED, PAPER, RULE, SMALL};

/// The chart's height, labels included.
pub(super) const HEIGHT: f32 = 210.0;

/// The word for an emotion value, from -2 to +2.
pub(super) fn feeling(value: i8) -> &'static str {
    Emotion::label_of(value)
}

/// The monitor page's smaller chart's height, legend included.
pub(super) const MEASURED_HEIGHT: f32 = 170.0;

/// Draws the arc for `stages` in a block reserved on the current page.
pub(super) fn draw(flow: &mut Flow, stages: &[Stage]) {
    let planned: Vec<(String, i8)> = stages
        .iter()
        .map(|s| (s.name.clone(), s.emotion.get()))
        .collect();
    plot(flow, &planned, None, HEIGHT);
}

/// Draws the promised arc (the accent line) with the measured one over it (dashed, its
/// points hollow), with a legend; a stage nobody measured has no measured point.
pub(super) fn draw_measured(flow: &mut Flow, stages: &[StageArc]) {
    let planned: Vec<(String, i8)> = stages.iter().map(|s| (s.name.clone(), s.planned)).collect();
    let measured: Vec<Option<f32>> = stages
        .iter()
        .map(|s| s.measured.map(|v| v.clamp(-2.0, 2.0) as f32))
        .collect();
    plot(flow, &planned, Some(&measured), MEASURED_HEIGHT);
}

fn plot(flow: &mut Flow, stages: &[(String, i8)], measured: Option<&[Option<f32>]>, height: f32) {
    let geo = flow.geo;
    let legend = if measured.is_some() { 16.0 } else { 0.0 };
    let top = flow.reserve(height);
    let plot_left = geo.left + 64.0;
    let plot_right = geo.right - 8.0;
    let plot_top = top + 10.0 + legend;
    let plot_bottom = top + height - 46.0;
    let level_y = |v: f32| plot_top + (2.0 - v) / 4.0 * (plot_bottom - plot_top);

    for v in -2..=2_i8 {
        let y = level_y(f32::from(v));
        let stroke = if v == 0 {
            Stroke::solid(RULE, 0.8)
        } else {
            Stroke::dashed(RULE, 0.5, 2.0)
        };
        flow.draw(Item::Path {
            points: vec![pt(plot_left, y), pt(plot_right, y)],
            closed: false,
            stroke,
        });
        let label = feeling(v);
        let w = measure(label, SMALL);
        flow.draw(Item::text(plot_left - 8.0 - w, y + 3.0, SMALL, label));
    }

    let n = stages.len().max(1);
    let step = (plot_right - plot_left) / n as f32;
    let points: Vec<(f32, f32)> = stages
        .iter()
        .enumerate()
        .map(|(i, (_, planned))| {
            let x = plot_left + step * (i as f32 + 0.5);
            (x, level_y(f32::from(*planned)))
        })
        .collect();

    if points.len() > 1 {
        flow.draw(Item::Path {
            points: smooth(&points, plot_top, plot_bottom),
            closed: false,
            stroke: Stroke::solid(ACCENT, 1.8),
        });
    }
    let radius = (step / 4.0).clamp(1.5, 4.5);
    // Label every stage when there is room, else every k-th so numbers never collide.
    let every = ((16.0 / step).ceil() as usize).max(1);
    for (i, ((x, y), (name, planned))) in points.iter().zip(stages).enumerate() {
        let color = if *planned < 0 { ALERT } else { ACCENT };
        flow.draw(Item::Shape {
            points: circle(*x, *y, radius),
            fill: color,
            stroke: Some(Stroke::solid(PAPER, 1.0)),
        });
        if i % every != 0 {
            continue;
        }
        let number = (i + 1).to_string();
        let w = measure(&number, LABEL);
        flow.draw(Item::text(x - w / 2.0, plot_bottom + 16.0, LABEL, number));
        if step >= 44.0 {
            let name = ellipsize(name, SMALL, step - 6.0);
            let w = measure(&name, SMALL);
            flow.draw(Item::text(x - w / 2.0, plot_bottom + 29.0, SMALL, name));
        }
    }
    if let Some(measured) = measured {
        draw_measured_line(flow, &points, measured, level_y, radius);
        legend_row(flow, plot_left, top);
    }
    if stages.is_empty() {
        let note = "No stages yet: the arc appears once the narrative has stages.";
        let w = measure(note, SMALL.colored(MUTED));
        flow.draw(Item::text(
            (plot_left + plot_right - w) / 2.0,
            level_y(0.0) - 8.0,
            SMALL,
            note,
        ));
    }
}

/// The measured values as a dashed line through hollow points, broken where a stage was
/// not measured.
fn draw_measured_line(
    flow: &mut Flow,
    points: &[(f32, f32)],
    measured: &[Option<f32>],
    level_y: impl Fn(f32) -> f32,
    radius: f32,
) {
    let located: Vec<Option<(f32, f32)>> = points
        .iter()
        .zip(measured)
        .map(|((x, _), m)| m.map(|v| (*x, level_y(v))))
        .collect();
    for pair in located.windows(2) {
        if let [Some(a), Some(b)] = pair {
            flow.draw(Item::Path {
                points: vec![pt(a.0, a.1), pt(b.0, b.1)],
                closed: false,
                stroke: Stroke::dashed(INK, 1.3, 3.0),
            });
        }
    }
    for (x, y) in located.into_iter().flatten() {
        flow.draw(Item::Shape {
            points: circle(x, y, radius.max(2.5)),
            fill: PAPER,
            stroke: Some(Stroke::solid(INK, 1.3)),
        });
    }
}

/// "— promised  - - measured" above the plot.
fn legend_row(flow: &mut Flow, left: f32, top: f32) {
    let y = top + 6.0;
    flow.draw(Item::Path {
        points: vec![pt(left, y), pt(left + 22.0, y)],
        closed: false,
        stroke: Stroke::solid(ACCENT, 1.8),
    });
    flow.draw(Item::text(left + 28.0, y + 3.0, SMALL, "promised"));
    let x = left + 28.0 + measure("promised", SMALL) + 18.0;
    flow.draw(Item::Path {
        points: vec![pt(x, y), pt(x + 22.0, y)],
        closed: false,
        stroke: Stroke::dashed(INK, 1.3, 3.0),
    });
    flow.draw(Item::text(x + 28.0, y + 3.0, SMALL, "measured"));
}

/// A smooth curve through `points` (Catmull-Rom as cubic Béziers). Control points are kept
/// between `top` and `bottom`, so the curve (inside their hull) never leaves the plot.
fn smooth(points: &[(f32, f32)], top: f32, bottom: f32) -> Vec<Pt> {
    let mut out = vec![pt(points[0].0, points[0].1)];
    for i in 0..points.len() - 1 {
        let p0 = points[i.saturating_sub(1)];
        let p1 = points[i];
        let p2 = points[i + 1];
        let p3 = points[(i + 2).min(points.len() - 1)];
        let t = 1.0 / 6.0;
        let c1 = (p1.0 + (p2.0 - p0.0) * t, p1.1 + (p2.1 - p0.1) * t);
        let c2 = (p2.0 - (p3.0 - p1.0) * t, p2.1 - (p3.1 - p1.1) * t);
        out.push(Pt {
            x: c1.0,
            y: c1.1.clamp(top, bottom),
            curve: true,
        });
        out.push(Pt {
            x: c2.0,
            y: c2.1.clamp(top, bottom),
            curve: true,
        });
        out.push(pt(p2.0, p2.1));
    }
    out
}
