//! The audit rules, one module per family.

pub(crate) mod handoffs;
pub(crate) mod scenarios;
pub(crate) mod signals;
pub(crate) mod structure;

use crate::finding::Finding;
use crate::index::Index;

/// Runs every rule over the indexed workspace, in no particular order.
pub(crate) fn run_all(ix: &Index) -> Vec<Finding> {
    let mut out = Vec::new();
    handoffs::conflicting_claim(ix, &mut out);
    handoffs::unowned_handoff(ix, &mut out);
    handoffs::typed_invariant(ix, &mut out);
    handoffs::lost_context(ix, &mut out);
    signals::check(ix, &mut out);
    structure::single_point_of_failure(ix, &mut out);
    structure::orphan_touchpoint(ix, &mut out);
    structure::unsupported_stage(ix, &mut out);
    scenarios::consent(ix, &mut out);
    scenarios::failed_delivery(ix, &mut out);
    scenarios::escalation(ix, &mut out);
    scenarios::channel_switch(ix, &mut out);
    out
}
