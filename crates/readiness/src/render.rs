//! Plain-text reports for the command line. JSON comes from the types' `Serialize`.

use std::fmt::Write;

use crate::advice::total_display;
use crate::layers::LayerDiagnosis;
use crate::stats::SessionSummary;
use crate::trend::TrendPoint;

/// A figure to one decimal, or a dash when there is none.
fn fig(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), crate::figure_display)
}

/// The session report: statistics per dimension, total, verdict, weakest, agreement.
pub fn render_text(summary: &SessionSummary) -> String {
    let mut out = String::new();
    let people = if summary.raters == 1 {
        "rater"
    } else {
        "raters"
    };
    let _ = writeln!(
        out,
        "Readiness: {} ({}), {} {people}\n",
        summary.name, summary.date, summary.raters
    );
    let _ = writeln!(
        out,
        "{:<12} {:>5} {:>7} {:>4} {:>5} {:>7}",
        "Dimension", "Mean", "Median", "Low", "High", "Scored"
    );
    for d in &summary.dimensions {
        let low = d.lowest.map_or_else(|| "-".to_string(), |s| s.to_string());
        let high = d.highest.map_or_else(|| "-".to_string(), |s| s.to_string());
        let flag = if d.disagreement {
            "  discuss in the room"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{:<12} {:>5} {:>7} {:>4} {:>5} {:>7}{flag}",
            d.dimension.label(),
            fig(d.mean),
            fig(d.median),
            low,
            high,
            format!("{}/{}", d.count, summary.raters),
        );
    }
    let _ = writeln!(
        out,
        "\nTotal: {} of {}",
        summary
            .total
            .map_or_else(|| "incomplete".to_string(), total_display),
        summary.total_max
    );
    let _ = writeln!(out, "{}", summary.verdict.sentence);
    if !summary.recommendations.is_empty() {
        let _ = writeln!(out, "\nStart here:");
        for r in &summary.recommendations {
            let _ = writeln!(
                out,
                "- {} (mean {}): {}",
                r.dimension.label(),
                crate::figure_display(r.mean),
                r.text
            );
        }
    }
    let _ = writeln!(out, "\nAgreement: {}", summary.agreement.words);
    let flagged: Vec<_> = summary
        .dimensions
        .iter()
        .filter(|d| d.disagreement)
        .collect();
    if !flagged.is_empty() {
        let _ = writeln!(
            out,
            "\nDiscuss in the room (scores two or more points apart; a finding, not an error):"
        );
        for d in flagged {
            if let (Some(lo), Some(hi)) = (d.lowest, d.highest) {
                let _ = writeln!(out, "- {}: from {lo} to {hi}", d.dimension.label());
            }
        }
    }
    out
}

/// The Coherence Stack report: each layer's rating and the patterns found.
pub fn render_layers_text(diagnosis: &LayerDiagnosis) -> String {
    let mut out = String::new();
    let when = diagnosis.date.as_deref().unwrap_or("not rated yet");
    let _ = writeln!(out, "Coherence Stack ({when})\n");
    for r in &diagnosis.layers {
        let score = r.score.map_or_else(|| "-".to_string(), |s| s.to_string());
        let change = match (r.change, r.previous_date.as_deref()) {
            (Some(c), Some(d)) if c != 0 => format!("  ({c:+} since {d})"),
            (Some(_), Some(d)) => format!("  (unchanged since {d})"),
            _ => String::new(),
        };
        let _ = writeln!(out, "{:<11} {score}/5{change}", r.layer.label());
    }
    for p in &diagnosis.patterns {
        let _ = writeln!(out, "\n{}\n  {}", p.title, p.explanation);
    }
    out
}

/// The trend table: one line per session, oldest first.
pub fn render_trend_text(points: &[TrendPoint]) -> String {
    let mut out = String::new();
    if points.is_empty() {
        out.push_str("No readiness sessions yet.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{:<10} {:<24} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6}  Agreement",
        "Date", "Session", "Str", "Data", "Team", "Tech", "Cult", "Metr", "Total"
    );
    for p in points {
        let name: String = p.name.chars().take(24).collect();
        let _ = write!(out, "{:<10} {name:<24}", p.date);
        for m in &p.means {
            let _ = write!(out, " {:>5}", fig(m.mean));
        }
        let total = p.total.map_or_else(|| "-".to_string(), total_display);
        let _ = writeln!(out, " {total:>6}  {}", p.alpha_words);
    }
    out
}
