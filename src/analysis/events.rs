//! Dated events and the timeline across articles.
//!
//! An event is a sentence with a date expression in it, with the people it names. The timeline
//! puts the events of all articles in date order and folds together those that report the same
//! happening: the same date and a shared person, or largely the same words (four outlets
//! quoting one ruling read as one entry with four sources). Outlets that date one happening
//! differently ("in 2015", "two years ago") make one entry marked as a conflict.

use super::Span;
use super::actors::{Actor, ActorKind};
use super::dates::{DateHit, DateKind, DateValue};
use crate::text::{Token, fold, fold_into};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
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

impl Event {
    /// When the event happened, as shown: the date label, or both ends of a range
    /// ("2019-05-03 – 2019-05-07", "2019 – 2021"); `None` when unresolved.
    pub fn when(&self) -> Option<String> {
        let date = self.date?;
        if self.kind != DateKind::Range {
            return Some(date.label());
        }
        let (Some(start), Some(end)) = (self.start_date, self.end_date) else {
            return Some(date.label());
        };
        // Ends at the precision of the first when they fall on its boundaries ("2019 –
        // 2021"), else as days.
        let last = DateValue {
            first_day: end,
            precision: date.precision,
        };
        let whole = date.first_day == start
            && DateValue {
                first_day: first_of(end, date.precision),
                precision: date.precision,
            }
            .last_day()
                == end;
        Some(if whole && date.precision != super::dates::Precision::Day {
            format!(
                "{} – {}",
                date.label(),
                DateValue {
                    first_day: first_of(last.first_day, date.precision),
                    ..last
                }
                .label()
            )
        } else {
            format!("{start} – {end}")
        })
    }
}

/// The first day of the period of `precision` holding `d`.
fn first_of(d: NaiveDate, precision: super::dates::Precision) -> NaiveDate {
    use super::dates::Precision;
    use chrono::Datelike;
    let ymd = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(d);
    match precision {
        Precision::Day => d,
        Precision::Week => DateValue::week_of(d).first_day,
        Precision::Month => ymd(d.year(), d.month(), 1),
        Precision::Quarter | Precision::Season => ymd(d.year(), d.month0() / 3 * 3 + 1, 1),
        Precision::Year => ymd(d.year(), 1, 1),
        Precision::Decade => ymd(d.year() - d.year().rem_euclid(10), 1, 1),
    }
}

/// One line of the timeline: the reports of one happening, across articles. Most share a
/// date; when outlets date the happening differently ("in 2015" in one, "two years ago" in
/// another), the entry holds both and is a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The date (the earliest of the entry's dates when they differ).
    pub date: Option<DateValue>,
    /// Indexes into the corpus' event list, by date, then article.
    pub events: Vec<usize>,
    /// Whether the reports give dates that cannot all be true (days that do not overlap).
    pub conflict: bool,
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
    // The keys are sorted and the events moved once each: an event is large, and a sort that
    // compares and moves the events themselves moved each one a dozen times.
    events.sort_by_cached_key(|e| (e.date.is_none(), e.date, e.article, e.span.start));
    events
}

/// Whether a token is a content word (four letters or more, not a stop word): its folded form
/// is left in `key` (a buffer reused for every word of a text: most words are not kept).
fn content_word(word: &str, key: &mut String) -> bool {
    // Fewer than four bytes cannot hold four letters: most words end here, uncounted.
    if word.len() < 4 || word.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return false;
    }
    key.clear();
    fold_into(word, key);
    super::actors::lexicon::classify_key(key) & super::actors::lexicon::STOP == 0
}

/// The tokens of four bytes or more (the only ones that can be content words) in the sentences
/// of an article's resolved dates, each stretch of overlapping sentences read once, found
/// from the tokens extraction already has: assembling then does not tokenize the text again (a
/// text without full stops is one long stretch). `None` when not known (an extraction read
/// back from the store): the timeline tokenizes then.
#[derive(Debug, Clone, Default)]
pub struct SentenceTokens(Option<Vec<(usize, usize)>>);

/// Two extractions say the same whatever their by-products: these tokens are a cache of what
/// the text and dates give, and an extraction read back from the store has none.
impl PartialEq for SentenceTokens {
    fn eq(&self, _: &SentenceTokens) -> bool {
        true
    }
}

