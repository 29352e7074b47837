//! A report as the difference from one the reader already holds: after an edit most
//! findings stand as they were, so the app's window is sent the few that changed and the
//! positions of the rest in the report it has, not the whole report again.

use std::collections::HashMap;

use serde::Serialize;

use crate::{Finding, Report, RuleCode, Summary};

/// A report, told as changes to an earlier one: its findings in order, each run either
/// taken from the earlier report (by position) or given in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportPatch {
    pub summary: Summary,
    pub runs: Vec<PatchRun>,
}

/// A stretch of the new report's findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PatchRun {
    /// `count` findings of the earlier report, from position `from` on, unchanged.
    Keep { from: u32, count: u32 },
    /// Findings the earlier report does not hold as they are now.
    New { findings: Vec<Finding> },
}

/// A patch that does not fit the report it is applied to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the report patch keeps findings {from}..{end}, but the earlier report has {len}")]
pub struct PatchMismatch {
    pub from: u32,
    pub end: u32,
    pub len: usize,
}

impl ReportPatch {
    /// `new` as changes to `old`. A finding is kept when `old` holds one of the same rule and
    /// key that is equal in every field (message, evidence, waiver): a renamed element's
    /// findings are sent again, with the new name in their words.
    pub fn between(old: &Report, new: &Report) -> Self {
        let mut at: HashMap<(RuleCode, &str), Vec<u32>> =
            HashMap::with_capacity(old.findings.len());
        for (i, f) in old.findings.iter().enumerate() {
            at.entry((f.code, f.key.as_str()))
                .or_default()
                .push(index(i));
        }
        let mut runs: Vec<PatchRun> = Vec::new();
        for f in &new.findings {
            let kept = at.get(&(f.code, f.key.as_str())).and_then(|candidates| {
                candidates
                    .iter()
                    .copied()
                    .find(|&i| old.findings[i as usize] == *f)
            });
            match (kept, runs.last_mut()) {
                (Some(i), Some(PatchRun::Keep { from, count })) if *from + *count == i => {
                    *count += 1
                }
                (Some(i), _) => runs.push(PatchRun::Keep { from: i, count: 1 }),
                (None, Some(PatchRun::New { findings })) => findings.push(f.clone()),
                (None, _) => runs.push(PatchRun::New {
                    findings: vec![f.clone()],
                }),
            }
        }
        Self {
            summary: new.summary,
            runs,
        }
    }

    /// The report this patch tells, given the earlier one it was made against.
    pub fn apply(&self, old: &Report) -> Result<Report, PatchMismatch> {
        let mut findings = Vec::new();
        for run in &self.runs {
            match run {
                PatchRun::Keep { from, count } => {
                    let end = from.saturating_add(*count);
                    let kept =
                        old.findings
                            .get(*from as usize..end as usize)
                            .ok_or(PatchMismatch {
                                from: *from,
                                end,
                                len: old.findings.len(),
                            })?;
                    findings.extend_from_slice(kept);
                }
                PatchRun::New { findings: new } => findings.extend_from_slice(new),
            }
        }
        Ok(Report {
            findings,
            summary: self.summary,
        })
    }

    /// How many findings the patch carries in full.
    pub fn sent(&self) -> usize {
        self.runs
            .iter()
            .map(|r| match r {
                PatchRun::Keep { .. } => 0,
                PatchRun::New { findings } => findings.len(),
            })
            .sum()
    }
}

/// A report's findings are counted in `u32` on the wire; a report of more than four billion
/// findings is not one this process could hold.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
