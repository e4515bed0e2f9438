//! Overlapping passages between two articles (see DESIGN.md, "Finding overlapping passages").
//! CONTRACT SKELETON: the alignment helper replaces the bodies; the types and signatures are
//! what the CLI, export and TUI use.

use super::Span;
use serde::{Deserialize, Serialize};

/// `[compare]` in the config: how passages are found.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverlapConfig {
    /// Shortest passage kept, in words (a shorter verbatim quote still counts).
    pub min_words: usize,
}

/// How closely a passage's two sides agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// The same words after normalization.
    Exact,
    /// Small edits inside.
    Near,
    /// Same content words, different wording.
    Paraphrase,
}

/// A passage both articles carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Where it is in the left article.
    pub left: Span,
    /// Where it is in the right article.
    pub right: Span,
    /// How closely the sides agree.
    pub kind: PassageKind,
    /// Number of words (on the left side).
    pub words: usize,
    /// Words of the left side that differ from the right (empty for `exact`).
    pub left_changed: Vec<Span>,
    /// Words of the right side that differ from the left (empty for `exact`).
    pub right_changed: Vec<Span>,
}

/// Everything two articles share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Shared passages, ordered by their left start.
    pub passages: Vec<Passage>,
    /// Symmetric similarity in [0, 1] from the shared content words.
    pub similarity: f64,
}

/// Finds the passages `left` and `right` share.
pub fn align(left: &str, right: &str, cfg: &OverlapConfig) -> Alignment {
    let _ = (left, right, cfg);
    todo!("alignment engine")
}
