//! JSON export: the shape in DESIGN.md ("compare --format json") plus the inline differences.

use super::AlignedPair;
use crate::analysis::Span;
use crate::analysis::overlap::{Passage, describe_evidence};
use crate::article::{Article, ArticleRow};
use serde::Serialize;

/// One side: the article with the text every offset points into.
#[derive(Serialize)]
struct JsonArticle<'a> {
    #[serde(flatten)]
    article: ArticleRow<'a>,
    text: &'a str,
}

impl<'a> From<&'a Article> for JsonArticle<'a> {
    fn from(a: &'a Article) -> Self {
        JsonArticle {
            article: ArticleRow::from(a),
            text: &a.text,
        }
    }
}

/// A passage as JSON: offsets, kind, word count, and the changed stretches of each side.
#[derive(Serialize)]
struct JsonPassage<'a> {
    number: usize,
    left: Span,
    right: Span,
    kind: &'static str,
    words: usize,
    left_changed: &'a [Span],
    right_changed: &'a [Span],
    /// The article that carried the passage first, among the two and the archive.
    first_in: Option<&'a crate::analysis::provenance::FirstIn>,
    /// Why a paraphrase or quotation link was made: what its two sides share (absent for the
    /// other kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<JsonEvidence<'a>>,
}

/// A passage's evidence: a one-line summary and each shared item with its text on both sides.
#[derive(Serialize)]
struct JsonEvidence<'a> {
    summary: String,
    items: Vec<JsonEvidenceItem<'a>>,
}

#[derive(Serialize)]
struct JsonEvidenceItem<'a> {
    kind: &'static str,
    left: Span,
    right: Span,
    left_text: &'a str,
    right_text: &'a str,
}

/// The document's first members, which need none of the sections.
#[derive(Serialize)]
struct Head<'a> {
    left: JsonArticle<'a>,
    right: JsonArticle<'a>,
    similarity: f64,
    passages: Vec<JsonPassage<'a>>,
}

/// The document's last members: the sections.
#[derive(Serialize)]
struct Tail<'a> {
    /// What the two report differently ("Where they differ"); left out when nothing does.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    differ: Vec<super::differ::JsonConflict>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    quotations: &'a [super::quotes::SharedQuote],
}

/// The comparison as pretty-printed JSON up to its sections, a whole object ("{ … }") that
/// [`finish`] completes (the two parts can be made side by side).
pub(super) fn body(c: &AlignedPair) -> String {
    let passages = c
        .alignment
        .passages
        .iter()
        .enumerate()
        .map(|(i, p): (usize, &Passage)| JsonPassage {
            number: i + 1,
            left: p.left,
            right: p.right,
            kind: p.kind.name(),
            words: p.words,
            left_changed: &p.left_changed,
            right_changed: &p.right_changed,
            first_in: c.first_in(i),
            evidence: (!p.evidence.is_empty()).then(|| JsonEvidence {
                summary: describe_evidence(&p.evidence, &c.left.text, &c.right.text),
                items: p
                    .evidence
                    .iter()
                    .map(|e| JsonEvidenceItem {
                        kind: e.kind.name(),
                        left: e.left,
                        right: e.right,
                        left_text: e.left.slice(&c.left.text),
                        right_text: e.right.slice(&c.right.text),
                    })
                    .collect(),
            }),
        })
        .collect();
    let head = Head {
        left: JsonArticle::from(c.left),
        right: JsonArticle::from(c.right),
        similarity: round3(c.alignment.similarity),
        passages,
    };
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&head).unwrap_or_default()
}

/// Adds the sections' members to the object [`body`] made: both are top-level objects
/// pretty-printed alike, so joining their members gives the bytes of one object holding all.
pub(super) fn finish(head: String, sections: &super::Sections) -> String {
    let tail = Tail {
        differ: super::differ::json(&sections.differ),
        quotations: &sections.quotes,
    };
    let tail = serde_json::to_string_pretty(&tail).unwrap_or_default();
    let mut out = head;
    if let (Some(members), Some(more)) = (tail.strip_prefix("{\n"), out.strip_suffix("\n}")) {
        out.truncate(more.len());
        out.push_str(",\n");
        out.push_str(members);
    }
    out.push('\n');
    out
}

/// Three decimals are plenty for a reader and keep output stable across platforms.
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
