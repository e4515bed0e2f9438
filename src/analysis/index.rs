//! Corpus-wide shingle index: which passages of one article appear in any other.
//! CONTRACT SKELETON: the alignment helper replaces the bodies.

use super::Span;
use super::overlap::OverlapConfig;

/// A stretch of one article found in other articles.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedSpan {
    /// Where it is in the article.
    pub span: Span,
    /// Indexes of the other articles that carry it.
    pub others: Vec<usize>,
}

/// Shingles of every loaded article.
#[derive(Debug, Clone, Default)]
pub struct CorpusIndex {}

impl CorpusIndex {
    /// Indexes the texts; article `i` of later queries is `texts[i]`.
    pub fn build(texts: &[&str], cfg: &OverlapConfig) -> CorpusIndex {
        let _ = (texts, cfg);
        todo!("corpus index")
    }

    /// The passages of article `i` found in any other article, in text order.
    pub fn shared_spans(&self, i: usize) -> Vec<SharedSpan> {
        let _ = i;
        todo!("corpus index")
    }

    /// Share of article `i`'s words found in no other article, in [0, 1].
    pub fn originality(&self, i: usize) -> f64 {
        let _ = i;
        todo!("corpus index")
    }
}