/// The stretches of text the timeline reads: the sentences of resolved dates, sorted,
/// overlapping ones run together.
fn stretches(mut list: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    list.sort_unstable();
    let mut out = Vec::new();
    let mut k = 0;
    while k < list.len() {
        let (start, mut end) = list[k];
        while k < list.len() && list[k].0 <= end {
            end = end.max(list[k].1);
            k += 1;
        }
        out.push((start, end));
    }
    out
}

/// `(start, end)` of the tokens of four bytes or more of `slice` (at `at` in its text), as
/// tokenizing the slice alone finds them.
fn long_tokens_of(slice: &str, at: usize, out: &mut Vec<(usize, usize)>) {
    out.extend(
        crate::text::tokens_of(slice)
            .filter(|t| t.end - t.start >= 4)
            .map(|t| (at + t.start, at + t.end)),
    );
}

/// The long tokens of the sentences `spans` of `text`, each stretch of overlapping sentences
/// tokenized alone: what the timeline reads when extraction left no tokens.
fn read_long_tokens(text: &str, spans: Vec<(usize, usize)>, out: &mut Vec<(usize, usize)>) {
    for (start, end) in stretches(spans) {
        if let Some(slice) = text.get(start..end) {
            long_tokens_of(slice, start, out);
        }
    }
}

impl SentenceTokens {
    /// The long tokens of the sentences of `dates`' resolved dates, from the text's tokens.
    pub fn of(text: &str, tokens: &[Token], dates: &[DateHit]) -> SentenceTokens {
        let spans: Vec<(usize, usize)> = dates
            .iter()
            .filter(|d| d.date.is_some())
            .map(|d| (d.sentence.start, d.sentence.end))
            .collect();
        let mut out = Vec::new();
        for (start, end) in stretches(spans) {
            let Some(slice) = text.get(start..end) else {
                continue;
            };
            let first = tokens.partition_point(|t| t.end <= start);
            let last = tokens.partition_point(|t| t.start < end);
            let inside = &tokens[first..last.max(first)];
            // A token cut by the stretch's ends may read otherwise in the slice alone: such a
            // stretch is tokenized on its own, as the timeline would.
            // Tokens are in text order and apart: only the first and the last can be cut.
            let cut = inside.first().is_some_and(|t| t.start < start)
                || inside.last().is_some_and(|t| t.end > end);
            if cut {
                long_tokens_of(slice, start, &mut out);
            } else {
                out.extend(
                    inside
                        .iter()
                        .filter(|t| t.end - t.start >= 4)
                        .map(|t| (t.start, t.end)),
                );
            }
        }
        SentenceTokens(Some(out))
    }
}

/// Lists of numbers (an event's words, a word's events) end to end in one vector: at 100,000
/// articles a vector of their own for each of a million events' words and of each word's
/// events was a tenth of the views build's peak, most of it allocation overhead.
#[derive(Debug, Default)]
struct Lists {
    /// Where each list starts in `items`, and its length.
    at: Vec<(u32, u32)>,
    items: Vec<u32>,
}

impl Lists {
    /// `n` lists, all empty until set.
    fn with_lists(n: usize) -> Lists {
        Lists {
            at: vec![(0, 0); n],
            items: Vec::new(),
        }
    }

    /// Sets list `i` (once: a list set again leaves its first items unused).
    fn set(&mut self, i: usize, items: &[u32]) {
        self.at[i] = (self.items.len() as u32, items.len() as u32);
        self.items.extend_from_slice(items);
    }

    fn get(&self, i: usize) -> &[u32] {
        let (start, len) = self.at[i];
        &self.items[start as usize..(start + len) as usize]
    }

    fn len(&self) -> usize {
        self.at.len()
    }

    /// For each of `n` numbers, the lists that hold it, in list order (each list holds a
    /// number once).
    fn inverted(&self, n: usize) -> Lists {
        let mut at = vec![(0u32, 0u32); n];
        for i in 0..self.len() {
            for &x in self.get(i) {
                at[x as usize].1 += 1;
            }
        }
        let mut start = 0u32;
        for slot in &mut at {
            slot.0 = start;
            start += slot.1;
            slot.1 = 0;
        }
        let mut items = vec![0u32; start as usize];
        for i in 0..self.len() {
            for &x in self.get(i) {
                let slot = &mut at[x as usize];
                items[(slot.0 + slot.1) as usize] = i as u32;
                slot.1 += 1;
            }
        }
        Lists { at, items }
    }
}

