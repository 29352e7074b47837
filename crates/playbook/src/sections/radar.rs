//! The readiness radar: six axes, rings 1 to 5, the room's means as a filled shape and each
//! rater's scores as a thin outline of its own colour and dash, with a legend.

use throughline_model::{Dimension, ReadinessSession};
use throughline_readiness::SessionSummary;

use crate::layout::{Flow, Item, Pt, Stroke, ellipsize, measure, pt, rect};
use crate::style::{ACCENT, ACCENT_PALE, Color, H3, INK, LABEL, MUTED, RULE, SMALL};

/// The block's height, labels included.
pub(super) const HEIGHT: f32 = 250.0;
const RADIUS: f32 = 88.0;

/// Rater colours, told apart by hue and, after the first cycle, by dash as well.
const RATERS: [Color; 6] = [
    Color(0.16, 0.55, 0.51),
    Color(0.48, 0.37, 0.65),
    Color(0.82, 0.48, 0.13),
    Color(0.42, 0.55, 0.18),
    Color(0.71, 0.28, 0.49),
    Color(0.55, 0.43, 0.27),
];

fn rater_stroke(i: usize) -> Stroke {
    let color = RATERS[i % RATERS.len()];
    match (i / RATERS.len()) % 3 {
        0 => Stroke::solid(color, 0.9),
        1 => Stroke::dashed(color, 0.9, 3.0),
        _ => Stroke::dashed(color, 0.9, 1.2),
    }
}

/// Draws the radar and its legend in a block reserved on the current page.
pub(super) fn draw(flow: &mut Flow, session: &ReadinessSession, summary: &SessionSummary) {
    let geo = flow.geo;
    let top = flow.reserve(HEIGHT);
    let cx = geo.left + 150.0;
    let cy = top + HEIGHT / 2.0;
    let n = Dimension::ALL.len() as f32;
    let axis = |k: usize| {
        let a = -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * k as f32 / n;
        (a.cos(), a.sin())
    };
    let at = |k: usize, v: f32| {
        let (c, s) = axis(k);
        pt(cx + c * RADIUS * v / 5.0, cy + s * RADIUS * v / 5.0)
    };

    for ring in 1..=5_u8 {
        let v = f32::from(ring);
        let points: Vec<Pt> = (0..Dimension::ALL.len()).map(|k| at(k, v)).collect();
        flow.draw(Item::Path {
            points,
            closed: true,
            stroke: if ring == 5 {
                Stroke::solid(RULE, 0.8)
            } else {
                Stroke::dashed(RULE, 0.5, 2.0)
            },
        });
        let label = ring.to_string();
        flow.draw(Item::text(
            cx + 3.0,
            cy - RADIUS * v / 5.0 + 8.0,
            SMALL,
            label,
        ));
    }
    for k in 0..Dimension::ALL.len() {
        flow.draw(Item::Path {
            points: vec![pt(cx, cy), at(k, 5.0)],
            closed: false,
            stroke: Stroke::solid(RULE, 0.5),
        });
    }

    let means: Vec<Option<f32>> = summary
        .dimensions
        .iter()
        .map(|d| d.mean.map(|m| m as f32))
        .collect();
    if means.iter().all(Option::is_some) {
        let points: Vec<Pt> = means
            .iter()
            .enumerate()
            .map(|(k, m)| at(k, m.unwrap_or(0.0)))
            .collect();
        flow.draw(Item::Shape {
            points,
            fill: ACCENT_PALE,
            stroke: None,
        });
    }
    for (i, rater) in session.raters.iter().enumerate() {
        let values: Vec<Option<f32>> = Dimension::ALL
            .iter()
            .map(|d| rater.scores.get(*d).map(|s| f32::from(s.get())))
            .collect();
        outline(flow, &values, rater_stroke(i), at);
    }
    outline(flow, &means, Stroke::solid(ACCENT, 1.8), at);

    for (k, d) in summary.dimensions.iter().enumerate() {
        let (c, s) = axis(k);
        let (lx, ly) = (cx + c * (RADIUS + 10.0), cy + s * (RADIUS + 10.0));
        let name = d.dimension.label();
        let value = d
            .mean
            .map_or_else(|| "not scored".to_string(), |m| format!("{m:.1}"));
        let w = measure(name, LABEL).max(measure(&value, SMALL));
        let x = if c > 0.3 {
            lx
        } else if c < -0.3 {
            lx - w
        } else {
            lx - w / 2.0
        };
        let y = if s < -0.5 {
            ly - 14.0
        } else if s > 0.5 {
            ly + 6.0
        } else {
            ly - 4.0
        };
        let align = |text: &str, style| {
            let tw = measure(text, style);
            if c > 0.3 {
                x
            } else if c < -0.3 {
                x + w - tw
            } else {
                x + (w - tw) / 2.0
            }
        };
        flow.draw(Item::text(
            align(name, LABEL.colored(INK)),
            y,
            LABEL.colored(INK),
            name,
        ));
        flow.draw(Item::text(align(&value, SMALL), y + 10.0, SMALL, value));
    }
    legend(flow, session, top);
}

