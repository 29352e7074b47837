//! Drawing the planned handoff diagram: boxes styled by kind, edges with arrowheads, flagged
//! edges thick and marked with their number in the list, and a legend.

use throughline_audit::Severity;
use throughline_model::ElementKind;

use super::graph_diagram::{BOX_H, Diagram, Edge, Node};
use crate::layout::{Flow, Item, Stroke, circle, ellipsize, measure, pt, rect, wrap};
use crate::style::{
    ACCENT, ACCENT_PALE, ALERT, Color, GREY_PALE, INK, LABEL, MUTED, NODE, PAPER, RULE, SAND_PALE,
    SMALL, WARN,
};

/// A kind's fill, outline and whether the outline is dashed.
fn look(kind: ElementKind) -> (Color, Color, bool) {
    match kind {
        ElementKind::Touchpoint => (ACCENT_PALE, ACCENT, false),
        ElementKind::System => (GREY_PALE, INK, false),
        ElementKind::Rule => (PAPER, MUTED, true),
        ElementKind::Team => (PAPER, ACCENT, false),
        ElementKind::Person => (SAND_PALE, MUTED, false),
        ElementKind::Partner => (PAPER, INK, true),
    }
}

fn severity_color(s: Severity) -> Color {
    match s {
        Severity::Error => ALERT,
        Severity::Warning | Severity::Info => WARN,
    }
}

/// Draws `d` with its top-left corner at (`left`, `top`) on the current page.
pub(super) fn draw(flow: &mut Flow, d: &Diagram<'_>, left: f32, top: f32) {
    // Plain edges first, flagged ones over them, boxes over all lines, markers last.
    let mut order: Vec<&Edge> = d.edges.iter().collect();
    order.sort_by_key(|e| std::cmp::Reverse(e.flag.map(|(s, _)| s)));
    let mut markers = Vec::new();
    for e in order {
        let (Some(a), Some(b)) = (d.nodes.get(e.from), d.nodes.get(e.to)) else {
            continue;
        };
        if let Some(m) = edge(flow, a, b, e, d.box_w, left, top) {
            markers.push(m);
        }
    }
    for n in &d.nodes {
        node(flow, n, d.box_w, left, top);
    }
    // A marker sits on its line where it covers no box and no other marker.
    let boxes: Vec<(f32, f32)> = d.nodes.iter().map(|n| (left + n.x, top + n.y)).collect();
    let mut placed: Vec<(f32, f32)> = Vec::new();
    let clear = |x: f32, y: f32, placed: &[(f32, f32)]| {
        boxes.iter().all(|(bx, by)| {
            (x - bx).abs() > d.box_w / 2.0 + MARKER_R || (y - by).abs() > BOX_H / 2.0 + MARKER_R
        }) && placed
            .iter()
            .all(|(px, py)| (x - px).hypot(y - py) > MARKER_R * 2.0 + 1.0)
    };
    let markers: Vec<(f32, f32, Color, String)> = markers
        .into_iter()
        .map(|(seg, color, label)| {
            let at = |t: f32| (seg.0 + (seg.2 - seg.0) * t, seg.1 + (seg.3 - seg.1) * t);
            let spot = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]
                .into_iter()
                .map(at)
                .find(|(x, y)| clear(*x, *y, &placed))
                .unwrap_or_else(|| at(0.5));
            placed.push(spot);
            (spot.0, spot.1, color, label)
        })
        .collect();
    for (x, y, color, label) in markers {
        flow.draw(Item::Shape {
            points: circle(x, y, MARKER_R),
            fill: color,
            stroke: Some(Stroke::solid(PAPER, 0.8)),
        });
        let style = LABEL.colored(PAPER);
        let w = measure(&label, style);
        flow.draw(Item::text(x - w / 2.0, y + 2.9, style, label));
    }
}

fn node(flow: &mut Flow, n: &Node<'_>, box_w: f32, left: f32, top: f32) {
    let (fill, outline, dashed) = look(n.kind);
    let x = left + n.x - box_w / 2.0;
    let y = top + n.y - BOX_H / 2.0;
    let stroke = match (n.severity, dashed) {
        (Some(Severity::Error), _) => Stroke::solid(ALERT, 1.4),
        (_, true) => Stroke::dashed(outline, 0.8, 2.0),
        _ => Stroke::solid(outline, 0.8),
    };
    flow.draw(Item::Shape {
        points: rect(x, y, box_w, BOX_H),
        fill,
        stroke: Some(stroke),
    });
    let inner = box_w - 6.0;
    let mut lines = wrap(n.name.trim(), NODE, inner);
    if lines.len() > 2 {
        let rest = lines[1..].join(" ");
        lines.truncate(1);
        lines.push(rest);
    }
    let lines: Vec<String> = lines.iter().map(|l| ellipsize(l, NODE, inner)).collect();
    let block = NODE.leading * lines.len() as f32;
    let first = y + (BOX_H - block) / 2.0 + NODE.size * 0.95;
    for (i, line) in lines.into_iter().enumerate() {
        let w = measure(&line, NODE);
        flow.draw(Item::text(
            x + (box_w - w) / 2.0,
            first + NODE.leading * i as f32,
            NODE,
            line,
        ));
    }
}

