//! Vector shapes built from path points.

use super::{Pt, pt};

/// A circle of radius `r` around (`cx`, `cy`), as four Bézier arcs.
pub(crate) fn circle(cx: f32, cy: f32, r: f32) -> Vec<Pt> {
    // The control distance that makes a cubic Bézier quarter-arc close to a circle.
    let k = 0.552_284_8 * r;
    let c = |x: f32, y: f32| Pt { x, y, curve: true };
    vec![
        pt(cx + r, cy),
        c(cx + r, cy + k),
        c(cx + k, cy + r),
        pt(cx, cy + r),
        c(cx - k, cy + r),
        c(cx - r, cy + k),
        pt(cx - r, cy),
        c(cx - r, cy - k),
        c(cx - k, cy - r),
        pt(cx, cy - r),
        c(cx + k, cy - r),
        c(cx + r, cy - k),
        pt(cx + r, cy),
    ]
}

/// A rectangle with its top-left corner at (`x`, `y`).
pub(crate) fn rect(x: f32, y: f32, w: f32, h: f32) -> Vec<Pt> {
    vec![pt(x, y), pt(x + w, y), pt(x + w, y + h), pt(x, y + h)]
}
