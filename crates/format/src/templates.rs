//! Starting points for a new workspace: the four scenarios a facilitator meets most, each a
//! small finished example with divergences worth discussing in a first workshop.

use throughline_model::Workspace;

use crate::{FormatError, SAMPLE_JSON, parse};

/// A workspace to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// A stable id (`retail-loyalty`), used by the CLI and the app.
    pub id: &'static str,
    /// What the picker shows.
    pub title: &'static str,
    /// One sentence on what the example holds.
    pub summary: &'static str,
    /// The workspace as a `*.throughline.json` text.
    pub json: &'static str,
}

impl Template {
    /// The template's workspace.
    pub fn workspace(&self) -> Result<Workspace, FormatError> {
        parse(self.json)
    }
}

/// Every template, in the order the picker shows them.
pub const TEMPLATES: [Template; 4] = [
    Template {
        id: "saas-onboarding",
        title: "SaaS onboarding: the first 30 days",
        summary: "The website promises no setup, the wizard asks for an API key, and support \
                  learns about a feature from the customers.",
        json: SAMPLE_JSON,
    },
    Template {
        id: "retail-loyalty",
        title: "Retail loyalty app",
        summary: "Marketing pushes, product gamifies, support scripts: each team hits its \
                  number while members feel crowded.",
        json: include_str!("../../../assets/templates/retail-loyalty.throughline.json"),
    },
    Template {
        id: "rising-intent",
        title: "Rising intent in B2B marketing",
        summary: "One intent signal sets off an SDR call, a nurture track, louder web \
                  messages and an executive invite on the same day.",
        json: include_str!("../../../assets/templates/rising-intent.throughline.json"),
    },
    Template {
        id: "spring-promotions",
        title: "High-volume promotions with brand partners",
        summary: "Partner offers, legal gates, late swaps and tracking codes, with one \
                  person every path runs through.",
        json: include_str!("../../../assets/templates/spring-promotions.throughline.json"),
    },
];

/// The template with this id, or the ids there are.
pub fn template(id: &str) -> Result<&'static Template, String> {
    TEMPLATES.iter().find(|t| t.id == id).ok_or_else(|| {
        let ids: Vec<&str> = TEMPLATES.iter().map(|t| t.id).collect();
        format!("no template \"{id}\"; the templates are {}", ids.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::to_string;

    #[test]
    fn every_template_parses_and_is_in_canonical_form() {
        for t in TEMPLATES {
            let ws = t.workspace().unwrap_or_else(|e| panic!("{}: {e}", t.id));
            assert_eq!(to_string(&ws), t.json, "{} is not canonical", t.id);
            assert!(
                ws.stages.len() >= 4 && ws.elements.len() >= 8 && ws.principles.len() >= 3,
                "{} is a finished example",
                t.id
            );
        }
    }

    #[test]
    fn an_unknown_template_lists_the_ones_there_are() {
        let err = template("retail").unwrap_err();
        assert_eq!(
            err,
            "no template \"retail\"; the templates are saas-onboarding, retail-loyalty, \
             rising-intent, spring-promotions"
        );
        assert_eq!(template("rising-intent").map(|t| t.id), Ok("rising-intent"));
    }
}
