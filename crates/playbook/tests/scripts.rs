//! Names in every script a team uses render: Chinese, Japanese, Korean, Arabic, Hebrew and
//! emoji come out of the PDF as the same text, drawn with real glyphs (never the empty box of
//! a font's .notdef), and right-to-left names read in the right order.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Pdf, id, workspace};
use lopdf::Object;
use lopdf::content::Content;
use throughline_model::{Element, ElementKind, Principle, Workspace};
use throughline_playbook::{Edition, PlaybookOptions, render};

const NAMES: [&str; 7] = [
    "客户服务中心",
    "東京オフィス さくら",
    "고객 지원팀",
    "مركز خدمة العملاء",
    "צוות התמיכה",
    "Launch 🚀 party 🎉",
    "Café Zoë 😀",
];

/// The sample-like workspace with one touchpoint, one team and one principle per script.
fn world() -> Workspace {
    let mut ws = workspace(6);
    for (i, name) in NAMES.iter().enumerate() {
        let mut tp = Element::new(
            id(&format!("intl-{i}")),
            ElementKind::Touchpoint,
            name.to_string(),
        );
        tp.stages = vec![ws.stages[i % ws.stages.len()].id.clone()];
        tp.team = Some(format!("team-{i}"));
        ws.elements.push(tp);
        ws.elements.push(Element::new(
            id(&format!("team-{i}")),
            ElementKind::Team,
            format!("{name} team"),
        ));
    }
    ws.principles.push(Principle {
        id: id("p-intl"),
        text: "שירות אחד, קול אחד: 一个声音 · صوت واحد".into(),
        non_negotiable: false,
    });
    ws
}

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `s` as drawn right to left: characters reversed, except that a lam-alef ligature is one
/// glyph whose text keeps its logical order.
fn reversed(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut clusters: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == 'ل' && chars.get(i + 1) == Some(&'ا') {
            clusters.push("لا".into());
            i += 2;
        } else {
            clusters.push(chars[i].to_string());
            i += 1;
        }
    }
    clusters.into_iter().rev().collect()
}

fn render_edition(edition: Edition) -> Vec<u8> {
    let options = PlaybookOptions {
        generated_on: "21 November 2025".into(),
        edition,
        ..PlaybookOptions::default()
    };
    render(&world(), &options).unwrap().bytes
}

/// Every two-byte glyph code shown on any page (the playbook's fonts are all two-byte CID fonts).
fn shown_codes(pdf: &Pdf) -> Vec<u16> {
    let mut codes = Vec::new();
    for page_id in pdf.doc.get_pages().values() {
        let content: Content = pdf.doc.get_and_decode_page_content(*page_id).unwrap();
        for op in content.operations {
            let strings: Vec<Vec<u8>> = match op.operator.as_str() {
                "Tj" => op
                    .operands
                    .iter()
                    .filter_map(|o| o.as_str().ok().map(<[u8]>::to_vec))
                    .collect(),
                "TJ" => match op.operands.first() {
                    Some(Object::Array(items)) => items
                        .iter()
                        .filter_map(|o| o.as_str().ok().map(<[u8]>::to_vec))
                        .collect(),
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            for s in strings {
                codes.extend(s.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])));
            }
        }
    }
    codes
}

#[test]
fn every_script_comes_out_as_text_in_the_full_edition() {
    let pdf = Pdf::read(&render_edition(Edition::Full));
    let text = squeezed(&pdf.text());
    for name in NAMES {
        let name = squeezed(name);
        assert!(
            text.contains(&name) || text.contains(&reversed(&name)),
            "{name:?} is not in the PDF's text"
        );
    }
}

#[test]
fn no_glyph_is_the_missing_glyph_box() {
    for edition in [Edition::Full, Edition::Leadership] {
        let pdf = Pdf::read(&render_edition(edition));
        let codes = shown_codes(&pdf);
        assert!(codes.len() > 500, "only {} glyphs shown", codes.len());
        assert!(
            !codes.contains(&0),
            "{edition:?}: a glyph is .notdef (a character no font has)"
        );
    }
}

#[test]
fn right_to_left_names_are_drawn_in_visual_order() {
    let pdf = Pdf::read(&render_edition(Edition::Full));
    let text = squeezed(&pdf.text());
    // The PDF draws glyphs left to right as they appear, so a Hebrew word's last letter
    // comes first in the content stream.
    assert!(text.contains(&reversed("התמיכה")), "Hebrew not reordered");
    assert!(!text.contains("התמיכה"), "Hebrew drawn in logical order");
}

#[test]
fn fallback_fonts_are_embedded_as_small_subsets() {
    let latin = render(
        &workspace(6),
        &PlaybookOptions {
            generated_on: "21 November 2025".into(),
            edition: Edition::Full,
            ..PlaybookOptions::default()
        },
    )
    .unwrap()
    .bytes;
    let world = render_edition(Edition::Full);
    // Four more fonts (Arabic, Hebrew, CJK, emoji), each cut to a few dozen glyphs.
    assert!(
        world.len() < latin.len() + 120_000,
        "{} bytes against {} without other scripts",
        world.len(),
        latin.len()
    );
}
