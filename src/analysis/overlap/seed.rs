//! Exact runs: maximal stretches of words the two texts share, in any order.
//!
//! Every word k-gram of the right text goes into a hash map; each k-gram of the left text is
//! looked up and every hit is grown into the longest run of equal words on its diagonal
//! (left index − right index). Order plays no part, so a moved paragraph is found like any
//! other; a diff would call it deleted and re-inserted.

use super::prepare::Word;
use rustc_hash::FxHashMap;

/// A run of equal words: `left[l..l + len]` equals `right[r..r + len]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Run {
    /// First word on the left.
    pub l: usize,
    /// First word on the right.
    pub r: usize,
    /// Number of words.
    pub len: usize,
}

impl Run {
    /// One past the last left word.
    pub fn l_end(&self) -> usize {
        self.l + self.len
    }

    /// One past the last right word.
    pub fn r_end(&self) -> usize {
        self.r + self.len
    }
}

/// A k-gram repeated more often than this in the right text is boilerplate or filler ("one of
/// the"); skipping it bounds the work on repetitive texts without losing real passages, whose
/// other k-grams still seed them.
const MAX_SEED_REPEATS: u32 = 64;

/// A run this long is taken as the pairing of its words (see `inside` in [`exact_runs`]).
const LONG_RUN: usize = 12;

fn gram_hash(words: &[Word]) -> u64 {
    words.iter().fold(0x51_7c_c1_b7_27_22_0a_95, |h, w| {
        (h.rotate_left(23) ^ w.key).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    })
}

/// All maximal exact runs of at least `k` words (k ≥ 1), in left order.
pub(crate) fn exact_runs(left: &[Word], right: &[Word], k: usize) -> Vec<Run> {
    let k = k.max(1);
    if left.len() < k || right.len() < k {
        return Vec::new();
    }
    // Right k-grams: first position and count per hash, then a "next" chain through positions,
    // in ascending order.
    let grams = right.len() - k + 1;
    let mut heads: FxHashMap<u64, (u32, u32)> =
        FxHashMap::with_capacity_and_hasher(grams, Default::default());
    let mut next = vec![u32::MAX; grams];
    for j in (0..grams).rev() {
        // A run of function words only ("and that it was") is shared by any two texts: it
        // seeds nothing, and skipping it saves most of the lookups.
        if !right[j..j + k].iter().any(|w| w.is_content()) {
            continue;
        }
        let h = gram_hash(&right[j..j + k]);
        let entry = heads.entry(h).or_insert((u32::MAX, 0));
        // Positions fit in u32: a text of 4 billion words is far beyond the import size limit.
        next[j] = entry.0;
        *entry = (j as u32, entry.1 + 1);
    }
    let mut runs = Vec::new();
    // Left end of the last run found on each diagonal (left index − right index, shifted to
    // be non-negative), so a run is grown only once. A zeroed vector costs no memory until a
    // diagonal is touched, and indexing it beats hashing on every seed hit.
    // Word indexes fit in u32 (see `next`); half the width is half the pages to fault in.
    let mut reached: Vec<u32> = vec![0; left.len() + right.len()];

    // Left end of the last long run: k-grams inside it are not looked up again. They could
    // only pair these words elsewhere too, and one-to-one pairing keeps the longer run anyway.
    let mut inside = 0usize;
    for i in 0..=left.len() - k {
        if i + k <= inside || !left[i..i + k].iter().any(|w| w.is_content()) {
            continue;
        }
        let Some(&(first, count)) = heads.get(&gram_hash(&left[i..i + k])) else {
            continue;
        };
        if count > MAX_SEED_REPEATS {
            continue;
        }
        let mut j = first;
        while j != u32::MAX {
            let r = j as usize;
            j = next[r];
            let diag = i + right.len() - r;
            let floor = reached[diag] as usize;

            if floor > i {
                continue;
            }
            let mut back = 0;
            while i > back
                && r > back
                && i - back > floor
                && left[i - back - 1].key == right[r - back - 1].key
            {
                back += 1;
            }
            let mut fwd = 0;
            while i + fwd < left.len()
                && r + fwd < right.len()
                && left[i + fwd].key == right[r + fwd].key
            {
                fwd += 1;
            }
            // A hash collision can seed a run shorter than k: not a match.
            if fwd < k {
                continue;
            }
            reached[diag] = (i + fwd) as u32;

            if back + fwd >= LONG_RUN {
                inside = inside.max(i + fwd);
            }
            runs.push(Run {
                l: i - back,
                r: r - back,
                len: back + fwd,
            });
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::overlap::prepare::Prepared;

    fn runs(a: &str, b: &str, k: usize) -> Vec<(usize, usize, usize)> {
        let (a, b) = (Prepared::new(a), Prepared::new(b));
        exact_runs(&a.words, &b.words, k)
            .into_iter()
            .map(|r| (r.l, r.r, r.len))
            .collect()
    }

    #[test]
    fn finds_moved_stretches() {
        let a = "crane quay pier dock. storm ferry hull mast.";
        let b = "storm ferry hull mast. crane quay pier dock.";
        assert_eq!(runs(a, b, 3), [(0, 4, 4), (4, 0, 4)]);
    }

    #[test]
    fn grows_each_run_once() {
        let a = "x harbour board approved new crane contract today y";
        let b = "z harbour board approved new crane contract today w";
        assert_eq!(runs(a, b, 3), [(1, 1, 7)]);
    }

    #[test]
    fn function_words_alone_seed_nothing() {
        assert!(runs("and that it was the", "and that it was the", 3).is_empty());
    }

    #[test]
    fn short_texts_have_no_runs() {
        assert!(runs("quay pier", "quay pier", 3).is_empty());
        assert!(runs("", "quay pier dock", 3).is_empty());
    }
}
