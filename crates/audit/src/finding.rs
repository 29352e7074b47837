//! The types an audit produces: findings, their subjects and evidence, and the report.

use serde::Serialize;
use throughline_model::Layer;

/// How serious a finding is. Ordered from most to least serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The severity's name as printed and serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The stable code of each audit rule. The string form is what waivers and the CLI use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum RuleCode {
    ConflictingClaim,
    UnownedHandoff,
    TypedInvariant,
    LostContext,
    SignalConflict,
    UncoordinatedSignal,
    SinglePointOfFailure,
    OrphanTouchpoint,
    UnsupportedStage,
    ConsentUnreachable,
    NoConsentSource,
    NoFailurePath,
    EscalationDropsContext,
    ChannelSwitchDropsState,
    UnknownOwner,
    // Monitor: the map against its measured metrics.
    MetricDrift,
    PromiseGap,
    UnmeasuredStage,
    UnownedMetric,
    // Reality: the map against an event log.
    ShadowHandoff,
    UnusedHandoff,
    LatencyBreach,
    ReworkLoop,
    ActualSinglePoint,
}

/// Which check a rule belongs to: the map against itself, against its metrics, or
/// against an event log. Every family's findings go into one report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// The audit of the workspace's own structure and claims.
    Structure,
    /// Metrics and readings (`docs/monitor.md`).
    Monitor,
    /// Replay of an event log (`docs/reality.md`).
    Reality,
}

impl RuleCode {
    /// Every rule of every family, in the order `docs/rules.md` describes them.
    pub const ALL: [RuleCode; 24] = [
        RuleCode::ConflictingClaim,
        RuleCode::UnownedHandoff,
        RuleCode::TypedInvariant,
        RuleCode::LostContext,
        RuleCode::SignalConflict,
        RuleCode::UncoordinatedSignal,
        RuleCode::SinglePointOfFailure,
        RuleCode::OrphanTouchpoint,
        RuleCode::UnsupportedStage,
        RuleCode::ConsentUnreachable,
        RuleCode::NoConsentSource,
        RuleCode::NoFailurePath,
        RuleCode::EscalationDropsContext,
        RuleCode::ChannelSwitchDropsState,
        RuleCode::UnknownOwner,
        RuleCode::MetricDrift,
        RuleCode::PromiseGap,
        RuleCode::UnmeasuredStage,
        RuleCode::UnownedMetric,
        RuleCode::ShadowHandoff,
        RuleCode::UnusedHandoff,
        RuleCode::LatencyBreach,
        RuleCode::ReworkLoop,
        RuleCode::ActualSinglePoint,
    ];

    /// The rules [`audit`](crate::audit) runs over a workspace's structure.
    pub const STRUCTURE: [RuleCode; 15] = [
        RuleCode::ConflictingClaim,
        RuleCode::UnownedHandoff,
        RuleCode::TypedInvariant,
        RuleCode::LostContext,
        RuleCode::SignalConflict,
        RuleCode::UncoordinatedSignal,
        RuleCode::SinglePointOfFailure,
        RuleCode::OrphanTouchpoint,
        RuleCode::UnsupportedStage,
        RuleCode::ConsentUnreachable,
        RuleCode::NoConsentSource,
        RuleCode::NoFailurePath,
        RuleCode::EscalationDropsContext,
        RuleCode::ChannelSwitchDropsState,
        RuleCode::UnknownOwner,
    ];

