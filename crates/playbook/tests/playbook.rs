//! The playbook as a reader gets it: the text is there and extractable, pages grow with the
//! workspace, long names wrap inside the page, and the paper size is right.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Pdf, id, touchpoint_name, workspace};
use throughline_model::{Element, ElementKind, Principle};
use throughline_playbook::{Edition, Paper, PlaybookOptions, Section, Sections, outline, render};

fn options() -> PlaybookOptions {
    PlaybookOptions {
        generated_on: "21 November 2025".into(),
        edition: Edition::Full,
        ..PlaybookOptions::default()
    }
}

/// Text with all whitespace removed, so that words a line break split still match.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_stage_principle_and_touchpoint_appears_in_the_text() {
    let ws = workspace(12);
    let pdf = Pdf::read(&render(&ws, &options()).unwrap().bytes);
    let text = squeezed(&pdf.text());
    for stage in &ws.stages {
        assert!(
            text.contains(&squeezed(&stage.name)),
            "stage {:?} missing",
            stage.name
        );
        assert!(
            text.contains(&squeezed(&stage.moment)),
            "moment {:?} missing",
            stage.moment
        );
    }
    for p in &ws.principles {
        assert!(
            text.contains(&squeezed(&p.text)),
            "principle {:?} missing",
            p.text
        );
    }
    for i in 0..12 {
        let name = touchpoint_name(i);
        assert!(
            text.contains(&squeezed(&name)),
            "touchpoint {name:?} missing"
        );
    }
    for expected in [
        "NexusFlow:thefirst30days",
        "Coherenceplaybook",
        "21November2025",
        "Page2of",
        "NON-NEGOTIABLE",
        "Mustnotvary:Setupeffortsetup.effort",
        "€49perseat",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the text"
        );
    }
}

#[test]
fn principles_are_numbered_as_the_app_numbers_them() {
    // The app numbers principles in the workspace's order; the second is non-negotiable.
    let ws = workspace(2);
    for edition in [Edition::Full, Edition::Leadership] {
        let opts = PlaybookOptions {
            edition,
            ..options()
        };
        let text = squeezed(&Pdf::read(&render(&ws, &opts).unwrap().bytes).text());
        assert!(
            text.contains("1Promiseonlywhatthefirstweekdelivers"),
            "{edition:?}"
        );
        assert!(
            text.contains("NON-NEGOTIABLE2Nevermakeacustomerrepeatthemselves"),
            "{edition:?}"
        );
    }
}

#[test]
fn page_count_grows_with_the_number_of_touchpoints() {
    let pages = |n| Pdf::read(&render(&workspace(n), &options()).unwrap().bytes).page_count();
    let (p10, p100, p300) = (pages(10), pages(100), pages(300));
    assert!(p10 < p100 && p100 < p300, "pages: {p10}, {p100}, {p300}");
    // Checklists are compact, and pages grow in proportion. Each card here also lists
    // three or four open findings (every handoff of the fixture's chain is retyped by hand
    // and nobody carries `case.history`), so 1.5 cards a page is the floor.
    let per_page = 200.0 / (p300 - p100) as f64;
    assert!(per_page >= 1.5, "only {per_page:.1} checklists per page");
    let early = (p100 - p10) as f64 / 90.0;
    let late = (p300 - p100) as f64 / 200.0;
    assert!(
        (early / late - 1.0).abs() < 0.35,
        "growth {early:.3} vs {late:.3} pages per touchpoint"
    );
}

#[test]
fn a_300_character_name_wraps_inside_the_page() {
    let long = "Ü".to_string() + &"x".repeat(299);
    let mut ws = workspace(3);
    ws.workspace.name = long.clone();
    ws.stages[0].name = long.clone();
    ws.stages[1].moment = format!("{long} {long}");
    ws.elements[2].name = long.clone();
    ws.principles.push(Principle {
        id: id("p-long"),
        text: long.clone(),
        non_negotiable: true,
    });
    let pdf = Pdf::read(&render(&ws, &options()).unwrap().bytes);
    let (w, h) = pdf.page_size(1);
    let shown = pdf.shown_text();
    assert!(shown.len() > 50);
    for s in &shown {
        assert!(
            s.x >= 0.0 && s.x + s.width <= w && s.y >= 0.0 && s.y + s.size <= h,
            "text on page {} at ({:.1}, {:.1}), {:.1} wide, leaves the {w}x{h} page",
            s.page,
            s.x,
            s.y,
            s.width
        );
        // And inside the margins, with room to spare.
        assert!(
            s.x >= 40.0 && s.x + s.width <= w - 40.0,
            "{s:?} crosses a margin"
        );
    }
    let text = squeezed(&pdf.text());
    assert!(
        text.contains(&long),
        "the long name is not in the text whole"
    );
}

