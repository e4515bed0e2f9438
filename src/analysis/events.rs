//! Dated events and the timeline across articles.
//! CONTRACT SKELETON: the extraction helper replaces the bodies.

use super::Span;
use super::dates::DateValue;
use serde::{Deserialize, Serialize};

/// A sentence with a date in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index of the article in the corpus.
    pub article: usize,
    /// The resolved date; `None` when it cannot be resolved (no publication date).
    pub date: Option<DateValue>,
    /// The date expression as written ("last Tuesday").
    pub expression: String,
    /// Where the expression is.
    pub span: Span,
    /// The sentence holding it.
    pub sentence: Span,
    /// Display names of the people named in the sentence.
    pub actors: Vec<String>,
}

/// One line of the timeline: events of the same date that share actors, across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The date.
    pub date: Option<DateValue>,
    /// Indexes into the corpus' event list, in article order.
    pub events: Vec<usize>,
}