    /// The rule's stable code, e.g. `conflicting-claim`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleCode::ConflictingClaim => "conflicting-claim",
            RuleCode::UnownedHandoff => "unowned-handoff",
            RuleCode::TypedInvariant => "typed-invariant",
            RuleCode::LostContext => "lost-context",
            RuleCode::SignalConflict => "signal-conflict",
            RuleCode::UncoordinatedSignal => "uncoordinated-signal",
            RuleCode::SinglePointOfFailure => "single-point-of-failure",
            RuleCode::OrphanTouchpoint => "orphan-touchpoint",
            RuleCode::UnsupportedStage => "unsupported-stage",
            RuleCode::ConsentUnreachable => "consent-unreachable",
            RuleCode::NoConsentSource => "no-consent-source",
            RuleCode::NoFailurePath => "no-failure-path",
            RuleCode::EscalationDropsContext => "escalation-drops-context",
            RuleCode::ChannelSwitchDropsState => "channel-switch-drops-state",
            RuleCode::UnknownOwner => "unknown-owner",
            RuleCode::MetricDrift => "metric-drift",
            RuleCode::PromiseGap => "promise-gap",
            RuleCode::UnmeasuredStage => "unmeasured-stage",
            RuleCode::UnownedMetric => "unowned-metric",
            RuleCode::ShadowHandoff => "shadow-handoff",
            RuleCode::UnusedHandoff => "unused-handoff",
            RuleCode::LatencyBreach => "latency-breach",
            RuleCode::ReworkLoop => "rework-loop",
            RuleCode::ActualSinglePoint => "actual-single-point",
        }
    }

    /// The check this rule belongs to.
    pub fn family(self) -> Family {
        match self {
            RuleCode::MetricDrift
            | RuleCode::PromiseGap
            | RuleCode::UnmeasuredStage
            | RuleCode::UnownedMetric => Family::Monitor,
            RuleCode::ShadowHandoff
            | RuleCode::UnusedHandoff
            | RuleCode::LatencyBreach
            | RuleCode::ReworkLoop
            | RuleCode::ActualSinglePoint => Family::Reality,
            _ => Family::Structure,
        }
    }

    /// The rule with this code, if any.
    pub fn parse(code: &str) -> Option<RuleCode> {
        RuleCode::ALL.into_iter().find(|c| c.as_str() == code)
    }

    /// The severity a finding of this rule carries unless the rule grades it (a shadow
    /// handoff or a latency breach can be an error or a warning; see `docs/rules.md`).
    pub fn severity(self) -> Severity {
        match self {
            RuleCode::ConflictingClaim
            | RuleCode::LostContext
            | RuleCode::SignalConflict
            | RuleCode::ConsentUnreachable
            | RuleCode::NoConsentSource
            | RuleCode::EscalationDropsContext
            | RuleCode::ChannelSwitchDropsState => Severity::Error,
            RuleCode::UnownedHandoff
            | RuleCode::TypedInvariant
            | RuleCode::UncoordinatedSignal
            | RuleCode::SinglePointOfFailure
            | RuleCode::OrphanTouchpoint
            | RuleCode::UnsupportedStage
            | RuleCode::NoFailurePath
            | RuleCode::MetricDrift
            | RuleCode::PromiseGap
            | RuleCode::UnownedMetric
            | RuleCode::ShadowHandoff
            | RuleCode::LatencyBreach
            | RuleCode::ReworkLoop
            | RuleCode::ActualSinglePoint => Severity::Warning,
            RuleCode::UnmeasuredStage | RuleCode::UnusedHandoff | RuleCode::UnknownOwner => {
                Severity::Info
            }
        }
    }
}

impl std::fmt::Display for RuleCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of thing a subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Element,
    Handoff,
    Stage,
    Metric,
}

impl SubjectKind {
    /// The kind's name as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Element => "element",
            SubjectKind::Handoff => "handoff",
            SubjectKind::Stage => "stage",
            SubjectKind::Metric => "metric",
        }
    }
}

/// An element, handoff or stage a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Subject {
    pub kind: SubjectKind,
    pub id: String,
}

impl Subject {
    /// An element subject.
    pub fn element(id: &str) -> Self {
        Self {
            kind: SubjectKind::Element,
            id: id.to_string(),
        }
    }

    /// A handoff subject.
    pub fn handoff(id: &str) -> Self {
        Self {
            kind: SubjectKind::Handoff,
            id: id.to_string(),
        }
    }

    /// A stage subject.
    pub fn stage(id: &str) -> Self {
        Self {
            kind: SubjectKind::Stage,
            id: id.to_string(),
        }
    }

