//! The readiness and handoff-integrity sections, the cover's verdict, the checklists' open
//! findings and the graph diagram, read back from the written PDF.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Pdf, id, workspace};
use throughline_audit::RuleCode;
use throughline_model::{
    Dimension, Element, ElementKind, Handoff, Rater, RaterScores, ReadinessSession, Score, Waiver,
    Workspace,
};
use throughline_playbook::{
    Edition, Placement, PlaybookOptions, Section, Sections, outline, render,
};

fn options() -> PlaybookOptions {
    PlaybookOptions {
        generated_on: "21 November 2025".into(),
        edition: Edition::Full,
        ..PlaybookOptions::default()
    }
}

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn text_of(ws: &Workspace, options: &PlaybookOptions) -> String {
    squeezed(&Pdf::read(&render(ws, options).unwrap().bytes).text())
}

fn scores(values: [i64; 6]) -> RaterScores {
    let mut s = RaterScores::default();
    for (d, v) in Dimension::ALL.into_iter().zip(values) {
        s.set(d, Some(Score::new(v).unwrap()));
    }
    s
}

/// Two raters: means 3, 1.5, 3, 3.5, 3, 3 (total 17.0, below 18); Data is weakest;
/// Culture's scores span 2 points.
fn with_session(mut ws: Workspace) -> Workspace {
    ws.readiness.push(ReadinessSession {
        id: id("kickoff"),
        name: "Kick-off workshop".into(),
        date: "2025-02-04".into(),
        raters: vec![
            Rater {
                name: "Ana Ruiz".into(),
                scores: scores([3, 1, 3, 3, 2, 3]),
                note: None,
            },
            Rater {
                name: "Ben Ito".into(),
                scores: scores([3, 2, 3, 4, 4, 3]),
                note: None,
            },
        ],
        note: None,
    });
    ws
}

/// Touchpoint 2 states a different setup effort than its neighbours: a conflicting claim on
/// the handoffs into and out of it.
fn with_conflict(mut ws: Workspace) -> Workspace {
    let tp = ws.elements.iter_mut().find(|e| e.id == "tp-2").unwrap();
    tp.claims
        .insert("setup.effort".into(), "Two days with an engineer".into());
    ws
}

#[test]
fn the_readiness_page_shows_the_total_threshold_verdict_and_what_to_do_first() {
    let ws = with_session(workspace(4));
    let summary = throughline_readiness::summarize(&ws.readiness[0]);
    assert_eq!(summary.weakest, vec![Dimension::Data]);
    let text = text_of(&ws, &options());
    assert!(text.contains("Readiness"));
    assert!(text.contains("17.0of30"), "the total is missing");
    assert!(text.contains("Threshold18"), "the threshold is missing");
    assert!(text.contains(&squeezed(&summary.verdict.sentence)));
    let advice = throughline_readiness::recommendation(Dimension::Data);
    assert!(
        text.contains(&squeezed(advice)),
        "the weakest dimension's recommendation is missing"
    );
    assert!(text.contains("Data:average1.5of5"));
    assert!(
        text.contains("Scoresrunfrom2to4:AnaRuiz2,BenIto4"),
        "Culture's disagreement is missing"
    );
    assert!(text.contains(&squeezed(&summary.agreement.words)));
    assert!(
        text.contains("AnaRuiz") && text.contains("BenIto"),
        "legend"
    );
    // The cover carries the verdict in one line.
    assert!(text.contains("Total17.0of30from2raters:foundationalworkfirst"));
    let preview = outline(&ws, &options());
    let readiness = preview
        .iter()
        .find(|p| p.section == Section::Readiness)
        .unwrap();
    assert_eq!(
        readiness.summary,
        "Total 17.0 of 30 from 2 raters: foundational work first."
    );
}

#[test]
fn without_a_readiness_session_the_section_is_left_out_and_nothing_is_made_up() {
    let ws = workspace(4);
    let text = text_of(&ws, &options());
    for absent in [
        "Threshold",
        "Addressfirst",
        "Wheretheratersdisagreed",
        "of30",
    ] {
        assert!(
            !text.contains(absent),
            "{absent:?} printed without a session"
        );
    }
    assert!(text.contains("Notassessedyet"), "the cover should say so");
    let preview = outline(&ws, &options());
    let readiness = preview
        .iter()
        .find(|p| p.section == Section::Readiness)
        .unwrap();
    assert_eq!(readiness.summary, "No readiness session yet: left out.");
}

