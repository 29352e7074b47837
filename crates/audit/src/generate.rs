//! A synthetic workspace generator for benchmarks: realistic shape, any size.
//!
//! Elements come in clusters of [`CLUSTER`] (one journey's worth of teams, systems and
//! touchpoints). Most handoffs stay inside a cluster; a few cross to another, as real
//! organisations do. Claims, needs and signals are drawn from each cluster's vocabulary,
//! mostly consistent, with a small share of disagreement so that every rule has work.

use std::collections::BTreeMap;

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use throughline_model::{
    Element, ElementKind, Handoff, HandoffMode, Id, Stage, Trigger, Waiver, Workspace,
};

const CLUSTER: usize = 50;
const STAGES: usize = 12;
const KEYS_PER_CLUSTER: usize = 12;
const SIGNALS_PER_CLUSTER: usize = 4;
const HANDOFFS_PER_ELEMENT: usize = 5;
const CHANNELS: [&str; 6] = ["web", "app", "email", "chat", "phone", "sms"];
const INTENTS: [&str; 3] = ["urgency", "research", "readiness"];

fn id(s: String) -> Id {
    // Generated ids are lowercase letters, digits and dots, so they are always valid.
    Id::new(s).unwrap_or_else(|_| Id::slug_from("generated", "generated", |_| false))
}

fn key(cluster: usize, k: usize) -> String {
    format!("c{cluster}.k{k}")
}

/// A workspace of `elements` elements and about five handoffs per element, the same for
/// the same `seed`.
pub fn generate(elements: usize, seed: u64) -> Workspace {
    let mut rng = SmallRng::seed_from_u64(seed);
    let mut ws = Workspace::new(format!("Generated {elements}"));
    ws.workspace.journey_state = vec!["journey.stage".into(), "case.id".into()];
    ws.stages = (0..STAGES)
        .map(|s| Stage {
            id: id(format!("s{s}")),
            name: format!("Stage {s}"),
            emotion: Default::default(),
            moment: String::new(),
        })
        .collect();
    ws.elements = (0..elements)
        .map(|i| element(&mut rng, i, elements))
        .collect();
    // Each cluster's handoffs are owned by its first team, named as people type it.
    let teams: Vec<Option<String>> = ws
        .elements
        .chunks(CLUSTER)
        .map(|c| {
            c.iter()
                .find(|e| e.kind == ElementKind::Team)
                .map(|e| e.name.clone())
        })
        .collect();
    ws.handoffs = Vec::with_capacity(elements * HANDOFFS_PER_ELEMENT);
    for i in 0..elements {
        for _ in 0..HANDOFFS_PER_ELEMENT {
            let team = teams.get(i / CLUSTER).cloned().flatten();
            if let Some(h) = handoff(&mut rng, ws.handoffs.len(), i, elements, team) {
                ws.handoffs.push(h);
            }
        }
    }
    mend(&mut rng, &mut ws);
    for h in ws.handoffs.iter().step_by(97) {
        ws.waivers.push(Waiver {
            code: "unowned-handoff".into(),
            subject: h.id.to_string(),
            reason: "Owned informally by the launch squad.".into(),
            who: "Bench".into(),
            when: "2025-01-01T00:00:00Z".into(),
            review: None,
        });
    }
    ws
}

fn element(rng: &mut SmallRng, i: usize, total: usize) -> Element {
    let cluster = i / CLUSTER;
    let roll = rng.random_range(0..100);
    let kind = match roll {
        0..40 => ElementKind::Touchpoint,
        40..60 => ElementKind::System,
        60..65 => ElementKind::Rule,
        65..80 => ElementKind::Team,
        80..95 => ElementKind::Person,
        _ => ElementKind::Partner,
    };
    let mut e = Element::new(id(format!("e{i}")), kind, format!("Element {i}"));
    match kind {
        ElementKind::Touchpoint => {
            e.channel = Some(CHANNELS[rng.random_range(0..CHANNELS.len())].into());
            if rng.random_bool(0.95) {
                let s = rng.random_range(0..STAGES);
                e.stages.push(id(format!("s{s}")));
                if rng.random_bool(0.3) {
                    e.stages.push(id(format!("s{}", (s + 1) % STAGES)));
                }
            }
            if rng.random_bool(0.4) {
                e.tags.push("outbound".into());
            }
        }
        ElementKind::System if rng.random_bool(0.05) => e.tags.push("consent".into()),
        ElementKind::Rule => {
            let base = cluster * CLUSTER;
            for _ in 0..rng.random_range(3..8) {
                let target = (base + rng.random_range(0..CLUSTER)).min(total - 1);
                if target != i && !e.covers.iter().any(|c| c.as_str() == format!("e{target}")) {
                    e.covers.push(id(format!("e{target}")));
                }
            }
        }
        _ => {}
    }
    let mut claims = BTreeMap::new();
    for _ in 0..rng.random_range(1..5) {
        let k = rng.random_range(0..KEYS_PER_CLUSTER);
        let variant = if rng.random_bool(0.97) { 0 } else { 1 };
        claims.insert(key(cluster, k), format!("value {k}.{variant}"));
    }
    e.claims = claims;
    for _ in 0..rng.random_range(0..4) {
        let k = key(cluster, rng.random_range(0..KEYS_PER_CLUSTER));
        if !e.needs.contains(&k) {
            e.needs.push(k);
        }
    }
    if kind != ElementKind::Person {
        for _ in 0..rng.random_range(0..3) {
            let s = rng.random_range(0..SIGNALS_PER_CLUSTER);
            let intent = if rng.random_bool(0.97) {
                INTENTS[s % INTENTS.len()]
            } else {
                INTENTS[rng.random_range(0..INTENTS.len())]
            };
            e.interprets
                .insert(format!("c{cluster}.signal{s}"), intent.to_string());
        }
    }
    e
}

