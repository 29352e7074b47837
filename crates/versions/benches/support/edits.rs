//! The edits the bench and the `rounds` example make to a generated workspace.

use throughline_model::{Element, ElementKind, Id, Workspace};

/// `base` with every `step`-th element renamed, every `step`-th handoff (from `offset`)
/// removed, and `step / 10` new elements: a realistic session of edits.
pub fn edited(base: &Workspace, step: usize, offset: usize, tag: &str) -> Workspace {
    let mut ws = base.clone();
    for e in ws.elements.iter_mut().skip(offset).step_by(step) {
        e.name = format!("{} ({tag})", e.name);
    }
    let mut i = 0;
    ws.handoffs.retain(|_| {
        i += 1;
        !(i + offset).is_multiple_of(step)
    });
    for n in 0..(base.elements.len() / step / 10).max(1) {
        if let Ok(id) = Id::new(format!("new.{tag}.{n}")) {
            ws.elements.push(Element::new(
                id,
                ElementKind::Team,
                format!("New {tag} {n}"),
            ));
        }
    }
    ws
}
