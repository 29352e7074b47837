//! The workspace indexed once: ids to positions, and the handoff graph.

use throughline_model::{Element, ElementKind, Handoff, Stage, Workspace};

use crate::finding::Subject;
use crate::fxhash::FxHashMap;
use crate::graph::Graph;
use crate::ids::IdTable;

/// Tags with a meaning to the audit.
pub(crate) const OUTBOUND: &str = "outbound";
pub(crate) const CONSENT: &str = "consent";

/// The workspace with every lookup the rules need, built in one pass.
pub(crate) struct Index<'a> {
    pub ws: &'a Workspace,
    /// Node `i` is element `i`; edge weights are handoff positions. Handoffs whose ends do
    /// not resolve are left out (validation reports them).
    pub graph: Graph,
    /// Per handoff: the positions of its two ends, when both resolve.
    pub ends: Vec<Option<(u32, u32)>>,
    element_at: IdTable,
    /// Whether every element id is unique (as in any valid workspace).
    unique: bool,
    /// Per element: for a touchpoint with a channel, the channel trimmed and lowercased,
    /// interned (so a channel switch compares integers); otherwise [`NO_CHANNEL`].
    channels: Vec<u32>,
}

const NO_CHANNEL: u32 = u32::MAX;

/// Every touchpoint's channel, interned as it compares: trimmed, ignoring ASCII case.
fn intern_channels(ws: &Workspace) -> Vec<u32> {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    ws.elements
        .iter()
        .map(|e| match (&e.channel, is_touchpoint(e)) {
            (Some(c), true) => {
                let c = c.trim();
                let lower;
                let c = if c.bytes().any(|b| b.is_ascii_uppercase()) {
                    lower = c.to_ascii_lowercase();
                    lower.as_str()
                } else {
                    c
                };
                match ids.get(c) {
                    Some(id) => *id,
                    None => {
                        let id = ids.len() as u32;
                        ids.insert(c.to_string(), id);
                        id
                    }
                }
            }
            _ => NO_CHANNEL,
        })
        .collect()
}

impl<'a> Index<'a> {
    /// Indexes `ws`. Duplicate ids resolve to their first occurrence.
    pub fn new(ws: &'a Workspace) -> Self {
        let element_at = IdTable::new(ws.elements.iter().map(|e| e.id.as_str()));
        let ends: Vec<Option<(u32, u32)>> = ws
            .handoffs
            .iter()
            .map(|h| {
                match (
                    element_at.get(h.from.as_str()),
                    element_at.get(h.to.as_str()),
                ) {
                    (Some(f), Some(t)) => Some((f, t)),
                    _ => None,
                }
            })
            .collect();
        let graph = Graph::new(ws.elements.len(), &ends);
        Self {
            ws,
            graph,
            ends,
            unique: element_at.distinct() == ws.elements.len(),
            channels: intern_channels(ws),
            element_at,
        }
    }

    /// The position of the element with this id.
    pub fn element_pos(&self, id: &str) -> Option<u32> {
        self.element_at.get(id)
    }

    /// Whether the element at `pos` is the one its id resolves to (not a later duplicate).
    pub fn is_canonical(&self, pos: u32) -> bool {
        self.unique || self.element_pos(self.element(pos).id.as_str()) == Some(pos)
    }

    /// The interned channel of the element at `pos`, when it is a touchpoint with one.
    pub fn channel(&self, pos: u32) -> Option<u32> {
        Some(self.channels[pos as usize]).filter(|c| *c != NO_CHANNEL)
    }

