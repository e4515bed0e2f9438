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
/// `i`'s), through [`Assembly`]: each article's names are dropped once merged, so that at
/// 100,000 articles they are gone before the events are made.
pub fn assemble_owned(
    texts: &[&str],
    extractions: Vec<Extraction>,
    aliases: &BTreeMap<String, Vec<String>>,
) -> ActorsAndEvents {
    let mut assembly = Assembly::default();
    for (text, x) in texts.iter().zip(extractions) {
        assembly.add(text, x);
    }
    assembly.finish(texts, aliases)
}

/// [`assemble`] fed one article at a time, in corpus order: an article's names are merged as
/// it is added and dropped, its dates kept until the events are made, so that a whole
/// archive's extractions are never all held. The texts handed to [`Assembly::finish`] need
/// hold only what the extractions point at (see [`Compact`]), unless the user has aliases.
#[derive(Default)]
pub struct Assembly {
    clustering: merge::Clustering,
    dates: Vec<Vec<DateHit>>,
    /// The dated sentences' words a fresh extraction leaves (none for a stored or compact one).
    tokens: Vec<events::SentenceTokens>,
}

impl Assembly {
    /// Adds the next article: its text and its extraction.
    pub fn add(&mut self, text: &str, x: Extraction) {
        self.clustering.add(&ArticleNames {
            text,
            names: &x.names,
        });
        self.dates.push(x.dates);
        self.tokens.push(x.sentence_tokens);
    }

    /// The actors, events and timeline of the articles added (`texts[i]` is the `i`th's). With
    /// `aliases` the texts must be whole: the config's phrases are looked for everywhere.
    pub fn finish(
        self,
        texts: &[&str],
        aliases: &BTreeMap<String, Vec<String>>,
    ) -> ActorsAndEvents {
        let Assembly {
            clustering,
            dates,
            tokens,
        } = self;
        let actors = finish_actors(clustering.finish(texts), texts, aliases);
        let events = {
            let dates: Vec<&[DateHit]> = dates.iter().map(Vec::as_slice).collect();
            events::collect(texts, &dates, &actors)
        };
        drop(dates);
        let known: Vec<&events::SentenceTokens> = tokens.iter().collect();
        let timeline = events::timeline_with(&events, texts, &known);
        ActorsAndEvents {
            actors,
            events,
            timeline,
        }
    }
}

/// An article's text cut down to the stretches its extraction points at (names, date
/// expressions and their sentences), each followed by a line break, with the extraction's
/// offsets moved onto it: at 100,000 articles the whole texts were 600 MB of the views
/// build, the stretches a third of that. [`Compact::original`] gives an offset back.
#[derive(Debug, Clone, Default)]
pub struct Compact {
    /// The stretches end to end.
    pub text: String,
    /// Each stretch's offset in the article's text and in `text`, in text order.
    parts: Vec<(usize, usize)>,
}

impl Compact {
    /// The compact text of `text`, moving `x`'s offsets onto it (the tokens a fresh extraction
    /// keeps are dropped: the timeline reads the stretches again, as for a stored one). A text
    /// an offset does not fit (out of range, inside a character) is kept whole.
    pub fn new(text: &str, x: &mut Extraction) -> Compact {
        x.sentence_tokens = events::SentenceTokens::default();
        let names = &x.names;
        let mut spans: Vec<(usize, usize)> = names
            .sure
            .iter()
            .chain(&names.candidates)
            .map(|h| h.span)
            .chain(names.entities.iter().map(|e| e.span))
            .chain(x.dates.iter().flat_map(|d| [d.span, d.sentence]))
            .map(|s| (s.start, s.end))
            .collect();
        spans.sort_unstable();
        let mut stretches: Vec<(usize, usize)> = Vec::new();
        for (start, end) in spans {
            match stretches.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => stretches.push((start, end)),
            }
        }
        if stretches.iter().any(|&(s, e)| text.get(s..e).is_none()) {
            return Compact {
                text: text.to_string(),
                parts: vec![(0, 0)],
            };
        }
        let mut out = Compact {
            text: String::with_capacity(stretches.iter().map(|(s, e)| e - s + 1).sum()),
            parts: Vec::with_capacity(stretches.len()),
        };
        for (s, e) in stretches {
            out.parts.push((s, out.text.len()));
            out.text.push_str(&text[s..e]);
            out.text.push('\n');
        }
        let moved = |span: &mut crate::analysis::Span| {
            let at = out.parts.partition_point(|p| p.0 <= span.start) - 1;
            let (from, to) = out.parts[at];
            let len = span.end - span.start;
            span.start = span.start - from + to;
            span.end = span.start + len;
        };
        let names = &mut x.names;
        for h in names.sure.iter_mut().chain(&mut names.candidates) {
            moved(&mut h.span);
        }
        for e in &mut names.entities {
            moved(&mut e.span);
        }
        for d in &mut x.dates {
            moved(&mut d.span);
            moved(&mut d.sentence);
        }
        out
    }

    /// The offset in the article's text of offset `at` of the compact text.
    pub fn original(&self, at: usize) -> usize {
        match self.parts.partition_point(|p| p.1 <= at) {
            0 => at,
            n => {
                let (from, to) = self.parts[n - 1];
                at - to + from
            }
        }
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
    finish_actors(merge::cluster(&named), texts, aliases)
}

