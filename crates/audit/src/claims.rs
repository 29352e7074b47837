//! Every element's claims in flat rows with a fingerprint per key, so that looking up an
//! end's value for a key compares integers in a short row instead of walking a `BTreeMap`
//! with string comparisons, and needs no hash table.

use std::hash::Hasher;

use throughline_model::Workspace;

use crate::fxhash::FxHasher;

/// A key's 64-bit fingerprint: equal keys have equal fingerprints; a match is confirmed on
/// the string.
pub(crate) fn fingerprint(key: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    h.finish()
}

/// The claims of all elements, one row per element position.
pub(crate) struct Claims<'a> {
    start: Vec<u32>,
    prints: Vec<u64>,
    keys: Vec<&'a str>,
    values: Vec<&'a str>,
}

impl<'a> Claims<'a> {
    /// The claims of every element of `ws`.
    pub fn new(ws: &'a Workspace) -> Self {
        let total: usize = ws.elements.iter().map(|e| e.claims.len()).sum();
        let mut start = Vec::with_capacity(ws.elements.len() + 1);
        let mut prints = Vec::with_capacity(total);
        let mut keys = Vec::with_capacity(total);
        let mut values = Vec::with_capacity(total);
        start.push(0);
        for e in &ws.elements {
            for (k, v) in &e.claims {
                prints.push(fingerprint(k));
                keys.push(k.as_str());
                values.push(v.as_str());
            }
            start.push(keys.len() as u32);
        }
        Self {
            start,
            prints,
            keys,
            values,
        }
    }

    /// The value the element at `pos` claims for `key`, whose fingerprint is `print`.
    pub fn get(&self, pos: u32, key: &str, print: u64) -> Option<&'a str> {
        let row = self.start[pos as usize] as usize..self.start[pos as usize + 1] as usize;
        self.prints[row.clone()]
            .iter()
            .zip(&self.keys[row.clone()])
            .position(|(p, k)| *p == print && *k == key)
            .map(|i| self.values[row.start + i])
    }
}
