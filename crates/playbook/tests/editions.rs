//! The two editions and how they page: the leadership edition fits its page budget whatever
//! the workspace's size, and no page but a section's last is less than a third full, as the
//! layout engine records it, across the sample, the sample with metrics, a baseline and an
//! event log (every optional section present), a generated 2,000-element workspace
//! compared with another, and a workspace of 240-character names.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Pdf, kickoff, replayed, with_metrics, workspace};
use throughline_model::{Layer, LayerScore, Score, Workspace};
use throughline_playbook::{
    Baseline, Edition, LEADERSHIP_PAGES, PlaybookOptions, Rendered, Section, render,
};

fn options(edition: Edition) -> PlaybookOptions {
    PlaybookOptions {
        generated_on: "30 November 2026".into(),
        generated_at: Some("2026-11-30T09:40:00Z".into()),
        edition,
        ..PlaybookOptions::default()
    }
}

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn sample() -> Workspace {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/sample/nexusflow.throughline.json"
    );
    throughline_format::read_file(std::path::Path::new(path)).unwrap()
}

fn generated() -> Workspace {
    throughline_audit::generate(2_000, 7)
}

/// A workspace whose every name and sentence is about 240 characters long.
fn long_names() -> Workspace {
    let mut ws = workspace(30);
    let long = |i: usize| {
        let mut s = format!("Email preference centre {i} for returning customers who ");
        while s.chars().count() < 240 {
            s.push_str("changed their mind about newsletters and offers ");
        }
        s.chars().take(240).collect::<String>()
    };
    ws.workspace.name = long(0);
    for (i, s) in ws.stages.iter_mut().enumerate() {
        s.name = long(i);
        s.moment = long(i + 10);
    }
    for (i, p) in ws.principles.iter_mut().enumerate() {
        p.text = long(i + 20);
    }
    for (i, e) in ws.elements.iter_mut().enumerate() {
        e.name = long(i + 30);
    }
    ws
}

/// A workspace, and what else the playbook is given: a baseline and a replay result.
struct Case {
    label: &'static str,
    ws: Workspace,
    since: Option<Baseline>,
    reality: Option<throughline_reality::RealityReport>,
}

impl Case {
    fn plain(label: &'static str, ws: Workspace) -> Self {
        Self {
            label,
            ws,
            since: None,
            reality: None,
        }
    }

    fn options(&self, edition: Edition) -> PlaybookOptions {
        PlaybookOptions {
            since: self.since.clone(),
            reality: self.reality.clone(),
            ..options(edition)
        }
    }
}

/// The sample with every optional section: metrics, the kick-off as baseline, a log.
fn everything() -> Case {
    let ws = with_metrics(sample());
    Case {
        label: "sample with metrics, a baseline and a log",
        since: Some(Baseline {
            label: "kick-off".into(),
            workspace: kickoff(&ws),
        }),
        reality: Some(replayed(&ws)),
        ws,
    }
}

/// A generated workspace compared with another seed's: hundreds of changes in every
/// layer, and findings resolved and introduced by the score.
fn generated_since_another() -> Case {
    Case {
        label: "500 elements since another 500",
        since: Some(Baseline {
            label: "seed 8".into(),
            workspace: throughline_audit::generate(500, 8),
        }),
        ..Case::plain("", throughline_audit::generate(500, 7))
    }
}

fn cases() -> Vec<Case> {
    vec![
        Case::plain("sample", sample()),
        everything(),
        Case::plain("2,000 elements", generated()),
        generated_since_another(),
        Case::plain("long names", long_names()),
    ]
}

/// Every page but a section's last is at least a third full.
fn assert_pages_fill(label: &str, edition: Edition, rendered: &Rendered) {
    assert_eq!(rendered.fill.len(), rendered.pages as usize);
    for (i, page) in rendered.fill.iter().enumerate() {
        if page.last_of_section {
            continue;
        }
        assert!(
            page.used >= 1.0 / 3.0,
            "{label}, {edition:?}: page {} ({:?}) is only {:.0}% full",
            i + 1,
            page.section,
            page.used * 100.0
        );
    }
}

/// With `THROUGHLINE_REVIEW_DIR` set, writes the PDF there (`sample-full.pdf`, ...) so that
/// its pages can be rendered to images and looked at; otherwise does nothing.
fn keep_for_review(label: &str, edition: Edition, rendered: &Rendered) {
    let Some(dir) = std::env::var_os("THROUGHLINE_REVIEW_DIR") else {
        return;
    };
    let slug: String = label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .filter(|c| *c != ',')
        .collect();
    let path = std::path::Path::new(&dir).join(format!("{slug}-{edition:?}.pdf").to_lowercase());
    std::fs::write(&path, &rendered.bytes).unwrap();
}

