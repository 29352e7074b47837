//! The emotional arc: how the customer feels at each stage, drawn as a vector chart.

use throughline_model::{Emotion, Stage};

use crate::layout::{Flow, Item, Pt, Stroke, circle, ellipsize, measure, pt};
use crate::style::{ACCENT, ALERT, LABEL, MUTED, PAPER, RULE, SMALL};

/// The chart's height, labels included.
pub(super) const HEIGHT: f32 = 210.0;

/// The word for an emotion value, from -2 to +2.
pub(super) fn feeling(value: i8) -> &'static str {
    Emotion::label_of(value)
}

/// Draws the arc for `stages` in a block reserved on the current page.
pub(super) fn draw(flow: &mut Flow, stages: &[Stage]) {
    let geo = flow.geo;
    let top = flow.reserve(HEIGHT);
    let plot_left = geo.left + 64.0;
    let plot_right = geo.right - 8.0;
    let plot_top = top + 10.0;
    let plot_bottom = top + HEIGHT - 46.0;
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
        .map(|(i, s)| {
            let x = plot_left + step * (i as f32 + 0.5);
            (x, level_y(f32::from(s.emotion.get())))
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
    for (i, ((x, y), stage)) in points.iter().zip(stages).enumerate() {
        let color = if stage.emotion.get() < 0 {
            ALERT
        } else {
            ACCENT
        };
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
            let name = ellipsize(&stage.name, SMALL, step - 6.0);
            let w = measure(&name, SMALL);
            flow.draw(Item::text(x - w / 2.0, plot_bottom + 29.0, SMALL, name));
        }
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