/// The actors the merge found, with the user's aliases applied, sorted.
fn finish_actors(
    clustered: Vec<Actor>,
    texts: &[&str],
    aliases: &BTreeMap<String, Vec<String>>,
) -> Vec<Actor> {
    // The config's aliases name people: organisations and places stay out of their reach.
    let (mut actors, others): (Vec<Actor>, Vec<Actor>) = clustered
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Span;

    /// Three invented reports of one harbour story: full names and surnames alone, a hyphenated
    /// surname, a title, an organisation, accents, dates in several sentences and a paragraph
    /// with no name nor date (it is left out of the compact texts).
    const REPORTS: [(&str, &str); 3] = [
        (
            "Harbour board approves the quay extension\n\nThe weather stayed mild all week and the \
             ferries ran on time, as they usually do in the spring.\n\nOn March 3, 2021 the \
             harbour board of Veyra approved the extension plan. Mr. Anton Sorel said on Friday \
             that the cranes arrive in 2022. Sorel, who chairs the board, thanked Inês \
             Halvorsen-Brandt of the Veyra Port Authority.",
            "2021-03-05",
        ),
        (
            "Quay plan passes\n\nAnton Sorel told reporters last week that the vote was close. \
             Halvorsen-Brandt said the dredging starts in April.\n\nNothing else happened at \
             the meeting, which ended early because the hall was cold.",
            "2021-03-08",
        ),
        (
            "Port news\n\nThe Veyra Port Authority met on March 3, 2021. Inês Halvorsen-Brandt \
             and Anton Sorel attended; Sorel spoke first.",
            "2021-03-04",
        ),
    ];

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    /// The archive assembled over compact texts, its offsets moved back, is the archive
    /// assembled over the whole texts: the same actors with the same mentions, the same events
    /// with the same sentences, the same timeline.
    #[test]
    fn assembling_compact_texts_gives_what_whole_texts_give() {
        let extractions: Vec<Extraction> = REPORTS
            .iter()
            .map(|(text, d)| extract(text, date(d)))
            .collect();
        let pairs: Vec<(&str, &Extraction)> =
            REPORTS.iter().map(|(t, _)| *t).zip(&extractions).collect();
        let whole = assemble(&pairs, &BTreeMap::new());
        assert!(whole.actors.len() >= 3 && whole.events.len() >= 4);

        let mut assembly = Assembly::default();
        let mut compacts = Vec::new();
        for ((text, _), x) in REPORTS.iter().zip(&extractions) {
            let mut x = x.clone();
            let c = Compact::new(text, &mut x);
            assembly.add(&c.text, x);
            compacts.push(c);
        }
        // The paragraph without a name or a date is not kept.
        assert!(!compacts[1].text.contains("hall was cold"));
        assert!(compacts[1].text.len() < REPORTS[1].0.len());
        let texts: Vec<&str> = compacts.iter().map(|c| c.text.as_str()).collect();
        let mut found = assembly.finish(&texts, &BTreeMap::new());

        for (a, w) in found.actors.iter_mut().zip(&whole.actors) {
            for m in &mut a.mentions {
                let start = compacts[m.article].original(m.span.start);
                assert_eq!(
                    m.span.slice(texts[m.article]),
                    Span::new(start, start + m.span.len()).slice(REPORTS[m.article].0)
                );
                m.span = Span::new(start, start + m.span.len());
            }
            assert_eq!(a, w);
        }
        assert_eq!(found.actors.len(), whole.actors.len());
        for (e, w) in found.events.iter_mut().zip(&whole.events) {
            assert_eq!(
                e.sentence.slice(texts[e.article]),
                w.sentence.slice(REPORTS[w.article].0)
            );
            let c = &compacts[e.article];
            let start = c.original(e.span.start);
            e.span = Span::new(start, start + e.span.len());
            e.sentence = w.sentence;
            assert_eq!(e, w);
        }
        assert_eq!(found.events.len(), whole.events.len());
        assert_eq!(found.timeline, whole.timeline);
    }

    /// An extraction pointing outside its text (stored for another text) keeps the text whole,
    /// its offsets unmoved.
    #[test]
    fn a_text_an_offset_does_not_fit_is_kept_whole() {
        let text = "Mr. Anton Sorel said on Friday that the cranes arrive in 2022.";
        let mut x = extract(text, date("2021-03-05"));
        let before = x.names.sure[0].span;
        x.names
            .candidates
            .push(crate::analysis::actors::scan::NameHit {
                span: Span::new(60, 90),
                cue: crate::analysis::actors::scan::Cue::None,
                gender: None,
                same_as: None,
                org: None,
            });
        let c = Compact::new(text, &mut x);
        assert_eq!(c.text, text);
        assert_eq!(x.names.sure[0].span, before);
        assert_eq!(c.original(17), 17);
    }
}