    /// A metric subject.
    pub fn metric(id: &str) -> Self {
        Self {
            kind: SubjectKind::Metric,
            id: id.to_string(),
        }
    }
}

/// One fact behind a finding: a value and where it comes from (`subject`'s `field`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Evidence {
    /// Whose field it is.
    pub subject: Subject,
    /// The field within the subject, e.g. `claims.setup.effort` or `owner`.
    pub field: String,
    /// The value found there; `None` when the point is that nothing is there.
    pub value: Option<String>,
    /// The role this fact plays, e.g. `source of truth` or `missing`.
    pub note: Option<String>,
}

impl Evidence {
    /// A fact with a value and no note.
    pub fn value(subject: Subject, field: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            subject,
            field: field.into(),
            value: Some(value.into()),
            note: None,
        }
    }

    /// A fact without a value, explained by a note.
    pub fn absent(subject: Subject, field: impl Into<String>, note: impl Into<String>) -> Self {
        Self {
            subject,
            field: field.into(),
            value: None,
            note: Some(note.into()),
        }
    }

    /// The same fact with a note on the role it plays.
    pub fn noted(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// The waiver that accepts a finding, as recorded in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WaiverInfo {
    pub reason: String,
    pub who: String,
    /// When the waiver was made, RFC 3339.
    pub when: String,
    /// The day from which the waiver is due for review, `YYYY-MM-DD`, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<String>,
    /// Whether the review date has come (set by [`Report::mark_due`] for a given day);
    /// left out of JSON when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub due: bool,
}

/// One place where the truth diverges, why it matters and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finding {
    pub code: RuleCode,
    pub severity: Severity,
    /// What a waiver names as its `subject` to accept this finding: the id of the primary
    /// subject, or for signal findings the signal's name (see `docs/rules.md`).
    pub key: String,
    /// Everything the finding is about; the primary subject comes first.
    pub subjects: Vec<Subject>,
    /// What is wrong, in one sentence.
    pub message: String,
    pub evidence: Vec<Evidence>,
    /// A suggested fix.
    pub fix: String,
    /// The waiver that accepts this finding, if any.
    pub waived: Option<WaiverInfo>,
    /// The layer of the Coherence Stack the finding implicates, where the rule names one
    /// (monitor findings do: which layer drifted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<Layer>,
}

impl Finding {
    /// A finding of `code`, not waived, with the rule's severity.
    pub fn new(
        code: RuleCode,
        key: impl Into<String>,
        subjects: Vec<Subject>,
        message: String,
        evidence: Vec<Evidence>,
        fix: String,
    ) -> Self {
        Self {
            code,
            severity: code.severity(),
            key: key.into(),
            subjects,
            message,
            evidence,
            fix,
            waived: None,
            layer: None,
        }
    }

    /// The same finding at another severity, for rules that grade their findings.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The same finding naming the layer it implicates.
    pub fn with_layer(mut self, layer: Layer) -> Self {
        self.layer = Some(layer);
        self
    }
}

/// Counts of findings: by severity for those not waived, and the waived ones apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Summary {
    pub error: u32,
    pub warning: u32,
    pub info: u32,
    pub waived: u32,
    /// Waived findings whose waiver is due for review (counted among `waived`).
    #[serde(default)]
    pub due: u32,
    /// The workspace holds nothing the audit checks yet (no elements, no handoffs): an
    /// empty report means "nothing to check", not "no divergences".
    #[serde(default)]
    pub nothing_to_check: bool,
}

/// The result of auditing one workspace: every finding in a deterministic order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Report {
    /// Ordered by severity, code, key, then subjects.
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl Report {
    /// Marks the waivers whose review date is `today` (`YYYY-MM-DD`) or earlier as due, and
    /// counts them. ISO dates compare as text, so no calendar is needed.
    pub fn mark_due(&mut self, today: &str) {
        let mut due = 0;
        for f in &mut self.findings {
            if let Some(w) = &mut f.waived {
                w.due = w.review.as_deref().is_some_and(|r| r <= today);
                due += u32::from(w.due);
            }
        }
        self.summary.due = due;
    }
}
