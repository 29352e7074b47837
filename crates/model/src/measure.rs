//! The continuous practice: coherence metrics, their dated readings, and the monthly
//! reviews where a team looks at them (format version 2).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Id;

/// What a coherence metric measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// Share of customers who finish the journey or a stage of it.
    Completion,
    /// How customers feel, on the metric's own scale (e.g. 1 to 5).
    Sentiment,
    /// Whether customers can state the promise back (narrative recall).
    Recall,
    /// Net promoter score, -100 to 100.
    Nps,
    Churn,
    /// Support contacts.
    Contacts,
    Custom,
}

impl MetricKind {
    /// Every kind, in display order.
    pub const ALL: [MetricKind; 7] = [
        MetricKind::Completion,
        MetricKind::Sentiment,
        MetricKind::Recall,
        MetricKind::Nps,
        MetricKind::Churn,
        MetricKind::Contacts,
        MetricKind::Custom,
    ];

    /// The kind's display name.
    pub fn label(self) -> &'static str {
        match self {
            MetricKind::Completion => "Completion",
            MetricKind::Sentiment => "Sentiment",
            MetricKind::Recall => "Narrative recall",
            MetricKind::Nps => "NPS",
            MetricKind::Churn => "Churn",
            MetricKind::Contacts => "Support contacts",
            MetricKind::Custom => "Custom",
        }
    }
}

/// Which way a metric gets better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

/// What a metric is measured over: the whole journey, one stage, or one element.
///
/// Written in files as `"journey"`, `"stage:ID"` or `"element:ID"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "specta", specta(type = String))]
#[serde(try_from = "String", into = "String")]
pub enum MetricScope {
    #[default]
    Journey,
    Stage(Id),
    Element(Id),
}

/// A scope that is not `journey`, `stage:ID` or `element:ID`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("scope \"{0}\" is not \"journey\", \"stage:ID\" or \"element:ID\"")]
pub struct ScopeError(pub String);

impl TryFrom<String> for MetricScope {
    type Error = ScopeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        if value == "journey" {
            return Ok(MetricScope::Journey);
        }
        let bad = || ScopeError(value.clone());
        let (what, id) = value.split_once(':').ok_or_else(bad)?;
        let id = Id::new(id).map_err(|_| bad())?;
        match what {
            "stage" => Ok(MetricScope::Stage(id)),
            "element" => Ok(MetricScope::Element(id)),
            _ => Err(bad()),
        }
    }
}

impl From<MetricScope> for String {
    fn from(scope: MetricScope) -> Self {
        scope.to_string()
    }
}

impl fmt::Display for MetricScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetricScope::Journey => f.write_str("journey"),
            MetricScope::Stage(id) => write!(f, "stage:{id}"),
            MetricScope::Element(id) => write!(f, "element:{id}"),
        }
    }
}

/// A coherence indicator the team tracks, with its scale, target and owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: Id,
    pub name: String,
    pub kind: MetricKind,
    /// The low end of the scale (a sentiment on 1 to 5 has `min` 1).
    pub min: f64,
    /// The high end of the scale.
    pub max: f64,
    /// Which way is better.
    #[serde(default)]
    pub direction: Better,
    /// The value the team aims for, on the scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Who answers for it: free text or the id of a team or person element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default)]
    pub scope: MetricScope,
    /// A leading indicator (moves before results do) rather than a lagging one.
    #[serde(default)]
    pub leading: bool,
}

impl Metric {
    /// A new journey-wide metric on `[min, max]`, higher is better, no target or owner.
    pub fn new(id: Id, name: impl Into<String>, kind: MetricKind, min: f64, max: f64) -> Self {
        Self {
            id,
            name: name.into(),
            kind,
            min,
            max,
            direction: Better::Higher,
            target: None,
            owner: None,
            scope: MetricScope::Journey,
            leading: false,
        }
    }
}

/// One measured value of a metric on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// The metric's id.
    pub metric: Id,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub value: f64,
    /// The sample size behind the value, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
}

/// A monthly (or quarterly) review of the metrics: who came, what was decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: Id,
    /// `YYYY-MM-DD`.
    pub date: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decisions: String,
    /// Findings discussed, as `code|key` (the same key a waiver uses).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
    /// The readiness session this review started, when it looped back to Assess.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Id>,
}

/// The key a reading is stored under: `metric@date`.
pub fn reading_key(r: &Reading) -> String {
    format!("{}@{}", r.metric, r.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_round_trip_through_their_text() {
        for text in ["journey", "stage:setup", "element:website"] {
            let scope = MetricScope::try_from(text.to_string()).unwrap();
            assert_eq!(scope.to_string(), text);
        }
    }

    #[test]
    fn a_malformed_scope_is_refused_with_its_text() {
        for text in ["", "stage", "team:x", "stage:", "element:Not An Id"] {
            let err = MetricScope::try_from(text.to_string()).unwrap_err();
            assert_eq!(err.0, text);
        }
    }
}
