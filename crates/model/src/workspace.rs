use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Dimension, Emotion, Id, Layer, Metric, Reading, Review, Score};

/// One whole model: what a `*.throughline.json` file holds and what the store keeps.
///
/// Collections keep the order the user gave them (stages are the narrative's order);
/// maps are sorted by key, so that a workspace always serialises the same way.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub workspace: WorkspaceInfo,
    #[serde(default)]
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub elements: Vec<Element>,
    #[serde(default)]
    pub handoffs: Vec<Handoff>,
    #[serde(default)]
    pub principles: Vec<Principle>,
    #[serde(default)]
    pub readiness: Vec<ReadinessSession>,
    #[serde(default)]
    pub layer_scores: Vec<LayerScore>,
    #[serde(default)]
    pub waivers: Vec<Waiver>,
    /// Coherence metrics the team tracks (format version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    /// Dated values of the metrics, one per metric and date (format version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// Review meetings of the metrics (format version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
}

/// The workspace's name and the vision layer of the Coherence Stack.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct WorkspaceInfo {
    pub name: String,
    /// The long-term change the customer relationship should make, in one statement.
    #[serde(default)]
    pub vision: String,
    /// Context keys that make up the customer's journey state: what must survive a switch
    /// of channel mid-journey (e.g. `journey.stage`, `case.id`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub journey_state: Vec<String>,
}

/// A stage of the narrative: a milestone between the customer's start and the vision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: Id,
    pub name: String,
    /// How the customer feels here, from -2 to +2.
    #[serde(default)]
    pub emotion: Emotion,
    /// The key moment of the stage.
    #[serde(default)]
    pub moment: String,
}

/// What an element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    /// A concrete interaction with the customer: a screen, an email, a chatbot, a demo.
    Touchpoint,
    /// A backbone capability: data, measurement or governance.
    System,
    /// A shared suppression or priority rule that covers other elements.
    Rule,
    Team,
    Person,
    Partner,
}

impl ElementKind {
    /// Every kind, in display order.
    pub const ALL: [ElementKind; 6] = [
        ElementKind::Touchpoint,
        ElementKind::System,
        ElementKind::Rule,
        ElementKind::Team,
        ElementKind::Person,
        ElementKind::Partner,
    ];

    /// The kind's display name.
    pub fn label(self) -> &'static str {
        match self {
            ElementKind::Touchpoint => "Touchpoint",
            ElementKind::System => "System",
            ElementKind::Rule => "Rule",
            ElementKind::Team => "Team",
            ElementKind::Person => "Person",
            ElementKind::Partner => "Partner",
        }
    }
}

/// The capability a system provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    Data,
    Measurement,
    Governance,
}

impl Capability {
    /// Every capability, in display order.
    pub const ALL: [Capability; 3] = [
        Capability::Data,
        Capability::Measurement,
        Capability::Governance,
    ];

    /// The capability's display name.
    pub fn label(self) -> &'static str {
        match self {
            Capability::Data => "Data",
            Capability::Measurement => "Measurement",
            Capability::Governance => "Governance",
        }
    }
}

/// A node of the handoff graph and a card of the Coherence Stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub id: Id,
    pub kind: ElementKind,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// For touchpoints: the channel (`web`, `app`, `email`, `chat`, `phone`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// The owning team, as free text or the id of a team element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// The narrative stages this element serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<Id>,
    /// For systems: the capability provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capability: Option<Capability>,
    /// For rules: the elements the rule covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<Id>,
    /// What the element states to the customer or to other teams (`setup.effort` -> "No setup").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub claims: BTreeMap<String, String>,
    /// Context keys the element needs to do its job.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// How the element reads each signal it receives: signal -> intent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub interprets: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Other names the element goes by in event logs and exports (format version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl Element {
    /// A new element of `kind` with only an id and a name.
    pub fn new(id: Id, kind: ElementKind, name: impl Into<String>) -> Self {
        Self {
            id,
            kind,
            name: name.into(),
            description: String::new(),
            channel: None,
            team: None,
            stages: Vec::new(),
            capability: None,
            covers: Vec::new(),
            claims: BTreeMap::new(),
            needs: Vec::new(),
            interprets: BTreeMap::new(),
            tags: Vec::new(),
            aliases: Vec::new(),
        }
    }
}

/// How a handoff's content is produced on the receiving side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum HandoffMode {
    /// Retyped by hand.
    #[default]
    Typed,
    /// Generated from the source.
    Generated,
    /// Kept in sync automatically.
    Synced,
}

