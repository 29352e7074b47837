//! What a replay observed, before it becomes findings: the same shape whether it came
//! from raw events or from a directly-follows table.

/// Observed transitions from one element to another.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PairStat {
    /// Positions in `ws.elements`.
    pub from: u32,
    pub to: u32,
    pub cases: u64,
    pub transitions: u64,
    /// Elapsed hours at the nearest ranks; `None` when the table left them blank.
    pub p50: Option<f64>,
    pub p90: Option<f64>,
    pub max: Option<f64>,
    /// Resources on the two events that bound a transition, sorted.
    pub resources: Vec<String>,
    /// A few cases that show the transition (the first by name).
    pub examples: Vec<ExampleCase>,
}

/// One visit of an example case: an element and the times of its first and last event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VisitSpan {
    /// Position in `ws.elements`.
    pub element: u32,
    /// Milliseconds since the Unix epoch (UTC).
    pub first: i64,
    pub last: i64,
}

/// A case kept to show a finding: its name and its visits in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExampleCase {
    pub case: String,
    /// The first [`EXAMPLE_VISITS`] visits.
    pub visits: Vec<VisitSpan>,
    /// Visits after those, left out to keep memory bounded.
    pub more_visits: u64,
}

/// How often cases come back to an element.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Revisits {
    /// Cases with at least one visit.
    pub cases: u64,
    /// Cases with two or more visits.
    pub repeated: u64,
    /// The most visits one case made.
    pub most: u64,
    /// A few cases that come back (the first by name).
    pub examples: Vec<ExampleCase>,
}

/// One resource across the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResourceStat {
    pub name: String,
    pub cases: u64,
    /// Positions in `ws.elements`, sorted.
    pub elements: Vec<u32>,
    /// A few cases the resource works on (the first by name).
    pub examples: Vec<ExampleCase>,
}

/// Everything the rules look at.
#[derive(Debug, Clone, Default)]
pub(crate) struct Observed {
    pub cases: u64,
    pub events: u64,
    pub transitions: u64,
    /// Sorted by from id, then to id.
    pub pairs: Vec<PairStat>,
    /// Per element position: whether it appears in the log at all.
    pub seen: Vec<bool>,
    /// Per element position; `None` when only an aggregate was given.
    pub revisits: Option<Vec<Revisits>>,
    /// `None` when only an aggregate was given.
    pub resources: Option<Vec<ResourceStat>>,
}

/// How many example cases a finding or pair keeps.
pub(crate) const EXAMPLES: usize = 3;
/// How many visits of one example case are kept; the rest are only counted.
pub(crate) const EXAMPLE_VISITS: usize = 50;

impl ExampleCase {
    /// The case's names list, for the evidence line "example cases".
    pub(crate) fn names(examples: &[ExampleCase]) -> String {
        examples
            .iter()
            .map(|e| e.case.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The value at rank ceil(q x n) of `sorted` (ascending), with q = `percent` / 100.
pub(crate) fn nearest_rank(sorted: &[i64], percent: u64) -> Option<i64> {
    let n = sorted.len() as u64;
    if n == 0 {
        return None;
    }
    let rank = (percent * n).div_ceil(100).max(1);
    sorted.get((rank - 1) as usize).copied()
}

/// Milliseconds as hours.
pub(crate) fn hours(ms: i64) -> f64 {
    ms as f64 / 3_600_000.0
}

#[cfg(test)]
mod tests {
    use super::nearest_rank;

    #[test]
    fn nearest_rank_takes_the_value_at_rank_ceil_q_times_n() {
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!(nearest_rank(&ten, 50), Some(5), "ceil(0.5 x 10) = 5");
        assert_eq!(nearest_rank(&ten, 90), Some(9), "ceil(0.9 x 10) = 9");
        assert_eq!(nearest_rank(&ten, 100), Some(10));
        let three = [10, 20, 30];
        assert_eq!(nearest_rank(&three, 50), Some(20), "ceil(1.5) = 2");
        assert_eq!(nearest_rank(&three, 90), Some(30), "ceil(2.7) = 3");
        assert_eq!(nearest_rank(&[7], 50), Some(7));
        assert_eq!(nearest_rank(&[], 50), None);
    }
}
