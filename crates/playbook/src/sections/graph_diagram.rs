//! Which nodes and edges of the handoff graph the diagram shows, and where they go: the
//! graph view's stored positions when they can be printed without overlaps, else layers.

use std::collections::{BTreeSet, HashMap};

use throughline_audit::{Severity, SubjectKind};
use throughline_model::{ElementKind, Workspace};

use super::facts::Facts;
use super::layered;
use crate::Placement;

/// Above this many nodes the diagram shows only the flagged part of the graph.
pub(super) const MAX_NODES: usize = 60;
/// A box's height: three lines of label and padding.
pub(super) const BOX_H: f32 = 31.0;
const MIN_BOX_W: f32 = 44.0;
const MAX_BOX_W: f32 = 120.0;
/// Room between boxes for the edges routed around them.
const GAP_X: f32 = 16.0;
const MIN_GAP_Y: f32 = 18.0;

/// A node as drawn: centre relative to the diagram's top-left corner.
pub(super) struct Node<'a> {
    pub name: &'a str,
    pub kind: ElementKind,
    /// The most serious open finding about the element itself.
    pub severity: Option<Severity>,
    pub x: f32,
    pub y: f32,
}

/// An edge as drawn, between node indices.
pub(super) struct Edge {
    pub from: usize,
    pub to: usize,
    /// The most serious open finding about the handoff, and its number in the list of worst
    /// divergences when it is listed there.
    pub flag: Option<(Severity, Option<usize>)>,
}

/// The diagram laid out in a box `width` wide and `height` tall.
pub(super) struct Diagram<'a> {
    pub nodes: Vec<Node<'a>>,
    pub edges: Vec<Edge>,
    pub box_w: f32,
    pub height: f32,
    /// What the caption should add: what was left out, where positions came from.
    pub notes: Vec<String>,
}

/// Plans the diagram of `ws` in a box `width` wide and at most `max_height` tall.
/// `numbers` gives each listed finding's number by its index in the report.
pub(super) fn plan<'a>(
    ws: &'a Workspace,
    facts: &Facts<'_>,
    numbers: &HashMap<usize, usize>,
    stored: &[Placement],
    width: f32,
    max_height: f32,
) -> Diagram<'a> {
    let index: HashMap<&str, usize> = ws
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    // Edges between existing elements; self-loops and repeats are drawn once or not at all.
    let mut pairs: Vec<(usize, usize, &str)> = Vec::new();
    let mut seen = BTreeSet::new();
    for h in &ws.handoffs {
        let (Some(&a), Some(&b)) = (index.get(h.from.as_str()), index.get(h.to.as_str())) else {
            continue;
        };
        if a != b && seen.insert((a, b)) {
            pairs.push((a, b, h.id.as_str()));
        }
    }
    let mut edge_flag: HashMap<&str, (Severity, Option<usize>)> = HashMap::new();
    let mut node_flag: HashMap<usize, Severity> = HashMap::new();
    let mut involved: Vec<usize> = Vec::new();
    for (i, f) in facts.report.findings.iter().enumerate() {
        if f.waived.is_some() {
            continue;
        }
        let number = numbers.get(&i).copied();
        for s in &f.subjects {
            match s.kind {
                SubjectKind::Handoff => {
                    if let Some(h) = ws.handoff(&s.id) {
                        let slot = edge_flag
                            .entry(h.id.as_str())
                            .or_insert((f.severity, number));
                        if f.severity < slot.0 || (slot.1.is_none() && number.is_some()) {
                            *slot = (f.severity.min(slot.0), number.or(slot.1));
                        }
                        involved.extend(index.get(h.from.as_str()));
                        involved.extend(index.get(h.to.as_str()));
                    }
                }
                SubjectKind::Element => {
                    if let Some(&e) = index.get(s.id.as_str()) {
                        let slot = node_flag.entry(e).or_insert(f.severity);
                        *slot = (*slot).min(f.severity);
                        involved.push(e);
                    }
                }
                SubjectKind::Stage | SubjectKind::Metric => {}
            }
        }
    }
    let endpoints: BTreeSet<usize> = pairs.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
    let mut notes = Vec::new();
    let chosen = choose_nodes(&endpoints, &involved, &pairs, &mut notes);
    let position: HashMap<usize, usize> = chosen.iter().enumerate().map(|(k, &e)| (e, k)).collect();
    let edges: Vec<Edge> = pairs
        .iter()
        .filter_map(|(a, b, id)| {
            Some(Edge {
                from: *position.get(a)?,
                to: *position.get(b)?,
                flag: edge_flag.get(id).copied(),
            })
        })
        .collect();
    let mut nodes: Vec<Node<'a>> = chosen
        .iter()
        .filter_map(|&e| {
            let el = ws.elements.get(e)?;
            Some(Node {
                name: el.name.as_str(),
                kind: el.kind,
                severity: node_flag.get(&e).copied(),
                x: 0.0,
                y: 0.0,
            })
        })
        .collect();
    let ids: Vec<&str> = chosen
        .iter()
        .filter_map(|&e| ws.elements.get(e).map(|el| el.id.as_str()))
        .collect();
    let (box_w, height) = match place_stored(&mut nodes, &ids, &edges, stored, width, max_height) {
        Some(fit) => fit,
        None => {
            if !stored.is_empty() {
                notes.push(
                    "The graph view's positions could not be printed without overlaps, so \
                     the graph is laid out in layers."
                        .to_string(),
                );
            }
            place_layered(&mut nodes, &edges, width, max_height)
        }
    };
    Diagram {
        nodes,
        edges,
        box_w,
        height,
        notes,
    }
}

