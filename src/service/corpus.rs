//! The corpus: loaded articles with their analysis and the cross-article indexes. The TUI and
//! the analysis commands present it; they contain no analysis of their own.

use super::Options;
use crate::analysis::actors::Actor;
use crate::analysis::dates::DateOptions;
use crate::analysis::events::{Event, TimelineEntry};
use crate::analysis::extract::{self, ActorsAndEvents, Compact, EXTRACTION_VERSION, Extraction};
use crate::analysis::index::{self, CorpusIndex, FINGERPRINT_KIND, FINGERPRINT_VERSION};
use crate::analysis::overlap::{self, Alignment, OverlapConfig};
use crate::article::Article;
use crate::store::{Analysis, Store, StoreError};

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
    /// Quotations with their speakers, grouped across articles (computed on load from the
    /// texts and actors; nothing of them is stored).
    pub quotes: crate::analysis::quotes::Quotes,
    overlap: OverlapConfig,
    /// The articles grouped into stories, computed when first asked for.
    stories: std::sync::OnceLock<Vec<crate::analysis::stories::Story>>,
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

        let quotes = crate::analysis::quotes::analyse(&texts, &found.actors);
        Corpus {
            quotes,
            articles,
            actors: found.actors,
            events: found.events,
            timeline: found.timeline,
            index,
            overlap: options.compare.clone(),
            stories: std::sync::OnceLock::new(),
        }
    }

    /// A corpus made of parts read elsewhere: the terminal UI on a large archive builds one
    /// from the store's metadata and views, without the texts (`stories`: `None` to group the
    /// articles when first asked).
    #[allow(clippy::too_many_arguments)]
    pub fn from_parts(
        articles: Vec<Article>,
        actors: Vec<Actor>,
        events: Vec<Event>,
        timeline: Vec<TimelineEntry>,
        quotes: crate::analysis::quotes::Quotes,
        stories: Option<Vec<crate::analysis::stories::Story>>,
        options: &Options,
    ) -> Corpus {
        let cell = std::sync::OnceLock::new();
        if let Some(s) = stories {
            let _ = cell.set(s);
        }
        Corpus {
            articles,
            actors,
            events,
            timeline,
            index: CorpusIndex::build(&[], &options.compare),
            quotes,
            overlap: options.compare.clone(),
            stories: cell,
        }
    }

    /// How shared passages are found.
    pub fn overlap(&self) -> &OverlapConfig {
        &self.overlap
    }

    /// The articles grouped into stories (most articles first; single articles last).
    /// Computed on first use: opening two named files needs none of it.
    pub fn stories(&self) -> &[crate::analysis::stories::Story] {
        self.stories
            .get_or_init(|| super::group_stories(&self.articles, &self.index))
    }

    /// The article that carried the passage `span` of article `left`, shared with article
    /// `right`, first: the two and every loaded article carrying it, by publication date,
    /// then import time, then load order.
    pub fn first_in(
        &self,
        left: usize,
        right: usize,
        span: crate::analysis::Span,
    ) -> Option<crate::analysis::provenance::FirstIn> {
        let carriers = crate::analysis::provenance::carriers(&self.index, left, span);
        let candidates = [left, right]
            .into_iter()
            .chain(carriers)
            .filter_map(|i| self.articles.get(i).map(|a| (a, i)));
        super::first_of(candidates)
    }

    /// [`Corpus::first_in`] for every passage of an alignment of `left` with `right`.
    pub fn first_in_all(
        &self,
        left: usize,
        right: usize,
        alignment: &Alignment,
    ) -> Vec<Option<crate::analysis::provenance::FirstIn>> {
        alignment
            .passages
            .iter()
            .map(|p| self.first_in(left, right, p.left))
            .collect()
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
    let default_dates = options.dates == DateOptions::default();
    // The stored extraction of each article, decoded as its row is read (never every row's
    // JSON at once); `None` where there is none to use.
    let mut stored: Vec<Option<Extraction>> = Vec::new();
    stored.resize_with(total, || None);
    if let Some(store) = cache.filter(|_| default_dates) {
        if total <= FEW_ARTICLES {
            // A few articles (the pair the terminal UI opens first) read their own rows only.
            for (slot, a) in stored.iter_mut().zip(articles) {
                if let Ok(Some(json)) = store.analysis(&a.id, EXTRACT_KIND, EXTRACTION_VERSION)
                    && store.get_meta(&a.id).is_ok_and(|m| m.hash == a.hash)
                {
                    *slot = serde_json::from_str(&json).ok();
                }
            }
        } else {
            let position: std::collections::HashMap<&str, usize> = articles
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.as_str(), i))
                .collect();
            // One query for the stored analysis of every article, not one per article.
            let _ =
                store.for_each_analysis(EXTRACT_KIND, EXTRACTION_VERSION, &mut |id, hash, json| {
                    if let Some(&i) = position.get(id)
                        && articles[i].hash == hash
                    {
                        stored[i] = serde_json::from_str(json).ok();
                    }
                });
        }
    }
    let extractions: Vec<Extraction> = articles
        .iter()
        .zip(stored)
        .enumerate()
        .map(|(done, (a, hit))| {
            progress(done, total);
            hit.unwrap_or_else(|| extraction(a, &options.dates, cache))
        })
        .collect();
    progress(total, total);
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    extract::assemble_owned(&texts, extractions, &options.aliases)
}

