//! Shared fixtures: workspaces built in code, and a reader that takes a written PDF apart.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Document, Object};
use throughline_model::{Element, ElementKind, Emotion, Handoff, Id, Principle, Stage, Workspace};

pub fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// A NexusFlow-like workspace with `touchpoints` touchpoints spread over five stages.
pub fn workspace(touchpoints: usize) -> Workspace {
    let mut ws = Workspace::new("NexusFlow: the first 30 days");
    ws.workspace.vision = "Every new customer runs a workflow that matters within 30 days, \
        and never feels the product they bought differs from the one they were shown."
        .into();
    ws.workspace.journey_state = vec!["account.id".into(), "journey.stage".into()];
    let stages = [
        ("discover", "Discover", 1, "Reads that no setup is needed."),
        (
            "evaluate",
            "Evaluate",
            2,
            "The demo shows advanced automations.",
        ),
        ("setup", "Set up", -1, "The wizard asks for API keys."),
        (
            "stuck",
            "Stuck in week two",
            -2,
            "Support asks for the whole story again.",
        ),
        ("value", "First value", 1, "The first real workflow runs."),
    ];
    for (sid, name, emotion, moment) in stages {
        ws.stages.push(Stage {
            id: id(sid),
            name: name.into(),
            emotion: Emotion::new(emotion).unwrap(),
            moment: moment.into(),
        });
    }
    ws.principles.push(Principle {
        id: id("p1"),
        text: "Promise only what the first week delivers.".into(),
        non_negotiable: false,
    });
    ws.principles.push(Principle {
        id: id("p2"),
        text: "Never make a customer repeat themselves.".into(),
        non_negotiable: true,
    });
    let mut team = Element::new(id("growth"), ElementKind::Team, "Growth team");
    team.description = "Owns acquisition".into();
    ws.elements.push(team);
    let mut rule = Element::new(id("suppress"), ElementKind::Rule, "One message a day");
    rule.description = "Outbound channels share one daily slot.".into();
    for i in 0..touchpoints {
        let tid = format!("tp-{i}");
        let mut tp = Element::new(id(&tid), ElementKind::Touchpoint, touchpoint_name(i));
        tp.channel = Some(["web", "email", "app", "chat"][i % 4].into());
        tp.team = Some(if i % 3 == 0 {
            "growth".into()
        } else {
            "Support".into()
        });
        tp.stages = vec![ws.stages[i % 5].id.clone()];
        tp.claims
            .insert("setup.effort".into(), "No setup needed".into());
        if i % 2 == 0 {
            tp.claims.insert("plan.price".into(), "€49 per seat".into());
        }
        tp.needs = vec!["account.id".into(), "case.history".into()];
        if i > 0 {
            let mut h = Handoff::new(
                id(&format!("h-{i}")),
                id(&format!("tp-{}", i - 1)),
                id(&tid),
            );
            h.carries = vec!["account.id".into(), "setup.effort".into()];
            h.invariant = vec!["setup.effort".into()];
            h.owner = Some("Growth".into());
            if i % 4 == 0 {
                h.gate = Some("Legal".into());
            }
            ws.handoffs.push(h);
        }
        rule.covers.push(id(&tid));
        ws.elements.push(tp);
    }
    ws.elements.push(rule);
    ws
}

pub fn touchpoint_name(i: usize) -> String {
    format!("Touchpoint number {i} onboarding email")
}

/// A written PDF, taken apart.
pub struct Pdf {
    pub doc: Document,
}

/// One text-showing operation: where it starts, how wide it is, on which page.
#[derive(Debug)]
pub struct Shown {
    pub page: u32,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
}

impl Pdf {
    pub fn read(bytes: &[u8]) -> Self {
        Self {
            doc: Document::load_mem(bytes).expect("the playbook is a readable PDF"),
        }
    }

