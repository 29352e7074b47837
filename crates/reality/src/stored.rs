//! The compact form a log is kept in by the library: the parsed events, so that a stored
//! log replays again after the map (its elements, names and aliases) changes.
//!
//! Replay maps activities to elements at replay time and walks each case in time order,
//! so what must be kept is, per case, its events in time order with their activity,
//! resource and channel names. The form is column-wise and then deflated:
//!
//! - a magic `TLOG` and the encoding version (1);
//! - the four string tables (cases in name order, activities, resources, channels);
//! - per case, its number of events;
//! - per event, in case then time order (ties keep file order): the time as a signed
//!   difference from the previous event's, the activity, and the resource and channel
//!   (0 for none, else symbol + 1), each as a LEB128 varint, one column after another;
//! - the number of bad rows left out at import.
//!
//! Reordering is safe because replay orders cases by name and events by time with file
//! order kept among ties: [`decode_log`] of [`encode_log`] replays to the same report.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;

use crate::error::RealityError;
use crate::log::{Event, EventLog, Interner, NONE, Sym};

const MAGIC: &[u8; 4] = b"TLOG";
const VERSION: u8 = 1;

/// The stored bytes of `log`.
pub fn encode_log(log: &EventLog) -> Vec<u8> {
    // Cases numbered in name order; events stably sorted by (case, time).
    let mut order: Vec<u32> = (0..log.cases.len() as u32).collect();
    order.sort_by(|a, b| log.cases.name(*a).cmp(log.cases.name(*b)));
    let mut rank = vec![0u32; order.len()];
    for (pos, sym) in order.iter().enumerate() {
        rank[*sym as usize] = pos as u32;
    }
    let mut events: Vec<Event> = log.events.clone();
    events.sort_by_key(|e| (rank[e.case as usize], e.time));

    let mut out = Vec::with_capacity(events.len() * 8);
    put(&mut out, order.len() as u64);
    for sym in &order {
        put_str(&mut out, log.cases.name(*sym));
    }
    for table in [&log.activities, &log.resources, &log.channels] {
        put(&mut out, table.len() as u64);
        for i in 0..table.len() {
            put_str(&mut out, table.name(i as Sym));
        }
    }
    let mut counts = vec![0u64; order.len()];
    for e in &events {
        counts[rank[e.case as usize] as usize] += 1;
    }
    for c in counts {
        put(&mut out, c);
    }
    let mut previous = 0i64;
    for e in &events {
        put(&mut out, zigzag(e.time.wrapping_sub(previous)));
        previous = e.time;
    }
    for e in &events {
        put(&mut out, u64::from(e.activity));
    }
    for e in &events {
        put(&mut out, optional(e.resource));
    }
    for e in &events {
        put(&mut out, optional(e.channel));
    }
    put(&mut out, log.bad_rows);

    let mut bytes = Vec::with_capacity(out.len() / 3 + 16);
    bytes.extend_from_slice(MAGIC);
    bytes.push(VERSION);
    let mut enc = DeflateEncoder::new(bytes, Compression::default());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(&out);
    enc.finish().unwrap_or_default()
}

