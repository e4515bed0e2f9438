//! Analysis: pure functions from article text to plain data. No I/O, no terminal, no clock;
//! the same input always gives byte-identical output.

pub mod actors;
pub mod conflicts;
pub mod dates;
pub mod events;
pub mod extract;
pub mod index;
pub mod overlap;
pub mod provenance;
pub mod quotes;
pub mod stories;

use serde::{Deserialize, Serialize};

/// Texts longer than this (bytes, both sides together) have their two sides worked on two
/// threads: a long pair's comparison is mostly work done once per side, independently.
pub(crate) const PARALLEL_BYTES: usize = 256 * 1024;

/// Runs `left` and `right`, on two threads when the pair's texts (`bytes` long together) are
/// long enough to pay for a thread.
pub(crate) fn both_sides<A: Send, B: Send>(
    bytes: usize,
    left: impl FnOnce() -> A + Send,
    right: impl FnOnce() -> B + Send,
) -> (A, B) {
    if bytes < PARALLEL_BYTES {
        return (left(), right());
    }
    std::thread::scope(|s| {
        let other = s.spawn(right);
        let l = left();
        // A panic in the helper thread is a bug in the work it ran; re-raise it here.
        let r = other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (l, r)
    })
}

/// One of the two articles compared: the left or the right. Alignment offsets, highlights,
/// panes and exports all name a side with this.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Side {
    /// The left article (the first named).
    #[default]
    Left,
    /// The right article.
    Right,
}

impl Side {
    /// 0 for the left side, 1 for the right: an index into a pair of anything.
    pub fn index(self) -> usize {
        match self {
            Side::Left => 0,
            Side::Right => 1,
        }
    }

    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// A byte range in one article's stored text; serialized as `{"start": …, "end": …}`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text the span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `offset` lies inside the span.
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// Dot product of two sparse vectors given as (key, weight) pairs sorted by key.
pub(crate) fn sparse_dot<K: Ord>(a: &[(K, f64)], b: &[(K, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}
