//! Writes a deterministic event log of a workspace for the reality benchmark, as CSV and
//! as XES (the same events in both).
//!
//! `cargo run --release -p throughline-reality --example generate_log -- WORKSPACE.json
//! EVENTS OUT_DIR` writes `OUT_DIR/log.csv` and `OUT_DIR/log.xes`.
//!
//! Cases walk the workspace's handoff graph from its entry touchpoints, five events a case
//! on average (so 1,000,000 events are 200,000 cases). Along the way some work jumps to an
//! element with no handoff from the current one (shadow handoffs), some comes back to the
//! element before (rework), some stays with an element for a second event, and a few
//! events name an activity the map does not know. Activities are element names; resources
//! are teams or systems. The CSV is ordered by time across cases, as systems export it; the
//! XES groups events by trace. The same arguments always give the same bytes.

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use throughline_model::{ElementKind, Workspace};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [workspace, events, out] = args.as_slice() else {
        eprintln!("usage: generate_log WORKSPACE.throughline.json EVENTS OUT_DIR");
        return ExitCode::from(2);
    };
    let Ok(events) = events.replace('_', "").parse::<usize>() else {
        eprintln!("generate_log: EVENTS must be a whole number, not \"{events}\"");
        return ExitCode::from(2);
    };
    match run(Path::new(workspace), events, Path::new(out)) {
        Ok(cases) => {
            println!("wrote {events} events of {cases} cases to {out}/log.csv and {out}/log.xes");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("generate_log: {message}");
            ExitCode::FAILURE
        }
    }
}

/// SplitMix64: a small, fast, deterministic generator (no dependency, same on every machine).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent` in 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// One generated event.
struct Event {
    case: u32,
    /// Seconds since the Unix epoch.
    time: i64,
    activity: u32,
    resource: u32,
}

/// The graph a case walks, by element index.
struct Walk {
    names: Vec<String>,
    resources: Vec<String>,
    next: Vec<Vec<usize>>,
    /// How long the handoff out of an element usually takes, in minutes.
    pace: Vec<Vec<i64>>,
    starts: Vec<usize>,
}

impl Walk {
    fn of(ws: &Workspace) -> Result<Self, String> {
        if ws.elements.is_empty() {
            return Err("the workspace has no elements to walk".into());
        }
        let index: HashMap<&str, usize> = ws
            .elements
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let n = ws.elements.len();
        let mut next = vec![Vec::new(); n];
        let mut pace = vec![Vec::new(); n];
        let mut incoming = vec![0usize; n];
        for h in &ws.handoffs {
            let (Some(&a), Some(&b)) = (index.get(h.from.as_str()), index.get(h.to.as_str()))
            else {
                continue;
            };
            next[a].push(b);
            // Most transitions keep the promised latency; the pace is twice it at most.
            pace[a].push(i64::from(h.latency_hours.unwrap_or(12)).max(1) * 60);
            incoming[b] += 1;
        }
        let touchpoint = |i: &usize| ws.elements[*i].kind == ElementKind::Touchpoint;
        let mut starts: Vec<usize> = (0..n)
            .filter(|i| touchpoint(i) && incoming[*i] == 0 && !next[*i].is_empty())
            .collect();
        if starts.is_empty() {
            starts = (0..n).filter(|i| !next[*i].is_empty()).collect();
        }
        if starts.is_empty() {
            starts = (0..n).collect();
        }
        let mut names: Vec<String> = ws.elements.iter().map(|e| e.name.clone()).collect();
        names.push("Page view".into());
        let resources = ws
            .elements
            .iter()
            .map(|e| {
                e.team
                    .clone()
                    .unwrap_or_else(|| format!("{}-system", e.id.as_str()))
            })
            .collect();
        Ok(Self {
            names,
            resources,
            next,
            pace,
            starts,
        })
    }

    /// The activity of the unmapped "Page view" events.
    fn unmapped(&self) -> u32 {
        (self.names.len() - 1) as u32
    }
}

/// 2026-01-05T00:00:00Z.
const BASE: i64 = 1_767_571_200;

