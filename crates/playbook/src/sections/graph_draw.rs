//! Drawing the planned handoff diagram: boxes styled by kind, edges with arrowheads, flagged
//! edges thick and marked with their number in the list, and a legend.

use throughline_audit::Severity;
use throughline_model::ElementKind;

use super::graph_diagram::{BOX_H, Diagram, Edge, Node};
use super::route::{Rect, Router};
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

/// The boxes of `d` placed with its top-left corner at (`left`, `top`).
pub(super) fn boxes(d: &Diagram<'_>, left: f32, top: f32) -> Vec<Rect> {
    d.nodes
        .iter()
        .map(|n| Rect {
            x0: left + n.x - d.box_w / 2.0,
            y0: top + n.y - BOX_H / 2.0,
            x1: left + n.x + d.box_w / 2.0,
            y1: top + n.y + BOX_H / 2.0,
        })
        .collect()
}

/// Each edge's route (same order as `d.edges`): orthogonal around the boxes, flagged edges
/// routed first so they get the clearest paths. An edge with no way round is drawn straight.
pub(super) fn routes(d: &Diagram<'_>, boxes: &[Rect]) -> Vec<Vec<(f32, f32)>> {
    let mut router = Router::new(boxes);
    let mut order: Vec<usize> = (0..d.edges.len()).collect();
    order.sort_by_key(|&i| d.edges[i].flag.map(|(s, _)| s));
    let mut out = vec![Vec::new(); d.edges.len()];
    for i in order {
        let e = &d.edges[i];
        let (Some(a), Some(b)) = (boxes.get(e.from), boxes.get(e.to)) else {
            continue;
        };
        out[i] = router.route(e.from, e.to).unwrap_or_else(|| straight(a, b));
    }
    out
}

/// The centre-to-centre line between two boxes, cut at their edges.
fn straight(a: &Rect, b: &Rect) -> Vec<(f32, f32)> {
    let (ax, ay) = ((a.x0 + a.x1) / 2.0, (a.y0 + a.y1) / 2.0);
    let (bx, by) = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
    let (dx, dy) = (bx - ax, by - ay);
    let w = a.x1 - a.x0;
    vec![exit(ax, ay, dx, dy, w), exit(bx, by, -dx, -dy, w)]
}