/// The element indices to draw, in workspace order.
fn choose_nodes(
    endpoints: &BTreeSet<usize>,
    involved: &[usize],
    pairs: &[(usize, usize, &str)],
    notes: &mut Vec<String>,
) -> Vec<usize> {
    if endpoints.len() <= MAX_NODES {
        return endpoints.iter().copied().collect();
    }
    let flagged: BTreeSet<usize> = involved
        .iter()
        .copied()
        .filter(|e| endpoints.contains(e))
        .collect();
    let mut with_neighbours = flagged.clone();
    for (a, b, _) in pairs {
        if flagged.contains(a) || flagged.contains(b) {
            with_neighbours.insert(*a);
            with_neighbours.insert(*b);
        }
    }
    let total = endpoints.len();
    if with_neighbours.len() <= MAX_NODES {
        notes.push(format!(
            "The graph has {total} connected elements; shown are the {} involved in open \
             findings and their neighbours.",
            with_neighbours.len()
        ));
        return with_neighbours.into_iter().collect();
    }
    if flagged.len() <= MAX_NODES {
        notes.push(format!(
            "The graph has {total} connected elements; shown are the {} involved in open \
             findings.",
            flagged.len()
        ));
        return flagged.into_iter().collect();
    }
    // Too many flagged elements to draw legibly: the first ones in the findings' order
    // (most serious first) make the cut.
    let mut picked = BTreeSet::new();
    for e in involved {
        if picked.len() >= MAX_NODES {
            break;
        }
        if endpoints.contains(e) {
            picked.insert(*e);
        }
    }
    notes.push(format!(
        "The graph has {total} connected elements and {} are involved in open findings; \
         shown are the {} involved in the most serious ones.",
        flagged.len(),
        picked.len()
    ));
    picked.into_iter().collect()
}

