//! Rules about the shape of the work: hero-dependent people, touchpoints serving no
//! stage, and stages no touchpoint serves.

use throughline_model::ElementKind;

use crate::finding::{Evidence, Finding, RuleCode, Subject};
use crate::fxhash::FxHashSet;
use crate::graph::articulation_points;
use crate::index::{Index, cat, is_touchpoint, name, stage_name, subject};

/// `single-point-of-failure`: a person every route between two parts of the work runs through.
pub(crate) fn single_point_of_failure(ix: &Index, out: &mut Vec<Finding>) {
    let has_person = ix.ws.elements.iter().any(|e| e.kind == ElementKind::Person);
    if !has_person {
        return;
    }
    for cut in articulation_points(&ix.graph) {
        let person = ix.element(cut.node);
        if person.kind != ElementKind::Person {
            continue;
        }
        let mut cut_off: Vec<&str> = cut
            .cut_off
            .iter()
            .map(|p| ix.element(*p).id.as_str())
            .collect();
        cut_off.sort_unstable();
        let parts = cut.parts;
        let mut evidence: Vec<Evidence> = cut_off
            .iter()
            .map(|id| {
                Evidence::value(
                    Subject::element(id),
                    "handoffs",
                    format!("reach the rest only through \"{}\"", person.id),
                )
            })
            .collect();
        evidence.insert(
            0,
            Evidence::value(
                subject(person),
                "handoffs",
                format!("{} handoffs", ix.degree(cut.node)),
            ),
        );
        out.push(Finding::new(
            RuleCode::SinglePointOfFailure,
            person.id.as_str(),
            vec![subject(person)],
            format!(
                "Every route between {parts} parts of the work runs through {}: if they are away, those parts stop talking to each other.",
                name(person)
            ),
            evidence,
            format!(
                "Add a handoff that bypasses {} (a deputy, a team or a shared system) so the work does not depend on one person.",
                name(person)
            ),
        ));
    }
}

/// `orphan-touchpoint`: a touchpoint that serves no stage of the narrative.
pub(crate) fn orphan_touchpoint(ix: &Index, out: &mut Vec<Finding>) {
    let stages: FxHashSet<&str> = ix.ws.stages.iter().map(|s| s.id.as_str()).collect();
    for e in ix.ws.elements.iter().filter(|e| is_touchpoint(e)) {
        if e.stages.iter().any(|s| stages.contains(s.as_str())) {
            continue;
        }
        let evidence = if e.stages.is_empty() {
            Evidence::absent(subject(e), "stages", "serves no stage")
        } else {
            let listed: Vec<&str> = e.stages.iter().map(|s| s.as_str()).collect();
            Evidence::value(subject(e), "stages", listed.join(", ")).noted("no such stage")
        };
        out.push(Finding::new(
            RuleCode::OrphanTouchpoint,
            e.id.as_str(),
            vec![subject(e)],
            cat(&[
                name(e),
                " serves no stage of the customer's story, so the customer meets it without a reason.",
            ]),
            vec![evidence],
            cat(&[
                "Attach ",
                name(e),
                " to the stage it serves, or retire it if it serves none.",
            ]),
        ));
    }
}

/// `unsupported-stage`: a stage of the narrative that no touchpoint serves.
pub(crate) fn unsupported_stage(ix: &Index, out: &mut Vec<Finding>) {
    let served: FxHashSet<&str> = ix
        .ws
        .elements
        .iter()
        .filter(|e| is_touchpoint(e))
        .flat_map(|e| e.stages.iter().map(|s| s.as_str()))
        .collect();
    for s in &ix.ws.stages {
        if served.contains(s.id.as_str()) {
            continue;
        }
        out.push(Finding::new(
            RuleCode::UnsupportedStage,
            s.id.as_str(),
            vec![Subject::stage(s.id.as_str())],
            cat(&[
                "No touchpoint serves the stage ",
                stage_name(s),
                ", so this part of the story never reaches the customer.",
            ]),
            vec![Evidence::absent(
                Subject::stage(s.id.as_str()),
                "touchpoints",
                "no touchpoint lists this stage",
            )],
            cat(&[
                "Design a touchpoint for ",
                stage_name(s),
                ", or attach an existing touchpoint to it.",
            ]),
        ));
    }
}
