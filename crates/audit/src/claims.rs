//! Every element's claims in flat rows with a fingerprint per key, so that looking up an
//! end's value for a key compares integers in a short row instead of walking a `BTreeMap`
//! with string comparisons, and needs no hash table.

use std::hash::Hasher;

use throughline_model::Workspace;

use crate::fxhash::FxHasher;

/// A key's 64-bit fingerprint: equal keys have equal fingerprints; a match is confirmed on
/// the string.
#[inline]
pub(crate) fn fingerprint(key: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    h.finish()
}

/// The claims of all elements, one row per element position.
pub(crate) struct Claims<'a> {
    start: Vec<u32>,
    /// Per claim: the key's fingerprint, the key and the value.
    rows: Vec<(u64, &'a str, &'a str)>,
}

impl<'a> Claims<'a> {
    /// The claims of every element of `ws`.
    pub fn new(ws: &'a Workspace) -> Self {
        let total: usize = ws.elements.iter().map(|e| e.claims.len()).sum();
        let mut start = Vec::with_capacity(ws.elements.len() + 1);
        let mut rows = Vec::with_capacity(total);
        start.push(0);
        for e in &ws.elements {
            rows.extend(
                e.claims
                    .iter()
                    .map(|(k, v)| (fingerprint(k), k.as_str(), v.as_str())),
            );
            start.push(rows.len() as u32);
        }
        Self { start, rows }
    }

    /// The value the element at `pos` claims for `key`, whose fingerprint is `print`.
    #[inline]
    pub fn get(&self, pos: u32, key: &str, print: u64) -> Option<&'a str> {
        let row = self.start[pos as usize] as usize..self.start[pos as usize + 1] as usize;
        self.rows
            .get(row)?
            .iter()
            .find(|(p, k, _)| *p == print && *k == key)
            .map(|(_, _, v)| *v)
    }
}