/// Where the segment from the centre of a box toward (`dx`, `dy`) leaves the box.
fn exit(cx: f32, cy: f32, dx: f32, dy: f32, box_w: f32) -> (f32, f32) {
    let tx = if dx.abs() > 1e-6 {
        (box_w / 2.0) / dx.abs()
    } else {
        f32::MAX
    };
    let ty = if dy.abs() > 1e-6 {
        (BOX_H / 2.0) / dy.abs()
    } else {
        f32::MAX
    };
    let t = tx.min(ty).min(1.0);
    (cx + dx * t, cy + dy * t)
}

/// A flagged edge's visible segment, its colour and its marker's label.
type Marker = ((f32, f32, f32, f32), Color, String);
const MARKER_R: f32 = 5.5;

fn edge(
    flow: &mut Flow,
    a: &Node<'_>,
    b: &Node<'_>,
    e: &Edge,
    box_w: f32,
    left: f32,
    top: f32,
) -> Option<Marker> {
    let (ax, ay) = (left + a.x, top + a.y);
    let (bx, by) = (left + b.x, top + b.y);
    let (dx, dy) = (bx - ax, by - ay);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1.0 {
        return None;
    }
    let (sx, sy) = exit(ax, ay, dx, dy, box_w);
    let (ex, ey) = exit(bx, by, -dx, -dy, box_w);
    let (color, width, dash) = match e.flag {
        Some((Severity::Error, _)) => (ALERT, 1.8, None),
        Some((_, _)) => (WARN, 1.5, Some(3.0)),
        None => (RULE.darker(), 0.7, None),
    };
    let (ux, uy) = (dx / len, dy / len);
    let head = if e.flag.is_some() { 6.5 } else { 5.0 };
    let half = head * 0.45;
    // The line stops at the arrowhead's base so a thick line does not blunt the point.
    let (lx, ly) = (ex - ux * head * 0.8, ey - uy * head * 0.8);
    let stroke = match dash {
        Some(d) => Stroke::dashed(color, width, d),
        None => Stroke::solid(color, width),
    };
    flow.draw(Item::Path {
        points: vec![pt(sx, sy), pt(lx, ly)],
        closed: false,
        stroke,
    });
    let (bx0, by0) = (ex - ux * head, ey - uy * head);
    flow.draw(Item::Shape {
        points: vec![
            pt(ex, ey),
            pt(bx0 - uy * half, by0 + ux * half),
            pt(bx0 + uy * half, by0 - ux * half),
        ],
        fill: color,
        stroke: None,
    });
    let (severity, number) = e.flag?;
    let label = number.map_or_else(|| "!".to_string(), |n| n.to_string());
    Some(((sx, sy, lx, ly), severity_color(severity), label))
}

/// The legend's height.
pub(super) const LEGEND_H: f32 = 30.0;

/// Draws the legend in a block `LEGEND_H` tall at `top`: the kinds present, then the lines.
pub(super) fn legend(flow: &mut Flow, d: &Diagram<'_>, top: f32) {
    let geo = flow.geo;
    let mut x = geo.left;
    let mut y = top + 9.0;
    let entry = |flow: &mut Flow, swatch: Vec<Item>, label: &str, x: &mut f32, y: &mut f32| {
        let w = 18.0 + measure(label, SMALL) + 14.0;
        if *x + w > geo.right {
            *x = geo.left;
            *y += 13.0;
        }
        for item in swatch {
            flow.draw(item.shifted(*y).moved(*x));
        }
        flow.draw(Item::text(*x + 18.0, *y + 3.0, SMALL, label));
        *x += w;
    };
    for kind in ElementKind::ALL {
        if !d.nodes.iter().any(|n| n.kind == kind) {
            continue;
        }
        let (fill, outline, dashed) = look(kind);
        let stroke = if dashed {
            Stroke::dashed(outline, 0.8, 2.0)
        } else {
            Stroke::solid(outline, 0.8)
        };
        let swatch = vec![Item::Shape {
            points: rect(0.0, -4.0, 13.0, 8.0),
            fill,
            stroke: Some(stroke),
        }];
        entry(flow, swatch, kind.label(), &mut x, &mut y);
    }
    let line = |color: Color, width: f32, dash: Option<f32>| Item::Path {
        points: vec![pt(0.0, 0.0), pt(13.0, 0.0)],
        closed: false,
        stroke: match dash {
            Some(d) => Stroke::dashed(color, width, d),
            None => Stroke::solid(color, width),
        },
    };
    entry(
        flow,
        vec![line(RULE.darker(), 0.7, None)],
        "Handoff",
        &mut x,
        &mut y,
    );
    if d.edges
        .iter()
        .any(|e| matches!(e.flag, Some((Severity::Error, _))))
    {
        entry(
            flow,
            vec![line(ALERT, 1.8, None)],
            "Serious finding",
            &mut x,
            &mut y,
        );
    }
    if d.edges
        .iter()
        .any(|e| matches!(e.flag, Some((s, _)) if s != Severity::Error))
    {
        entry(
            flow,
            vec![line(WARN, 1.5, Some(3.0))],
            "Warning",
            &mut x,
            &mut y,
        );
    }
}
