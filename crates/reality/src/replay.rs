//! Replaying raw events: per case in time order, visits, transitions and their statistics.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::log::{EventLog, NONE, Sym};
use crate::mapping::{ElementLookup, Unmapped, sort_unmapped};
use crate::observed::{
    EXAMPLE_VISITS, EXAMPLES, ExampleCase, Observed, PairStat, ResourceStat, Revisits, VisitSpan,
    hours, nearest_rank,
};

/// A pair's running totals while cases are walked.
struct PairAcc {
    from: u32,
    to: u32,
    times: Vec<i64>,
    cases: u64,
    last_case: u32,
    resources: FxHashSet<Sym>,
    examples: Vec<ExampleCase>,
}

/// What a case is kept as an example of, decided while it is walked and filled in once its
/// visits are all known.
#[derive(Clone, Copy)]
enum Wants {
    Pair(usize),
    Revisit(u32),
    Resource(Sym),
}

/// One visit: consecutive events of one element in one case.
#[derive(Clone, Copy)]
struct Visit {
    element: u32,
    last_time: i64,
    last_resource: Sym,
    /// Whether the visit is among the case's first `EXAMPLE_VISITS` (the last of `spans`).
    recorded: bool,
}

/// Maps activities to elements, drops unmapped events, and replays the rest.
pub(crate) fn replay_events(
    mut log: EventLog,
    lookup: &ElementLookup<'_>,
    elements: usize,
) -> (Observed, Vec<Unmapped>) {
    // Activity symbol -> element position, and unmapped event counts.
    let element_of: Vec<Option<u32>> = (0..log.activities.len())
        .map(|a| lookup.find(log.activities.name(a as Sym)))
        .collect();
    let mut unmapped_counts = vec![0u64; element_of.len()];
    log.events
        .retain_mut(|e| match element_of[e.activity as usize] {
            Some(el) => {
                e.activity = el;
                true
            }
            None => {
                unmapped_counts[e.activity as usize] += 1;
                false
            }
        });
    let mut unmapped: Vec<Unmapped> = unmapped_counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(a, n)| Unmapped {
            activity: log.activities.name(a as Sym).to_string(),
            events: *n,
        })
        .collect();
    sort_unmapped(&mut unmapped);

    // Cases are walked in order of their names, so examples and every tie-break are the
    // same however the file is ordered. The sort is stable: equal times keep file order.
    let rank = name_ranks(&log);
    log.events.sort_by_key(|e| (rank[e.case as usize], e.time));

    let mut obs = Observed {
        events: log.events.len() as u64,
        seen: vec![false; elements],
        ..Observed::default()
    };
    let mut pair_index: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    let mut accs: Vec<PairAcc> = Vec::new();
    let mut revisits = vec![Revisits::default(); elements];
    let mut res_last_case = vec![u32::MAX; log.resources.len()];
    let mut res_cases = vec![0u64; log.resources.len()];
    let mut res_elements: FxHashSet<(Sym, u32)> = FxHashSet::default();
    let mut visits_in_case: Vec<(u32, u64)> = Vec::new();
    let mut res_examples: Vec<Vec<ExampleCase>> = vec![Vec::new(); log.resources.len()];
    // The current case's visits (the first EXAMPLE_VISITS), and who wants it as an example.
    let mut spans: Vec<VisitSpan> = Vec::new();
    let mut more_visits: u64;
    let mut wants: Vec<Wants> = Vec::new();

    let mut i = 0;
    while i < log.events.len() {
        let case = log.events[i].case;
        let case_rank = rank[case as usize];
        obs.cases += 1;
        visits_in_case.clear();
        spans.clear();
        more_visits = 0;
        wants.clear();
        let mut prev: Option<Visit> = None;
        while i < log.events.len() && log.events[i].case == case {
            let e = log.events[i];
            i += 1;
            obs.seen[e.activity as usize] = true;
            if e.resource != NONE {
                let r = e.resource as usize;
                if res_last_case[r] != case_rank {
                    res_last_case[r] = case_rank;
                    res_cases[r] += 1;
                    if res_examples[r].len() < EXAMPLES {
                        wants.push(Wants::Resource(e.resource));
                    }
                }
                res_elements.insert((e.resource, e.activity));
            }
            match prev {
                Some(ref mut v) if v.element == e.activity => {
                    v.last_time = e.time;
                    v.last_resource = e.resource;
                    if v.recorded
                        && let Some(s) = spans.last_mut()
                    {
                        s.last = e.time;
                    }
                    continue;
                }
                Some(v) => {
                    obs.transitions += 1;
                    let key = (v.element, e.activity);
                    let slot = *pair_index.entry(key).or_insert_with(|| {
                        accs.push(PairAcc {
                            from: key.0,
                            to: key.1,
                            times: Vec::new(),
                            cases: 0,
                            last_case: u32::MAX,
                            resources: FxHashSet::default(),
                            examples: Vec::new(),
                        });
                        accs.len() - 1
                    });
                    let acc = &mut accs[slot];
                    acc.times.push(e.time - v.last_time);
                    if acc.last_case != case_rank {
                        acc.last_case = case_rank;
                        acc.cases += 1;
                        if acc.examples.len() < EXAMPLES {
                            wants.push(Wants::Pair(slot));
                        }
                    }
                    for r in [v.last_resource, e.resource] {
                        if r != NONE {
                            acc.resources.insert(r);
                        }
                    }
                }
                None => {}
            }
            let recorded = spans.len() < EXAMPLE_VISITS;
            if recorded {
                spans.push(VisitSpan {
                    element: e.activity,
                    first: e.time,
                    last: e.time,
                });
            } else {
                more_visits += 1;
            }
            prev = Some(Visit {
                element: e.activity,
                last_time: e.time,
                last_resource: e.resource,
                recorded,
            });
            match visits_in_case.iter_mut().find(|(el, _)| *el == e.activity) {
                Some((_, n)) => *n += 1,
                None => visits_in_case.push((e.activity, 1)),
            }
        }
        for &(el, n) in &visits_in_case {
            let r = &mut revisits[el as usize];
            r.cases += 1;
            r.most = r.most.max(n);
            if n > 1 {
                r.repeated += 1;
                if r.examples.len() < EXAMPLES {
                    wants.push(Wants::Revisit(el));
                }
            }
        }
        if !wants.is_empty() {
            let example = ExampleCase {
                case: log.cases.name(case).to_string(),
                visits: spans.clone(),
                more_visits,
            };
            for w in &wants {
                let list = match *w {
                    Wants::Pair(slot) => &mut accs[slot].examples,
                    Wants::Revisit(el) => &mut revisits[el as usize].examples,
                    Wants::Resource(r) => &mut res_examples[r as usize],
                };
                list.push(example.clone());
            }
        }
    }

    obs.pairs = accs
        .into_iter()
        .map(|mut a| {
            a.times.sort_unstable();
            let mut resources: Vec<String> = a
                .resources
                .iter()
                .map(|&r| log.resources.name(r).to_string())
                .collect();
            resources.sort();
            PairStat {
                from: a.from,
                to: a.to,
                cases: a.cases,
                transitions: a.times.len() as u64,
                p50: nearest_rank(&a.times, 50).map(hours),
                p90: nearest_rank(&a.times, 90).map(hours),
                max: a.times.last().copied().map(hours),
                resources,
                examples: a.examples,
            }
        })
        .collect();
    obs.pairs.sort_by(|a, b| {
        (lookup.id(a.from), lookup.id(a.to)).cmp(&(lookup.id(b.from), lookup.id(b.to)))
    });
    obs.revisits = Some(revisits);

    let mut per_resource: Vec<Vec<u32>> = vec![Vec::new(); log.resources.len()];
    for (r, el) in res_elements {
        per_resource[r as usize].push(el);
    }
    obs.resources = Some(
        per_resource
            .into_iter()
            .enumerate()
            .map(|(r, mut elements)| {
                elements.sort_unstable_by(|a, b| lookup.id(*a).cmp(lookup.id(*b)));
                ResourceStat {
                    name: log.resources.name(r as Sym).to_string(),
                    cases: res_cases[r],
                    elements,
                    examples: std::mem::take(&mut res_examples[r]),
                }
            })
            .collect(),
    );
    (obs, unmapped)
}

/// Each case symbol's position among the case names in sorted order.
fn name_ranks(log: &EventLog) -> Vec<u32> {
    let mut order: Vec<u32> = (0..log.cases.len() as u32).collect();
    order.sort_unstable_by(|a, b| log.cases.name(*a).cmp(log.cases.name(*b)));
    let mut rank = vec![0u32; order.len()];
    for (pos, sym) in order.into_iter().enumerate() {
        rank[sym as usize] = pos as u32;
    }
    rank
}
