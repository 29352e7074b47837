//! Orthogonal edge routing around boxes: a shortest path on a fine grid where every cell
//! touching a box (with a margin) is blocked, preferring few bends and unused cells. Every
//! segment is horizontal or vertical and no line crosses a box other than its two ends.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// A box to route around, as its left, top, right and bottom edges.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

/// The grid's pitch in points.
const STEP: f32 = 3.0;
/// The clear space kept around every box.
const MARGIN: f32 = 2.0;
const BEND: u32 = 8;
const REUSE: u32 = 3;

/// A router for one diagram: the blocked cells, and the cells earlier edges used.
pub(super) struct Router<'a> {
    boxes: &'a [Rect],
    ox: f32,
    oy: f32,
    w: i32,
    h: i32,
    blocked: Vec<bool>,
    used: HashMap<(i32, i32), u32>,
}

impl<'a> Router<'a> {
    /// A router for `boxes`, with room to pass around the outside of the drawing.
    pub(super) fn new(boxes: &'a [Rect]) -> Self {
        let pad = 4.0 * STEP;
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for b in boxes {
            x0 = x0.min(b.x0);
            y0 = y0.min(b.y0);
            x1 = x1.max(b.x1);
            y1 = y1.max(b.y1);
        }
        if boxes.is_empty() {
            (x0, y0, x1, y1) = (0.0, 0.0, 0.0, 0.0);
        }
        let (ox, oy) = (x0 - pad, y0 - pad);
        let w = (((x1 + pad) - ox) / STEP).ceil() as i32 + 1;
        let h = (((y1 + pad) - oy) / STEP).ceil() as i32 + 1;
        let mut router = Self {
            boxes,
            ox,
            oy,
            w,
            h,
            blocked: vec![false; (w.max(0) * h.max(0)) as usize],
            used: HashMap::new(),
        };
        for b in boxes {
            let (cx0, cy0) = router.cell_of(b.x0 - MARGIN - STEP / 2.0, b.y0 - MARGIN - STEP / 2.0);
            let (cx1, cy1) = router.cell_of(b.x1 + MARGIN + STEP / 2.0, b.y1 + MARGIN + STEP / 2.0);
            for cy in cy0.max(0)..=cy1.min(h - 1) {
                for cx in cx0.max(0)..=cx1.min(w - 1) {
                    let (px, py) = router.centre(cx, cy);
                    // The cell's square touches the box grown by the margin.
                    if px + STEP / 2.0 > b.x0 - MARGIN
                        && px - STEP / 2.0 < b.x1 + MARGIN
                        && py + STEP / 2.0 > b.y0 - MARGIN
                        && py - STEP / 2.0 < b.y1 + MARGIN
                    {
                        router.blocked[(cy * w + cx) as usize] = true;
                    }
                }
            }
        }
        router
    }

    fn cell_of(&self, x: f32, y: f32) -> (i32, i32) {
        (
            ((x - self.ox) / STEP).floor() as i32,
            ((y - self.oy) / STEP).floor() as i32,
        )
    }

    fn centre(&self, cx: i32, cy: i32) -> (f32, f32) {
        (
            self.ox + (cx as f32 + 0.5) * STEP,
            self.oy + (cy as f32 + 0.5) * STEP,
        )
    }

    fn free(&self, cx: i32, cy: i32) -> bool {
        cx >= 0
            && cy >= 0
            && cx < self.w
            && cy < self.h
            && !self.blocked[(cy * self.w + cx) as usize]
    }

    /// Ports just outside each side of box `i`: the free cell, its direction away from the
    /// box, and the point on the box's edge the line meets.
    fn ports(&self, i: usize) -> Vec<Port> {
        let Some(b) = self.boxes.get(i) else {
            return Vec::new();
        };
        let (mx, my) = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
        let mut out = Vec::new();
        // 0 up, 1 right, 2 down, 3 left.
        for dir in 0..4_u8 {
            let (mut cx, mut cy) = match dir {
                0 => self.cell_of(mx, b.y0 - MARGIN - STEP),
                1 => self.cell_of(b.x1 + MARGIN + STEP, my),
                2 => self.cell_of(mx, b.y1 + MARGIN + STEP),
                _ => self.cell_of(b.x0 - MARGIN - STEP, my),
            };
            let (dx, dy) = delta(dir);
            let mut tries = 0;
            while !self.free(cx, cy) && tries < 4 {
                cx += dx;
                cy += dy;
                tries += 1;
            }
            if !self.free(cx, cy) {
                continue;
            }
            let (px, py) = self.centre(cx, cy);
            let edge = match dir {
                0 => (px, b.y0),
                1 => (b.x1, py),
                2 => (px, b.y1),
                _ => (b.x0, py),
            };
            // The stub from the edge to the cell must stay on the box's side.
            let inside = match dir {
                0 | 2 => px > b.x0 && px < b.x1,
                _ => py > b.y0 && py < b.y1,
            };
            if inside {
                out.push(((cx, cy), dir, edge));
            }
        }
        out
    }