/// A closed outline when every value is there; otherwise only the sides between two
/// scored axes, so a skipped dimension is not drawn as a zero.
fn outline(flow: &mut Flow, values: &[Option<f32>], stroke: Stroke, at: impl Fn(usize, f32) -> Pt) {
    if values.iter().all(Option::is_some) {
        let points = values
            .iter()
            .enumerate()
            .map(|(k, v)| at(k, v.unwrap_or(0.0)))
            .collect();
        flow.draw(Item::Path {
            points,
            closed: true,
            stroke,
        });
        return;
    }
    for k in 0..values.len() {
        let next = (k + 1) % values.len();
        if let (Some(Some(a)), Some(Some(b))) = (values.get(k), values.get(next)) {
            flow.draw(Item::Path {
                points: vec![at(k, *a), at(next, *b)],
                closed: false,
                stroke,
            });
        }
    }
}

fn legend(flow: &mut Flow, session: &ReadinessSession, top: f32) {
    let geo = flow.geo;
    let x = geo.left + 320.0;
    let width = geo.right - x - 22.0;
    let mut y = top + 30.0;
    flow.draw(Item::text(x, y, LABEL, "LEGEND"));
    y += 16.0;
    flow.draw(Item::Shape {
        points: rect(x, y - 6.0, 16.0, 8.0),
        fill: ACCENT_PALE,
        stroke: Some(Stroke::solid(ACCENT, 1.8)),
    });
    flow.draw(Item::text(
        x + 22.0,
        y + 1.5,
        H3.colored(INK),
        "Room average",
    ));
    y += 16.0;
    // As many raters as fit the block; the rest are counted.
    let room = ((top + HEIGHT - 14.0 - y) / 13.0).max(0.0) as usize;
    let shown = if session.raters.len() > room {
        room.saturating_sub(1)
    } else {
        session.raters.len()
    };
    for (i, rater) in session.raters.iter().enumerate().take(shown) {
        flow.draw(Item::Path {
            points: vec![pt(x, y - 2.0), pt(x + 16.0, y - 2.0)],
            closed: false,
            stroke: rater_stroke(i),
        });
        let name = if rater.name.trim().is_empty() {
            format!("Rater {}", i + 1)
        } else {
            rater.name.trim().to_string()
        };
        flow.draw(Item::text(
            x + 22.0,
            y + 1.0,
            SMALL.colored(INK),
            ellipsize(&name, SMALL, width),
        ));
        y += 13.0;
    }
    if shown < session.raters.len() {
        let more = format!("and {} more raters", session.raters.len() - shown);
        flow.draw(Item::text(x + 22.0, y + 1.0, SMALL.colored(MUTED), more));
    }
}