/// Draws `d` with its top-left corner at (`left`, `top`) on the current page.
pub(super) fn draw(flow: &mut Flow, d: &Diagram<'_>, left: f32, top: f32) {
    let rects = boxes(d, left, top);
    let paths = routes(d, &rects);
    // Plain edges first, flagged ones over them, boxes over all lines, markers last.
    let mut order: Vec<usize> = (0..d.edges.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(d.edges[i].flag.map(|(s, _)| s)));
    let mut markers = Vec::new();
    for i in order {
        if let Some(m) = edge(flow, &paths[i], &d.edges[i]) {
            markers.push(m);
        }
    }
    for n in &d.nodes {
        node(flow, n, d.box_w, left, top);
    }
    // A marker sits on its line where it covers no box and no other marker.
    let mut placed: Vec<(f32, f32)> = Vec::new();
    let clear = |x: f32, y: f32, placed: &[(f32, f32)]| {
        rects.iter().all(|r| {
            x < r.x0 - MARKER_R || x > r.x1 + MARKER_R || y < r.y0 - MARKER_R || y > r.y1 + MARKER_R
        }) && placed
            .iter()
            .all(|(px, py)| (x - px).hypot(y - py) > MARKER_R * 2.0 + 1.0)
    };
    let markers: Vec<(f32, f32, Color, String)> = markers
        .into_iter()
        .map(|(path, color, label)| {
            // Try spots along the route's segments, longest first, middle first.
            let mut segments: Vec<((f32, f32), (f32, f32))> =
                path.windows(2).map(|w| (w[0], w[1])).collect();
            segments.sort_by(|a, b| {
                let len = |s: &((f32, f32), (f32, f32))| (s.1.0 - s.0.0).hypot(s.1.1 - s.0.1);
                len(b).total_cmp(&len(a))
            });
            let spots = segments.iter().flat_map(|(a, b)| {
                [0.5, 0.35, 0.65, 0.2, 0.8]
                    .into_iter()
                    .map(move |t| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
            });
            let fallback = segments
                .first()
                .map_or((0.0, 0.0), |(a, b)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0));
            let spot = spots
                .clone()
                .find(|(x, y)| clear(*x, *y, &placed))
                .unwrap_or(fallback);
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

/// The most lines of a name in a box.
const NAME_LINES: usize = 3;

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
    if lines.len() > NAME_LINES {
        // Only a name longer than three lines loses its end (the full name is in the lists).
        let rest = lines[NAME_LINES - 1..].join(" ");
        lines.truncate(NAME_LINES - 1);
        lines.push(ellipsize(&rest, NODE, inner));
    }
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

/// A flagged edge's route, its colour and its marker's label.
type Marker = (Vec<(f32, f32)>, Color, String);
const MARKER_R: f32 = 5.5;

fn edge(flow: &mut Flow, path: &[(f32, f32)], e: &Edge) -> Option<Marker> {
    let (&(ex, ey), before) = path.split_last()?;
    let &(px, py) = before.last()?;
    let (dx, dy) = (ex - px, ey - py);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 0.5 {
        return None;
    }
    let (color, width, dash) = match e.flag {
        Some((Severity::Error, _)) => (ALERT, 1.8, None),
        Some((_, _)) => (WARN, 1.5, Some(3.0)),
        None => (RULE.darker(), 0.7, None),
    };
    let (ux, uy) = (dx / len, dy / len);
    let head = (if e.flag.is_some() { 6.5 } else { 5.0_f32 }).min(len);
    let half = head * 0.45;
    // The line stops at the arrowhead's base so a thick line does not blunt the point.
    let (lx, ly) = (ex - ux * head * 0.8, ey - uy * head * 0.8);
    let stroke = match dash {
        Some(d) => Stroke::dashed(color, width, d),
        None => Stroke::solid(color, width),
    };
    let mut points: Vec<_> = before.iter().map(|&(x, y)| pt(x, y)).collect();
    points.push(pt(lx, ly));
    flow.draw(Item::Path {
        points,
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
    Some((path.to_vec(), severity_color(severity), label))
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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::super::facts::Facts;
    use super::super::graph_diagram::plan;
    use super::super::route::crosses;
    use super::*;

    fn sample() -> throughline_model::Workspace {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/sample/nexusflow.throughline.json"
        );
        throughline_format::read_file(std::path::Path::new(path)).unwrap()
    }

    #[test]
    fn no_edge_crosses_a_box_other_than_its_ends() {
        for (label, ws) in [
            ("sample", sample()),
            ("generated", throughline_audit::generate(300, 3)),
            ("generated 2,000", throughline_audit::generate(2_000, 7)),
        ] {
            let options = crate::PlaybookOptions::default();
            let facts = Facts::gather(&ws, &options);
            let d = plan(&ws, &facts, &HashMap::new(), &[], 479.0, 520.0);
            assert!(d.edges.len() > 5, "{label}: {} edges", d.edges.len());
            let rects = boxes(&d, 58.0, 100.0);
            let paths = routes(&d, &rects);
            for (e, path) in d.edges.iter().zip(&paths) {
                assert!(path.len() >= 2, "{label}: an edge without a route");
                for w in path.windows(2) {
                    let (a, b) = (w[0], w[1]);
                    assert!(
                        (a.0 - b.0).abs() < 0.01 || (a.1 - b.1).abs() < 0.01,
                        "{label}: a slanted segment {a:?}-{b:?}"
                    );
                    for (i, r) in rects.iter().enumerate() {
                        if i == e.from || i == e.to {
                            continue;
                        }
                        assert!(
                            !crosses(a, b, r),
                            "{label}: segment {a:?}-{b:?} crosses box {i} {r:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_name_wraps_over_three_lines_before_it_is_shortened() {
        let name = "Email preference centre for returning customers";
        let lines = wrap(name, NODE, 114.0);
        assert!(lines.len() <= NAME_LINES, "{lines:?}");
        assert_eq!(lines.join(" "), name);
    }
}
