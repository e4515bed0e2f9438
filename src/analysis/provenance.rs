//! Provenance: which article printed a shared passage first, and how much of an article was
//! printed first elsewhere.
//!
//! "First" is the earliest publication date; articles of one day (or without dates) are
//! ordered by import order, the only other clock juxta has. An article without a date comes
//! after every dated one: an unknown date proves nothing about priority.

use super::Span;
use super::index::CorpusIndex;
use chrono::NaiveDate;
use serde::Serialize;

/// The article that carried a passage first; `first_in` in `compare --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FirstIn {
    /// The article's id.
    pub id: String,
    /// Its outlet.
    pub source: String,
    /// Its publication date, when known.
    pub date: Option<NaiveDate>,
}

impl FirstIn {
    /// "first in <source>, <date>" (without the date when it is unknown), as the TUI's status
    /// line and the exports show it.
    pub fn label(&self) -> String {
        match self.date {
            Some(d) => format!("first in {}, {d}", self.source),
            None => format!("first in {}", self.source),
        }
    }
}

/// The order of priority: a sort key, smallest first. `order` is the import order (or any
/// order that stands for it).
pub fn priority<T: Ord>(date: Option<NaiveDate>, order: T) -> (bool, Option<NaiveDate>, T) {
    (date.is_none(), date, order)
}

/// The articles of `index` that carry the passage `span` of article `i` (not `i` itself):
/// those sharing at least half of its words, sorted. A paraphrase shares no wording, so no
/// other article carries it.
pub fn carriers(index: &CorpusIndex, i: usize, span: Span) -> Vec<usize> {
    let (words, shared) = index.shared_words_within_span(i, span);
    let mut out: Vec<usize> = shared
        .into_iter()
        .filter(|&(_, n)| 2 * n >= words)
        .map(|(j, _)| j)
        .collect();
    out.sort_unstable();
    out
}

/// The order in which the articles of an index came out, ready to name the first carrier of
/// any passage without visiting every carrier (boilerplate that every outlet prints is
/// carried by the whole archive).
#[derive(Debug, Clone)]
pub struct Order {
    rank: Vec<u32>,
    earliest: Vec<[u32; 2]>,
}

impl Order {
    /// The order of the articles of `index` by `key` (smaller first; ties by index).
    pub fn new<K: Ord>(index: &CorpusIndex, key: impl Fn(usize) -> K) -> Order {
        let mut by: Vec<usize> = (0..index.len()).collect();
        by.sort_by_cached_key(|&i| (key(i), i));
        let mut rank = vec![0u32; by.len()];
        for (r, &i) in by.iter().enumerate() {
            rank[i] = r as u32;
        }
        let earliest = index.earliest_members(&rank);
        Order { rank, earliest }
    }
}

/// Share of article `i`'s words that are in passages some article before it (by `order`)
/// carried, in [0, 1]. An article that is the first to print everything it shares scores 0,
/// as does one that shares nothing; wire copy reprinted a day later scores close to 1.
/// `words(span)` counts the words of a span of `i`'s text; `total` is `i`'s word count.
pub fn borrowed_share(
    index: &CorpusIndex,
    order: &Order,
    i: usize,
    total: usize,
    words: impl Fn(Span) -> usize,
) -> f64 {
    if total == 0 || i >= order.rank.len() {
        return 0.0;
    }
    let borrowed: usize = index
        .shared_spans_first(i, &order.rank, &order.earliest)
        .into_iter()
        .filter(|&(_, j)| order.rank[j] < order.rank[i])
        .map(|(span, _)| words(span))
        .sum();
    (borrowed as f64 / total as f64).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::overlap::OverlapConfig;
    use std::cmp::Reverse;

    #[test]
    fn carriers_are_the_articles_sharing_the_passage() {
        let texts = [
            "The ferry company cancelled every crossing to the island on Friday morning. Other news.",
            "Locals learned that the ferry company cancelled every crossing to the island on Friday morning.",
            "A bakery opened a second shop near the station.",
        ];
        let index = CorpusIndex::build(&texts, &OverlapConfig::default());
        let span = Span::new(0, texts[0].find(" Other").unwrap_or(0));
        assert_eq!(carriers(&index, 0, span), [1]);
        assert!(carriers(&index, 2, Span::new(0, texts[2].len())).is_empty());
        let words = |s: Span| crate::text::word_count(s.slice(texts[1]));
        let total = crate::text::word_count(texts[1]);
        let order = Order::new(&index, |i| i);
        // Article 1 came after article 0: the shared sentence is borrowed.
        let share = borrowed_share(&index, &order, 1, total, words);
        assert!((share - 12.0 / 15.0).abs() < 1e-9, "{share}");
        // Article 0 printed it first: nothing of it is borrowed.
        let words0 = |s: Span| crate::text::word_count(s.slice(texts[0]));
        assert_eq!(borrowed_share(&index, &order, 0, 14, words0), 0.0);
        // Imported the other way round, article 0 is the borrower.
        let reversed = Order::new(&index, Reverse);
        let share0 = borrowed_share(&index, &reversed, 0, 14, words0);
        assert!((share0 - 12.0 / 14.0).abs() < 1e-9, "{share0}");
        assert_eq!(borrowed_share(&index, &reversed, 1, total, words), 0.0);
    }

    #[test]
    fn undated_articles_come_after_dated_ones() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let mut keys = [
            priority(None, 0),
            priority(d("2024-05-02"), 1),
            priority(d("2024-05-01"), 2),
            priority(d("2024-05-01"), 3),
        ];
        keys.sort();
        assert_eq!(keys.map(|k| k.2), [2, 3, 1, 0]);
        let first = FirstIn {
            id: "a".into(),
            source: "The Courier".into(),
            date: d("2024-05-01"),
        };
        assert_eq!(first.label(), "first in The Courier, 2024-05-01");
    }

    #[test]
    fn the_first_carrier_of_a_passage_is_the_earliest_of_its_carriers() {
        let texts = [
            "The dam operator opened all four sluice gates at dawn on Sunday. Farmers downstream watched.",
            "Farmers said the dam operator opened all four sluice gates at dawn on Sunday, flooding fields.",
            "Nobody expected that the dam operator opened all four sluice gates at dawn on Sunday.",
            "A choir sang in the cathedral. Farmers downstream watched the water rise all day.",
        ];
        let index = CorpusIndex::build(&texts, &OverlapConfig::default());
        // Article 2 came out first, then 3, then 0, then 1.
        let order = Order::new(&index, |i| [2, 3, 0, 1][i]);
        for i in 0..texts.len() {
            let spans = index.shared_spans(i);
            let firsts = index.shared_spans_first(i, &order.rank, &order.earliest);
            let expected: Vec<(Span, usize)> = spans
                .iter()
                .map(|s| {
                    let first = s.others.iter().copied().min_by_key(|&j| order.rank[j]);
                    (s.span, first.unwrap_or(usize::MAX))
                })
                .collect();
            assert_eq!(firsts, expected, "article {i}");
        }
        let firsts = index.shared_spans_first(0, &order.rank, &order.earliest);
        assert_eq!(firsts.len(), 1);
        assert_eq!(
            firsts[0].0.slice(texts[0]),
            "The dam operator opened all four sluice gates at dawn on Sunday"
        );
        assert_eq!(firsts[0].1, 2);
    }
}
