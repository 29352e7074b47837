//! Opening a log file as a byte stream, unpacking gzip on the fly.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use flate2::read::MultiGzDecoder;

use crate::error::RealityError;

/// Read buffer size: large enough that the decoder and parser work in big steps.
const BUFFER: usize = 256 * 1024;

/// What a log file holds, judged from its name and first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    /// An event log as CSV (possibly gzipped).
    Csv,
    /// An event log as XES (possibly gzipped).
    Xes,
    /// A directly-follows table as CSV (`from,to,cases,transitions,...`).
    Dfg,
}

/// Opens `path` for streaming; a gzip stream (by its magic bytes) is unpacked as it is read.
pub fn open(path: &Path) -> Result<Box<dyn BufRead>, RealityError> {
    let file = File::open(path).map_err(|e| RealityError::io(path, e))?;
    let mut raw = BufReader::with_capacity(BUFFER, file);
    let head = raw.fill_buf().map_err(|e| RealityError::io(path, e))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::with_capacity(
            BUFFER,
            MultiGzDecoder::new(raw),
        )))
    } else {
        Ok(Box::new(raw))
    }
}

/// Decides what `path` holds: XES by its name (`.xes`, `.xes.gz`) or a leading `<`; a
/// directly-follows table when its header has `from`, `to` and `transitions`; else CSV.
pub fn detect(path: &Path) -> Result<LogKind, RealityError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.ends_with(".xes") || name.ends_with(".xes.gz") {
        return Ok(LogKind::Xes);
    }
    let mut reader = open(path)?;
    let mut first = String::new();
    // A first line that is not text is left for the CSV reader to report.
    let _ = reader.read_line(&mut first);
    let first = first.trim_start_matches('\u{feff}').trim();
    if first.starts_with('<') {
        return Ok(LogKind::Xes);
    }
    let sep = sniff_delimiter(first);
    let cols: Vec<String> = first
        .split(sep as char)
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |n: &str| cols.iter().any(|c| c == n);
    if has("from") && has("to") && has("transitions") {
        Ok(LogKind::Dfg)
    } else {
        Ok(LogKind::Csv)
    }
}

/// The separator of a CSV header line: the most frequent of `,`, `;` and tab.
pub fn sniff_delimiter(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    let mut best = (b',', count(','));
    for (b, c) in [(b';', ';'), (b'\t', '\t')] {
        let n = count(c);
        if n > best.1 {
            best = (b, n);
        }
    }
    best.0
}
