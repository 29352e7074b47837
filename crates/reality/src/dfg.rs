//! Replaying a directly-follows table (`from,to,cases,transitions,p50_hours,p90_hours,
//! max_hours`) computed elsewhere, e.g. by the SQL in `docs/reality.md` on a warehouse.

use std::path::Path;

use rustc_hash::FxHashMap;

use crate::error::RealityError;
use crate::input::{open, sniff_delimiter};
use crate::log::{BAD_ROW_EXAMPLES, BadRow, BadRowPolicy};
use crate::mapping::{ElementLookup, Unmapped, sort_unmapped};
use crate::observed::{Observed, PairStat};

/// One row as read.
struct Row {
    from: String,
    to: String,
    cases: u64,
    transitions: u64,
    p50: Option<f64>,
    p90: Option<f64>,
    max: Option<f64>,
}

/// Reads the table and turns it into observations over the workspace's elements.
/// Returns the observations, the unmapped activities (with the transitions that name
/// them as their "events"), and notes on what an aggregate cannot show.
pub(crate) fn replay_table(
    path: &Path,
    lookup: &ElementLookup<'_>,
    elements: usize,
    policy: BadRowPolicy,
) -> Result<(Observed, Vec<Unmapped>, Vec<String>), RealityError> {
    let rows = read_rows(path, policy)?;
    let mut obs = Observed {
        seen: vec![false; elements],
        ..Observed::default()
    };
    let mut notes = vec![
        "A directly-follows table was replayed, not raw events: rework-loop and actual-single-point need raw events and were not checked.".to_string(),
    ];
    let mut unmapped: FxHashMap<String, u64> = FxHashMap::default();
    let mut start_cases = 0u64;
    let mut has_start = false;
    let mut most_cases = 0u64;
    let mut pairs: FxHashMap<(u32, u32), PairStat> = FxHashMap::default();
    for r in rows {
        most_cases = most_cases.max(r.cases);
        let to = lookup.find(&r.to);
        if to.is_none() {
            *unmapped.entry(r.to.clone()).or_default() += r.transitions.max(r.cases);
        }
        if r.from.is_empty() {
            // A start row: how many cases begin at `to`.
            has_start = true;
            start_cases += r.cases;
            if let Some(t) = to {
                obs.seen[t as usize] = true;
            }
            continue;
        }
        let from = lookup.find(&r.from);
        if from.is_none() {
            *unmapped.entry(r.from.clone()).or_default() += r.transitions;
        }
        let (Some(a), Some(b)) = (from, to) else {
            continue;
        };
        obs.seen[a as usize] = true;
        obs.seen[b as usize] = true;
        if a == b {
            // Two activities of one element: one visit, not a transition.
            continue;
        }
        let p = pairs.entry((a, b)).or_insert_with(|| PairStat {
            from: a,
            to: b,
            cases: 0,
            transitions: 0,
            p50: None,
            p90: None,
            max: None,
            resources: Vec::new(),
            examples: Vec::new(),
        });
        let merged = p.transitions > 0;
        p.cases += r.cases;
        p.transitions += r.transitions;
        p.p50 = worst(p.p50, r.p50);
        p.p90 = worst(p.p90, r.p90);
        p.max = worst(p.max, r.max);
        if merged {
            notes.push(format!(
                "Several rows map to {}>{}: their counts are added and the slowest percentiles kept.",
                lookup.id(a),
                lookup.id(b)
            ));
        }
    }
    obs.cases = if has_start {
        start_cases
    } else {
        notes.push("The table has no start rows (empty `from`), so the number of cases is taken as the largest `cases` of any row, a lower bound.".into());
        most_cases
    };
    obs.pairs = pairs.into_values().collect();
    obs.pairs.sort_by(|x, y| {
        (lookup.id(x.from), lookup.id(x.to)).cmp(&(lookup.id(y.from), lookup.id(y.to)))
    });
    obs.transitions = obs.pairs.iter().map(|p| p.transitions).sum();
    if !unmapped.is_empty() {
        notes.push("Rows naming an unmapped activity are left out; unlike raw events, the steps either side of it cannot be joined up.".into());
    }
    let mut unmapped: Vec<Unmapped> = unmapped
        .into_iter()
        .map(|(activity, events)| Unmapped { activity, events })
        .collect();
    sort_unmapped(&mut unmapped);
    notes.dedup();
    Ok((obs, unmapped, notes))
}

fn worst(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn read_rows(path: &Path, policy: BadRowPolicy) -> Result<Vec<Row>, RealityError> {
    let mut input = open(path)?;
    let head = std::io::BufRead::fill_buf(&mut input).map_err(|e| RealityError::io(path, e))?;
    let end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let delimiter = sniff_delimiter(&String::from_utf8_lossy(&head[..end]));
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(input);
    let table_error = |line: u64, message: String| RealityError::Dfg {
        path: path.to_path_buf(),
        line,
        message,
    };
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| table_error(1, e.to_string()))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let need = |name: &str| {
        col(name).ok_or_else(|| {
            table_error(
                1,
                format!(
                    "a directly-follows table needs a `{name}` column; the header has: {}",
                    header.join(", ")
                ),
            )
        })
    };
    let (from, to, cases, transitions) = (
        need("from")?,
        need("to")?,
        need("cases")?,
        need("transitions")?,
    );
    let (p50, p90, max) = (col("p50_hours"), col("p90_hours"), col("max_hours"));
    let mut rows = Vec::new();
    let mut bad = 0u64;
    let mut first: Vec<BadRow> = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                return Err(table_error(line, e.to_string()));
            }
        }
        let line = rec.position().map_or(0, csv::Position::line);
        let text = |i: usize| rec.get(i).unwrap_or("").trim();
        let count = |i: usize, name: &str| {
            text(i)
                .parse::<u64>()
                .map_err(|_| format!("`{name}` is \"{}\", not a whole number", text(i)))
        };
        let hours = |i: Option<usize>, name: &str| match i.map(text).filter(|t| !t.is_empty()) {
            None => Ok(None),
            Some(t) => t
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
                .map(Some)
                .ok_or_else(|| format!("`{name}` is \"{t}\", not a number of hours")),
        };
        let row = (|| {
            if text(to).is_empty() {
                return Err("`to` is empty".to_string());
            }
            Ok(Row {
                from: text(from).to_string(),
                to: text(to).to_string(),
                cases: count(cases, "cases")?,
                transitions: if text(from).is_empty() && text(transitions).is_empty() {
                    0
                } else {
                    count(transitions, "transitions")?
                },
                p50: hours(p50, "p50_hours")?,
                p90: hours(p90, "p90_hours")?,
                max: hours(max, "max_hours")?,
            })
        })();
        match row {
            Ok(r) => rows.push(r),
            Err(reason) => {
                bad += 1;
                if first.len() < BAD_ROW_EXAMPLES {
                    first.push(BadRow {
                        unit: "line",
                        row: line,
                        reason,
                    });
                }
            }
        }
    }
    if bad > 0 && !policy.skip_bad_rows {
        return Err(RealityError::bad_rows(path, bad, first));
    }
    if rows.is_empty() {
        return Err(RealityError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(rows)
}
