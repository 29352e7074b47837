//! The audit rules, one module per family.

pub(crate) mod handoffs;
pub(crate) mod owners;
pub(crate) mod scenarios;
pub(crate) mod signals;
pub(crate) mod structure;

use crate::claims::Claims;
use crate::finding::Finding;
use crate::index::Index;

/// Runs every rule over the indexed workspace. The rules about single handoffs share one
/// pass over the handoffs (each into its own list), so the handoffs are read once rather
/// than once per rule; the lists are then joined in the rules' order, which keeps the
/// report (sorted stably afterwards) exactly as when each rule ran on its own.
pub(crate) fn run_all(ix: &Index) -> Vec<Finding> {
    let mut conflicting = Vec::new();
    let mut unowned = Vec::new();
    let mut typed = Vec::new();
    let mut escalation = Vec::new();
    let mut switch = Vec::new();
    let mut claims: Option<Claims> = None;
    for (i, h) in ix.ws.handoffs.iter().enumerate() {
        if !h.invariant.is_empty() {
            let claims = claims.get_or_insert_with(|| Claims::new(ix.ws));
            handoffs::conflicting_claim(ix, claims, i, &mut conflicting);
        }
        handoffs::unowned_handoff(ix, i, &mut unowned);
        handoffs::typed_invariant(ix, i, &mut typed);
        scenarios::escalation(ix, i, &mut escalation);
        scenarios::channel_switch(ix, i, &mut switch);
    }
    let mut out = conflicting;
    out.append(&mut unowned);
    out.append(&mut typed);
    handoffs::lost_context(ix, &mut out);
    signals::check(ix, &mut out);
    structure::single_point_of_failure(ix, &mut out);
    structure::orphan_touchpoint(ix, &mut out);
    structure::unsupported_stage(ix, &mut out);
    scenarios::consent(ix, &mut out);
    scenarios::failed_delivery(ix, &mut out);
    out.append(&mut escalation);
    out.append(&mut switch);
    owners::unknown_owner(ix, &mut out);
    out
}