/// Uses the stored positions, scaled to fit, when every node has one and the boxes do not
/// overlap. Returns the box width and the height used.
fn place_stored(
    nodes: &mut [Node<'_>],
    ids: &[&str],
    edges: &[Edge],
    stored: &[Placement],
    width: f32,
    max_height: f32,
) -> Option<(f32, f32)> {
    if stored.is_empty() || nodes.is_empty() {
        return None;
    }
    let at: HashMap<&str, (f64, f64)> = stored
        .iter()
        .filter(|p| p.x.is_finite() && p.y.is_finite())
        .map(|p| (p.id.as_str(), (p.x, p.y)))
        .collect();
    let mut points: Vec<Option<(f32, f32)>> = ids
        .iter()
        .map(|id| at.get(id).map(|&(x, y)| (x as f32, y as f32)))
        .collect();
    let missing: Vec<usize> = (0..points.len()).filter(|i| points[*i].is_none()).collect();
    let known: Vec<(f32, f32)> = points.iter().flatten().copied().collect();
    if known.is_empty() {
        return None;
    }
    if !missing.is_empty() {
        // Nodes the view never placed go in layers in a strip below the placed ones, in the
        // view's own units.
        let (min_x, max_x, _, max_y) = bounds(&known);
        let spacing = ((max_x - min_x) / 6.0).max(160.0);
        let local: HashMap<usize, usize> =
            missing.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let sub_edges: Vec<(usize, usize)> = edges
            .iter()
            .filter_map(|e| Some((*local.get(&e.from)?, *local.get(&e.to)?)))
            .collect();
        let places = layered::layout(missing.len(), &sub_edges);
        for (k, &i) in missing.iter().enumerate() {
            let p = places
                .get(k)
                .copied()
                .unwrap_or(layered::Place { layer: 0, order: k });
            points[i] = Some((
                min_x + p.order as f32 * spacing,
                max_y + spacing * 0.8 * (p.layer as f32 + 1.0),
            ));
        }
    }
    let all: Vec<(f32, f32)> = points.iter().flatten().copied().collect();
    let (min_x, max_x, min_y, max_y) = bounds(&all);
    let mut box_w = MAX_BOX_W;
    while box_w >= MIN_BOX_W {
        let span_x = (max_x - min_x).max(1e-3);
        let span_y = (max_y - min_y).max(1e-3);
        let scale = ((width - box_w) / span_x)
            .min((max_height - BOX_H) / span_y)
            .min(1.2);
        if scale > 0.0 {
            let placed: Vec<(f32, f32)> = all
                .iter()
                .map(|(x, y)| {
                    (
                        box_w / 2.0 + (x - min_x) * scale,
                        BOX_H / 2.0 + (y - min_y) * scale,
                    )
                })
                .collect();
            if !overlapping(&placed, box_w) {
                // Centre a narrow drawing on the page.
                let used_w = span_x * scale + box_w;
                let shift = ((width - used_w) / 2.0).max(0.0);
                for (n, (x, y)) in nodes.iter_mut().zip(&placed) {
                    n.x = x + shift;
                    n.y = *y;
                }
                return Some((box_w, span_y * scale + BOX_H));
            }
        }
        box_w -= 8.0;
    }
    None
}

fn bounds(points: &[(f32, f32)]) -> (f32, f32, f32, f32) {
    points.iter().fold(
        (f32::MAX, f32::MIN, f32::MAX, f32::MIN),
        |(a, b, c, d), (x, y)| (a.min(*x), b.max(*x), c.min(*y), d.max(*y)),
    )
}

fn overlapping(points: &[(f32, f32)], box_w: f32) -> bool {
    points.iter().enumerate().any(|(i, a)| {
        points[i + 1..]
            .iter()
            .any(|b| (a.0 - b.0).abs() < box_w + GAP_X && (a.1 - b.1).abs() < BOX_H + GAP_X)
    })
}

/// Lays the nodes out in layers running down the page; a graph with more layers than fit
/// runs on in side-by-side bands, like columns of a newspaper. Returns box width and height.
fn place_layered(
    nodes: &mut [Node<'_>],
    edges: &[Edge],
    width: f32,
    max_height: f32,
) -> (f32, f32) {
    let pairs: Vec<(usize, usize)> = edges.iter().map(|e| (e.from, e.to)).collect();
    let places = layered::layout(nodes.len(), &pairs);
    let layers = places.iter().map(|p| p.layer + 1).max().unwrap_or(0);
    let mut by_layer: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (v, p) in places.iter().enumerate() {
        if let Some(l) = by_layer.get_mut(p.layer) {
            l.push(v);
        }
    }
    for l in &mut by_layer {
        l.sort_by_key(|v| places.get(*v).map_or(0, |p| p.order));
    }
    let min_pitch = BOX_H + MIN_GAP_Y;
    let mut chosen = None;
    for bands in 1..=4_usize {
        let band_w = width / bands as f32;
        let per_row = (((band_w + GAP_X) / (MIN_BOX_W + GAP_X)).floor() as usize).max(1);
        let rows: Vec<Vec<usize>> = by_layer
            .iter()
            .flat_map(|l| l.chunks(per_row).map(<[usize]>::to_vec))
            .collect();
        let per_band = rows.len().div_ceil(bands).max(1);
        let fits = per_band as f32 * min_pitch - MIN_GAP_Y <= max_height;
        chosen = Some((bands, rows, per_band));
        if fits {
            break;
        }
    }
    let Some((bands, rows, per_band)) = chosen else {
        return (MAX_BOX_W, 0.0);
    };
    let band_w = width / bands as f32;
    let widest = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let box_w = (band_w / widest as f32 - GAP_X).clamp(MIN_BOX_W.min(band_w - 4.0), MAX_BOX_W);
    // Spread the rows over the height given, within a readable range of spacing.
    let pitch = if per_band > 1 {
        ((max_height - BOX_H) / (per_band - 1) as f32).clamp(BOX_H + MIN_GAP_Y, BOX_H + 44.0)
    } else {
        0.0
    };
    for (r, row) in rows.iter().enumerate() {
        let band = r / per_band;
        let y = (r % per_band) as f32 * pitch + BOX_H / 2.0;
        let slot = band_w / row.len().max(1) as f32;
        for (i, &v) in row.iter().enumerate() {
            if let Some(n) = nodes.get_mut(v) {
                n.x = band as f32 * band_w + slot * (i as f32 + 0.5);
                n.y = y;
            }
        }
    }
    let used_rows = rows.len().min(per_band);
    (box_w, used_rows.saturating_sub(1) as f32 * pitch + BOX_H)
}