#[test]
fn the_leadership_edition_fits_six_pages_whatever_the_size() {
    let mut all = cases();
    all.push(Case::plain("300 touchpoints", workspace(300)));
    for case in &all {
        let label = case.label;
        let rendered = render(&case.ws, &case.options(Edition::Leadership)).unwrap();
        assert!(
            rendered.pages as usize <= LEADERSHIP_PAGES,
            "{label}: {} pages",
            rendered.pages
        );
        let pdf = Pdf::read(&rendered.bytes);
        assert_eq!(pdf.page_count(), rendered.pages as usize);
        assert!(
            !rendered
                .fill
                .iter()
                .any(|p| p.section == Some(Section::Checklists)),
            "{label}: checklists belong to the full edition"
        );
    }
}

#[test]
fn no_page_but_a_sections_last_is_under_a_third_full() {
    for case in cases() {
        for edition in [Edition::Leadership, Edition::Full] {
            let rendered = render(&case.ws, &case.options(edition)).unwrap();
            keep_for_review(case.label, edition, &rendered);
            assert_pages_fill(case.label, edition, &rendered);
        }
    }
}

#[test]
fn with_every_optional_section_the_leadership_edition_keeps_them_all() {
    let case = everything();
    let rendered = render(&case.ws, &case.options(Edition::Leadership)).unwrap();
    assert!(rendered.pages as usize <= LEADERSHIP_PAGES);
    assert_eq!(
        rendered.fill[1].section,
        Some(Section::Changes),
        "what changed comes first after the cover"
    );
    let text = squeezed(&Pdf::read(&rendered.bytes).text());
    for title in [
        "Whatchangedsincekick-off",
        "Narrativearc",
        "Designprinciples",
        "Readiness",
        "Theworstdivergences",
        "Scorecard",
        "Promisedandmeasuredarc",
        "Realitycheck",
    ] {
        assert!(text.contains(title), "{title} missing");
    }
}

#[test]
fn the_full_edition_has_the_checklists_and_every_divergence() {
    let ws = workspace(40);
    let full = render(&ws, &options(Edition::Full)).unwrap();
    let lean = render(&ws, &options(Edition::Leadership)).unwrap();
    assert!(full.pages > lean.pages);
    let text = squeezed(&Pdf::read(&full.bytes).text());
    assert!(text.contains("Touchpointchecklists"));
    assert!(text.contains("Everyotheropendivergence"));
    let lean_text = squeezed(&Pdf::read(&lean.bytes).text());
    assert!(lean_text.contains("Theworstdivergences"));
    assert!(lean_text.contains("inthefulleditionandtheapp'sauditview"));
    assert!(!lean_text.contains("Touchpointchecklists"));
}

#[test]
fn keys_read_as_names_with_the_key_beside_them() {
    let ws = workspace(3);
    let text =
        squeezed(&Pdf::read(&render(&ws, &options(Edition::Leadership)).unwrap().bytes).text());
    assert!(
        text.contains("Mustnotvary:Setupeffortsetup.effort"),
        "{text}"
    );
    assert!(text.contains("AccountIDaccount.id"));
}

#[test]
fn the_layer_scores_and_their_diagnosis_are_printed() {
    let mut ws = workspace(3);
    for (layer, score) in [
        (Layer::Vision, 5),
        (Layer::Narrative, 5),
        (Layer::System, 2),
        (Layer::Touchpoint, 3),
    ] {
        ws.layer_scores.push(LayerScore {
            layer,
            score: Score::new(score).unwrap(),
            date: "2026-11-02".into(),
            session: None,
        });
    }
    let diagnosis = throughline_readiness::diagnose_layers(&ws.layer_scores);
    let text =
        squeezed(&Pdf::read(&render(&ws, &options(Edition::Leadership)).unwrap().bytes).text());
    assert!(text.contains("TheCoherenceStack,rated2026-11-02"));
    for p in &diagnosis.patterns {
        assert!(text.contains(&squeezed(&p.title)), "{} missing", p.title);
    }
    assert!(text.contains("2of5"));
}

#[test]
fn the_creation_date_is_the_export_time() {
    let rendered = render(&workspace(2), &options(Edition::Leadership)).unwrap();
    let pdf = Pdf::read(&rendered.bytes);
    let info = pdf
        .doc
        .trailer
        .get(b"Info")
        .unwrap()
        .as_reference()
        .unwrap();
    let info = pdf.doc.get_dictionary(info).unwrap();
    let created = info.get(b"CreationDate").unwrap().as_str().unwrap();
    assert!(
        String::from_utf8_lossy(created).starts_with("D:20261130094000"),
        "{}",
        String::from_utf8_lossy(created)
    );
}
