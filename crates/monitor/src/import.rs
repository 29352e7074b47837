//! Readings from a CSV file: a preview that maps columns, checks every row and finds the
//! readings the file would replace; then one edit, only when every row is good.

use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, BufReader, Read};

use serde::{Deserialize, Serialize};
use throughline_model::{Edit, Metric, Reading, Workspace};

use crate::MonitorError;
use crate::render::num;
use throughline_model::is_iso_date as is_date;

/// Which header names the columns of a readings file have. By default `metric`, `date`,
/// `value` and (optional) `n`, matched without regard to case or surrounding spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ColumnMap {
    pub metric: String,
    pub date: String,
    pub value: String,
    /// The sample-size column; none when the file has none.
    pub n: Option<String>,
}

impl Default for ColumnMap {
    fn default() -> Self {
        Self {
            metric: "metric".into(),
            date: "date".into(),
            value: "value".into(),
            n: Some("n".into()),
        }
    }
}

/// How to import a readings file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The column names to use; none for the defaults (where the `n` column may be absent).
    pub columns: Option<ColumnMap>,
    /// Replace readings already recorded for the same metric and date.
    pub replace: bool,
}

/// A row that cannot be imported, and why. Rows are numbered as a spreadsheet shows
/// them: the header is row 1, the first reading row 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RowError {
    pub row: u64,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}: {}", self.row, self.message)
    }
}

/// A row whose metric already has a different reading on that date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RowConflict {
    pub row: u64,
    pub metric: String,
    pub date: String,
    /// The value already recorded.
    pub recorded: f64,
    /// The value in the file.
    pub imported: f64,
}

impl fmt::Display for RowConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}: metric \"{}\" already has {} on {} (the file says {})",
            self.row,
            self.metric,
            num(self.recorded),
            self.date,
            num(self.imported)
        )
    }
}

/// What importing a file would do: the columns used, the good readings, the bad rows and
/// the readings it would replace. Nothing is written until [`Preview::edit`] is applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preview {
    /// The file's header row, as written.
    pub headers: Vec<String>,
    /// The columns used.
    pub columns: ColumnMap,
    /// How many reading rows the file has.
    pub rows: u64,
    /// The readings to write: new ones, and replacements when `replace` is on.
    pub readings: Vec<Reading>,
    /// How many rows add a reading for a metric and date that had none.
    pub added: u64,
    /// How many rows are exactly what is already recorded (nothing to do).
    pub unchanged: u64,
    pub errors: Vec<RowError>,
    /// Rows that would replace a recorded reading.
    pub conflicts: Vec<RowConflict>,
    pub replace: bool,
}

impl Preview {
    /// The edit that imports the file: one `PutReadings`, undone as one change. Refused
    /// when any row is wrong, or when rows would replace readings and `replace` is off.
    pub fn edit(&self) -> Result<Edit, MonitorError> {
        self.check()?;
        Ok(Edit::PutReadings {
            readings: self.readings.clone(),
        })
    }

    /// [`Preview::edit`] without copying the readings.
    pub fn into_edit(self) -> Result<Edit, MonitorError> {
        self.check()?;
        Ok(Edit::PutReadings {
            readings: self.readings,
        })
    }

    fn check(&self) -> Result<(), MonitorError> {
        if !self.errors.is_empty() {
            return Err(MonitorError::Rows(self.errors.clone()));
        }
        if !self.conflicts.is_empty() && !self.replace {
            return Err(MonitorError::Conflicts(self.conflicts.clone()));
        }
        Ok(())
    }
}

