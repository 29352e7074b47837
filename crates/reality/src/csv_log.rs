//! Reading an event log from CSV (or `.csv.gz`), row by row, into the compact store.

use std::io::BufRead;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::RealityError;
use crate::input::{open, sniff_delimiter};
use crate::log::{BadRowPolicy, EventLog};
use crate::timestamp::parse_millis;

/// Which CSV column holds each field of an event (header names, matched ignoring case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// The case: one customer's journey or one campaign.
    pub case: String,
    pub activity: String,
    pub timestamp: String,
    /// The person, team or system that did the work, if the log says.
    #[serde(default)]
    pub resource: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
}

const CASE: [&str; 3] = ["case_id", "case:concept:name", "case"];
const ACTIVITY: [&str; 2] = ["activity", "concept:name"];
const TIMESTAMP: [&str; 2] = ["timestamp", "time:timestamp"];
const RESOURCE: [&str; 2] = ["resource", "org:resource"];
const CHANNEL: [&str; 1] = ["channel"];

impl ColumnMapping {
    /// The default mapping for a header: `case_id` / `case:concept:name`, `activity` /
    /// `concept:name`, `timestamp` / `time:timestamp`, and the optional `resource` /
    /// `org:resource` and `channel`. `None` for each required role nothing matches.
    pub fn detect(header: &[String]) -> DetectedMapping {
        let find = |names: &[&str]| {
            names.iter().find_map(|n| {
                header
                    .iter()
                    .find(|h| h.trim().eq_ignore_ascii_case(n))
                    .cloned()
            })
        };
        DetectedMapping {
            case: find(&CASE),
            activity: find(&ACTIVITY),
            timestamp: find(&TIMESTAMP),
            resource: find(&RESOURCE),
            channel: find(&CHANNEL),
        }
    }
}

/// The mapping [`ColumnMapping::detect`] found; a required role may be missing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DetectedMapping {
    pub case: Option<String>,
    pub activity: Option<String>,
    pub timestamp: Option<String>,
    pub resource: Option<String>,
    pub channel: Option<String>,
}

impl DetectedMapping {
    /// The complete mapping, or which required column is missing.
    fn complete(self, path: &Path, header: &[String]) -> Result<ColumnMapping, RealityError> {
        let missing = |role: &'static str, names: &[&str]| RealityError::MissingColumn {
            path: path.to_path_buf(),
            role,
            looked_for: names.join(" or "),
            header: header.join(", "),
        };
        Ok(ColumnMapping {
            case: self.case.ok_or_else(|| missing("case", &CASE))?,
            activity: self
                .activity
                .ok_or_else(|| missing("activity", &ACTIVITY))?,
            timestamp: self
                .timestamp
                .ok_or_else(|| missing("timestamp", &TIMESTAMP))?,
            resource: self.resource,
            channel: self.channel,
        })
    }
}

/// The first rows of a CSV log and the mapping detected from its header, for an import
/// dialog to show before the whole file is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preview {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub mapping: DetectedMapping,
    /// The field separator found: `,`, `;` or a tab.
    pub delimiter: char,
}

/// Options for reading a CSV log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Columns to use; `None` detects them from the header.
    pub mapping: Option<ColumnMapping>,
    pub bad_rows: BadRowPolicy,
}

fn reader(path: &Path) -> Result<(csv::Reader<Box<dyn BufRead>>, u8), RealityError> {
    let mut input = open(path)?;
    let head = input.fill_buf().map_err(|e| RealityError::io(path, e))?;
    let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let delimiter = sniff_delimiter(&String::from_utf8_lossy(&head[..line_end]));
    let rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(input);
    Ok((rdr, delimiter))
}

fn header(
    rdr: &mut csv::Reader<Box<dyn BufRead>>,
    path: &Path,
) -> Result<Vec<String>, RealityError> {
    let h = rdr.headers().map_err(|e| csv_error(path, &e))?;
    Ok(h.iter()
        .map(|s| s.trim_start_matches('\u{feff}').trim().to_string())
        .collect())
}