    /// The route from box `from` to box `to` as a polyline from the edge of one to the edge
    /// of the other, or `None` when no way round exists.
    pub(super) fn route(&mut self, from: usize, to: usize) -> Option<Vec<(f32, f32)>> {
        let starts = self.ports(from);
        let ends = self.ports(to);
        if starts.is_empty() || ends.is_empty() {
            return None;
        }
        let index = |c: (i32, i32), d: u8| ((c.1 * self.w + c.0) as usize) * 4 + usize::from(d);
        let mut best = vec![u32::MAX; (self.w * self.h) as usize * 4];
        let mut back: HashMap<usize, usize> = HashMap::new();
        let mut heap = BinaryHeap::new();
        let goal: HashMap<(i32, i32), (f32, f32)> =
            ends.iter().map(|(c, _, edge)| (*c, *edge)).collect();
        let (gx, gy) = {
            let c = ends[0].0;
            (c.0, c.1)
        };
        let h = |c: (i32, i32)| ((c.0 - gx).unsigned_abs() + (c.1 - gy).unsigned_abs()) / 2;
        for (c, d, _) in &starts {
            let i = index(*c, *d);
            best[i] = 0;
            heap.push(Reverse((h(*c), 0_u32, c.0, c.1, *d)));
        }
        let mut found = None;
        while let Some(Reverse((_, cost, cx, cy, d))) = heap.pop() {
            let here = index((cx, cy), d);
            if cost > best[here] {
                continue;
            }
            if goal.contains_key(&(cx, cy)) {
                found = Some((cx, cy, d));
                break;
            }
            for nd in 0..4_u8 {
                if nd == (d + 2) % 4 {
                    continue;
                }
                let (dx, dy) = delta(nd);
                let (nx, ny) = (cx + dx, cy + dy);
                if !self.free(nx, ny) {
                    continue;
                }
                let step = 1
                    + if nd == d { 0 } else { BEND }
                    + self.used.get(&(nx, ny)).copied().unwrap_or(0) * REUSE;
                let next = index((nx, ny), nd);
                let total = cost + step;
                if total < best[next] {
                    best[next] = total;
                    back.insert(next, here);
                    heap.push(Reverse((total + h((nx, ny)), total, nx, ny, nd)));
                }
            }
        }
        let (cx, cy, d) = found?;
        let mut cells = vec![(cx, cy)];
        let mut at = index((cx, cy), d);
        while let Some(&prev) = back.get(&at) {
            let cell = prev / 4;
            let c = ((cell as i32) % self.w, (cell as i32) / self.w);
            cells.push(c);
            at = prev;
        }
        cells.reverse();
        for c in &cells {
            *self.used.entry(*c).or_insert(0) += 1;
        }
        let first = cells.first().copied()?;
        let start_edge = starts.iter().find(|(c, _, _)| *c == first)?.2;
        let end_edge = *goal.get(&(cx, cy))?;
        let mut points = vec![start_edge];
        points.extend(cells.iter().map(|&(x, y)| self.centre(x, y)));
        points.push(end_edge);
        Some(simplify(points))
    }
}

/// A port: the free cell beside a box, the direction away from it, the point on its edge.
type Port = ((i32, i32), u8, (f32, f32));

fn delta(dir: u8) -> (i32, i32) {
    match dir {
        0 => (0, -1),
        1 => (1, 0),
        2 => (0, 1),
        _ => (-1, 0),
    }
}

/// Drops the middle point of every three in a straight line.
fn simplify(points: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = Vec::with_capacity(points.len());
    for p in points {
        if out.len() >= 2 {
            let a = out[out.len() - 2];
            let b = out[out.len() - 1];
            let straight = ((a.0 - b.0).abs() < 0.01 && (b.0 - p.0).abs() < 0.01)
                || ((a.1 - b.1).abs() < 0.01 && (b.1 - p.1).abs() < 0.01);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// Whether the axis-parallel segment `a`–`b` passes through the inside of `r`.
#[cfg(test)]
pub(super) fn crosses(a: (f32, f32), b: (f32, f32), r: &Rect) -> bool {
    let eps = 0.25;
    let (lx, hx) = (a.0.min(b.0), a.0.max(b.0));
    let (ly, hy) = (a.1.min(b.1), a.1.max(b.1));
    lx < r.x1 - eps && hx > r.x0 + eps && ly < r.y1 - eps && hy > r.y0 + eps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_goes_around_a_box_in_the_way() {
        let boxes = [
            Rect {
                x0: 0.0,
                y0: 0.0,
                x1: 60.0,
                y1: 20.0,
            },
            Rect {
                x0: 0.0,
                y0: 50.0,
                x1: 60.0,
                y1: 70.0,
            },
            Rect {
                x0: 0.0,
                y0: 100.0,
                x1: 60.0,
                y1: 120.0,
            },
        ];
        let mut router = Router::new(&boxes);
        let path = router.route(0, 2).unwrap();
        assert!(path.len() >= 4, "{path:?}");
        for w in path.windows(2) {
            assert!((w[0].0 - w[1].0).abs() < 0.01 || (w[0].1 - w[1].1).abs() < 0.01);
            assert!(!crosses(w[0], w[1], &boxes[1]), "{path:?}");
        }
    }
}
