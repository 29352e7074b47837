//! Graph algorithms over the handoff graph, written to run without recursion so that a
//! workspace of any size cannot overflow the stack.

use petgraph::graph::{DiGraph, NodeIndex, WalkNeighbors};
use petgraph::visit::{Dfs, Visitable};

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
pub(crate) fn articulation_points<E>(g: &DiGraph<(), E, u32>) -> Vec<Cut> {
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

/// Which nodes can be reached from any of `starts` along directed edges.
pub(crate) fn reachable_from<E>(g: &DiGraph<(), E, u32>, starts: &[u32]) -> Vec<bool> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng, rngs::SmallRng};

    fn graph(n: usize, edges: &[(u32, u32)]) -> DiGraph<(), (), u32> {
        let mut g = DiGraph::default();
        for _ in 0..n {
            g.add_node(());
        }
        for (a, b) in edges {
            g.add_edge(NodeIndex::new(*a as usize), NodeIndex::new(*b as usize), ());
        }
        g
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
