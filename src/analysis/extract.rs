//! Per-article extraction (names and dates: depends only on one article's text and date, so it
//! is cached in the store) and its assembly into actors, events and the timeline across articles.
//! CONTRACT SKELETON: the extraction helper replaces the bodies.

use super::actors::Actor;
use super::events::{Event, TimelineEntry};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Names the cache entries: bump the number whenever extraction output changes.
pub const EXTRACTION_VERSION: &str = "extract-v1";

/// What one article yields on its own (cacheable).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {}

/// Extracts candidate names and date expressions from one article.
pub fn extract(text: &str, published: Option<NaiveDate>) -> Extraction {
    let _ = (text, published);
    todo!("extraction")
}

/// Actors, events and timeline of a set of articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct People {
    /// Persons first, then organisations and places; each group by mention count, then name.
    pub actors: Vec<Actor>,
    /// All events, sorted by date (unresolved last), then article, then offset.
    pub events: Vec<Event>,
    /// Events grouped by date and shared actors.
    pub timeline: Vec<TimelineEntry>,
}

/// Merges per-article extractions (`articles[i]` is corpus article `i`: its text and its
/// extraction) into actors with aliases, events and the timeline. `aliases` are the user's
/// extra names from the config (`"Vladimir Putin" = ["the Kremlin leader"]`).
pub fn assemble(
    articles: &[(&str, &Extraction)],
    aliases: &BTreeMap<String, Vec<String>>,
) -> People {
    let _ = (articles, aliases);
    todo!("assembly")
}

/// The actor a user means by `name` (any alias, any case, diacritics optional).
pub fn find_actor(actors: &[Actor], name: &str) -> Option<usize> {
    let _ = (actors, name);
    todo!("lookup")
}