/// The log stored as `bytes` by [`encode_log`].
pub fn decode_log(bytes: &[u8]) -> Result<EventLog, RealityError> {
    let damaged = |what: &str| RealityError::Stored {
        message: what.to_string(),
    };
    let body = match bytes.strip_prefix(MAGIC.as_slice()) {
        Some([VERSION, rest @ ..]) => rest,
        Some([v, ..]) => {
            return Err(damaged(&format!(
                "it is in encoding {v}, which this version of Throughline cannot read"
            )));
        }
        _ => return Err(damaged("it does not start as a stored log")),
    };
    let mut raw = Vec::new();
    DeflateDecoder::new(body)
        .read_to_end(&mut raw)
        .map_err(|e| damaged(&format!("it cannot be decompressed ({e})")))?;
    let mut r = Reader { bytes: &raw, at: 0 };
    let truncated = || damaged("it ends too early");
    let mut log = EventLog::default();
    let mut tables = [
        &mut log.cases,
        &mut log.activities,
        &mut log.resources,
        &mut log.channels,
    ];
    for table in &mut tables {
        let n = r.get().ok_or_else(truncated)?;
        for _ in 0..n {
            let s = r.get_str().ok_or_else(truncated)?;
            read_into(table, s).ok_or_else(|| damaged("a string table repeats a value"))?;
        }
    }
    let cases = log.cases.len();
    let mut case_of = Vec::new();
    for case in 0..cases {
        let n = r.get().ok_or_else(truncated)?;
        if n > raw.len() as u64 {
            return Err(damaged("a case counts more events than the log holds"));
        }
        case_of.extend(std::iter::repeat_n(case as Sym, n as usize));
    }
    let n = case_of.len();
    let mut times = Vec::with_capacity(n);
    let mut previous = 0i64;
    for _ in 0..n {
        previous = previous.wrapping_add(unzigzag(r.get().ok_or_else(truncated)?));
        times.push(previous);
    }
    let symbol = |v: u64, len: usize| -> Option<Sym> { (v < len as u64).then_some(v as Sym) };
    let mut activities = Vec::with_capacity(n);
    for _ in 0..n {
        let v = r.get().ok_or_else(truncated)?;
        activities.push(
            symbol(v, log.activities.len())
                .ok_or_else(|| damaged("an activity is out of range"))?,
        );
    }
    let mut resources = Vec::with_capacity(n);
    for _ in 0..n {
        let v = r.get().ok_or_else(truncated)?;
        resources.push(
            from_optional(v, log.resources.len())
                .ok_or_else(|| damaged("a resource is out of range"))?,
        );
    }
    let mut channels = Vec::with_capacity(n);
    for _ in 0..n {
        let v = r.get().ok_or_else(truncated)?;
        channels.push(
            from_optional(v, log.channels.len())
                .ok_or_else(|| damaged("a channel is out of range"))?,
        );
    }
    log.bad_rows = r.get().ok_or_else(truncated)?;
    log.events = (0..n)
        .map(|i| Event {
            time: times[i],
            case: case_of[i],
            activity: activities[i],
            resource: resources[i],
            channel: channels[i],
        })
        .collect();
    Ok(log)
}

fn read_into(table: &mut Interner, s: &str) -> Option<()> {
    let before = table.len();
    table.intern(s)?;
    (table.len() == before + 1).then_some(())
}

fn optional(sym: Sym) -> u64 {
    if sym == NONE { 0 } else { u64::from(sym) + 1 }
}

fn from_optional(v: u64, len: usize) -> Option<Sym> {
    match v {
        0 => Some(NONE),
        v if v <= len as u64 => Some((v - 1) as Sym),
        _ => None,
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn get(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn get_str(&mut self) -> Option<&'a str> {
        let len = usize::try_from(self.get()?).ok()?;
        let end = self.at.checked_add(len)?;
        let s = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> EventLog {
        let mut log = EventLog::default();
        log.push("c2", "Order", 5_000, Some("ann"), None);
        log.push("c1", "Order", 1_000, None, Some("web"));
        log.push("c1", "Ship", -7_000, Some("bob"), None);
        log.push("c2", "Ship", 5_000, Some("ann"), Some("web"));
        log.bad_rows = 3;
        log
    }

    #[test]
    fn a_log_comes_back_with_the_same_events_per_case_in_time_order() {
        let back = decode_log(&encode_log(&sample())).unwrap();
        let seen: Vec<(String, String, i64, String, String)> = back
            .events
            .iter()
            .map(|e| {
                (
                    back.cases.name(e.case).to_string(),
                    back.activities.name(e.activity).to_string(),
                    e.time,
                    if e.resource == NONE {
                        "-".into()
                    } else {
                        back.resources.name(e.resource).into()
                    },
                    if e.channel == NONE {
                        "-".into()
                    } else {
                        back.channels.name(e.channel).into()
                    },
                )
            })
            .collect();
        let row = |c: &str, a: &str, t: i64, r: &str, ch: &str| {
            (
                c.to_string(),
                a.to_string(),
                t,
                r.to_string(),
                ch.to_string(),
            )
        };
        assert_eq!(
            seen,
            vec![
                row("c1", "Ship", -7_000, "bob", "-"),
                row("c1", "Order", 1_000, "-", "web"),
                row("c2", "Order", 5_000, "ann", "-"),
                row("c2", "Ship", 5_000, "ann", "web"),
            ]
        );
        assert_eq!(back.bad_rows, 3);
    }

    #[test]
    fn damaged_bytes_are_refused_with_a_reason() {
        let bytes = encode_log(&sample());
        assert!(decode_log(b"nope").is_err());
        assert!(decode_log(&bytes[..bytes.len() / 2]).is_err());
        let mut newer = bytes.clone();
        newer[4] = 9;
        let err = decode_log(&newer).unwrap_err().to_string();
        assert!(err.contains("encoding 9"), "{err}");
    }

    #[test]
    fn zigzag_round_trips_both_signs() {
        for v in [0, 1, -1, i64::MAX, i64::MIN, 123_456_789] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
    }
}
