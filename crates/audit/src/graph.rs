//! The handoff graph as flat adjacency arrays, and the graph algorithms the rules need,
//! written to run without recursion so that a workspace of any size cannot overflow the
//! stack.

/// A directed multigraph in compressed sparse rows: for node `v`, its outgoing edges are
/// `out_edge[out_start[v]..out_start[v + 1]]` and incoming ones likewise. Each node lists
/// its edges most recently added first, the order petgraph's linked lists walk them, so
/// searches meet nodes in the same order as the petgraph version did.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    out_start: Vec<u32>,
    /// Per outgoing slot: the edge's weight (a handoff position) and its target.
    out_edge: Vec<u32>,
    out_node: Vec<u32>,
    in_start: Vec<u32>,
    /// Per incoming slot: the edge's weight and its source.
    in_edge: Vec<u32>,
    in_node: Vec<u32>,
}

/// Prefix sums of `counts` into `start` (one longer), then `cursor` at each row's start.
fn rows(counts: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut start = Vec::with_capacity(counts.len() + 1);
    let mut sum = 0u32;
    start.push(0);
    for c in counts {
        sum += c;
        start.push(sum);
    }
    let cursor = start[..counts.len()].to_vec();
    (start, cursor)
}

impl Graph {
    /// A graph of `n` nodes with an edge `(from, to)` weighted `i` for each `Some` at
    /// position `i` of `ends`.
    pub fn new(n: usize, ends: &[Option<(u32, u32)>]) -> Self {
        let mut out_count = vec![0u32; n];
        let mut in_count = vec![0u32; n];
        let mut m = 0usize;
        for (f, t) in ends.iter().flatten() {
            out_count[*f as usize] += 1;
            in_count[*t as usize] += 1;
            m += 1;
        }
        let (out_start, mut out_cur) = rows(&out_count);
        let (in_start, mut in_cur) = rows(&in_count);
        let mut out_edge = vec![0u32; m];
        let mut out_node = vec![0u32; m];
        let mut in_edge = vec![0u32; m];
        let mut in_node = vec![0u32; m];
        // Latest edge first in every row.
        for (i, pair) in ends.iter().enumerate().rev() {
            let Some((f, t)) = *pair else { continue };
            let o = &mut out_cur[f as usize];
            out_edge[*o as usize] = i as u32;
            out_node[*o as usize] = t;
            *o += 1;
            let s = &mut in_cur[t as usize];
            in_edge[*s as usize] = i as u32;
            in_node[*s as usize] = f;
            *s += 1;
        }
        Self {
            out_start,
            out_edge,
            out_node,
            in_start,
            in_edge,
            in_node,
        }
    }

    /// How many nodes the graph has.
    pub fn node_count(&self) -> usize {
        self.out_start.len().saturating_sub(1)
    }

    fn out_range(&self, v: u32) -> std::ops::Range<usize> {
        self.out_start[v as usize] as usize..self.out_start[v as usize + 1] as usize
    }

    fn in_range(&self, v: u32) -> std::ops::Range<usize> {
        self.in_start[v as usize] as usize..self.in_start[v as usize + 1] as usize
    }

    /// The weights of the edges out of `v`.
    pub fn out_edges(&self, v: u32) -> &[u32] {
        &self.out_edge[self.out_range(v)]
    }

    /// The weights of the edges into `v`.
    pub fn in_edges(&self, v: u32) -> &[u32] {
        &self.in_edge[self.in_range(v)]
    }

    /// How many edges touch `v`, a self-loop counted once.
    pub fn degree(&self, v: u32) -> usize {
        let loops = self.in_node[self.in_range(v)]
            .iter()
            .filter(|s| **s == v)
            .count();
        self.out_range(v).len() + self.in_range(v).len() - loops
    }

