//! Per-article extraction (names and dates: depends only on one article's text and date, so it
//! is cached in the store) and its assembly into actors, events and the timeline across articles.

use super::actors::merge::{self, ArticleNames};
use super::actors::scan::{self as names, Names};
use super::actors::{Actor, ActorKind, lookup};
use super::dates::{self, DateHit};
use super::events::{self, Event, TimelineEntry};
use crate::text::{sentences, tokenize};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Names the cache entries: bump the number whenever extraction output changes.
pub const EXTRACTION_VERSION: &str = "extract-v4";

/// What one article yields on its own (cacheable).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Names found with a cue, and name-like runs without one (accepted at assembly when they
    /// name a person found elsewhere).
    pub names: Names,
    /// Date expressions, resolved against the publication date.
    pub dates: Vec<DateHit>,
    /// Where the timeline's candidate words are (see [`events::SentenceTokens`]): a by-product
    /// of reading the text, kept so that assembling does not tokenize it again; not stored.
    #[serde(skip)]
    pub sentence_tokens: events::SentenceTokens,
}

/// Extracts candidate names and date expressions from one article, with the default date
/// options.
pub fn extract(text: &str, published: Option<NaiveDate>) -> Extraction {
    extract_with(text, published, &dates::DateOptions::default())
}

/// [`extract`] for the two articles of a pair (text and publication date each), side by side
/// on two threads when they are long.
pub fn extract_pair(
    left: (&str, Option<NaiveDate>),
    right: (&str, Option<NaiveDate>),
) -> [Extraction; 2] {
    let (l, r) = super::both_sides(
        left.0.len() + right.0.len(),
        || extract(left.0, left.1),
        || extract(right.0, right.1),
    );
    [l, r]
}

/// Extracts candidate names and date expressions from one article.
pub fn extract_with(
    text: &str,
    published: Option<NaiveDate>,
    options: &dates::DateOptions,
) -> Extraction {
    let tokens = tokenize(text);
    let names = names::scan(text, &tokens);
    let found = dates::scan::scan_with(text, &tokens, options);
    let dates = if found.is_empty() {
        Vec::new()
    } else {
        let sentences = sentences(text);
        dates::resolve_found(text, &tokens, &sentences, found, published)
    };
    let sentence_tokens = events::SentenceTokens::of(text, &tokens, &dates);
    Extraction {
        names,
        dates,
        sentence_tokens,
    }
}

/// Actors, events and timeline of a set of articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorsAndEvents {
    /// Persons first, then organisations and places; each group by mention count, then name.
    pub actors: Vec<Actor>,
    /// All events, sorted by date (unresolved last), then article, then offset.
    pub events: Vec<Event>,
    /// Events grouped by date and shared actors.
    pub timeline: Vec<TimelineEntry>,
}

/// Merges per-article extractions (`articles[i]` is corpus article `i`: its text and its
/// extraction) into actors with aliases, events and the timeline. `aliases` are the user's
/// extra names from the config (`"Anton Sorel" = ["the Sorel camp"]`).
pub fn assemble(
    articles: &[(&str, &Extraction)],
    aliases: &BTreeMap<String, Vec<String>>,
) -> ActorsAndEvents {
    let texts: Vec<&str> = articles.iter().map(|(t, _)| *t).collect();
    let names: Vec<&Names> = articles.iter().map(|(_, x)| &x.names).collect();
    let actors = actors_of(&texts, &names, aliases);
    let dates: Vec<&[DateHit]> = articles.iter().map(|(_, x)| x.dates.as_slice()).collect();
    let events = events::collect(&texts, &dates, &actors);
    let known: Vec<&events::SentenceTokens> =
        articles.iter().map(|(_, x)| &x.sentence_tokens).collect();
    let timeline = events::timeline_with(&events, &texts, &known);
    ActorsAndEvents {
        actors,
        events,
        timeline,
    }
}

/// [`assemble`] of extractions it owns (`texts[i]` and `extractions[i]` are corpus article
/// `i`'s): each part of them is dropped once used, so that at 100,000 articles the names are
/// gone before the events are made, and the dates before the timeline.
pub fn assemble_owned(
    texts: &[&str],
    mut extractions: Vec<Extraction>,
    aliases: &BTreeMap<String, Vec<String>>,
) -> ActorsAndEvents {
    let names: Vec<&Names> = extractions.iter().map(|x| &x.names).collect();
    let actors = actors_of(texts, &names, aliases);
    for x in &mut extractions {
        x.names = Names::default();
    }
    let dates: Vec<&[DateHit]> = extractions.iter().map(|x| x.dates.as_slice()).collect();
    let events = events::collect(texts, &dates, &actors);
    for x in &mut extractions {
        x.dates = Vec::new();
    }
    let known: Vec<&events::SentenceTokens> =
        extractions.iter().map(|x| &x.sentence_tokens).collect();
    let timeline = events::timeline_with(&events, texts, &known);
    ActorsAndEvents {
        actors,
        events,
        timeline,
    }
}

/// The actors of articles (`texts[i]` and `names[i]` are corpus article `i`'s), sorted.
fn actors_of(
    texts: &[&str],
    names: &[&Names],
    aliases: &BTreeMap<String, Vec<String>>,
) -> Vec<Actor> {
    let named: Vec<ArticleNames<'_>> = texts
        .iter()
        .zip(names)
        .map(|(text, names)| ArticleNames { text, names })
        .collect();
    // The config's aliases name people: organisations and places stay out of their reach.
    let (mut actors, others): (Vec<Actor>, Vec<Actor>) = merge::cluster(&named)
        .into_iter()
        .partition(|a| a.kind == ActorKind::Person);
    lookup::apply_aliases(&mut actors, texts, aliases);
    actors.extend(others);
    sort_actors(&mut actors);
    actors
}

/// Kinds in their order (persons, organisations, places), then most mentioned first, then by
/// name.
fn sort_actors(actors: &mut [Actor]) {
    actors.sort_by(|a, b| {
        let kind = |k: ActorKind| k as u8;
        kind(a.kind)
            .cmp(&kind(b.kind))
            .then(b.mentions.len().cmp(&a.mentions.len()))
            .then_with(|| a.name.cmp(&b.name))
    });
}

/// The actor a user means by `name` (any alias, any case, diacritics optional).
pub fn find_actor(actors: &[Actor], name: &str) -> Option<usize> {
    lookup::find_actor(actors, name)
}
