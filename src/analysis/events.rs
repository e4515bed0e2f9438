//! Dated events and the timeline across articles.
//!
//! An event is a sentence with a date expression in it, with the people it names. The timeline
//! puts the events of all articles in date order and folds together those that report the same
//! happening: the same date and a shared person, or the same date and largely the same words
//! (four outlets quoting one ruling read as one entry with four sources).

use super::Span;
use super::actors::{Actor, ActorKind};
use super::dates::{DateHit, DateKind, DateValue};
use crate::text::{fold, tokenize};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::hash_map::Entry;

/// A sentence with a date in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index of the article in the corpus.
    pub article: usize,
    /// The resolved date; `None` when it cannot be resolved (no publication date).
    pub date: Option<DateValue>,
    /// First day covered, inclusive.
    pub start_date: Option<NaiveDate>,
    /// Last day covered, inclusive.
    pub end_date: Option<NaiveDate>,
    /// A date, a range, or a date relative to the publication date.
    pub kind: DateKind,
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

/// The events of all articles (`dates[i]` are article `i`'s date expressions), sorted by date
/// (unresolved last), then article, then offset.
pub fn collect(texts: &[&str], dates: &[&[DateHit]], actors: &[Actor]) -> Vec<Event> {
    // Person mentions per article, in text order, with the actor's display name.
    let mut by_article: Vec<Vec<(Span, &str)>> = vec![Vec::new(); texts.len()];
    for a in actors.iter().filter(|a| a.kind == ActorKind::Person) {
        for m in &a.mentions {
            if let Some(list) = by_article.get_mut(m.article) {
                list.push((m.span, a.name.as_str()));
            }
        }
    }
    for list in &mut by_article {
        list.sort_by_key(|(s, _)| s.start);
    }
    let mut events = Vec::new();
    for (article, hits) in dates.iter().enumerate() {
        let Some(text) = texts.get(article) else {
            continue;
        };
        for hit in hits.iter() {
            let mut names: Vec<String> = Vec::new();
            let mentions = &by_article[article];
            // Mentions are in text order: start at the sentence, not at the top of the text.
            let first = mentions.partition_point(|(s, _)| s.start < hit.sentence.start);
            for (span, name) in &mentions[first..] {
                if span.start >= hit.sentence.end {
                    break;
                }
                if span.end <= hit.sentence.end && !names.iter().any(|n| n == name) {
                    names.push(name.to_string());
                }
            }
            events.push(Event {
                article,
                date: hit.date,
                start_date: hit.start_date,
                end_date: hit.end_date,
                kind: hit.kind,
                expression: hit.span.slice(text).to_string(),
                span: hit.span,
                sentence: hit.sentence,
                actors: names,
            });
        }
    }
    events.sort_by(|a, b| {
        let key = |e: &Event| (e.date.is_none(), e.date, e.article, e.span.start);
        key(a).cmp(&key(b))
    });
    events
}

/// Content words of a sentence (folded, four letters or more), for comparing two reports.
fn content_words(text: &str) -> FxHashSet<String> {
    tokenize(text)
        .iter()
        .map(|t| t.as_str(text))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .map(fold)
        .filter(|w| super::actors::lexicon::classify_key(w) & super::actors::lexicon::STOP == 0)
        .collect()
}

/// Whether two sentences tell largely the same thing (Dice coefficient of content words).
fn similar(a: &FxHashSet<String>, b: &FxHashSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.intersection(b).count();
    2 * shared * 10 >= 5 * (a.len() + b.len())
}

/// A word used by more events of one date than this tells nothing about which of them report
/// the same happening.
const COMMON_WORD_EVENTS: usize = 32;

/// Groups sorted events into timeline entries: within one date, events that share a person or
/// most of their words are one entry. Unresolved events stand alone, last.
pub fn timeline(events: &[Event], texts: &[&str]) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let date = events[i].date;
        let mut j = i;
        while j < events.len() && events[j].date == date {
            j += 1;
        }
        if date.is_none() {
            for k in i..j {
                entries.push(TimelineEntry {
                    date: None,
                    events: vec![k],
                });
            }
            i = j;
            continue;
        }
        // Union-find over the events of one date.
        let group: Vec<usize> = (i..j).collect();
        let words: Vec<FxHashSet<String>> = group
            .iter()
            .map(|&k| {
                let e = &events[k];
                texts
                    .get(e.article)
                    .map(|t| content_words(e.sentence.slice(t)))
                    .unwrap_or_default()
            })
            .collect();
        let mut parent: Vec<usize> = (0..group.len()).collect();
        fn root(p: &mut [usize], x: usize) -> usize {
            let mut r = x;
            while p[r] != r {
                r = p[r];
            }
            p[x] = r;
            r
        }
        fn union(p: &mut [usize], a: usize, b: usize) {
            let (ra, rb) = (root(p, a), root(p, b));
            p[ra.max(rb)] = ra.min(rb);
        }
        // A shared person: join each event to the first one of the date naming that person.
        // Linear in the number of events, however many a date has (a bare year can hold
        // thousands across a large store).
        let mut first_naming: FxHashMap<&str, usize> = FxHashMap::default();
        for (a, &k) in group.iter().enumerate() {
            for name in &events[k].actors {
                match first_naming.entry(name.as_str()) {
                    Entry::Occupied(e) => union(&mut parent, a, *e.get()),
                    Entry::Vacant(v) => {
                        v.insert(a);
                    }
                }
            }
        }
        // Largely the same words: only pairs that share a word few events of the date use
        // are compared, so the work stays near linear; two sentences that share half their
        // words always share some uncommon one.
        let mut postings: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (a, w) in words.iter().enumerate() {
            for word in w {
                postings.entry(word.as_str()).or_default().push(a);
            }
        }
        let mut candidates: Vec<usize> = Vec::new();
        for (a, w) in words.iter().enumerate() {
            candidates.clear();
            for word in w {
                let list = &postings[word.as_str()];
                if list.len() <= COMMON_WORD_EVENTS {
                    candidates.extend(list.iter().copied().filter(|&b| b > a));
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &b in &candidates {
                if similar(&words[a], &words[b]) {
                    union(&mut parent, a, b);
                }
            }
        }
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); group.len()];
        for (a, &event) in group.iter().enumerate() {
            let r = root(&mut parent, a);
            members[r].push(event);
        }
        for m in members.into_iter().filter(|m| !m.is_empty()) {
            entries.push(TimelineEntry { date, events: m });
        }
        i = j;
    }
    entries
}
