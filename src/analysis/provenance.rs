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

/// Share of article `i`'s words that are in passages some article before it carried
/// (`earlier(j, i)` says whether article `j` came before article `i`), in [0, 1]. An article
/// that is the first to print everything it shares scores 0, as does one that shares
/// nothing; wire copy reprinted a day later scores close to 1. `words(span)` counts the
/// words of a span of `i`'s text; `total` is `i`'s word count.
pub fn borrowed_share(
    index: &CorpusIndex,
    i: usize,
    total: usize,
    earlier: impl Fn(usize, usize) -> bool,
    words: impl Fn(Span) -> usize,
) -> f64 {
    if total == 0 {
        return 0.0;
    }
    let borrowed: usize = index
        .shared_spans(i)
        .into_iter()
        .filter(|s| s.others.iter().any(|&j| earlier(j, i)))
        .map(|s| words(s.span))
        .sum();
    (borrowed as f64 / total as f64).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::overlap::OverlapConfig;

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
        // Article 1 came after article 0: the shared sentence is borrowed.
        let share = borrowed_share(&index, 1, total, |j, i| j < i, words);
        assert!((share - 12.0 / 15.0).abs() < 1e-9, "{share}");
        // Article 0 printed it first: nothing of it is borrowed.
        let words0 = |s: Span| crate::text::word_count(s.slice(texts[0]));
        assert_eq!(borrowed_share(&index, 0, 14, |j, i| j < i, words0), 0.0);
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
}