#[test]
fn integrity_lists_a_conflicting_claim_with_its_fix_and_a_waiver_with_its_reason() {
    let mut ws = with_conflict(workspace(4));
    ws.waivers.push(Waiver {
        code: "typed-invariant".into(),
        subject: "h-1".into(),
        reason: "The setup claim is generated from next quarter on".into(),
        who: "Dana Okafor".into(),
        when: "2025-05-06T15:30:00Z".into(),
        review: None,
    });
    let report = throughline_audit::audit(&ws);
    let conflict = report
        .findings
        .iter()
        .find(|f| f.code == RuleCode::ConflictingClaim)
        .expect("the fixture has a conflicting claim");
    let text = text_of(&ws, &options());
    assert!(text.contains("Handoffintegrity"));
    assert!(text.contains("Theworstdivergences"));
    assert!(
        text.contains(&squeezed(&conflict.message)),
        "message missing"
    );
    assert!(text.contains(&squeezed(&conflict.fix)), "fix missing");
    assert!(
        text.contains("OWNERGrowth"),
        "the handoff's owner is missing"
    );
    assert!(text.contains("Acceptedwithareason"));
    assert!(
        text.contains("WaivedbyDanaOkaforon2025-05-06:Thesetupclaimisgeneratedfromnextquarteron")
    );
    let preview = outline(&ws, &options());
    let integrity = preview
        .iter()
        .find(|p| p.section == Section::Integrity)
        .unwrap();
    assert!(
        integrity.summary.ends_with(", 1 waived."),
        "{}",
        integrity.summary
    );
}

#[test]
fn a_handoff_nobody_owns_says_so() {
    let mut ws = workspace(3);
    ws.handoffs[0].owner = None;
    let text = text_of(&ws, &options());
    assert!(text.contains("OWNERnobodyownsthis"));
}

#[test]
fn a_touchpoint_checklist_shows_its_open_findings() {
    let ws = with_conflict(workspace(4));
    let report = throughline_audit::audit(&ws);
    let conflict = report
        .findings
        .iter()
        .find(|f| f.code == RuleCode::ConflictingClaim)
        .unwrap();
    let only_checklists = PlaybookOptions {
        sections: Sections {
            cover: false,
            narrative: false,
            principles: false,
            readiness: false,
            integrity: false,
            checklists: true,
            changes: false,
            monitor: false,
            reality: false,
        },
        ..options()
    };
    // The finding is one line pointing to its number among the open divergences, which
    // the integrity section lists in the audit's order.
    let number = report
        .findings
        .iter()
        .filter(|f| f.waived.is_none())
        .position(|f| f == conflict)
        .unwrap()
        + 1;
    let text = text_of(&ws, &only_checklists);
    let line = squeezed(&format!("Divergence {number} · Serious:"));
    assert!(text.contains(&line), "the checklist lacks {line}");
    assert!(
        !text.contains(&squeezed(&conflict.fix)),
        "the fix is repeated"
    );
}

#[test]
fn readiness_and_integrity_can_be_switched_off() {
    let ws = with_session(with_conflict(workspace(4)));
    let off = PlaybookOptions {
        sections: Sections {
            readiness: false,
            integrity: false,
            ..Sections::default()
        },
        ..options()
    };
    let text = text_of(&ws, &off);
    assert!(!text.contains("Threshold18"));
    assert!(!text.contains("Theworstdivergences"));
    assert!(text.contains("Touchpointchecklists"));
    let titles: Vec<Section> = outline(&ws, &off).iter().map(|p| p.section).collect();
    assert_eq!(
        titles,
        [
            Section::Cover,
            Section::Changes,
            Section::Narrative,
            Section::Principles,
            Section::Monitor,
            Section::Reality,
            Section::Checklists
        ]
    );
    let on = outline(&ws, &options());
    assert_eq!(on.len(), 9);
    assert_eq!(on[4].section, Section::Readiness);
    assert_eq!(on[5].section, Section::Integrity);
}

#[test]
fn a_graph_without_handoffs_leaves_integrity_out() {
    let mut ws = with_session(workspace(3));
    ws.handoffs.clear();
    assert!(!text_of(&ws, &options()).contains("Theworstdivergences"));
    let preview = outline(&ws, &options());
    let integrity = preview
        .iter()
        .find(|p| p.section == Section::Integrity)
        .unwrap();
    assert_eq!(integrity.summary, "No handoffs in the graph yet: left out.");
}

/// Every text operation inside the page and its margins.
fn assert_inside(pdf: &Pdf) {
    let (w, h) = pdf.page_size(1);
    let shown = pdf.shown_text();
    assert!(!shown.is_empty());
    for s in &shown {
        assert!(
            s.x >= 40.0 && s.x + s.width <= w - 40.0 && s.y >= 0.0 && s.y + s.size <= h,
            "text on page {} at ({:.1}, {:.1}), {:.1} wide, leaves the page box",
            s.page,
            s.x,
            s.y,
            s.width
        );
    }
}