fn generate(walk: &Walk, total: usize) -> (Vec<Event>, u32) {
    let mut rng = Rng(0x7468_726f_7567_686c);
    let mut out = Vec::with_capacity(total);
    let mut case = 0u32;
    let n = walk.next.len();
    while out.len() < total {
        // Cases start every two and a half minutes or so, through the year.
        let mut t = BASE + i64::from(case) * 150 + rng.below(120) as i64;
        let length = 3 + rng.below(5);
        let mut at = walk.starts[rng.below(walk.starts.len())];
        let mut before = at;
        for step in 0..length {
            if out.len() == total {
                break;
            }
            if rng.chance(3) {
                out.push(Event {
                    case,
                    time: t,
                    activity: walk.unmapped(),
                    resource: at as u32,
                });
                t += 30;
                continue;
            }
            out.push(Event {
                case,
                time: t,
                activity: at as u32,
                resource: at as u32,
            });
            if step + 1 == length {
                break;
            }
            let (to, minutes) = if rng.chance(5) {
                (at, 10)
            } else if rng.chance(4) && before != at {
                (before, 60 * 24)
            } else if rng.chance(8) || walk.next[at].is_empty() {
                (rng.below(n), 60 * 6)
            } else {
                let k = rng.below(walk.next[at].len());
                (walk.next[at][k], walk.pace[at][k])
            };
            t += 60 + (rng.next() % (2 * minutes as u64 * 60).max(1)) as i64;
            before = at;
            at = to;
        }
        case += 1;
    }
    (out, case)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the epoch (days to civil date, Howard Hinnant).
fn stamp(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn run(workspace: &Path, total: usize, out: &Path) -> Result<u32, String> {
    let ws = throughline_format::read_file(workspace)
        .map_err(|e| format!("{}: {e}", workspace.display()))?;
    let walk = Walk::of(&ws)?;
    let (mut events, cases) = generate(&walk, total);
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let create = |name: &str| {
        let path = out.join(name);
        std::fs::File::create(&path)
            .map(|f| BufWriter::with_capacity(1 << 20, f))
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let fail = |e: std::io::Error| format!("writing the log: {e}");

    // XES: one trace per case, events in time order (they are generated in that order).
    let mut x = create("log.xes")?;
    writeln!(
        x,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">"
    )
    .map_err(fail)?;
    let names: Vec<String> = walk.names.iter().map(|n| xml(n)).collect();
    let resources: Vec<String> = walk.resources.iter().map(|r| xml(r)).collect();
    let mut open: Option<u32> = None;
    for e in &events {
        if open != Some(e.case) {
            if open.is_some() {
                writeln!(x, "  </trace>").map_err(fail)?;
            }
            writeln!(
                x,
                "  <trace>\n    <string key=\"concept:name\" value=\"case-{}\"/>",
                e.case
            )
            .map_err(fail)?;
            open = Some(e.case);
        }
        writeln!(
            x,
            "    <event>\n      <string key=\"concept:name\" value=\"{}\"/>\n      <date key=\"time:timestamp\" value=\"{}\"/>\n      <string key=\"org:resource\" value=\"{}\"/>\n    </event>",
            names[e.activity as usize],
            stamp(e.time),
            resources[e.resource as usize]
        )
        .map_err(fail)?;
    }
    if open.is_some() {
        writeln!(x, "  </trace>").map_err(fail)?;
    }
    writeln!(x, "</log>").map_err(fail)?;
    x.flush().map_err(fail)?;

    // CSV: every case interleaved by time, ties in case order.
    events.sort_by_key(|e| (e.time, e.case));
    let mut c = create("log.csv")?;
    writeln!(c, "case_id,activity,timestamp,resource").map_err(fail)?;
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let names: Vec<String> = walk.names.iter().map(|n| quote(n)).collect();
    let resources: Vec<String> = walk.resources.iter().map(|r| quote(r)).collect();
    for e in &events {
        writeln!(
            c,
            "case-{},{},{},{}",
            e.case,
            names[e.activity as usize],
            stamp(e.time),
            resources[e.resource as usize]
        )
        .map_err(fail)?;
    }
    c.flush().map_err(fail)?;
    Ok(cases)
}