/// When a handoff fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    #[default]
    Always,
    /// Only when the normal path fails (e.g. a bounced email).
    Failure,
    /// When a case escalates (e.g. bot to human agent).
    Escalation,
}

/// An edge of the handoff graph: the contract for what passes from one element to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Handoff {
    pub id: Id,
    pub from: Id,
    pub to: Id,
    /// The context keys this handoff carries.
    #[serde(default)]
    pub carries: Vec<String>,
    /// Carried keys whose value must never vary between the two ends.
    #[serde(default)]
    pub invariant: Vec<String>,
    /// Carried keys that may legitimately vary by channel.
    #[serde(default)]
    pub may_vary: Vec<String>,
    #[serde(default)]
    pub owner: Option<String>,
    /// The element that owns the truth for the carried keys.
    #[serde(default)]
    pub source_of_truth: Option<Id>,
    #[serde(default)]
    pub mode: HandoffMode,
    /// A human authority that must approve what passes (e.g. legal).
    #[serde(default)]
    pub gate: Option<String>,
    /// How fast the content must arrive, in hours.
    #[serde(default)]
    pub latency_hours: Option<u32>,
    #[serde(default)]
    pub trigger: Trigger,
}

impl Handoff {
    /// A new handoff from `from` to `to` carrying nothing yet.
    pub fn new(id: Id, from: Id, to: Id) -> Self {
        Self {
            id,
            from,
            to,
            carries: Vec::new(),
            invariant: Vec::new(),
            may_vary: Vec::new(),
            owner: None,
            source_of_truth: None,
            mode: HandoffMode::Typed,
            gate: None,
            latency_hours: None,
            trigger: Trigger::Always,
        }
    }
}

/// A design principle every team keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub non_negotiable: bool,
}

/// One rater's scores in a readiness session; a missing dimension was skipped.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct RaterScores {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technology: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub culture: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics: Option<Score>,
}

impl RaterScores {
    /// The score given for `dimension`, if any.
    pub fn get(&self, dimension: Dimension) -> Option<Score> {
        match dimension {
            Dimension::Strategy => self.strategy,
            Dimension::Data => self.data,
            Dimension::Team => self.team,
            Dimension::Technology => self.technology,
            Dimension::Culture => self.culture,
            Dimension::Metrics => self.metrics,
        }
    }

    /// Sets or clears the score for `dimension`.
    pub fn set(&mut self, dimension: Dimension, score: Option<Score>) {
        let slot = match dimension {
            Dimension::Strategy => &mut self.strategy,
            Dimension::Data => &mut self.data,
            Dimension::Team => &mut self.team,
            Dimension::Technology => &mut self.technology,
            Dimension::Culture => &mut self.culture,
            Dimension::Metrics => &mut self.metrics,
        };
        *slot = score;
    }
}

/// A person scoring readiness in a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Rater {
    pub name: String,
    #[serde(default)]
    pub scores: RaterScores,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A readiness scoring session, typically one workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ReadinessSession {
    pub id: Id,
    pub name: String,
    /// The session's date, `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub raters: Vec<Rater>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A dated rating of one layer of the Coherence Stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct LayerScore {
    pub layer: Layer,
    pub score: Score,
    /// `YYYY-MM-DD`; the session's date when the score belongs to one.
    pub date: String,
    /// The readiness session (workshop) the layer was rated in (format version 2; files of
    /// version 1 have none, and their scores stand on their own date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Id>,
}

/// A finding a team has decided to accept, with the reason on record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The finding's rule code (e.g. `unowned-handoff`).
    pub code: String,
    /// The id of the element, handoff or stage the finding is about.
    pub subject: String,
    pub reason: String,
    pub who: String,
    /// When the waiver was made, RFC 3339.
    pub when: String,
    /// The day from which the waiver is due for review, `YYYY-MM-DD` (format version 2);
    /// none means it stands until someone removes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<String>,
}

impl Workspace {
    /// An empty workspace called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            workspace: WorkspaceInfo {
                name: name.into(),
                ..WorkspaceInfo::default()
            },
            ..Self::default()
        }
    }

    /// The element with this id.
    pub fn element(&self, id: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.id == id)
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The handoff with this id.
    pub fn handoff(&self, id: &str) -> Option<&Handoff> {
        self.handoffs.iter().find(|h| h.id == id)
    }

    /// The metric with this id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == id)
    }
}

/// An element's position in the graph view, in the view's own units: view state kept
/// beside a workspace (moving a node is not an edit), also used by the playbook diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NodePosition {
    /// The element's id.
    pub id: String,
    /// Horizontal position, growing to the right.
    pub x: f64,
    /// Vertical position, growing downward.
    pub y: f64,
}
