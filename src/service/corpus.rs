//! The corpus: loaded articles with their analysis and the cross-article indexes. The TUI and
//! the analysis commands present it; they contain no analysis of their own.

use super::Options;
use crate::analysis::actors::Actor;
use crate::analysis::events::{Event, TimelineEntry};
use crate::analysis::extract::{self, ActorsAndEvents, EXTRACTION_VERSION, Extraction};
use crate::analysis::index::CorpusIndex;
use crate::analysis::overlap::{self, Alignment, OverlapConfig};
use crate::article::Article;
use crate::store::Store;

/// Articles and everything juxta knows about them.
#[derive(Debug)]
pub struct Corpus {
    /// The articles; every `article: usize` in the analysis indexes this list.
    pub articles: Vec<Article>,
    /// Persons (then organisations, places) across all articles.
    pub actors: Vec<Actor>,
    /// Dated events across all articles, sorted by date.
    pub events: Vec<Event>,
    /// Events grouped by date and shared actors.
    pub timeline: Vec<TimelineEntry>,
    /// Which passages of each article appear in others.
    pub index: CorpusIndex,
    overlap: OverlapConfig,
}

impl Corpus {
    /// Analyses the articles. With a store, per-article extraction is read from (and written
    /// to) its cache, keyed by content hash.
    pub fn build(articles: Vec<Article>, options: &Options, cache: Option<&Store>) -> Corpus {
        Corpus::build_with_progress(articles, options, cache, &mut |_, _| {})
    }

    /// [`Corpus::build`], calling `progress(done, total)` as articles are analysed so a caller
    /// can show that a large store is loading.
    pub fn build_with_progress(
        articles: Vec<Article>,
        options: &Options,
        cache: Option<&Store>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Corpus {
        // The shingle index and the actors are independent: build them side by side.
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let (found, index) = std::thread::scope(|s| {
            let index = s.spawn(|| CorpusIndex::build(&texts, &options.compare));
            let found = actors_and_events_with_progress(&articles, options, cache, progress);
            // A panic while indexing is a bug in the index; re-raise it here.
            let index = index
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (found, index)
        });

        Corpus {
            articles,
            actors: found.actors,
            events: found.events,
            timeline: found.timeline,
            index,
            overlap: options.compare.clone(),
        }
    }

    /// Aligns two loaded articles.
    pub fn align(&self, left: usize, right: usize) -> Alignment {
        overlap::align(
            &self.articles[left].text,
            &self.articles[right].text,
            &self.overlap,
        )
    }
}

/// The actors, events and timeline of the articles (without the overlap index, which the
/// extraction commands do not need).
pub fn actors_and_events(
    articles: &[Article],
    options: &Options,
    cache: Option<&Store>,
) -> ActorsAndEvents {
    actors_and_events_with_progress(articles, options, cache, &mut |_, _| {})
}

fn actors_and_events_with_progress(
    articles: &[Article],
    options: &Options,
    cache: Option<&Store>,
    progress: &mut dyn FnMut(usize, usize),
) -> ActorsAndEvents {
    let total = articles.len();
    let extractions: Vec<Extraction> = articles
        .iter()
        .enumerate()
        .map(|(done, a)| {
            progress(done, total);
            extraction(a, cache)
        })
        .collect();
    progress(total, total);
    let pairs: Vec<(&str, &Extraction)> = articles
        .iter()
        .map(|a| a.text.as_str())
        .zip(&extractions)
        .collect();
    extract::assemble(&pairs, &options.aliases)
}

/// One article's extraction, from the store's cache when present. Only stored articles are
/// written to the cache: files analysed in place never write to the store (DESIGN.md).
fn extraction(a: &Article, cache: Option<&Store>) -> Extraction {
    if let Some(hit) = cache.and_then(|s| s.cache_get::<Extraction>(&a.hash, &cache_kind(a))) {
        return hit;
    }
    let fresh = extract::extract(&a.text, a.date);
    if let Some(store) = cache.filter(|s| s.contains(&a.id)) {
        // A cache that cannot be written only costs time on the next start.
        let _ = store.cache_put(&a.hash, &cache_kind(a), &fresh);
    }
    fresh
}

/// Extraction depends on the publication date too (it anchors "Tuesday"), so the date is part
/// of the cache key beside the content hash.
fn cache_kind(a: &Article) -> String {
    match a.date {
        Some(d) => format!("{EXTRACTION_VERSION}-{d}"),
        None => format!("{EXTRACTION_VERSION}-undated"),
    }
}
