//! Each rule's title: how a facilitator names it on screen, in undo labels and in print.

use crate::RuleCode;

impl RuleCode {
    /// The rule's short title in plain words, e.g. "Touchpoint serves no stage" for
    /// `orphan-touchpoint`. The app's views and the store's undo labels both use it.
    pub fn title(self) -> &'static str {
        match self {
            RuleCode::ConflictingClaim => "Conflicting claim",
            RuleCode::UnownedHandoff => "Nobody owns the handoff",
            RuleCode::TypedInvariant => "Fixed value retyped by hand",
            RuleCode::LostContext => "Context lost on the way",
            RuleCode::SignalConflict => "Signal read differently",
            RuleCode::UncoordinatedSignal => "One signal, many channels",
            RuleCode::SinglePointOfFailure => "Everything runs through one person",
            RuleCode::OrphanTouchpoint => "Touchpoint serves no stage",
            RuleCode::UnsupportedStage => "Stage no touchpoint serves",
            RuleCode::ConsentUnreachable => "Consent change does not reach",
            RuleCode::NoConsentSource => "No source for consent",
            RuleCode::NoFailurePath => "No recovery when delivery fails",
            RuleCode::EscalationDropsContext => "Escalation drops the context",
            RuleCode::ChannelSwitchDropsState => "Channel switch loses the journey",
            RuleCode::UnknownOwner => "Owner not in the workspace",
            RuleCode::MetricDrift => "Metric drifting",
            RuleCode::PromiseGap => "Felt differs from promised",
            RuleCode::UnmeasuredStage => "Stage nobody measures",
            RuleCode::UnownedMetric => "Metric nobody owns",
            RuleCode::ShadowHandoff => "Work outside the map",
            RuleCode::UnusedHandoff => "Handoff never seen",
            RuleCode::LatencyBreach => "Slower than promised",
            RuleCode::ReworkLoop => "Same work done again",
            RuleCode::ActualSinglePoint => "Hero the map does not show",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_its_own_title_that_is_not_its_code() {
        let mut seen = std::collections::BTreeSet::new();
        for code in RuleCode::ALL {
            let title = code.title();
            assert!(!title.is_empty(), "{code} has an empty title");
            assert_ne!(title, code.as_str(), "{code}'s title repeats its code");
            assert!(seen.insert(title), "{code} shares the title {title:?}");
        }
    }
}
