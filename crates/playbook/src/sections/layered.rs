//! A layered layout of a directed graph (Sugiyama-style, kept small): each node gets a
//! layer by the longest path from a source, cycles broken by ignoring back edges, and an
//! order within its layer by a few barycentre sweeps that reduce crossings.

/// Where a node goes: its layer (0 first) and its position within the layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub layer: usize,
    pub order: usize,
}

/// Lays out `n` nodes joined by `edges` (`from`, `to` as node indices).
pub(crate) fn layout(n: usize, edges: &[(usize, usize)]) -> Vec<Place> {
    let forward = acyclic(n, edges);
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &forward {
        succ[a].push(b);
        pred[b].push(a);
    }
    let mut layer = vec![0_usize; n];
    // Longest path by relaxation in topological order.
    for v in topological(n, &succ) {
        for &b in &succ[v] {
            layer[b] = layer[b].max(layer[v] + 1);
        }
    }
    let layers = layer.iter().copied().max().map_or(0, |m| m + 1);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (v, l) in layer.iter().enumerate() {
        rows[*l].push(v);
    }
    let mut position = vec![0.0_f32; n];
    let reindex = |rows: &Vec<Vec<usize>>, position: &mut Vec<f32>| {
        for row in rows {
            for (i, v) in row.iter().enumerate() {
                position[*v] = i as f32;
            }
        }
    };
    reindex(&rows, &mut position);
    for sweep in 0..4 {
        let down = sweep % 2 == 0;
        let order: Vec<usize> = if down {
            (1..layers).collect()
        } else {
            (0..layers.saturating_sub(1)).rev().collect()
        };
        for l in order {
            let mut keyed: Vec<(f32, usize)> = rows[l]
                .iter()
                .map(|&v| {
                    let adjacent = if down { &pred[v] } else { &succ[v] };
                    let neighbours: Vec<f32> = adjacent.iter().map(|&w| position[w]).collect();
                    let key = if neighbours.is_empty() {
                        position[v]
                    } else {
                        neighbours.iter().sum::<f32>() / neighbours.len() as f32
                    };
                    (key, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            rows[l] = keyed.into_iter().map(|(_, v)| v).collect();
            reindex(&rows, &mut position);
        }
    }
    let mut places = vec![Place { layer: 0, order: 0 }; n];
    for (l, row) in rows.iter().enumerate() {
        for (i, v) in row.iter().enumerate() {
            places[*v] = Place { layer: l, order: i };
        }
    }
    places
}

/// The edges that remain after dropping the back edges a depth-first search finds, and
/// self-loops.
fn acyclic(n: usize, edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a < n && b < n && a != b {
            out_edges[a].push(b);
        }
    }
    // 0 unvisited, 1 on the stack, 2 done.
    let mut state = vec![0_u8; n];
    let mut keep = Vec::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0_usize)];
        state[root] = 1;
        while let Some((v, i)) = stack.pop() {
            if let Some(&w) = out_edges[v].get(i) {
                stack.push((v, i + 1));
                match state[w] {
                    0 => {
                        keep.push((v, w));
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    2 => keep.push((v, w)),
                    _ => {} // a back edge: dropped
                }
            } else {
                state[v] = 2;
            }
        }
    }
    keep
}

fn topological(n: usize, succ: &[Vec<usize>]) -> Vec<usize> {
    let mut indegree = vec![0_usize; n];
    for &b in succ.iter().flatten() {
        indegree[b] += 1;
    }
    let mut ready: Vec<usize> = (0..n).filter(|v| indegree[*v] == 0).rev().collect();
    let mut out = Vec::with_capacity(n);
    while let Some(v) = ready.pop() {
        out.push(v);
        for &b in &succ[v] {
            indegree[b] -= 1;
            if indegree[b] == 0 {
                ready.push(b);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_takes_one_layer_per_node() {
        let places = layout(3, &[(0, 1), (1, 2)]);
        let layers: Vec<usize> = places.iter().map(|p| p.layer).collect();
        assert_eq!(layers, vec![0, 1, 2]);
    }

    #[test]
    fn a_cycle_still_gets_layers() {
        let places = layout(3, &[(0, 1), (1, 2), (2, 0)]);
        let mut layers: Vec<usize> = places.iter().map(|p| p.layer).collect();
        layers.sort_unstable();
        assert_eq!(layers, vec![0, 1, 2]);
    }

    #[test]
    fn nodes_in_a_layer_get_distinct_orders() {
        let places = layout(4, &[(0, 1), (0, 2), (0, 3)]);
        let mut orders: Vec<usize> = places[1..].iter().map(|p| p.order).collect();
        orders.sort_unstable();
        assert_eq!(orders, vec![0, 1, 2]);
    }
}