/// The content words of the sentences that hold dated events, interned as ids; each article
/// is read once (a text without full stops has thousands of overlapping clauses).
struct SentenceWords {
    ids: FxHashMap<String, u32>,
}

impl SentenceWords {
    /// The words of every event's sentence (see [`SentenceWords::of_event`]; none for an
    /// undated event), with the numbering of the words. Each article's words are read, used
    /// and dropped before the next: at 100,000 articles every sentence word with its offsets
    /// at once was half a gigabyte.
    fn new(events: &[Event], texts: &[&str], known: &[&SentenceTokens]) -> (SentenceWords, Lists) {
        let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); texts.len()];
        let mut dated: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
        for (i, e) in events.iter().enumerate().filter(|(_, e)| e.date.is_some()) {
            if let Some(list) = spans.get_mut(e.article) {
                list.push((e.sentence.start, e.sentence.end));
                dated[e.article].push(i);
            }
        }
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut of_event = Lists::with_lists(events.len());
        let (mut sentence, mut date) = (Vec::new(), Vec::new());
        let mut read = Vec::new();
        let mut words = Vec::new();
        for (article, ((list, &text), dated)) in spans.into_iter().zip(texts).zip(dated).enumerate()
        {
            let long: &[(usize, usize)] = match known.get(article).and_then(|k| k.0.as_deref()) {
                Some(long) => long,
                None => {
                    read.clear();
                    read_long_tokens(text, list, &mut read);
                    &read
                }
            };
            words.clear();
            let mut key = String::new();
            // Each spelling met in this text, with its id (`None`: no content word): a word
            // repeated across a text is folded and judged once.
            let mut seen: FxHashMap<&str, Option<u32>> = FxHashMap::default();
            for &(start, end) in long {
                let word = &text[start..end];
                let id = match seen.entry(word) {
                    Entry::Occupied(e) => *e.get(),
                    Entry::Vacant(v) => {
                        let id = content_word(word, &mut key).then(|| {
                            // Look up before inserting: a known word costs no allocation.
                            match ids.get(key.as_str()) {
                                Some(&id) => id,
                                None => {
                                    let id = ids.len() as u32;
                                    ids.insert(key.clone(), id);
                                    id
                                }
                            }
                        });
                        *v.insert(id)
                    }
                };
                if let Some(id) = id {
                    words.push((start, end, id));
                }
            }
            for i in dated {
                let e = &events[i];
                SentenceWords::within(&words, e.sentence, &mut sentence);
                SentenceWords::within(&words, e.span, &mut date);
                // The words that differ between two reports of one happening are the dates.
                sentence.retain(|w| date.binary_search(w).is_err());
                of_event.set(i, &sentence);
            }
        }
        (SentenceWords { ids }, of_event)
    }

    /// Ids of the content words inside `span` among `words` (an article's, in text order),
    /// sorted, without repeats, into `out`.
    fn within(words: &[(usize, usize, u32)], span: Span, out: &mut Vec<u32>) {
        let first = words.partition_point(|w| w.0 < span.start);
        out.clear();
        out.extend(
            words[first..]
                .iter()
                .take_while(|w| w.1 <= span.end)
                .map(|w| w.2),
        );
        out.sort_unstable();
        out.dedup();
    }

    /// The id of a folded word, when some sentence holds it.
    fn id(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }
}

/// How many ids two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two sentences tell largely the same thing (Dice coefficient of content words).
fn similar(a: &[u32], b: &[u32]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    2 * shared(a, b) * 10 >= 5 * (a.len() + b.len())
}

/// A word used by more events of one date than this tells nothing about which of them report
/// the same happening.
const COMMON_WORD_EVENTS: usize = 32;

/// Whether two reports with different dates tell the same happening: without the names they
/// share (a person is named in many happenings), most of the rest of their words agree.
fn same_story(a: &Event, b: &Event, wa: &[u32], wb: &[u32], words: &SentenceWords) -> bool {
    let names: Vec<u32> = a
        .actors
        .iter()
        .chain(&b.actors)
        .flat_map(|n| n.split_whitespace())
        .filter_map(|n| words.id(&fold(n)))
        .collect();
    let plain =
        |w: &[u32]| -> Vec<u32> { w.iter().copied().filter(|x| !names.contains(x)).collect() };
    let (pa, pb) = (plain(wa), plain(wb));
    let shared = shared(&pa, &pb);
    shared >= 3 && 10 * 2 * shared >= 6 * (pa.len() + pb.len())
}

