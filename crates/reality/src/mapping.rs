//! Which element of the workspace an activity names.

use rustc_hash::FxHashMap;
use serde::Serialize;
use throughline_model::Workspace;

/// An activity that names no element, and how many events it had (left out of replay).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmapped {
    pub activity: String,
    pub events: u64,
}

/// Looks activities up among the workspace's elements: by id, then by name ignoring case,
/// then by one of the element's aliases ignoring case.
pub struct ElementLookup<'w> {
    ws: &'w Workspace,
    by_id: FxHashMap<&'w str, u32>,
    by_folded: FxHashMap<String, u32>,
}

impl<'w> ElementLookup<'w> {
    /// Indexes the elements of `ws`.
    pub fn new(ws: &'w Workspace) -> Self {
        let mut by_id = FxHashMap::default();
        let mut by_folded = FxHashMap::default();
        for (i, e) in ws.elements.iter().enumerate() {
            let i = i as u32;
            by_id.insert(e.id.as_str(), i);
            by_folded.entry(fold(&e.name)).or_insert(i);
        }
        // Aliases after names, so a name wins over another element's alias.
        for (i, e) in ws.elements.iter().enumerate() {
            for a in &e.aliases {
                by_folded.entry(fold(a)).or_insert(i as u32);
            }
        }
        Self {
            ws,
            by_id,
            by_folded,
        }
    }

    /// The position in `ws.elements` of the element `activity` names, if any.
    pub fn find(&self, activity: &str) -> Option<u32> {
        let activity = activity.trim();
        self.by_id
            .get(activity)
            .or_else(|| self.by_folded.get(&fold(activity)))
            .copied()
    }

    /// The element's name at a position, as people read it in messages (its id when the
    /// name is blank).
    pub fn name(&self, index: u32) -> &'w str {
        self.ws.elements.get(index as usize).map_or("", |e| {
            let name = e.name.trim();
            if name.is_empty() { e.id.as_str() } else { name }
        })
    }

    /// The name of the element with this id (the id itself when there is none).
    pub fn name_of<'a>(&self, id: &'a str) -> &'a str
    where
        'w: 'a,
    {
        self.by_id.get(id).map_or(id, |&i| self.name(i))
    }

    /// The element id at a position.
    pub fn id(&self, index: u32) -> &'w str {
        self.ws
            .elements
            .get(index as usize)
            .map_or("", |e| e.id.as_str())
    }
}

/// Case-folded, with runs of white space as one space, so `Support  Desk` finds `support desk`.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sorts unmapped activities: most events first, then by name.
pub(crate) fn sort_unmapped(list: &mut [Unmapped]) {
    list.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| a.activity.cmp(&b.activity))
    });
}