/// Articles holding the stretches of their texts, the stretches' offsets, and what was
/// assembled from them (see [`archive_actors_and_events`]).
pub type CompactArchive = (Vec<Article>, Vec<Compact>, ActorsAndEvents);

/// The whole archive read for its views: its articles, each holding only the stretches of its
/// text that its extraction points at, the offsets of those stretches, and the actors, events
/// and timeline, with offsets into the stretches (see [`Compact`]). Read one article at a
/// time: at 100,000 articles every text and every extraction at once were a gigabyte. `None`
/// when the options need whole texts: the user's aliases are looked for everywhere, and other
/// date options extract afresh.
pub fn archive_actors_and_events(
    store: &Store,
    options: &Options,
) -> Result<Option<CompactArchive>, StoreError> {
    if !options.aliases.is_empty() || options.dates != DateOptions::default() {
        return Ok(None);
    }
    let mut articles = Vec::new();
    let mut offsets = Vec::new();
    let mut assembly = extract::Assembly::default();
    // Extractions the store could not give (none of this version, unreadable) are made again
    // and written once the pass is over (the pass cannot write): kept as JSON up to
    // `REMADE_BYTES`, the rest made once more then, one text at a time (after a new
    // extraction version, every article's would be half a gigabyte at 100,000 articles).
    let mut remade: Vec<(String, String)> = Vec::new();
    let mut remade_bytes = 0;
    let mut redo: Vec<String> = Vec::new();
    store.for_each_article_with_analysis(
        EXTRACT_KIND,
        EXTRACTION_VERSION,
        &mut |mut a, json| {
            let mut x = match json.and_then(|j| serde_json::from_str(j).ok()) {
                Some(x) => x,
                None => {
                    let x = extract::extract(&a.text, a.date);
                    match serde_json::to_string(&x) {
                        Ok(json) if remade_bytes + json.len() <= REMADE_BYTES => {
                            remade_bytes += json.len();
                            remade.push((a.id.clone(), json));
                        }
                        _ => redo.push(a.id.clone()),
                    }
                    x
                }
            };
            let mut compact = Compact::new(&a.text, &mut x);
            assembly.add(&compact.text, x);
            a.text = std::mem::take(&mut compact.text);
            articles.push(a);
            offsets.push(compact);
        },
    )?;
    for id in redo {
        if let Ok(a) = store.get(&id) {
            extraction(&a, &options.dates, Some(store));
        }
    }
    for (id, json) in remade {
        // Analysis that cannot be written only costs time on the next start.
        let _ = store.put_analysis(
            &id,
            &Analysis {
                kind: EXTRACT_KIND.into(),
                version: EXTRACTION_VERSION.into(),
                json,
            },
        );
    }
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let found = assembly.finish(&texts, &options.aliases);
    Ok(Some((articles, offsets, found)))
}

/// The most JSON of extractions made again during [`archive_actors_and_events`]'s pass that
/// is kept to be written after it.
const REMADE_BYTES: usize = 64 << 20;

