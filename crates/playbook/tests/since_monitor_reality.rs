//! The three sections that appear only when there is something to show: "What changed
//! since LABEL" (a baseline given), "Monitor" (the workspace has metrics) and "Reality
//! check" (a replay result given). Their figures are the libraries' own, read back from the
//! written PDF.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Pdf, kickoff, replayed, sample, with_metrics};
use throughline_audit::RuleCode;
use throughline_model::Workspace;
use throughline_playbook::{
    Baseline, Edition, PlaybookOptions, Section, Sections, outline, render,
};

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Options for `ws` with the kick-off as baseline and the sample log's replay.
fn everything(ws: &Workspace, edition: Edition) -> PlaybookOptions {
    PlaybookOptions {
        generated_on: "30 November 2026".into(),
        edition,
        since: Some(Baseline {
            label: "kick-off".into(),
            workspace: kickoff(ws),
        }),
        reality: Some(replayed(ws)),
        ..PlaybookOptions::default()
    }
}

/// The start of a finding's message, as far as the first line of a findings table holds
/// it (the owner column's lines come between a message's lines in the text).
fn opening(message: &str) -> String {
    squeezed(&message.chars().take(35).collect::<String>())
}

fn text(ws: &Workspace, options: &PlaybookOptions) -> String {
    squeezed(&Pdf::read(&render(ws, options).unwrap().bytes).text())
}

#[test]
fn without_a_baseline_metrics_or_a_log_the_three_sections_are_left_out() {
    let ws = sample();
    let options = PlaybookOptions::default();
    let preview = outline(&ws, &options);
    for (section, reason) in [
        (Section::Changes, "No baseline given: left out."),
        (Section::Monitor, "No metrics yet: left out."),
        (Section::Reality, "No event log given: left out."),
    ] {
        let p = preview.iter().find(|p| p.section == section).unwrap();
        assert_eq!(p.summary, reason, "{section:?}");
    }
    let rendered = render(&ws, &options).unwrap();
    assert!(
        rendered.fill.iter().all(|p| !matches!(
            p.section,
            Some(Section::Changes | Section::Monitor | Section::Reality)
        )),
        "no page belongs to a section with nothing to show"
    );
    let text = squeezed(&Pdf::read(&rendered.bytes).text());
    for absent in ["Whatchangedsince", "Scorecard", "Realitycheck"] {
        assert!(!text.contains(absent), "{absent} printed without its input");
    }
}

#[test]
fn what_changed_comes_first_after_the_cover_in_both_editions() {
    let ws = with_metrics(sample());
    for edition in [Edition::Leadership, Edition::Full] {
        let rendered = render(&ws, &everything(&ws, edition)).unwrap();
        assert_eq!(
            rendered.fill[0].section,
            Some(Section::Cover),
            "{edition:?}"
        );
        assert_eq!(
            rendered.fill[1].section,
            Some(Section::Changes),
            "{edition:?}: page 2 should be What changed"
        );
        let text = squeezed(&Pdf::read(&rendered.bytes).text());
        assert!(text.contains("Whatchangedsincekick-off"), "{edition:?}");
    }
    let preview = outline(&ws, &everything(&ws, Edition::Leadership));
    assert_eq!(preview[1].section, Section::Changes);
    assert_eq!(preview[1].title, "What changed since kick-off");
}

#[test]
fn what_changed_prints_the_comparisons_own_figures() {
    let ws = sample();
    let before = kickoff(&ws);
    let c = throughline_versions::compare(&before, &ws);
    assert!(!c.findings.resolved.is_empty() && !c.changes.is_empty());
    let options = everything(&ws, Edition::Full);
    let text = text(&ws, &options);
    assert!(
        text.contains(&format!("{}itemschanged", c.changes.len())),
        "the headline counts the comparison's changes"
    );
    for f in &c.findings.resolved {
        assert!(
            text.contains(&squeezed(&f.message)),
            "{} missing",
            f.message
        );
    }
    let total = |p: &Option<throughline_versions::ReadinessPoint>| {
        throughline_readiness::total_display(p.as_ref().unwrap().total.unwrap())
    };
    let moved = format!(
        "{}→{}",
        total(&c.readiness.before),
        total(&c.readiness.after)
    );
    assert!(text.contains(&moved), "readiness delta {moved} missing");
    for layer in ["Touchpointlayer", "Systemlayer"] {
        assert!(text.contains(layer), "{layer} row missing");
    }
    let summary = &outline(&ws, &options)[1].summary;
    assert!(
        summary.starts_with(&format!("{} changes by layer", c.changes.len())),
        "{summary}"
    );
}

