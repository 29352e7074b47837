//! Printing a monitor report: JSON in the shape `docs/monitor.md` gives, and text for a
//! terminal.

use std::fmt::Write as _;

use serde_json::{Value, json};
use throughline_audit::{Finding, Severity};
use throughline_model::Better;

use crate::Monitor;
use crate::compute::MetricStatus;

/// A number for people: at most four decimals, no trailing zeros (`4.1`, `-0.5`, `3`).
pub fn num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" { "0".into() } else { s.into() }
}

/// A computed figure for JSON: rounded to six decimals, so that `4.1 - 3.9` prints as
/// `0.2` and not `0.19999999999999973`.
fn figure(v: Option<f64>) -> Value {
    match v {
        Some(v) if v.is_finite() => json!((v * 1e6).round() / 1e6 + 0.0),
        _ => Value::Null,
    }
}

/// The report as one JSON object: `as_of`, `stages`, `metrics` and `findings`, with null
/// wherever a value is none.
pub fn render_json(m: &Monitor) -> String {
    let stages: Vec<Value> = m
        .stages
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "planned": s.planned,
                "measured": figure(s.measured),
                "gap": figure(s.gap),
                "consistency": figure(s.consistency),
            })
        })
        .collect();
    let metrics: Vec<Value> = m
        .metrics
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "latest": s.latest.as_ref().map(|p| p.value),
                "previous": s.previous.as_ref().map(|p| p.value),
                "target": s.target,
                "meets_target": s.meets_target,
                "trend": {
                    "since_previous": figure(s.trend.since_previous),
                    "since_first": figure(s.trend.since_first),
                    "to_target": figure(s.trend.to_target),
                },
            })
        })
        .collect();
    let findings: Vec<Value> = m
        .report
        .findings
        .iter()
        .map(|f| {
            json!({
                "code": f.code,
                "key": f.key,
                "severity": f.severity,
                "layer": f.layer,
                "message": f.message,
                "evidence": f.evidence,
                "fix": f.fix,
                "waived": f.waived,
            })
        })
        .collect();
    let doc = json!({
        "as_of": m.as_of,
        "stages": stages,
        "metrics": metrics,
        "findings": findings,
    });
    // Every key is a string and every number finite, so this cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// The report as text: the measured arc, the metrics, then the findings.
pub fn render_text(m: &Monitor, ws_name: &str) -> String {
    let mut out = String::new();
    let Some(as_of) = &m.as_of else {
        let _ = writeln!(
            out,
            "Monitor of \"{ws_name}\": no readings yet. Import some with `throughline readings import`."
        );
        write_findings(&mut out, &m.report.findings);
        return out;
    };
    let _ = writeln!(out, "Monitor of \"{ws_name}\" as of {as_of}");
    if !m.stages.is_empty() {
        let _ = writeln!(out, "\nEmotional arc (planned, measured, gap, consistency)");
        let width = m
            .stages
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(0);
        for s in &m.stages {
            let measured = match (s.measured, s.gap) {
                (Some(v), Some(g)) => format!("measured {}  gap {}", signed(v), signed(g)),
                _ => "not measured".to_string(),
            };
            let consistency = s
                .consistency
                .map(|c| format!("  consistency {}", num(c)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<width$}  planned {:+}  {measured}{consistency}",
                s.name, s.planned
            );
        }
    }
    if !m.metrics.is_empty() {
        let _ = writeln!(out, "\nMetrics");
        for s in &m.metrics {
            write_metric(&mut out, s);
        }
    }
    write_findings(&mut out, &m.report.findings);
    out
}

fn signed(v: f64) -> String {
    let s = num(v);
    if v > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s
    }
}

fn write_metric(out: &mut String, s: &MetricStatus) {
    let better = match s.direction {
        Better::Higher => "higher is better",
        Better::Lower => "lower is better",
    };
    let _ = write!(out, "  {} ({}, {better})", s.name, s.id);
    let Some(latest) = &s.latest else {
        let _ = writeln!(out, ": no readings");
        return;
    };
    let _ = write!(out, ": {} on {}", num(latest.value), latest.date);
    if let (Some(p), Some(d)) = (&s.previous, s.trend.since_previous) {
        let _ = write!(out, "; {} since {}", signed(d), p.date);
    }
    if let (Some(f), Some(d)) = (&s.first, s.trend.since_first) {
        let _ = write!(out, ", {} since {}", signed(d), f.date);
    }
    match (s.target, s.meets_target, s.trend.to_target) {
        (Some(t), Some(true), _) => {
            let _ = write!(out, "; target {} met", num(t));
        }
        (Some(t), Some(false), Some(d)) => {
            let _ = write!(out, "; target {} missed by {}", num(t), num(d));
        }
        _ => {
            let _ = write!(out, "; no target");
        }
    }
    let owner = s
        .owner
        .as_deref()
        .filter(|o| !o.trim().is_empty())
        .unwrap_or("nobody");
    let _ = writeln!(out, "; owner {owner}");
}

fn write_findings(out: &mut String, findings: &[Finding]) {
    if findings.is_empty() {
        let _ = writeln!(out, "\nNo findings.");
        return;
    }
    let _ = writeln!(out, "\nFindings ({})", findings.len());
    for f in findings {
        let mark = match (&f.waived, f.severity) {
            (Some(_), _) => "[~]",
            (None, Severity::Error) => "[E]",
            (None, Severity::Warning) => "[W]",
            (None, Severity::Info) => "[I]",
        };
        let layer = f
            .layer
            .map(|l| format!("  (layer: {})", l.label().to_lowercase()))
            .unwrap_or_default();
        let _ = writeln!(out, "\n{mark} {}  {}{layer}", f.code, f.key);
        let _ = writeln!(out, "    {}", f.message);
        let _ = writeln!(out, "    fix: {}", f.fix);
        if let Some(w) = &f.waived {
            let _ = writeln!(out, "    waived by {} on {}: {}", w.who, w.when, w.reason);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_print_without_noise() {
        assert_eq!(num(4.0), "4");
        assert_eq!(num(4.1 - 3.9), "0.2");
        assert_eq!(num(-0.5), "-0.5");
        assert_eq!(num(-0.00001), "0");
        assert_eq!(num(1.0 / 3.0), "0.3333");
    }
}