/// Stems of a sentence's content words, without its date expression and its capitalised
/// words (names, and the opening word), sorted and distinct.
fn plain_stems(e: &Event, texts: &[&str]) -> Vec<u64> {
    let Some(text) = texts.get(e.article) else {
        return Vec::new();
    };
    let sentence = e.sentence.slice(text);
    let prepared = super::overlap::Prepared::new(sentence);
    let date = Span::new(
        e.span.start.saturating_sub(e.sentence.start),
        e.span.end.saturating_sub(e.sentence.start),
    );
    let mut stems: Vec<u64> = prepared
        .words
        .iter()
        .filter(|w| w.is_content() && !w.capital && !date.overlaps(&w.span()))
        .map(|w| w.stem)
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Whether a report dated relative to its publication ("two years ago") and another report
/// one period apart ("in 2015") retell one happening: a relative date is counted loosely by
/// reporters, so the two can be one happening told with other words. They must name the same
/// person and share several words (by stem: "biting" and "bit") besides names and dates.
fn retold(a: &Event, b: &Event, texts: &[&str]) -> bool {
    use super::dates::Precision;
    use chrono::Datelike;
    if a.kind != DateKind::Relative && b.kind != DateKind::Relative {
        return false;
    }
    let (Some(da), Some(db)) = (a.date, b.date) else {
        return false;
    };
    let (x, y) = (da.first_day, db.first_day);
    let apart = match da.precision {
        Precision::Year => (x.year() - y.year()).abs(),
        Precision::Month => {
            ((x.year() * 12 + x.month0() as i32) - (y.year() * 12 + y.month0() as i32)).abs()
        }
        _ => return false,
    };
    if apart > 1 || !a.actors.iter().any(|n| b.actors.contains(n)) {
        return false;
    }
    let (sa, sb) = (plain_stems(a, texts), plain_stems(b, texts));
    let shared = sa.iter().filter(|s| sb.binary_search(s).is_ok()).count();
    shared >= RETOLD_SHARED && 10 * 2 * shared >= 3 * (sa.len() + sb.len())
}

/// Words (stems) two retellings of one happening share at least, besides names and dates.
const RETOLD_SHARED: usize = 3;

fn root(p: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while p[r] != r {
        r = p[r];
    }
    let mut y = x;
    while p[y] != r {
        let next = p[y];
        p[y] = r;
        y = next;
    }
    r
}

fn union(p: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (root(p, a), root(p, b));
    p[ra.max(rb)] = ra.min(rb);
}

/// Whether two events' days overlap (one report's "March" holds the other's "March 3").
fn compatible(a: &Event, b: &Event) -> bool {
    match (a.start_date, a.end_date, b.start_date, b.end_date) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
        _ => a.date == b.date,
    }
}

/// Groups sorted events into timeline entries: events of one date that share a person or
/// most of their words are one entry, and so are reports of one happening in different
/// articles that date it differently at the same precision ("in 2015" and "two years ago"):
/// most of their words shared besides names, and a person in common when both name one.
/// Unresolved events stand alone, last.
pub fn timeline(events: &[Event], texts: &[&str]) -> Vec<TimelineEntry> {
    timeline_with(events, texts, &[])
}