#[test]
fn an_unchanged_baseline_says_nothing_differs() {
    let ws = sample();
    let options = PlaybookOptions {
        since: Some(Baseline {
            label: "this morning".into(),
            workspace: ws.clone(),
        }),
        ..PlaybookOptions::default()
    };
    let text = text(&ws, &options);
    assert!(text.contains("Whatchangedsincethismorning"));
    assert!(text.contains("Nothingintheworkspacediffersfromthebaseline."));
    assert!(text.contains("Nonewdivergencesincethebaseline."));
}

#[test]
fn the_monitor_page_has_the_scorecard_the_measured_arc_and_what_drifted() {
    let ws = with_metrics(sample());
    let monitor =
        throughline_monitor::monitor(&ws, &throughline_monitor::MonitorOptions::default()).unwrap();
    let drifted: Vec<_> = monitor
        .report
        .findings
        .iter()
        .filter(|f| f.waived.is_none())
        .collect();
    assert!(
        drifted.iter().any(|f| f.code == RuleCode::MetricDrift)
            && drifted.iter().any(|f| f.code == RuleCode::PromiseGap)
            && drifted.iter().any(|f| f.code == RuleCode::UnownedMetric),
        "the fixture should drift, miss a promise and leave a metric unowned"
    );
    let options = PlaybookOptions {
        edition: Edition::Full,
        ..PlaybookOptions::default()
    };
    let text = text(&ws, &options);
    assert!(text.contains("Monitor") && text.contains("Asof2025-05-31"));
    for m in &ws.metrics {
        assert!(text.contains(&squeezed(&m.name)), "{} missing", m.name);
    }
    for heading in [
        "Leading",
        "Lagging",
        "Promisedandmeasuredarc",
        "promised",
        "measured",
    ] {
        assert!(text.contains(heading), "{heading} missing");
    }
    assert!(text.contains(&format!("Whatdrifted({})", drifted.len())));
    for f in &drifted {
        assert!(text.contains(&opening(&f.message)), "{} missing", f.message);
    }
    // Owners read as names; the metric without one says nobody answers for it.
    assert!(text.contains("Productandengineering") && text.contains("nobody"));
    // Setup contacts, lower is better: 260 to 340 is a worsening trend and misses 150.
    assert!(text.contains("+80since04-30") && text.contains("150,190togo"));
}

#[test]
fn the_reality_check_prints_fitness_and_the_worst_findings_with_owners() {
    let ws = sample();
    let report = replayed(&ws);
    let fitness = report.fitness.unwrap();
    let shadow = report
        .findings()
        .iter()
        .find(|f| f.code == RuleCode::ShadowHandoff)
        .expect("wizard > support-desk runs outside the map");
    let breach = report
        .findings()
        .iter()
        .find(|f| f.code == RuleCode::LatencyBreach)
        .expect("signup-to-wizard is slower than promised");
    let text = text(&ws, &everything(&ws, Edition::Full));
    let percent = format!("{:.0}%", (fitness * 100.0).floor());
    assert!(text.contains(&format!("{percent}fitness")), "{percent}");
    assert!(text.contains("Realitycheck") && text.contains("160eventsof40cases"));
    assert!(text.contains(&opening(&shadow.message)));
    assert!(text.contains(&opening(&breach.message)));
    assert!(
        text.contains("p90") && text.contains("Productandengineering"),
        "the breached handoff's owner answers for it"
    );
}

#[test]
fn each_new_section_can_be_switched_off() {
    let ws = with_metrics(sample());
    let mut options = everything(&ws, Edition::Leadership);
    options.sections = Sections {
        changes: false,
        monitor: false,
        reality: false,
        ..Sections::default()
    };
    let rendered = render(&ws, &options).unwrap();
    assert!(rendered.fill.iter().all(|p| !matches!(
        p.section,
        Some(Section::Changes | Section::Monitor | Section::Reality)
    )));
    let preview = outline(&ws, &options);
    assert!(!preview.iter().any(|p| p.section == Section::Monitor));
}

#[test]
fn a_missed_promise_is_answered_for_by_the_owners_of_the_stages_metrics() {
    let ws = with_metrics(sample());
    let only_monitor = PlaybookOptions {
        edition: Edition::Full,
        sections: Sections {
            cover: false,
            narrative: false,
            principles: false,
            readiness: false,
            integrity: false,
            checklists: false,
            ..Sections::default()
        },
        ..PlaybookOptions::default()
    };
    let text = text(&ws, &only_monitor);
    // Two promise gaps (Evaluate, Stuck) go to the product team that owns their
    // satisfaction metrics; only the metric without an owner says nobody owns it.
    assert_eq!(text.matches("nobodyownsthis").count(), 1, "{text}");
    assert!(text.contains("Productandengineering"));
}
