//! Element ids to positions, in a table built for large workspaces: the ids are copied
//! once into one contiguous string, and an open-addressing table holds only positions and a
//! word per id (ids of up to 8 bytes packed whole, so matching them needs no string
//! compare). A lookup touches a few compact arrays instead of a map bucket plus the
//! element's own heap-allocated id, which at 100k elements was a cache miss per lookup.

use crate::claims::fingerprint;

/// Positions of element ids; duplicate ids resolve to their first occurrence.
pub(crate) struct IdTable {
    /// Every id, one after the other; id `p` is `arena[bounds[p]..bounds[p + 1]]`.
    arena: String,
    bounds: Vec<u32>,
    /// Per slot: the position plus one (zero when empty), and the id's [`word`].
    slot_pos: Vec<u32>,
    slot_word: Vec<u64>,
    mask: usize,
    distinct: usize,
}

/// An id of at most 8 bytes packed into a word (with its length, exactly the id); a longer
/// id's fingerprint, confirmed on the bytes when it matches.
#[inline]
fn word(id: &str) -> u64 {
    let bytes = id.as_bytes();
    if bytes.len() <= 8 {
        bytes
            .iter()
            .rev()
            .fold(0u64, |w, b| (w << 8) | u64::from(*b))
    } else {
        fingerprint(id)
    }
}

/// The slot a word starts probing at (murmur3's finaliser spreads every bit).
#[inline]
fn spread(word: u64) -> usize {
    let mut h = word ^ (word >> 33);
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    (h ^ (h >> 33)) as usize
}

impl IdTable {
    /// The table of `ids`, given in position order.
    pub fn new<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let n = ids.len();
        let slots = (n * 2).next_power_of_two().max(8);
        let mut table = Self {
            arena: String::with_capacity(n * 8),
            bounds: Vec::with_capacity(n + 1),
            slot_pos: vec![0; slots],
            slot_word: vec![0; slots],
            mask: slots - 1,
            distinct: 0,
        };
        table.bounds.push(0);
        for (pos, id) in ids.enumerate() {
            table.arena.push_str(id);
            table.bounds.push(table.arena.len() as u32);
            let w = word(id);
            let mut i = spread(w) & table.mask;
            loop {
                let p = table.slot_pos[i];
                if p == 0 {
                    table.slot_pos[i] = pos as u32 + 1;
                    table.slot_word[i] = w;
                    table.distinct += 1;
                    break;
                }
                if table.slot_word[i] == w && table.is(p - 1, id) {
                    break;
                }
                i = (i + 1) & table.mask;
            }
        }
        table
    }

    /// Whether the id at `pos`, whose word equals `id`'s, is `id`: for ids of at most 8
    /// bytes equal words and lengths say so; longer ones are compared byte for byte.
    #[inline]
    fn is(&self, pos: u32, id: &str) -> bool {
        let (a, b) = (
            self.bounds[pos as usize] as usize,
            self.bounds[pos as usize + 1] as usize,
        );
        b - a == id.len()
            && (id.len() <= 8 || self.arena.as_bytes().get(a..b) == Some(id.as_bytes()))
    }

    /// The position of the first element with this id.
    #[inline]
    pub fn get(&self, id: &str) -> Option<u32> {
        let w = word(id);
        let mut i = spread(w) & self.mask;
        loop {
            let p = self.slot_pos[i];
            if p == 0 {
                return None;
            }
            if self.slot_word[i] == w && self.is(p - 1, id) {
                return Some(p - 1);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// How many distinct ids there are.
    pub fn distinct(&self) -> usize {
        self.distinct
    }
}

#[cfg(test)]
mod tests {
    use super::IdTable;

    #[test]
    fn finds_first_occurrences_and_nothing_else() {
        let ids = [
            "a",
            "b",
            "a",
            "",
            "e12",
            "e1",
            "e120",
            "a\0",
            "abcdefgh",
            "abcdefghij",
            "abcdefghik",
            "abcdefghij",
        ];
        let t = IdTable::new(ids.iter().copied());
        assert_eq!(t.get("a\0"), Some(7));
        assert_eq!(t.get("abcdefgh"), Some(8));
        assert_eq!(t.get("abcdefghij"), Some(9));
        assert_eq!(t.get("abcdefghik"), Some(10));
        assert_eq!(t.get("abcdefghi"), None);
        assert_eq!(t.get("a"), Some(0));
        assert_eq!(t.get("b"), Some(1));
        assert_eq!(t.get(""), Some(3));
        assert_eq!(t.get("e120"), Some(6));
        assert_eq!(t.get("e1"), Some(5));
        assert_eq!(t.get("e"), None);
        assert_eq!(t.distinct(), 10);
        let empty = IdTable::new([].iter().copied());
        assert_eq!(empty.get("a"), None);
        let many: Vec<String> = (0..5000)
            .map(|i| format!("e{i}"))
            .chain((0..5000).map(|i| format!("element-with-a-long-id-{i}")))
            .collect();
        let t = IdTable::new(many.iter().map(String::as_str));
        for (i, id) in many.iter().enumerate() {
            assert_eq!(t.get(id), Some(i as u32));
        }
        assert_eq!(t.get("e5000"), None);
        assert_eq!(t.get("element-with-a-long-id-5000"), None);
    }
}
