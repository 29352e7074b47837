//! The audit findings a change introduced and resolved.

use std::collections::HashSet;

use serde::Serialize;
use throughline_audit::{Finding, Severity, audit};
use throughline_model::{Layer, Workspace};

/// A finding present in one state and not the other, identified by code and key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FindingChange {
    pub code: String,
    pub key: String,
    pub severity: Severity,
    /// True when a waiver in that state accepts the finding.
    pub waived: bool,
    pub layer: Option<Layer>,
    pub message: String,
}

/// Findings of the newer state that the older lacked, and the reverse.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FindingsDelta {
    /// In the newer state only, most severe first.
    pub introduced: Vec<FindingChange>,
    /// In the older state only, most severe first.
    pub resolved: Vec<FindingChange>,
}

impl FindingsDelta {
    /// The most severe unwaived finding the newer state introduced, if any.
    pub fn worst_introduced(&self) -> Option<Severity> {
        self.introduced
            .iter()
            .filter(|f| !f.waived)
            .map(|f| f.severity)
            .min()
    }
}

/// Audits both states and keeps what only one of them has. A finding is the same finding
/// in both when its code and key are (its message may mention names that changed).
pub(crate) fn findings_delta(a: &Workspace, b: &Workspace) -> FindingsDelta {
    let (before, after) = std::thread::scope(|s| {
        let before = s.spawn(|| audit(a).findings);
        let after = audit(b).findings;
        let before = before
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (before, after)
    });
    FindingsDelta {
        introduced: only_in(&after, &before),
        resolved: only_in(&before, &after),
    }
}

fn only_in(these: &[Finding], those: &[Finding]) -> Vec<FindingChange> {
    let known: HashSet<(&str, &str)> = those
        .iter()
        .map(|f| (f.code.as_str(), f.key.as_str()))
        .collect();
    let mut seen = HashSet::new();
    these
        .iter()
        .filter(|f| !known.contains(&(f.code.as_str(), f.key.as_str())))
        .filter(|f| seen.insert((f.code.as_str(), f.key.as_str())))
        .map(|f| FindingChange {
            code: f.code.as_str().to_string(),
            key: f.key.clone(),
            severity: f.severity,
            waived: f.waived.is_some(),
            layer: f.layer,
            message: f.message.clone(),
        })
        .collect()
}