    pub fn page_count(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// All text, page by page.
    pub fn text(&self) -> String {
        let pages: Vec<u32> = self.doc.get_pages().keys().copied().collect();
        self.doc.extract_text(&pages).expect("text extracts")
    }

    /// The media box of page 1, as (width, height).
    pub fn page_size(&self, page: u32) -> (f32, f32) {
        let (w, h, _, _) = self.media_box(page);
        (w, h)
    }

    fn media_box(&self, page: u32) -> (f32, f32, f32, f32) {
        let id = self.doc.get_pages()[&page];
        let dict = self.doc.get_dictionary(id).unwrap();
        let mb = dict.get(b"MediaBox").unwrap().as_array().unwrap();
        let n: Vec<f32> = mb.iter().map(|o| o.as_float().unwrap()).collect();
        (n[2] - n[0], n[3] - n[1], n[0], n[1])
    }

    /// Every text-showing operation with its position and width measured from the
    /// embedded fonts' `/W` widths.
    pub fn shown_text(&self) -> Vec<Shown> {
        let mut out = Vec::new();
        for (number, page_id) in self.doc.get_pages() {
            let fonts = self.doc.get_page_fonts(page_id).unwrap();
            let widths: BTreeMap<Vec<u8>, BTreeMap<u32, f32>> = fonts
                .iter()
                .map(|(name, dict)| (name.clone(), self.cid_widths(dict)))
                .collect();
            let content = self.doc.get_and_decode_page_content(page_id).unwrap();
            walk(&content, number, &widths, &mut out);
        }
        out
    }

    fn cid_widths(&self, font: &lopdf::Dictionary) -> BTreeMap<u32, f32> {
        let mut map = BTreeMap::new();
        let Ok(desc) = font.get(b"DescendantFonts") else {
            return map;
        };
        let desc = match desc {
            Object::Reference(r) => self.doc.get_object(*r).unwrap(),
            o => o,
        };
        let first = desc.as_array().unwrap()[0].clone();
        let cid_font = match &first {
            Object::Reference(r) => self.doc.get_dictionary(*r).unwrap(),
            o => o.as_dict().unwrap(),
        };
        let w = match cid_font.get(b"W").unwrap() {
            Object::Reference(r) => self.doc.get_object(*r).unwrap().as_array().unwrap(),
            o => o.as_array().unwrap(),
        };
        let mut i = 0;
        while i < w.len() {
            let start = w[i].as_i64().unwrap() as u32;
            match &w[i + 1] {
                Object::Array(list) => {
                    for (k, v) in list.iter().enumerate() {
                        map.insert(start + k as u32, v.as_float().unwrap());
                    }
                    i += 2;
                }
                end => {
                    let end = end.as_i64().unwrap() as u32;
                    let v = w[i + 2].as_float().unwrap();
                    for c in start..=end {
                        map.insert(c, v);
                    }
                    i += 3;
                }
            }
        }
        map
    }
}

fn walk(
    content: &Content,
    page: u32,
    widths: &BTreeMap<Vec<u8>, BTreeMap<u32, f32>>,
    out: &mut Vec<Shown>,
) {
    let mut font: Vec<u8> = Vec::new();
    let mut size = 0.0;
    let (mut x, mut y) = (0.0, 0.0);
    for op in &content.operations {
        let num = |i: usize| op.operands[i].as_float().unwrap();
        match op.operator.as_str() {
            "BT" => (x, y) = (0.0, 0.0),
            "Tf" => {
                font = op.operands[0].as_name().unwrap().to_vec();
                size = num(1);
            }
            "Td" => {
                x += num(0);
                y += num(1);
            }
            "Tj" | "TJ" => {
                let strings: Vec<&Vec<u8>> = match &op.operands[0] {
                    Object::String(s, _) => vec![s],
                    Object::Array(a) => a
                        .iter()
                        .filter_map(|o| match o {
                            Object::String(s, _) => Some(s),
                            _ => None,
                        })
                        .collect(),
                    _ => vec![],
                };
                let table = &widths[&font];
                let units: f32 = strings
                    .iter()
                    .flat_map(|s| s.chunks(2))
                    .map(|c| {
                        let code = u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0));
                        table.get(&code).copied().unwrap_or(1000.0)
                    })
                    .sum();
                out.push(Shown {
                    page,
                    x,
                    y,
                    width: units / 1000.0 * size,
                    size,
                });
            }
            _ => {}
        }
    }
}