#[test]
fn greek_and_cyrillic_names_survive_into_the_text() {
    let mut ws = workspace(1);
    ws.elements.push({
        let mut e = Element::new(
            id("greek"),
            ElementKind::Touchpoint,
            "Ενημερωτικό δελτίο πελατών",
        );
        e.stages = vec![id("discover")];
        e
    });
    ws.elements.push({
        let mut e = Element::new(
            id("russian"),
            ElementKind::Touchpoint,
            "Приветственное письмо",
        );
        e.stages = vec![id("discover")];
        e
    });
    ws.stages[0].name = "Découverte à Zürich".into();
    let text = Pdf::read(&render(&ws, &options()).unwrap().bytes).text();
    for name in [
        "Ενημερωτικό δελτίο πελατών",
        "Приветственное письмо",
        "Découverte à Zürich",
    ] {
        assert!(
            squeezed(&text).contains(&squeezed(name)),
            "{name:?} missing from {text}"
        );
    }
}

#[test]
fn a4_and_letter_give_their_page_sizes() {
    let ws = workspace(3);
    let a4 = Pdf::read(&render(&ws, &options()).unwrap().bytes);
    let (w, h) = a4.page_size(1);
    assert!(
        (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
        "A4 is {w}x{h}"
    );
    let letter_options = PlaybookOptions {
        paper: Paper::Letter,
        ..options()
    };
    let letter = Pdf::read(&render(&ws, &letter_options).unwrap().bytes);
    let (w, h) = letter.page_size(1);
    assert!(
        (w - 612.0).abs() < 0.5 && (h - 792.0).abs() < 0.5,
        "Letter is {w}x{h}"
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let ws = workspace(5);
    assert_eq!(
        render(&ws, &options()).unwrap().bytes,
        render(&ws, &options()).unwrap().bytes
    );
}

#[test]
fn fonts_are_subsetted_so_the_file_stays_small() {
    let bytes = render(&workspace(12), &options()).unwrap().bytes;
    assert!(
        bytes.len() < 150_000,
        "a small playbook is {} bytes",
        bytes.len()
    );
    let big = render(&workspace(300), &options()).unwrap().bytes;
    assert!(
        big.len() < 1_000_000,
        "a 300-touchpoint playbook is {} bytes",
        big.len()
    );
}

#[test]
fn sections_can_be_left_out_and_the_outline_follows() {
    let ws = workspace(4);
    let only_principles = PlaybookOptions {
        sections: Sections {
            cover: false,
            narrative: false,
            principles: true,
            readiness: false,
            integrity: false,
            checklists: false,
            changes: false,
            monitor: false,
            reality: false,
        },
        ..options()
    };
    let preview = outline(&ws, &only_principles);
    assert_eq!(preview.len(), 1);
    assert_eq!(preview[0].section, Section::Principles);
    let text = squeezed(&Pdf::read(&render(&ws, &only_principles).unwrap().bytes).text());
    assert!(text.contains("Designprinciples"));
    assert!(
        !text.contains(&squeezed(&touchpoint_name(0))),
        "checklists were switched off"
    );

    let all = outline(&ws, &options());
    let titles: Vec<&str> = all.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Cover",
            "What changed",
            "Narrative arc",
            "Design principles",
            "Readiness",
            "Handoff integrity",
            "Monitor",
            "Reality check",
            "Touchpoint checklists"
        ]
    );
    assert!(
        all[8].summary.contains("4 touchpoints"),
        "{}",
        all[8].summary
    );
}

#[test]
fn an_empty_workspace_still_renders() {
    let ws = throughline_model::Workspace::new("Empty");
    let pdf = Pdf::read(&render(&ws, &options()).unwrap().bytes);
    assert!(pdf.page_count() >= 1);
    assert!(squeezed(&pdf.text()).contains("Novisionstatement"));
}
