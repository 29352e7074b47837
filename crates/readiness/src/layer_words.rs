//! The titles and explanations of the layer gap patterns: our own words.

use crate::layers::GapKind;

/// The title and explanation of a pattern; `names` fills in layer names where needed.
pub(crate) fn words(kind: GapKind, names: &str) -> (&'static str, String) {
    let (title, text): (&str, &str) = match kind {
        GapKind::NotRated => (
            "No layer rated yet",
            "Rate the four layers from 1 (absent) to 5 (fully integrated) to see where the stack is out of balance.",
        ),
        GapKind::MissingLayers => {
            return (
                "Not every layer is rated",
                format!(
                    "{names} has no rating yet. A gap only shows between two rated layers, so rate all four on the same day."
                ),
            );
        }
        GapKind::VisionAheadOfNarrative => (
            "A vision without a story",
            "The vision is clearer than the story meant to lead the customer to it, so each team fills in the stages its own way. Map the journey's stages and key moments next.",
        ),
        GapKind::NarrativeAheadOfVision => (
            "A story without a destination",
            "The narrative is better worked out than the vision it should serve, so the stages may lead somewhere nobody agreed on. Settle the vision statement, then check that every stage still points at it.",
        ),
        GapKind::NarrativeAheadOfSystem => (
            "A story the backbone can't keep",
            "The narrative promises more than the data, measurement and governance underneath can deliver: customers will be told about moments the systems cannot produce. Build what the key moments depend on before announcing them.",
        ),
        GapKind::SystemAheadOfNarrative => (
            "Machinery without a story",
            "The systems can do more than the narrative asks of them, so tools and their defaults end up shaping the experience. Tie each capability to the stage it exists for.",
        ),
        GapKind::SystemAheadOfTouchpoints => (
            "A backbone that doesn't reach the customer",
            "The shared data and rules exist, but the touchpoints barely use them, so the customer sees none of the investment. Connect the busiest touchpoints to the shared profile and rules first.",
        ),
        GapKind::TouchpointsAheadOfSystem => (
            "Polished touchpoints on a thin backbone",
            "Each touchpoint works well on its own, but with little shared data or rules beneath them, handoffs break and channels talk over each other. Invest in the shared profile and suppression rules before polishing further.",
        ),
        GapKind::TouchpointsAheadOfNarrative => (
            "Touchpoints ahead of the narrative",
            "The touchpoints are further along than the story that should connect them, so the experience will feel random: each interaction fine on its own, none leading anywhere. Give every touchpoint a stage to serve.",
        ),
        GapKind::StrongVisionWeakSystem => (
            "A strong vision over a weak system",
            "The ambition is clear but the backbone is thin, so the narrative will stay abstract: convincing in a workshop, absent from the customer's day. Pick the one or two capabilities the first key moment needs and build those.",
        ),
        GapKind::LayerDropped => {
            return (
                "A layer slipped",
                format!(
                    "{names} fell two points or more since its previous rating. Find out what changed (a reorganisation, a new tool, a lost owner) and loop back to the step that built it."
                ),
            );
        }
        GapKind::NoNorthStar => (
            "No north star",
            "The vision is weak or missing, so the layers below have nothing to line up with and each team optimises its own touchpoint. Write the vision first, in one sentence.",
        ),
        GapKind::AllWeak => (
            "Everything is early",
            "All four layers are at 2 or below. Start at the top: a vision, then a short narrative, before investing in systems or new touchpoints.",
        ),
        GapKind::AllStrong => (
            "The stack holds together",
            "Every layer is at 4 or above with no large gaps. Keep it that way: watch the coherence metrics and re-rate every quarter, because layers drift apart quietly.",
        ),
        GapKind::NoLargeGap => (
            "No large gaps",
            "No two neighbouring layers are two or more points apart. Raise them together, top down, and re-rate every quarter.",
        ),
    };
    (title, text.to_string())
}