#[test]
fn long_names_in_the_diagram_stay_inside_the_page() {
    let mut ws = with_session(with_conflict(workspace(20)));
    let long = "Ü".to_string() + &"x".repeat(299);
    for e in ws.elements.iter_mut().take(8) {
        e.name = format!("{long} {}", e.name);
    }
    ws.readiness[0].raters[0].name = long.clone();
    let pdf = Pdf::read(&render(&ws, &options()).unwrap().bytes);
    assert_inside(&pdf);
    // Stored positions for half the nodes, some far apart: the rest are laid out in layers.
    let layout: Vec<Placement> = (0..10)
        .map(|i| Placement {
            id: format!("tp-{i}"),
            x: f64::from(i) * 900.0,
            y: f64::from(i % 3) * 400.0,
        })
        .collect();
    let stored = PlaybookOptions {
        layout,
        ..options()
    };
    assert_inside(&Pdf::read(&render(&ws, &stored).unwrap().bytes));
}

#[test]
fn stored_positions_that_would_overlap_give_way_to_layers() {
    let ws = workspace(6);
    let layout: Vec<Placement> = (0..6)
        .map(|i| Placement {
            id: format!("tp-{i}"),
            x: 0.0,
            y: 0.0,
        })
        .collect();
    let text = text_of(
        &ws,
        &PlaybookOptions {
            layout,
            ..options()
        },
    );
    assert!(text.contains("couldnotbeprintedwithoutoverlaps"));
    let spread: Vec<Placement> = (0..6)
        .map(|i| Placement {
            id: format!("tp-{i}"),
            x: f64::from(i) * 250.0,
            y: 0.0,
        })
        .collect();
    let text = text_of(
        &ws,
        &PlaybookOptions {
            layout: spread,
            ..options()
        },
    );
    assert!(!text.contains("couldnotbeprintedwithoutoverlaps"));
}

#[test]
fn a_big_graph_shows_the_flagged_part_and_says_so() {
    let mut ws = workspace(120);
    // Only the handoffs near the start are typed; the rest are generated and so clean.
    for h in ws.handoffs.iter_mut().skip(5) {
        h.mode = throughline_model::HandoffMode::Generated;
    }
    for tp in ws.elements.iter_mut() {
        tp.needs.retain(|n| n != "case.history");
    }
    let pdf = Pdf::read(&render(&ws, &options()).unwrap().bytes);
    let text = squeezed(&pdf.text());
    assert!(
        text.contains("Thegraphhas120connectedelements") && text.contains("shownarethe60"),
        "the caption should say the diagram is partial"
    );
    assert_inside(&pdf);
}

#[test]
fn the_sample_renders_every_section_and_name() {
    let ws = throughline_format::sample();
    let rendered = render(&ws, &options()).unwrap();
    let pdf = Pdf::read(&rendered.bytes);
    assert_eq!(rendered.pages as usize, pdf.page_count());
    let preview = outline(&ws, &options());
    assert_eq!(preview.len(), 9);
    // Only the sections that need a baseline, metrics or a log are left out.
    let left_out: Vec<Section> = preview
        .iter()
        .filter(|p| p.summary.contains("left out"))
        .map(|p| p.section)
        .collect();
    assert_eq!(
        left_out,
        vec![Section::Changes, Section::Monitor, Section::Reality]
    );
    let text = squeezed(&pdf.text());
    for title in [
        "Narrativearc",
        "Designprinciples",
        "Readiness",
        "Handoffintegrity",
        "Touchpointchecklists",
    ] {
        assert!(text.contains(title), "{title} missing");
    }
    for stage in &ws.stages {
        assert!(text.contains(&squeezed(&stage.name)), "{:?}", stage.name);
    }
    for p in &ws.principles {
        assert!(text.contains(&squeezed(&p.text)), "{:?}", p.text);
    }
    for e in ws
        .elements
        .iter()
        .filter(|e| e.kind == ElementKind::Touchpoint)
    {
        assert!(text.contains(&squeezed(&e.name)), "{:?}", e.name);
    }
    assert_inside(&pdf);
}

#[test]
fn options_travel_as_json_with_defaults() {
    let options: PlaybookOptions =
        serde_json::from_str(r#"{"layout":[{"id":"tp-1","x":10.5,"y":-3}]}"#).unwrap();
    assert!(options.sections.readiness && options.sections.integrity);
    assert_eq!(options.layout[0].id, "tp-1");
    let back = serde_json::to_string(&options).unwrap();
    assert!(back.contains("\"integrity\":true"), "{back}");
}

#[test]
fn an_unknown_element_in_a_handoff_does_not_break_the_diagram() {
    let mut ws = workspace(3);
    ws.handoffs
        .push(Handoff::new(id("h-ghost"), id("tp-0"), id("nowhere")));
    ws.elements
        .push(Element::new(id("lonely"), ElementKind::Team, "Lonely team"));
    let pdf = Pdf::read(&render(&ws, &options()).unwrap().bytes);
    assert!(pdf.page_count() > 1);
}