/// Reads a CSV file of readings against `ws` and says what importing it would do.
/// Fails only when the file as a whole cannot be read (no header row, a column missing,
/// text that is not UTF-8); row problems are listed in the preview.
pub fn preview_csv(
    ws: &Workspace,
    input: impl Read,
    options: &ImportOptions,
) -> Result<Preview, MonitorError> {
    // The file streams through: only the buffer's first bytes are looked at ahead, to tell
    // the delimiter from the header row.
    let mut input = BufReader::with_capacity(64 * 1024, input);
    let delimiter = sniff_delimiter(
        input
            .fill_buf()
            .map_err(|e| MonitorError::Csv(format!("cannot read the file: {e}")))?,
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(input);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| MonitorError::Csv(format!("row 1: {}", csv_problem(&e))))?
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = if i == 0 {
                h.trim_start_matches('\u{feff}')
            } else {
                h
            };
            h.to_string()
        })
        .collect();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(MonitorError::Csv(
            "the file is empty; its first row must name the columns (metric, date, value, and n if known)".into(),
        ));
    }
    let (columns, at) = resolve_columns(&headers, options.columns.as_ref())?;
    let mut check = Checker::new(ws, options.replace);
    let mut record = csv::StringRecord::new();
    let mut row: u64 = 1;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                row += 1;
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let cell = |i: usize| record.get(i).unwrap_or("").trim();
                check.row(
                    row,
                    cell(at.metric),
                    cell(at.date),
                    cell(at.value),
                    at.n.map(cell),
                );
            }
            Err(e) => {
                row += 1;
                check.errors.push(RowError {
                    row,
                    message: csv_problem(&e),
                });
                // A malformed record (e.g. bad UTF-8) spoils only itself; keep reading.
            }
        }
    }
    Ok(Preview {
        headers,
        columns,
        rows: row - 1,
        readings: check.readings,
        added: check.added,
        unchanged: check.unchanged,
        errors: check.errors,
        conflicts: check.conflicts,
        replace: options.replace,
    })
}

fn csv_problem(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the text is not UTF-8; save the file as CSV UTF-8 and import it again".into()
        }
        _ => format!("cannot read this row as CSV ({e})"),
    }
}

/// Comma unless the header row has none and uses semicolons or tabs instead (as some
/// spreadsheet programs write CSV).
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let count = |d: u8| first.iter().filter(|b| **b == d).count();
    if count(b',') > 0 {
        b','
    } else if count(b';') > 0 {
        b';'
    } else if count(b'\t') > 0 {
        b'\t'
    } else {
        b','
    }
}

/// Column positions in the file.
struct At {
    metric: usize,
    date: usize,
    value: usize,
    n: Option<usize>,
}

