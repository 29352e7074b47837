//! Readings out to CSV, in the columns the import reads back.

use std::collections::HashMap;

use throughline_model::Workspace;

/// Every reading of `ws` as CSV with the header `metric,date,value,n`: metrics in the
/// workspace's order, each metric's readings oldest first. Importing the result into the
/// same workspace changes nothing.
pub fn export_csv(ws: &Workspace) -> String {
    let order: HashMap<&str, usize> = ws
        .metrics
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut readings: Vec<_> = ws.readings.iter().collect();
    readings.sort_by(|a, b| {
        let rank = |id: &str| order.get(id).copied().unwrap_or(usize::MAX);
        rank(a.metric.as_str())
            .cmp(&rank(b.metric.as_str()))
            .then_with(|| a.metric.cmp(&b.metric))
            .then_with(|| a.date.cmp(&b.date))
    });
    let mut out = String::with_capacity(32 * (readings.len() + 1));
    out.push_str("metric,date,value,n\n");
    for r in readings {
        // Ids and dates never hold a comma or a quote, and numbers print plainly: no
        // quoting is needed. `{}` of an f64 is the shortest text that reads back equal.
        out.push_str(r.metric.as_str());
        out.push(',');
        out.push_str(&r.date);
        out.push(',');
        out.push_str(&r.value.to_string());
        out.push(',');
        if let Some(n) = r.n {
            out.push_str(&n.to_string());
        }
        out.push('\n');
    }
    out
}
