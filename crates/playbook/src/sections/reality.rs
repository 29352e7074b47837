//! The reality check: how well the handoff graph matches an event log the caller replayed
//! with `throughline-reality`: fitness, then the worst shadow handoffs and latency breaches
//! with who answers for them. Short by design; the app's reality lens has the rest.

use throughline_audit::{Finding, RuleCode};
use throughline_model::Workspace;
use throughline_reality::RealityReport;

use super::facts::{Facts, percent, severity_word};
use super::figures::{Figure, Listed, figure_row, finding_table};
use super::{Limits, count, heading, start};
use crate::layout::{Flow, text_rows};
use crate::style::{ACCENT, ALERT, BODY, INK, MUTED, SMALL, WARN};

/// Fitness below this share is shown as a warning.
const FIT_WELL: f64 = 0.8;

/// Lays out the section; it is planned only when a replay result was given.
pub(super) fn render(flow: &mut Flow, ws: &Workspace, facts: &Facts<'_>, limits: &Limits) {
    let Some(r) = facts.reality else {
        return;
    };
    let lead = format!(
        "{} of {} replayed against the handoff graph: how much of the work follows the map, \
         and where it does not.",
        count(r.events as usize, "event", "events"),
        count(r.cases as usize, "case", "cases")
    );
    start(flow, "Reality check", &lead, limits);
    let open = |code: RuleCode| -> Vec<&Finding> {
        r.findings()
            .iter()
            .filter(|f| f.code == code && f.waived.is_none())
            .collect()
    };
    let shadows = open(RuleCode::ShadowHandoff);
    let breaches = open(RuleCode::LatencyBreach);
    figure_row(flow, &headline(r, shadows.len(), breaches.len()));
    let geo = flow.geo;
    if let Some(fitness) = r.fitness {
        let line = format!(
            "{} of the {} observed transitions between elements follow a handoff the map \
             has; the rest run outside it.",
            percent(fitness),
            r.transitions
        );
        flow.paragraph(text_rows(&line, BODY, geo.left, geo.content_width()));
    }
    list(flow, ws, "Worst shadow handoffs", &shadows, limits);
    list(flow, ws, "Latency breaches", &breaches, limits);
    let others = r
        .findings()
        .iter()
        .filter(|f| f.waived.is_none())
        .count()
        .saturating_sub(shadows.len() + breaches.len());
    if others > 0 {
        let line = format!(
            "{} (rework loops, unused handoffs, single points) in the app's reality view and \
             `throughline replay`.",
            count(others, "other reality finding", "other reality findings")
        );
        flow.gap(4.0);
        flow.paragraph(text_rows(&line, SMALL, geo.left, geo.content_width()));
    }
}

fn headline(r: &RealityReport, shadows: usize, breaches: usize) -> Vec<Figure> {
    let fitness = match r.fitness {
        Some(f) => Figure::new(
            percent(f),
            "fitness",
            if f >= FIT_WELL { ACCENT } else { WARN },
        ),
        None => Figure::new("–", "fitness: no transitions", MUTED),
    };
    let flag = |n: usize| if n > 0 { ALERT } else { INK };
    vec![
        fitness,
        Figure::new(r.cases.to_string(), "cases replayed", INK),
        Figure::new(shadows.to_string(), "shadow handoffs", flag(shadows)),
        Figure::new(breaches.to_string(), "latency breaches", flag(breaches)),
    ]
}

fn list(flow: &mut Flow, ws: &Workspace, title: &str, found: &[&Finding], limits: &Limits) {
    if found.is_empty() {
        return;
    }
    heading(flow, title);
    let rows: Vec<_> = found
        .iter()
        .take(limits.reality_items)
        .map(|f| Listed::new(ws, f, severity_word(f.severity).to_string()))
        .collect();
    finding_table(flow, &rows, limits);
    let more = found.len().saturating_sub(limits.reality_items);
    if more > 0 {
        let geo = flow.geo;
        let line = format!("{more} more in the app's reality view.");
        flow.paragraph(text_rows(&line, SMALL, geo.left, geo.content_width()));
    }
}