/// [`timeline`] with the long tokens of each article's dated sentences when extraction left
/// them (`known[i]` for article `i`; missing or `None`: read from the text).
pub fn timeline_with(
    events: &[Event],
    texts: &[&str],
    known: &[&SentenceTokens],
) -> Vec<TimelineEntry> {
    let n = events.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let (sentence_words, words) = SentenceWords::new(events, texts, known);
    // Within one date: a shared person joins each event to the first of the date naming that
    // person. Linear in the number of events, however many a date has.
    let mut i = 0;
    while i < n {
        let date = events[i].date;
        let mut j = i;
        while j < n && events[j].date == date {
            j += 1;
        }
        if date.is_some() {
            let mut first_naming: FxHashMap<&str, usize> = FxHashMap::default();
            for (k, event) in events.iter().enumerate().take(j).skip(i) {
                for name in &event.actors {
                    match first_naming.entry(name.as_str()) {
                        Entry::Occupied(e) => union(&mut parent, k, *e.get()),
                        Entry::Vacant(v) => {
                            v.insert(k);
                        }
                    }
                }
            }
        }
        i = j;
    }
    // Largely the same words: only pairs that share a word few events use are compared, so
    // the work stays near linear; two sentences that share half their words always share
    // some uncommon one. Across dates only reports in different articles join (one article
    // dating two things differently tells of two things).
    let postings = words.inverted(sentence_words.ids.len());
    // A sentence with two dates ("ruled on Friday that the hearing opens on April 7") tells of
    // two happenings: a report joins one of another date only when its own sentence does not
    // already hold that date. The events by sentence, in one sorted vector (a map of lists was
    // a list of its own for each of a million sentences).
    let mut by_sentence: Vec<(usize, usize, u32)> = events
        .iter()
        .enumerate()
        .map(|(k, e)| (e.article, e.sentence.start, k as u32))
        .collect();
    by_sentence.sort_unstable();
    let holds = |e: &Event, d: Option<DateValue>| {
        let key = (e.article, e.sentence.start);
        let first = by_sentence.partition_point(|&(a, s, _)| (a, s) < key);
        by_sentence[first..]
            .iter()
            .take_while(|&&(a, s, _)| (a, s) == key)
            .any(|&(_, _, k)| events[k as usize].date == d)
    };
    let mut candidates: Vec<usize> = Vec::new();
    for a in 0..words.len() {
        candidates.clear();
        for &word in words.get(a) {
            let list = postings.get(word as usize);
            if list.len() <= COMMON_WORD_EVENTS {
                candidates.extend(list.iter().map(|&b| b as usize).filter(|&b| b > a));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &b in &candidates {
            let (ea, eb) = (&events[a], &events[b]);
            let alike = similar(words.get(a), words.get(b));
            if ea.date == eb.date {
                if alike {
                    union(&mut parent, a, b);
                }
                continue;
            }
            let shares_person = ea.actors.is_empty()
                || eb.actors.is_empty()
                || ea.actors.iter().any(|x| eb.actors.contains(x));
            if ea.article != eb.article
                && shares_person
                && !holds(ea, eb.date)
                && !holds(eb, ea.date)
                && ea.date.map(|d| d.precision) == eb.date.map(|d| d.precision)
                && ((alike && same_story(ea, eb, words.get(a), words.get(b), &sentence_words))
                    || retold(ea, eb, texts))
            {
                union(&mut parent, a, b);
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    for k in 0..n {
        let r = root(&mut parent, k);
        members[r].push(k);
    }
    let mut entries: Vec<TimelineEntry> = members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            // Events are sorted by date, then article: so are an entry's members.
            m.sort_unstable();
            let first = &events[m[0]];
            let conflict = m.iter().any(|&k| !compatible(first, &events[k]));
            TimelineEntry {
                date: first.date,
                events: m,
                conflict,
            }
        })
        .collect();
    entries.sort_by(|a, b| {
        let key = |t: &TimelineEntry| (t.date.is_none(), t.date, t.events[0]);
        key(a).cmp(&key(b))
    });
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens extraction hands the timeline are those the timeline finds reading the dated
    /// sentences itself, so the timeline is the same from a fresh extraction and a stored one.
    #[test]
    fn sentence_tokens_from_extraction_match_reading_the_sentences() {
        let text = "On March 3, 2021 the harbour board of Veyra approved the extension plan. \
                    Mr. Anton Sorel said on Friday that the U.S.-made cranes arrive in 2022, \
                    and the dredging starts - maybe - next week without further delays \
                    while the union's leaders, unconvinced, meet again in April";
        let published = NaiveDate::from_ymd_opt(2021, 3, 5);
        let x = crate::analysis::extract::extract(text, published);
        let known = x
            .sentence_tokens
            .0
            .clone()
            .expect("a fresh extraction has them");
        let spans: Vec<(usize, usize)> = x
            .dates
            .iter()
            .filter(|d| d.date.is_some())
            .map(|d| (d.sentence.start, d.sentence.end))
            .collect();
        assert!(spans.len() >= 3);
        let mut read = Vec::new();
        read_long_tokens(text, spans, &mut read);
        assert!(read.iter().any(|&(s, e)| &text[s..e] == "cranes"));
        assert_eq!(known, read);
    }
}
