//! Inline differences: inside an aligned pair, which words differ.
//!
//! A word diff (`similar`, Myers) over the folded words of the two sides: words outside the
//! common subsequence are "changed". Runs of changed words become one span, so a view marks
//! "on Friday" / "today" rather than three separate words.

use super::Span;
use super::prepare::Word;
use similar::{Algorithm, DiffOp};
use std::ops::Range;

/// What differs between two word ranges.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Changes {
    /// Changed stretches of the left side.
    pub left: Vec<Span>,
    /// Changed stretches of the right side.
    pub right: Vec<Span>,
    /// Number of words on the left that the right shares, in order.
    pub equal: usize,
}

/// Diffs `left[lr]` against `right[rr]`. No deadline: `similar`'s Myers bounds its own work by
/// the input's size (git's heuristic), so a hard input gets a coarser result on every machine
/// alike, where a clock made the highlighting of one pair depend on the machine's load.
pub(crate) fn changes(
    left: &[Word],
    lr: Range<usize>,
    right: &[Word],
    rr: Range<usize>,
) -> Changes {
    let a: Vec<u64> = left[lr.clone()].iter().map(|w| w.key).collect();
    let b: Vec<u64> = right[rr.clone()].iter().map(|w| w.key).collect();
    let ops = similar::capture_diff_slices(Algorithm::Myers, &a, &b);
    let mut left_changed = vec![false; a.len()];
    let mut right_changed = vec![false; b.len()];
    let mut equal = 0;
    for op in &ops {
        match *op {
            DiffOp::Equal { len, .. } => equal += len,
            _ => {
                left_changed[op.old_range()].fill(true);
                right_changed[op.new_range()].fill(true);
            }
        }
    }
    Changes {
        left: spans(&left[lr], &left_changed),
        right: spans(&right[rr], &right_changed),
        equal,
    }
}

/// What differs between the two sides of a paraphrase, where word order means little: the
/// words (by stem for content words, by spelling for the rest) that the other side lacks.
pub(crate) fn unshared(
    left: &[Word],
    lr: Range<usize>,
    right: &[Word],
    rr: Range<usize>,
) -> (Vec<Span>, Vec<Span>) {
    let id = |w: &Word| if w.is_content() { w.stem } else { w.key };
    let ids = |words: &[Word]| {
        let mut v: Vec<u64> = words.iter().map(id).collect();
        v.sort_unstable();
        v
    };
    let (l, r) = (&left[lr], &right[rr]);
    let (lids, rids) = (ids(l), ids(r));
    let lacking = |words: &[Word], other: &[u64]| -> Vec<bool> {
        words
            .iter()
            .map(|w| other.binary_search(&id(w)).is_err())
            .collect()
    };
    (spans(l, &lacking(l, &rids)), spans(r, &lacking(r, &lids)))
}

/// Byte spans of the runs of flagged words.
fn spans(words: &[Word], flagged: &[bool]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut prev = false;
    for (w, &f) in words.iter().zip(flagged) {
        if f {
            match out.last_mut() {
                Some(last) if prev => last.end = w.span().end,
                _ => out.push(w.span()),
            }
        }
        prev = f;
    }
    out
}
