//! Reading an event log from XES (IEEE 1849), optionally gzipped, as a stream of XML events.
//!
//! Only what replay needs is kept: the trace's `concept:name` (the case), and each event's
//! `concept:name` (activity), `time:timestamp`, `org:resource` and `channel`. Nested
//! attributes, globals and extensions are skipped. One trace's events are buffered until
//! the trace closes (its name may come after its events); nothing else is held.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event as Xml};

use crate::csv_log::finish;
use crate::error::RealityError;
use crate::input::open;
use crate::log::{BadRowPolicy, EventLog};
use crate::timestamp::parse_millis;

/// One event of the open trace, before the trace's case name is known.
#[derive(Default)]
struct Pending {
    number: u64,
    activity: String,
    time: Option<Result<i64, String>>,
    resource: Option<String>,
    channel: Option<String>,
}

/// Where the parser is in the document.
#[derive(Default)]
struct State {
    in_trace: bool,
    in_event: bool,
    /// Depth inside `<global>`/`<extension>`/`<classifier>` or a nested attribute.
    skip_depth: u32,
    case: Option<String>,
    pending: Vec<Pending>,
    current: Pending,
    events_seen: u64,
}

/// Reads a whole XES log as a stream into the compact store. Events without an activity or
/// with a timestamp that does not parse, and traces without a name, are bad rows (counted
/// by event number in file order).
pub fn read_xes(path: &Path, policy: BadRowPolicy) -> Result<EventLog, RealityError> {
    let mut reader = Reader::from_reader(open(path)?);
    reader.config_mut().trim_text(true);
    let mut buf = Vec::with_capacity(4096);
    let mut log = EventLog::default();
    let mut st = State::default();
    loop {
        let position = reader.buffer_position();
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| RealityError::Xes {
                path: path.to_path_buf(),
                position,
                message: e.to_string(),
            })?;
        match ev {
            Xml::Start(e) => start(&mut st, &e, path)?,
            Xml::Empty(e) if st.skip_depth == 0 => attribute(&mut st, &e, path)?,
            Xml::End(e) => end(&mut st, e.local_name().as_ref(), &mut log, path)?,
            Xml::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    finish(path, log, policy)
}

fn start(st: &mut State, e: &BytesStart<'_>, path: &Path) -> Result<(), RealityError> {
    if st.skip_depth > 0 {
        st.skip_depth += 1;
        return Ok(());
    }
    match e.local_name().as_ref() {
        "trace" if !st.in_trace => {
            st.in_trace = true;
            st.case = None;
            st.pending.clear();
        }
        "event" if st.in_trace && !st.in_event => {
            st.in_event = true;
            st.events_seen += 1;
            st.current = Pending {
                number: st.events_seen,
                ..Pending::default()
            };
        }
        "log" => {}
        _ => {
            // An attribute with children: its own value counts, its children do not.
            attribute(st, e, path)?;
            st.skip_depth = 1;
        }
    }
    Ok(())
}

fn end(st: &mut State, name: &str, log: &mut EventLog, path: &Path) -> Result<(), RealityError> {
    if st.skip_depth > 0 {
        st.skip_depth -= 1;
        return Ok(());
    }
    match name {
        "event" if st.in_event => {
            st.in_event = false;
            st.pending.push(std::mem::take(&mut st.current));
        }
        "trace" if st.in_trace => {
            st.in_trace = false;
            flush_trace(st, log, path)?;
        }
        _ => {}
    }
    Ok(())
}

fn flush_trace(st: &mut State, log: &mut EventLog, path: &Path) -> Result<(), RealityError> {
    let case = st.case.take().unwrap_or_default();
    for p in st.pending.drain(..) {
        if case.is_empty() {
            log.note_bad(
                "event",
                p.number,
                "its trace has no concept:name (the case)".into(),
            );
            continue;
        }
        if p.activity.is_empty() {
            log.note_bad(
                "event",
                p.number,
                "the activity (concept:name) is empty".into(),
            );
            continue;
        }
        let time = match p.time {
            Some(Ok(t)) => t,
            Some(Err(reason)) => {
                log.note_bad("event", p.number, reason);
                continue;
            }
            None => {
                log.note_bad("event", p.number, "it has no time:timestamp".into());
                continue;
            }
        };
        if log
            .push(
                &case,
                &p.activity,
                time,
                p.resource.as_deref(),
                p.channel.as_deref(),
            )
            .is_none()
        {
            return Err(RealityError::TooLarge {
                path: path.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// Takes `key` and `value` of an attribute element that belongs to the open event or trace.
fn attribute(st: &mut State, e: &BytesStart<'_>, path: &Path) -> Result<(), RealityError> {
    if !st.in_trace {
        return Ok(());
    }
    let mut key = None;
    let mut value = None;
    for a in e.attributes() {
        let a = a.map_err(|err| RealityError::Xes {
            path: path.to_path_buf(),
            position: 0,
            message: err.to_string(),
        })?;
        let text = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| RealityError::Xes {
                path: path.to_path_buf(),
                position: 0,
                message: err.to_string(),
            })?;
        match a.key.as_ref() {
            "key" => key = Some(text.into_owned()),
            "value" => value = Some(text.into_owned()),
            _ => {}
        }
    }
    let (Some(key), Some(value)) = (key, value) else {
        return Ok(());
    };
    if st.in_event {
        let ev = &mut st.current;
        match key.as_str() {
            "concept:name" => ev.activity = value.trim().to_string(),
            "time:timestamp" => ev.time = Some(parse_millis(&value)),
            "org:resource" => ev.resource = Some(value.trim().to_string()),
            "channel" => ev.channel = Some(value.trim().to_string()),
            _ => {}
        }
    } else if key == "concept:name" {
        st.case = Some(value.trim().to_string());
    }
    Ok(())
}