fn csv_error(path: &Path, e: &csv::Error) -> RealityError {
    if let csv::ErrorKind::Io(io) = e.kind() {
        return RealityError::io(path, std::io::Error::new(io.kind(), io.to_string()));
    }
    RealityError::Csv {
        path: path.to_path_buf(),
        line: e.position().map_or(0, csv::Position::line),
        message: e.to_string(),
    }
}

/// The header, the first `rows` rows and the detected mapping of a CSV log.
pub fn preview_csv(path: &Path, rows: usize) -> Result<Preview, RealityError> {
    let (mut rdr, delimiter) = reader(path)?;
    let header = header(&mut rdr, path)?;
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    while out.len() < rows && rdr.read_record(&mut rec).map_err(|e| csv_error(path, &e))? {
        out.push(rec.iter().map(str::to_string).collect());
    }
    Ok(Preview {
        mapping: ColumnMapping::detect(&header),
        header,
        rows: out,
        delimiter: delimiter as char,
    })
}

/// Reads a whole CSV log as a stream into the compact store. Rows with an empty case or
/// activity or a timestamp that does not parse are counted; unless the policy skips them,
/// any such row refuses the file.
pub fn read_csv(path: &Path, options: &CsvOptions) -> Result<EventLog, RealityError> {
    let (mut rdr, _) = reader(path)?;
    let header = header(&mut rdr, path)?;
    let mapping = match &options.mapping {
        Some(m) => m.clone(),
        None => ColumnMapping::detect(&header).complete(path, &header)?,
    };
    let col = |name: &str, role: &'static str| {
        header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| RealityError::MissingColumn {
                path: path.to_path_buf(),
                role,
                looked_for: name.to_string(),
                header: header.join(", "),
            })
    };
    let case = col(&mapping.case, "case")?;
    let activity = col(&mapping.activity, "activity")?;
    let timestamp = col(&mapping.timestamp, "timestamp")?;
    let resource = mapping
        .resource
        .as_deref()
        .map(|r| col(r, "resource"))
        .transpose()?;
    let channel = mapping
        .channel
        .as_deref()
        .map(|c| col(c, "channel"))
        .transpose()?;

    let mut log = EventLog::default();
    let mut rec = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(path, &e)),
        }
        let line = rec.position().map_or(0, csv::Position::line);
        let field = |i: usize| std::str::from_utf8(rec.get(i).unwrap_or_default()).map(str::trim);
        let (Ok(c), Ok(a), Ok(t)) = (field(case), field(activity), field(timestamp)) else {
            log.note_bad("line", line, "a field is not UTF-8 text".into());
            continue;
        };
        if c.is_empty() {
            log.note_bad("line", line, "the case is empty".into());
            continue;
        }
        if a.is_empty() {
            log.note_bad("line", line, "the activity is empty".into());
            continue;
        }
        let time = match parse_millis(t) {
            Ok(t) => t,
            Err(reason) => {
                log.note_bad("line", line, reason);
                continue;
            }
        };
        let r = resource.and_then(|i| field(i).ok());
        let ch = channel.and_then(|i| field(i).ok());
        if log.push(c, a, time, r, ch).is_none() {
            return Err(RealityError::TooLarge {
                path: path.to_path_buf(),
            });
        }
    }
    finish(path, log, options.bad_rows)
}

/// Refuses a log with bad rows unless they may be skipped, and a log with no events.
pub(crate) fn finish(
    path: &Path,
    log: EventLog,
    policy: BadRowPolicy,
) -> Result<EventLog, RealityError> {
    if log.bad_rows > 0 && !policy.skip_bad_rows {
        return Err(RealityError::bad_rows(
            path,
            log.bad_rows,
            log.first_bad_rows,
        ));
    }
    if log.events.is_empty() {
        return Err(RealityError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(log)
}
