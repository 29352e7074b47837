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

/// The shipped sample workspace (NexusFlow).
pub fn sample() -> Workspace {
    throughline_format::sample()
}

fn metric(
    mid: &str,
    name: &str,
    kind: throughline_model::MetricKind,
    scale: (f64, f64),
    scope: throughline_model::MetricScope,
) -> throughline_model::Metric {
    let mut m = throughline_model::Metric::new(id(mid), name, kind, scale.0, scale.1);
    m.scope = scope;
    m
}

/// `ws` with a scorecard and three monthly readings of each metric: a sentiment metric per
/// stage of the sample (the setup stage's slides three months running, and the stuck
/// stage reads far happier than the narrative promised), a leading activation rate that
/// meets its target, a lagging NPS, support contacts where lower is better, and one metric
/// nobody owns.
pub fn with_metrics(mut ws: Workspace) -> Workspace {
    use throughline_model::{Better, MetricKind, MetricScope, Reading};
    let dates = ["2025-03-31", "2025-04-30", "2025-05-31"];
    let readings = |ws: &mut Workspace, mid: &str, values: [f64; 3]| {
        for (date, value) in dates.iter().zip(values) {
            ws.readings.push(Reading {
                metric: id(mid),
                date: (*date).into(),
                value,
                n: Some(120),
            });
        }
    };
    let stages: Vec<(String, String)> = ws
        .stages
        .iter()
        .map(|s| (s.id.to_string(), s.name.clone()))
        .collect();
    for (i, (sid, name)) in stages.iter().enumerate() {
        let mid = format!("csat-{sid}");
        let mut m = metric(
            &mid,
            &format!("Satisfaction in {name}"),
            MetricKind::Sentiment,
            (1.0, 5.0),
            MetricScope::Stage(id(sid)),
        );
        m.owner = Some("product-team".into());
        m.target = Some(4.0);
        ws.metrics.push(m);
        let values = match sid.as_str() {
            "setup" => [3.6, 3.1, 2.4],
            "stuck" => [3.9, 4.0, 4.1],
            _ => [
                3.5 + 0.1 * i as f64,
                3.6 + 0.1 * i as f64,
                3.8 + 0.1 * i as f64,
            ],
        };
        readings(&mut ws, &mid, values);
    }
    let mut activation = metric(
        "activation",
        "Workspaces active within 30 days",
        MetricKind::Completion,
        (0.0, 100.0),
        MetricScope::Journey,
    );
    activation.leading = true;
    activation.target = Some(40.0);
    activation.owner = Some("Head of product".into());
    ws.metrics.push(activation);
    readings(&mut ws, "activation", [31.0, 36.0, 42.0]);
    let mut nps = metric(
        "nps",
        "Net promoter score",
        MetricKind::Nps,
        (-100.0, 100.0),
        MetricScope::Journey,
    );
    nps.target = Some(30.0);
    nps.owner = Some("Dana Okafor".into());
    ws.metrics.push(nps);
    readings(&mut ws, "nps", [18.0, 21.0, 19.0]);
    let mut contacts = metric(
        "setup-contacts",
        "Support contacts about setup",
        MetricKind::Contacts,
        (0.0, 1000.0),
        MetricScope::Stage(id("setup")),
    );
    contacts.direction = Better::Lower;
    contacts.leading = true;
    contacts.target = Some(150.0);
    contacts.owner = Some("support-team".into());
    ws.metrics.push(contacts);
    readings(&mut ws, "setup-contacts", [210.0, 260.0, 340.0]);
    let recall = metric(
        "recall",
        "Customers who can say the promise back",
        MetricKind::Recall,
        (0.0, 100.0),
        MetricScope::Journey,
    );
    ws.metrics.push(recall);
    readings(&mut ws, "recall", [22.0, 25.0, 27.0]);
    ws
}

/// The sample as it stood at its kick-off workshop: before the May readiness session,
/// without the two handoffs that close the loop to the CX council, and with the website
/// still promising a one-click setup.
pub fn kickoff(ws: &Workspace) -> Workspace {
    let mut before = ws.clone();
    before.readiness.truncate(1);
    let latest = ws
        .layer_scores
        .iter()
        .map(|l| l.date.clone())
        .max()
        .unwrap_or_default();
    before.layer_scores.retain(|l| l.date != latest);
    before
        .handoffs
        .retain(|h| h.id != "coherence-report" && h.id != "cap-decision");
    if let Some(web) = before.elements.iter_mut().find(|e| e.id == "website") {
        web.claims
            .insert("setup.effort".into(), "One click, no setup".into());
    }
    before
}

/// A small event log of the sample as CSV: 40 cases run website > signup > wizard and
/// then, in every other case, straight to the support desk, a handoff the map lacks; the
/// signup-to-wizard handoff (promised within 0 h) takes hours.
pub fn sample_log() -> String {
    let mut out = String::from("case_id,activity,timestamp,resource\n");
    for c in 0..40 {
        let day = 1 + c % 28;
        let mut steps = vec![
            ("website", 9, "web"),
            ("signup", 10, "web"),
            ("wizard", 14, "app"),
        ];
        if c % 2 == 0 {
            steps.push(("support-desk", 16, "zendesk"));
        } else {
            steps.push(("chatbot", 15, "bot"));
        }
        for (activity, hour, resource) in steps {
            out.push_str(&format!(
                "case-{c},{activity},2025-05-{day:02}T{hour:02}:00:00Z,{resource}\n"
            ));
        }
    }
    out
}

/// The reality check of `ws` against [`sample_log`], as the CLI would pass it in.
pub fn replayed(ws: &Workspace) -> throughline_reality::RealityReport {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.csv");
    std::fs::write(&path, sample_log()).unwrap();
    throughline_reality::replay_file(ws, &path, &throughline_reality::ReplayOptions::default())
        .unwrap()
}