/// Up to this many articles read their stored analysis one by one instead of all at once.
const FEW_ARTICLES: usize = 64;

/// The kind of the extraction's rows in the store's `analysis` table.
pub const EXTRACT_KIND: &str = "extract";

/// The kind of the sketch rows in the store's `analysis` table (the store indexes them to
/// find the article sharing most with each).
pub const SKETCH_KIND: &str = "sketch";

/// Version of the sketch: bump it when [`sketch`] changes.
pub const SKETCH_VERSION: &str = "sketch-v2";

/// Hashes kept in a text's sketch.
const SKETCH_SIZE: usize = 16;

/// The analysis stored with each article as it is imported: its extraction (names and dates
/// depend only on its own text and date) and the sketch of its text.
pub fn analyse_for_store(a: &Article) -> Vec<Analysis> {
    let x = extract::extract(&a.text, a.date);
    let shingles = index::cheap_shingles(&a.text);
    let prints = index::fingerprints_of(&shingles);
    vec![
        Analysis {
            kind: EXTRACT_KIND.into(),
            version: EXTRACTION_VERSION.into(),
            json: serde_json::to_string(&x).expect("an extraction always serializes"),
        },
        Analysis {
            kind: SKETCH_KIND.into(),
            version: SKETCH_VERSION.into(),
            json: serde_json::to_string(&sketch(shingles)).expect("numbers always serialize"),
        },
        Analysis {
            kind: FINGERPRINT_KIND.into(),
            version: FINGERPRINT_VERSION.into(),
            json: serde_json::to_string(&prints).expect("numbers always serialize"),
        },
    ]
}

/// The smallest shingle hashes of a text (a bottom-k sketch): two texts that share much of
/// their shingles share many of these, so the store finds an article's closest partner from
/// a few index lookups. Positive 63-bit values, as SQLite's integers hold them.
///
/// Its shingles are its own, cheaper than the overlap index's (which fold, stem and classify
/// every word, and cost as much as the extraction at import): runs of five words of letters
/// and digits, case folded, with at least two words of four characters or more (so "and that
/// it was the" is no shingle). Takes the text's [`index::cheap_shingles`], which the
/// fingerprints are made of too: an import computes them once for both.
fn sketch(mut hashes: Vec<i64>) -> Vec<i64> {
    hashes.sort_unstable();
    hashes.dedup();
    hashes.truncate(SKETCH_SIZE);
    hashes
}

/// One article's extraction made afresh, when the store holds none for this article (same id
/// and text). Only stored articles get their analysis written: files analysed in place never
/// write to the store (DESIGN.md).
///
/// The store holds extractions made with the default date options; with others (day-first
/// slashes) every article is extracted afresh and nothing is written back.
fn extraction(a: &Article, dates: &DateOptions, cache: Option<&Store>) -> Extraction {
    if *dates != DateOptions::default() {
        return extract::extract_with(&a.text, a.date, dates);
    }
    let fresh = extract::extract(&a.text, a.date);
    if let Some(store) = cache.filter(|s| s.contains(&a.id))
        && let Ok(json) = serde_json::to_string(&fresh)
    {
        // Analysis that cannot be written only costs time on the next start.
        let _ = store.put_analysis(
            &a.id,
            &Analysis {
                kind: EXTRACT_KIND.into(),
                version: EXTRACTION_VERSION.into(),
                json,
            },
        );
    }
    fresh
}

#[cfg(test)]
mod tests {
    use super::sketch;
    use crate::analysis::index::cheap_shingles;

    #[test]
    fn sketches_fold_case_and_punctuation_and_skip_runs_of_short_words() {
        let a = sketch(cheap_shingles(
            "The Harbour master closed the north quay, after a crane toppled over.",
        ));
        let b = sketch(cheap_shingles(
            "the harbour MASTER closed the north quay after a crane -- toppled over",
        ));
        assert_eq!(a, b);
        assert!(!a.is_empty() && a.len() <= 16);
        assert!(sketch(cheap_shingles("and so it was on to the end of it as it is")).is_empty());
        assert!(sketch(cheap_shingles("four words only here")).is_empty());
    }
}
