//! Printing a report for a terminal or as JSON, and deciding whether it should fail a run.

use std::fmt::Write as _;
use std::str::FromStr;

use crate::finding::{Evidence, Finding, Report, Severity};

/// The least severe finding that makes [`should_fail`] true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    /// Fail on an error not waived (the default).
    #[default]
    Error,
    /// Fail on an error or a warning not waived.
    Warning,
    /// Never fail.
    Never,
}

/// A `--fail-on` value that is not `error`, `warning` or `never`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a fail-on level; use error, warning or never")]
pub struct ParseFailOnError(pub String);

impl FromStr for FailOn {
    type Err = ParseFailOnError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" => Ok(FailOn::Error),
            "warning" => Ok(FailOn::Warning),
            "never" => Ok(FailOn::Never),
            _ => Err(ParseFailOnError(s.to_string())),
        }
    }
}

/// Whether `report` holds a finding at or above `fail_on` that no waiver accepts.
pub fn should_fail(report: &Report, fail_on: FailOn) -> bool {
    let worst_allowed = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Never => return false,
    };
    report
        .findings
        .iter()
        .any(|f| f.waived.is_none() && f.severity <= worst_allowed)
}

/// The report as a JSON object `{ findings, summary }`, pretty-printed.
pub fn render_json(report: &Report) -> String {
    // Every map key in a report is a string, so serialising cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// The report as plain text for a terminal: a summary line, then findings grouped by
/// severity (waived ones last), each with its evidence and fix indented.
pub fn render_text(report: &Report, ws_name: &str) -> String {
    let s = &report.summary;
    let mut out = String::new();
    if report.findings.is_empty() && s.nothing_to_check {
        let _ = writeln!(
            out,
            "Audit of \"{ws_name}\": nothing to check yet. Add touchpoints and the handoffs \
             between them (or start from a template: throughline sample --template ID)."
        );
        return out;
    }
    if report.findings.is_empty() {
        let _ = writeln!(out, "Audit of \"{ws_name}\": no findings.");
        return out;
    }
    let due = if s.due > 0 {
        format!(" ({} due for review)", s.due)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "Audit of \"{ws_name}\": {}, {}, {} info, {} waived{due}",
        plural(s.error, "error"),
        plural(s.warning, "warning"),
        s.info,
        s.waived
    );
    for (group, title) in ["Errors", "Warnings", "Info", "Waived"].iter().enumerate() {
        let members: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| group_of(f) == group)
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title} ({})", members.len());
        for f in members {
            write_finding(&mut out, f);
        }
    }
    out
}

/// Errors, warnings and info not waived come first in that order; waived ones last.
fn group_of(f: &Finding) -> usize {
    match (&f.waived, f.severity) {
        (Some(_), _) => 3,
        (None, Severity::Error) => 0,
        (None, Severity::Warning) => 1,
        (None, Severity::Info) => 2,
    }
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn mark(f: &Finding) -> &'static str {
    match (&f.waived, f.severity) {
        (Some(_), _) => "[~]",
        (None, Severity::Error) => "[E]",
        (None, Severity::Warning) => "[W]",
        (None, Severity::Info) => "[I]",
    }
}

fn write_finding(out: &mut String, f: &Finding) {
    let _ = writeln!(out, "\n{} {}  {}", mark(f), f.code, f.key);
    let _ = writeln!(out, "    {}", f.message);
    if f.subjects.len() > 1 {
        let names: Vec<String> = f
            .subjects
            .iter()
            .map(|s| format!("{} {}", s.kind.as_str(), s.id))
            .collect();
        let _ = writeln!(out, "    subjects: {}", names.join(", "));
    }
    if !f.evidence.is_empty() {
        let _ = writeln!(out, "    evidence:");
        for e in &f.evidence {
            let _ = writeln!(out, "      - {}", evidence_line(e));
        }
    }
    let _ = writeln!(out, "    fix: {}", f.fix);
    if let Some(w) = &f.waived {
        let _ = writeln!(out, "    waived by {} on {}: {}", w.who, w.when, w.reason);
        match (&w.review, w.due) {
            (Some(r), true) => {
                let _ = writeln!(out, "    review due: the waiver was to be reviewed on {r}");
            }
            (Some(r), false) => {
                let _ = writeln!(out, "    review on {r}");
            }
            (None, _) => {}
        }
    }
}

fn evidence_line(e: &Evidence) -> String {
    let mut line = format!("{} {}: {}", e.subject.kind.as_str(), e.subject.id, e.field);
    if let Some(v) = &e.value {
        let _ = write!(line, " = \"{v}\"");
    }
    if let Some(n) = &e.note {
        let _ = write!(line, " ({n})");
    }
    line
}