    /// Every node's neighbours taken as undirected, in rows like the edges: targets of
    /// its outgoing edges, then sources of its incoming ones.
    fn undirected(&self) -> (Vec<u32>, Vec<u32>) {
        let n = self.node_count();
        let mut start = Vec::with_capacity(n + 1);
        let mut nodes = Vec::with_capacity(self.out_node.len() * 2);
        start.push(0);
        for v in 0..n as u32 {
            nodes.extend_from_slice(&self.out_node[self.out_range(v)]);
            nodes.extend_from_slice(&self.in_node[self.in_range(v)]);
            start.push(nodes.len() as u32);
        }
        (start, nodes)
    }
}

/// A cut vertex of the handoff graph taken as undirected, and what removing it separates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cut {
    pub node: u32,
    /// For each part that only `node` connects to the rest: the first node of that part
    /// met by the search (a neighbour of `node`).
    pub cut_off: Vec<u32>,
    /// How many parts the graph falls into around `node` when it is taken away.
    pub parts: u32,
}

const NONE: u32 = u32::MAX;

/// Every articulation point of `g` taken as undirected (Tarjan's algorithm, iterative),
/// in node order.
pub(crate) fn articulation_points(g: &Graph) -> Vec<Cut> {
    let n = g.node_count();
    let (start, neighbours) = g.undirected();
    let mut disc = vec![NONE; n];
    let mut low = vec![NONE; n];
    let mut parent = vec![NONE; n];
    // (parent, child) pairs where the child's subtree reaches nothing above the parent.
    let mut splits: Vec<(u32, u32)> = Vec::new();
    // (node, slot of its next neighbour in `neighbours`).
    let mut stack: Vec<(u32, u32)> = Vec::new();
    let mut time: u32 = 0;
    for root in 0..n {
        if disc[root] != NONE {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        stack.push((root as u32, start[root]));
        while let Some((v, next)) = stack.last_mut() {
            let v = *v;
            let k = *next as usize;
            *next += 1;
            if k < start[v as usize + 1] as usize {
                let w = neighbours[k];
                if w == v {
                    continue;
                }
                let w = w as usize;
                if disc[w] == NONE {
                    disc[w] = time;
                    low[w] = time;
                    time += 1;
                    parent[w] = v;
                    stack.push((w as u32, start[w]));
                } else {
                    // Parallel edges to the parent count as a back edge here; that never
                    // changes which nodes are articulation points.
                    low[v as usize] = low[v as usize].min(disc[w]);
                }
            } else {
                stack.pop();
                let p = parent[v as usize];
                if p != NONE {
                    let p = p as usize;
                    low[p] = low[p].min(low[v as usize]);
                    if low[v as usize] >= disc[p] {
                        splits.push((p as u32, v));
                    }
                }
            }
        }
    }
    splits.sort_unstable();
    let mut cuts: Vec<Cut> = Vec::new();
    for (p, child) in splits {
        match cuts.last_mut() {
            Some(cut) if cut.node == p => cut.cut_off.push(child),
            _ => cuts.push(Cut {
                node: p,
                cut_off: vec![child],
                parts: 0,
            }),
        }
    }
    // A root separates its children only when it has more than one; every other node is
    // a cut vertex as soon as one child's subtree hangs on it alone.
    cuts.retain(|c| parent[c.node as usize] != NONE || c.cut_off.len() > 1);
    for c in &mut cuts {
        let above = u32::from(parent[c.node as usize] != NONE);
        c.parts = c.cut_off.len() as u32 + above;
    }
    cuts
}

/// Which nodes can be reached from any of `starts` along directed edges.
pub(crate) fn reachable_from(g: &Graph, starts: &[u32]) -> Vec<bool> {
    let mut seen = vec![false; g.node_count()];
    let mut stack: Vec<u32> = Vec::with_capacity(starts.len());
    for s in starts {
        if !seen[*s as usize] {
            seen[*s as usize] = true;
            stack.push(*s);
        }
    }
    while let Some(v) = stack.pop() {
        for w in &g.out_node[g.out_range(v)] {
            if !seen[*w as usize] {
                seen[*w as usize] = true;
                stack.push(*w);
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, NodeIndex, WalkNeighbors};
    use petgraph::visit::{Dfs, Visitable};
    use rand::{Rng, SeedableRng, rngs::SmallRng};

    fn graph(n: usize, edges: &[(u32, u32)]) -> Graph {
        let ends: Vec<Option<(u32, u32)>> = edges.iter().map(|e| Some(*e)).collect();
        Graph::new(n, &ends)
    }

    fn petgraph(n: usize, edges: &[(u32, u32)]) -> DiGraph<(), (), u32> {
        let mut g = DiGraph::default();
        for _ in 0..n {
            g.add_node(());
        }
        for (a, b) in edges {
            g.add_edge(NodeIndex::new(*a as usize), NodeIndex::new(*b as usize), ());
        }
        g
    }

    /// The petgraph version of [`articulation_points`] this module replaced: the reference
    /// the flat version must match exactly, down to which child stands for each part.
    fn petgraph_articulation_points<E>(g: &DiGraph<(), E, u32>) -> Vec<Cut> {
        let n = g.node_count();
        let mut disc = vec![NONE; n];
        let mut low = vec![NONE; n];
        let mut parent = vec![NONE; n];
        // (parent, child) pairs where the child's subtree reaches nothing above the parent.
        let mut splits: Vec<(u32, u32)> = Vec::new();
        let mut stack: Vec<(u32, WalkNeighbors<u32>)> = Vec::new();
        let mut time: u32 = 0;
        for root in 0..n {
            if disc[root] != NONE {
                continue;
            }
            disc[root] = time;
            low[root] = time;
            time += 1;
            stack.push((
                root as u32,
                g.neighbors_undirected(NodeIndex::new(root)).detach(),
            ));
            while let Some((v, walk)) = stack.last_mut() {
                let v = *v;
                if let Some(w) = walk.next_node(g) {
                    let w = w.index();
                    if w == v as usize {
                        continue;
                    }
                    if disc[w] == NONE {
                        disc[w] = time;
                        low[w] = time;
                        time += 1;
                        parent[w] = v;
                        stack.push((w as u32, g.neighbors_undirected(NodeIndex::new(w)).detach()));
                    } else {
                        // Parallel edges to the parent count as a back edge here; that never
                        // changes which nodes are articulation points.
                        low[v as usize] = low[v as usize].min(disc[w]);
                    }
                } else {
                    stack.pop();
                    let p = parent[v as usize];
                    if p != NONE {
                        let p = p as usize;
                        low[p] = low[p].min(low[v as usize]);
                        if low[v as usize] >= disc[p] {
                            splits.push((p as u32, v));
                        }
                    }
                }
            }
        }
        splits.sort_unstable();
        let mut cuts: Vec<Cut> = Vec::new();
        for (p, child) in splits {
            match cuts.last_mut() {
                Some(cut) if cut.node == p => cut.cut_off.push(child),
                _ => cuts.push(Cut {
                    node: p,
                    cut_off: vec![child],
                    parts: 0,
                }),
            }
        }
        // A root separates its children only when it has more than one; every other node is
        // a cut vertex as soon as one child's subtree hangs on it alone.
        cuts.retain(|c| parent[c.node as usize] != NONE || c.cut_off.len() > 1);
        for c in &mut cuts {
            let above = u32::from(parent[c.node as usize] != NONE);
            c.parts = c.cut_off.len() as u32 + above;
        }
        cuts
    }

    /// The petgraph version of [`reachable_from`]: the reference.
    /// Which nodes can be reached from any of `starts` along directed edges.
    fn petgraph_reachable_from<E>(g: &DiGraph<(), E, u32>, starts: &[u32]) -> Vec<bool> {
        let mut dfs = Dfs::from_parts(Vec::new(), g.visit_map());
        // Dfs marks a node discovered when it pops it, so the starts are only pushed here.
        dfs.stack
            .extend(starts.iter().map(|s| NodeIndex::new(*s as usize)));
        let mut seen = vec![false; g.node_count()];
        while let Some(n) = dfs.next(g) {
            seen[n.index()] = true;
        }
        seen
    }

    #[test]
    fn matches_the_petgraph_version_exactly_on_random_multigraphs() {
        let mut rng = SmallRng::seed_from_u64(11);
        for round in 0..500 {
            let n = rng.random_range(1..40);
            let m = rng.random_range(0..n * 3);
            let edges: Vec<(u32, u32)> = (0..m)
                .map(|_| (rng.random_range(0..n) as u32, rng.random_range(0..n) as u32))
                .collect();
            let (flat, old) = (graph(n, &edges), petgraph(n, &edges));
            assert_eq!(
                articulation_points(&flat),
                petgraph_articulation_points(&old),
                "round {round}: {edges:?}"
            );
            let starts: Vec<u32> = (0..rng.random_range(0..3))
                .map(|_| rng.random_range(0..n) as u32)
                .collect();
            assert_eq!(
                reachable_from(&flat, &starts),
                petgraph_reachable_from(&old, &starts)
            );
            for v in 0..n as u32 {
                let nb = old.neighbors_undirected(NodeIndex::new(v as usize));
                assert_eq!(flat.degree(v), nb.count(), "round {round}: degree of {v}");
            }
        }
    }

    fn nodes(cuts: &[Cut]) -> Vec<u32> {
        cuts.iter().map(|c| c.node).collect()
    }

    #[test]
    fn a_chain_is_cut_at_every_inner_node() {
        let g = graph(4, &[(0, 1), (2, 1), (2, 3)]);
        assert_eq!(nodes(&articulation_points(&g)), vec![1, 2]);
    }

    #[test]
    fn a_cycle_has_no_cut_and_a_star_is_cut_at_its_hub_into_one_part_per_leaf() {
        let cycle = graph(3, &[(0, 1), (1, 2), (2, 0)]);
        assert!(articulation_points(&cycle).is_empty());
        let star = graph(4, &[(1, 0), (0, 2), (3, 0)]);
        let cuts = articulation_points(&star);
        assert_eq!(nodes(&cuts), vec![0]);
        assert_eq!(cuts[0].cut_off.len(), 3, "three leaves hang on the hub");
    }

    #[test]
    fn agrees_with_petgraph_on_random_graphs() {
        let mut rng = SmallRng::seed_from_u64(7);
        for round in 0..200 {
            let n = rng.random_range(1..30);
            let m = rng.random_range(0..n * 2);
            let edges: Vec<(u32, u32)> = (0..m)
                .map(|_| (rng.random_range(0..n) as u32, rng.random_range(0..n) as u32))
                .collect();
            let g = graph(n, &edges);
            let mut undirected = petgraph::graph::UnGraph::<(), ()>::default();
            for _ in 0..n {
                undirected.add_node(());
            }
            for (a, b) in &edges {
                if a != b {
                    undirected.add_edge(
                        NodeIndex::new(*a as usize),
                        NodeIndex::new(*b as usize),
                        (),
                    );
                }
            }
            let mut expected: Vec<u32> =
                petgraph::algo::articulation_points::articulation_points(&undirected)
                    .into_iter()
                    .map(|n| n.index() as u32)
                    .collect();
            expected.sort_unstable();
            assert_eq!(
                nodes(&articulation_points(&g)),
                expected,
                "round {round}: {edges:?}"
            );
        }
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let edges: Vec<(u32, u32)> = (0..200_000).map(|i| (i, i + 1)).collect();
        let g = graph(200_001, &edges);
        assert_eq!(articulation_points(&g).len(), 199_999);
    }

    #[test]
    fn reachability_follows_direction_from_several_starts() {
        let g = graph(5, &[(0, 1), (1, 2), (3, 2), (4, 3)]);
        assert_eq!(
            reachable_from(&g, &[0]),
            vec![true, true, true, false, false]
        );
        assert_eq!(reachable_from(&g, &[0, 4]), vec![true; 5]);
    }
}