fn resolve_columns(
    headers: &[String],
    asked: Option<&ColumnMap>,
) -> Result<(ColumnMap, At), MonitorError> {
    let find = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
    };
    let map = asked.cloned().unwrap_or_default();
    let need = |role: &str, name: &str| {
        find(name).ok_or_else(|| {
            MonitorError::Csv(format!(
                "no \"{name}\" column for the {role}: the header row has {}; name the column that holds the {role}",
                headers
                    .iter()
                    .map(|h| format!("\"{}\"", h.trim()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
    };
    let at = At {
        metric: need("metric", &map.metric)?,
        date: need("date", &map.date)?,
        value: need("value", &map.value)?,
        n: match (&map.n, asked) {
            (Some(name), Some(_)) => Some(need("sample size", name)?),
            (Some(name), None) => find(name),
            (None, _) => None,
        },
    };
    let used = ColumnMap {
        metric: headers[at.metric].trim().to_string(),
        date: headers[at.date].trim().to_string(),
        value: headers[at.value].trim().to_string(),
        n: at.n.map(|i| headers[i].trim().to_string()),
    };
    Ok((used, at))
}

/// Checks rows one by one against the workspace and against the rows before them.
struct Checker<'a> {
    metrics: HashMap<&'a str, &'a Metric>,
    recorded: HashMap<(&'a str, &'a str), &'a Reading>,
    /// (metric, date as YYYYMMDD) -> the row that gave it, for duplicates within the file.
    seen: HashMap<(&'a str, u32), u64>,
    replace: bool,
    readings: Vec<Reading>,
    added: u64,
    unchanged: u64,
    errors: Vec<RowError>,
    conflicts: Vec<RowConflict>,
}

impl<'a> Checker<'a> {
    fn new(ws: &'a Workspace, replace: bool) -> Self {
        Self {
            metrics: ws.metrics.iter().map(|m| (m.id.as_str(), m)).collect(),
            recorded: ws
                .readings
                .iter()
                .map(|r| ((r.metric.as_str(), r.date.as_str()), r))
                .collect(),
            seen: HashMap::new(),
            replace,
            readings: Vec::new(),
            added: 0,
            unchanged: 0,
            errors: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    fn fail(&mut self, row: u64, message: String) {
        self.errors.push(RowError { row, message });
    }

    fn row(&mut self, row: u64, metric: &str, date: &str, value: &str, n: Option<&str>) {
        let before = self.errors.len();
        let m = match self.metrics.get(metric) {
            Some(m) => Some(*m),
            None if metric.is_empty() => {
                self.fail(row, "the metric is empty".into());
                None
            }
            None => {
                let hint = self.suggest(metric);
                self.fail(row, format!("no metric \"{metric}\"{hint}"));
                None
            }
        };
        if date.is_empty() {
            self.fail(row, "the date is empty".into());
        } else if !is_date(date) {
            self.fail(
                row,
                format!("date \"{date}\" is not a date written YYYY-MM-DD"),
            );
        }
        let v = match value.parse::<f64>() {
            _ if value.is_empty() => {
                self.fail(row, "the value is empty".into());
                None
            }
            Ok(v) if v.is_finite() => Some(v),
            _ => {
                self.fail(row, format!("value \"{value}\" is not a number"));
                None
            }
        };
        if let (Some(m), Some(v)) = (m, v)
            && !(m.min..=m.max).contains(&v)
        {
            self.fail(
                row,
                format!(
                    "{} is outside the scale {} to {}",
                    num(v),
                    num(m.min),
                    num(m.max)
                ),
            );
        }
        let n = match n {
            None | Some("") => None,
            Some(text) => match text.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    self.fail(
                        row,
                        format!("n \"{text}\" is not a whole number of responses"),
                    );
                    None
                }
            },
        };
        let (Some(m), Some(v)) = (m, v) else { return };
        if self.errors.len() > before {
            return;
        }
        if let Some(first) = self.seen.insert((m.id.as_str(), date_key(date)), row) {
            self.fail(
                row,
                format!("metric \"{metric}\" has another reading on {date} in row {first}"),
            );
            return;
        }
        let reading = Reading {
            metric: m.id.clone(),
            date: date.to_string(),
            value: v,
            n,
        };
        match self.recorded.get(&(m.id.as_str(), date)) {
            None => self.added += 1,
            Some(old) if old.value == v && old.n == n => {
                self.unchanged += 1;
                return;
            }
            Some(old) => self.conflicts.push(RowConflict {
                row,
                metric: metric.to_string(),
                date: date.to_string(),
                recorded: old.value,
                imported: v,
            }),
        }
        if self.replace || !self.recorded.contains_key(&(m.id.as_str(), date)) {
            self.readings.push(reading);
        }
    }

    /// " (did you mean "x"?)" when one metric id is within two edits of `unknown`.
    fn suggest(&self, unknown: &str) -> String {
        if unknown.chars().count() > 64 {
            return String::new();
        }
        let mut best: Option<(usize, &str)> = None;
        for id in self.metrics.keys() {
            let d = edit_distance(unknown, id);
            if d <= 2 && best.is_none_or(|(bd, bid)| (d, *id) < (bd, bid)) {
                best = Some((d, id));
            }
        }
        best.map(|(_, id)| format!(" (did you mean \"{id}\"?)"))
            .unwrap_or_default()
    }
}

/// A checked `YYYY-MM-DD` date as the number YYYYMMDD, a key that needs no allocation.
fn date_key(date: &str) -> u32 {
    date.bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

/// Levenshtein distance, for "did you mean" hints.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