fn handoff(
    rng: &mut SmallRng,
    n: usize,
    from: usize,
    total: usize,
    team: Option<String>,
) -> Option<Handoff> {
    if total < 2 {
        return None;
    }
    let cluster = from / CLUSTER;
    let to = if rng.random_bool(0.9) {
        let base = cluster * CLUSTER;
        (base + rng.random_range(0..CLUSTER)).min(total - 1)
    } else {
        rng.random_range(0..total)
    };
    let to = if to == from { (from + 1) % total } else { to };
    let mut h = Handoff::new(
        id(format!("h{n}")),
        id(format!("e{from}")),
        id(format!("e{to}")),
    );
    for _ in 0..rng.random_range(1..5) {
        let k = key(cluster, rng.random_range(0..KEYS_PER_CLUSTER));
        if !h.carries.contains(&k) {
            h.carries.push(k);
        }
    }
    if rng.random_bool(0.95) {
        h.carries.push("journey.stage".into());
        h.carries.push("case.id".into());
    }
    h.mode = match rng.random_range(0..20) {
        0..2 => HandoffMode::Typed,
        2..11 => HandoffMode::Generated,
        _ => HandoffMode::Synced,
    };
    let max_invariant = if h.mode == HandoffMode::Typed && rng.random_bool(0.8) {
        0
    } else {
        3
    };
    let invariant = rng
        .random_range(0..max_invariant.max(1))
        .min(h.carries.len());
    h.invariant = h.carries[..invariant].to_vec();
    if h.carries.len() > invariant && rng.random_bool(0.3) {
        h.may_vary.push(h.carries[invariant].clone());
    }
    if rng.random_bool(0.98) {
        // One handoff in fifty names a team the map does not hold (`unknown-owner`).
        h.owner = match team {
            Some(team) if !n.is_multiple_of(50) => Some(team),
            _ => Some(format!("Team {}", cluster % 17)),
        };
    }
    if rng.random_bool(0.3) {
        let base = cluster * CLUSTER;
        let sot = (base + rng.random_range(0..CLUSTER)).min(total - 1);
        h.source_of_truth = Some(id(format!("e{sot}")));
    }
    h.trigger = match rng.random_range(0..20) {
        0 => Trigger::Failure,
        1 => Trigger::Escalation,
        _ => Trigger::Always,
    };
    Some(h)
}

/// Repairs most of what a real team would already have fixed, leaving a few percent of
/// each kind of divergence: context mostly reaches whoever needs it, outbound touchpoints
/// mostly have a failure path, and a cluster's rule mostly covers its outbound elements.
fn mend(rng: &mut SmallRng, ws: &mut Workspace) {
    let n = ws.elements.len();
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); n];
    let pos = |id: &Id| id.as_str()[1..].parse::<usize>().ok();
    for (i, h) in ws.handoffs.iter().enumerate() {
        if let (Some(f), Some(t)) = (pos(&h.from), pos(&h.to)) {
            outgoing[f].push(i);
            incoming[t].push(i);
        }
    }
    for (e, into) in ws.elements.iter().zip(&incoming) {
        for need in &e.needs {
            if into.is_empty() || e.claims.contains_key(need) || rng.random_bool(0.03) {
                continue;
            }
            for &h in into {
                let carries = &mut ws.handoffs[h].carries;
                if !carries.contains(need) {
                    carries.push(need.clone());
                }
            }
        }
    }
    for (e, out) in ws.elements.iter().zip(&outgoing) {
        if e.tags.iter().any(|t| t == "outbound")
            && let Some(&h) = out.first()
            && rng.random_bool(0.95)
        {
            ws.handoffs[h].trigger = Trigger::Failure;
        }
    }
    for start in (0..n).step_by(CLUSTER) {
        let cluster = start..(start + CLUSTER).min(n);
        let outbound: Vec<Id> = ws.elements[cluster.clone()]
            .iter()
            .filter(|e| e.tags.iter().any(|t| t == "outbound"))
            .map(|e| e.id.clone())
            .collect();
        if let Some(rule) = ws.elements[cluster]
            .iter_mut()
            .find(|e| e.kind == ElementKind::Rule)
            && rng.random_bool(0.9)
        {
            for id in outbound {
                if !rule.covers.contains(&id) {
                    rule.covers.push(id);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_workspace_is_valid_and_repeatable() {
        let ws = generate(500, 3);
        assert_eq!(ws.elements.len(), 500);
        assert_eq!(ws.handoffs.len(), 2500);
        assert_eq!(throughline_model::validate(&ws), vec![]);
        assert_eq!(ws, generate(500, 3), "same seed, same workspace");
    }
}
