//! The compact in-memory event log: strings interned once, each event a few integers.

use rustc_hash::FxHashMap;
use serde::Serialize;

/// The symbol of a string in an [`Interner`].
pub type Sym = u32;

/// No value (an event without a resource or channel).
pub const NONE: Sym = u32::MAX;

/// How many bad rows a read keeps as examples.
pub const BAD_ROW_EXAMPLES: usize = 10;

/// Distinct strings stored once and numbered in order of first appearance.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    ids: FxHashMap<Box<str>, Sym>,
    names: Vec<Box<str>>,
}

impl Interner {
    /// The symbol of `s`, adding it when new; `None` when the table is full.
    pub fn intern(&mut self, s: &str) -> Option<Sym> {
        if let Some(&id) = self.ids.get(s) {
            return Some(id);
        }
        let id = Sym::try_from(self.names.len())
            .ok()
            .filter(|&i| i != NONE)?;
        let boxed: Box<str> = s.into();
        self.names.push(boxed.clone());
        self.ids.insert(boxed, id);
        Some(id)
    }

    /// The string of a symbol.
    pub fn name(&self, id: Sym) -> &str {
        self.names.get(id as usize).map_or("", |s| s)
    }

    /// How many distinct strings there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether nothing was interned.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// One event: 24 bytes, whatever the length of its strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub time: i64,
    pub case: Sym,
    pub activity: Sym,
    /// [`NONE`] when the log gives no resource.
    pub resource: Sym,
    /// [`NONE`] when the log gives no channel.
    pub channel: Sym,
}

/// A row (CSV line or XES event) that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRow {
    /// `line` for CSV (1 is the header), `event` for XES (counted from 1 in file order).
    pub unit: &'static str,
    pub row: u64,
    pub reason: String,
}

/// A whole log held compactly: events in file order and the string tables.
#[derive(Debug, Default, Clone)]
pub struct EventLog {
    pub events: Vec<Event>,
    pub cases: Interner,
    pub activities: Interner,
    pub resources: Interner,
    pub channels: Interner,
    /// Rows left out because they could not be read (only with `skip_bad_rows`).
    pub bad_rows: u64,
    /// The first few of them.
    pub first_bad_rows: Vec<BadRow>,
}

/// How to treat rows that cannot be read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BadRowPolicy {
    /// Leave bad rows out and go on; otherwise the read refuses the file.
    pub skip_bad_rows: bool,
}

impl EventLog {
    /// Records a bad row: counted, and kept as an example while there are few.
    pub(crate) fn note_bad(&mut self, unit: &'static str, row: u64, reason: String) {
        self.bad_rows += 1;
        if self.first_bad_rows.len() < BAD_ROW_EXAMPLES {
            self.first_bad_rows.push(BadRow { unit, row, reason });
        }
    }

    /// Adds one event from its text fields; `None` when a string table is full.
    pub(crate) fn push(
        &mut self,
        case: &str,
        activity: &str,
        time: i64,
        resource: Option<&str>,
        channel: Option<&str>,
    ) -> Option<()> {
        let case = self.cases.intern(case)?;
        let activity = self.activities.intern(activity)?;
        let resource = match resource.filter(|r| !r.is_empty()) {
            Some(r) => self.resources.intern(r)?,
            None => NONE,
        };
        let channel = match channel.filter(|c| !c.is_empty()) {
            Some(c) => self.channels.intern(c)?,
            None => NONE,
        };
        self.events.push(Event {
            time,
            case,
            activity,
            resource,
            channel,
        });
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_stays_small() {
        assert_eq!(std::mem::size_of::<Event>(), 24);
    }

    #[test]
    fn interning_numbers_strings_in_order_of_first_appearance() {
        let mut i = Interner::default();
        assert_eq!(i.intern("b"), Some(0));
        assert_eq!(i.intern("a"), Some(1));
        assert_eq!(i.intern("b"), Some(0));
        assert_eq!(i.name(1), "a");
        assert_eq!(i.len(), 2);
    }
}
