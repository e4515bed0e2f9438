//! People named in articles, with aliases merged.
//!
//! Rules, not models (see DESIGN.md, "People and dates"): [`scan`] finds names in one article
//! with the cue that makes each a person, [`merge`] groups them across articles into one
//! [`Actor`] per person, and [`lexicon`] holds the general word lists both use.

mod cues;
mod judge;
pub mod lexicon;
pub mod lookup;
pub mod merge;
pub mod scan;
mod units;

use super::Span;
use serde::{Deserialize, Serialize};

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person: what the sidebar lists.
    Person,
    /// A company, party, agency…
    Organization,
    /// A country, city, region…
    Place,
}

/// One place an actor is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    /// Index of the article in the corpus.
    pub article: usize,
    /// The name as written (title and possessive excluded).
    pub span: Span,
}

/// One person (or organisation, place) across all loaded articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Display name: the fullest common form ("Dmitry Volkov").
    pub name: String,
    /// What the actor is.
    pub kind: ActorKind,
    /// Every other form it is named by ("Volkov", "Dmitri S. Volkov").
    pub aliases: Vec<String>,
    /// Every mention, in reading order: by article, then by offset.
    pub mentions: Vec<Mention>,
}

impl Actor {
    /// The articles that name the actor, each once, in corpus order.
    pub fn articles(&self) -> Vec<usize> {
        let mut articles: Vec<usize> = self.mentions.iter().map(|m| m.article).collect();
        articles.sort_unstable();
        articles.dedup();
        articles
    }
}