    /// The element at a position.
    pub fn element(&self, pos: u32) -> &'a Element {
        &self.ws.elements[pos as usize]
    }

    /// The handoff at a position.
    pub fn handoff(&self, pos: u32) -> &'a Handoff {
        &self.ws.handoffs[pos as usize]
    }

    /// The handoffs into the element at `pos`.
    pub fn incoming(&self, pos: u32) -> impl Iterator<Item = &'a Handoff> + '_ {
        self.graph.in_edges(pos).iter().map(|h| self.handoff(*h))
    }

    /// How many handoffs start or end at the element at `pos`.
    pub fn degree(&self, pos: u32) -> usize {
        self.graph.degree(pos)
    }

    /// The display names of handoff `i`'s two ends. An end that does not resolve (only in
    /// an invalid workspace) is shown by its id.
    pub fn end_names(&self, i: usize) -> (&'a str, &'a str) {
        match self.ends[i] {
            Some((f, t)) => (name(self.element(f)), name(self.element(t))),
            None => {
                let h = self.handoff(i as u32);
                (self.name_of(h.from.as_str()), self.name_of(h.to.as_str()))
            }
        }
    }

    /// The display name of the element with this id, or the id when none has it.
    pub fn name_of<'s>(&self, id: &'s str) -> &'s str
    where
        'a: 's,
    {
        match self.element_pos(id) {
            Some(p) => name(self.element(p)),
            None => id,
        }
    }

    /// The handoffs out of the element at `pos`.
    pub fn outgoing(&self, pos: u32) -> impl Iterator<Item = &'a Handoff> + '_ {
        self.graph.out_edges(pos).iter().map(|h| self.handoff(*h))
    }
}

/// Whether `e` carries `tag`.
pub(crate) fn has_tag(e: &Element, tag: &str) -> bool {
    e.tags.iter().any(|t| t == tag)
}

/// Whether `e` is a touchpoint tagged `outbound`.
pub(crate) fn is_outbound(e: &Element) -> bool {
    has_tag(e, OUTBOUND)
}

/// Whether `e` is a touchpoint.
pub(crate) fn is_touchpoint(e: &Element) -> bool {
    e.kind == ElementKind::Touchpoint
}

/// The element as a finding subject.
pub(crate) fn subject(e: &Element) -> Subject {
    Subject::element(e.id.as_str())
}

/// How a message names an element: its display name, or its id if the name is blank
/// (only in an invalid workspace). Used whole, however long.
pub(crate) fn name(e: &Element) -> &str {
    let n = e.name.trim();
    if n.is_empty() { e.id.as_str() } else { n }
}

/// How a message names a stage: its display name, or its id if the name is blank.
pub(crate) fn stage_name(s: &Stage) -> &str {
    let n = s.name.trim();
    if n.is_empty() { s.id.as_str() } else { n }
}

/// Display names joined for a sentence, unquoted: `A, B and C`. Past `cap` names, the rest
/// are counted instead: `A, B and 7 others` (the subjects and evidence list them all).
pub(crate) fn names(items: &[&str], cap: usize) -> String {
    let shown = if items.len() > cap {
        cap.max(1)
    } else {
        items.len()
    };
    let rest = items.len() - shown;
    let mut out =
        String::with_capacity(items[..shown].iter().map(|s| s.len() + 5).sum::<usize>() + 16);
    for (i, item) in items[..shown].iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == shown && rest == 0 {
                " and "
            } else {
                ", "
            });
        }
        out.push_str(item);
    }
    if rest > 0 {
        out.push_str(" and ");
        out.push_str(&rest.to_string());
        out.push_str(if rest == 1 { " other" } else { " others" });
    }
    out
}

/// The pieces joined into one string, allocated once: cheaper than `format!` for the
/// thousands of messages a large audit writes.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Keys quoted and joined for a sentence: `"a", "b" and "c"`.
pub(crate) fn list(items: &[&str]) -> String {
    let mut out = String::with_capacity(items.iter().map(|s| s.len() + 6).sum());
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " and " } else { ", " });
        }
        out.push('"');
        out.push_str(item);
        out.push('"');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{list, names};

    #[test]
    fn lists_read_as_a_sentence() {
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["a"]), "\"a\"");
        assert_eq!(list(&["a", "b"]), "\"a\" and \"b\"");
        assert_eq!(list(&["a", "b", "c"]), "\"a\", \"b\" and \"c\"");
    }

    #[test]
    fn names_read_as_a_sentence_and_count_the_rest() {
        assert_eq!(names(&[], 3), "");
        assert_eq!(names(&["A"], 3), "A");
        assert_eq!(names(&["A", "B"], 3), "A and B");
        assert_eq!(names(&["A", "B", "C"], 3), "A, B and C");
        assert_eq!(names(&["A", "B", "C", "D"], 3), "A, B, C and 1 other");
        assert_eq!(names(&["A", "B", "C", "D", "E"], 2), "A, B and 3 others");
    }
}
