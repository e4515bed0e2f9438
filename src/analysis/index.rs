//! Corpus-wide shingle index: which passages of one article appear in any other.
//!
//! Every run of `min_words` words (a shingle) of every article is hashed; a shingle found in
//! two or more articles marks its words as shared. This answers "what of A was published
//! elsewhere, and where" for all articles at once, in time linear in the corpus size, where
//! aligning every pair would be quadratic.

use super::Span;
use super::overlap::{OverlapConfig, Prepared};

/// A stretch of one article found in other articles.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedSpan {
    /// Where it is in the article.
    pub span: Span,
    /// Indexes of the other articles that carry it.
    pub others: Vec<usize>,
}

/// One indexed article.
#[derive(Debug, Clone, Default)]
struct Entry {
    /// Byte span and paragraph of each word.
    words: Vec<(usize, usize, u32)>,
    /// For each word position starting a shingle found elsewhere: the shingle's group.
    groups: Vec<(u32, u32)>,
    /// Number of words inside some shared shingle.
    shared_words: usize,
}

impl Entry {
    /// Sorts the groups and counts the words inside some shared shingle.
    fn count_shared(&mut self, k: usize) {
        self.groups.sort_unstable();
        let mut covered_to = 0usize;
        for &(pos, _) in &self.groups {
            let (pos, end) = (pos as usize, pos as usize + k);
            self.shared_words += end - pos.max(covered_to).min(end);
            covered_to = covered_to.max(end);
        }
    }
}

/// Shingles of every loaded article.
#[derive(Debug, Clone, Default)]
pub struct CorpusIndex {
    /// Shingle length in words.
    k: usize,
    entries: Vec<Entry>,
    /// For each group (a shingle in several articles): the articles holding it, sorted.
    members: Vec<Vec<u32>>,
}

/// A shingle needs this many content words to count: "and that it was the" is everywhere.
const MIN_CONTENT: usize = 2;

/// Calls `f(position, hash)` for every shingle of `k` words that the index keeps.
fn for_each_shingle(p: &Prepared, k: usize, mut f: impl FnMut(usize, u64)) {
    let words = &p.words;
    if words.len() < k {
        return;
    }
    for pos in 0..=words.len() - k {
        let window = &words[pos..pos + k];
        if window.iter().filter(|w| w.is_content()).count() < MIN_CONTENT {
            continue;
        }
        let h = window.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, w| {
            (h.rotate_left(23) ^ w.key).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        });
        f(pos, h);
    }
}

/// The hashes of a text's shingles, as [`CorpusIndex::build`] computes them: two texts share a
/// passage in the index only if they share one of these.
pub fn shingle_hashes(text: &str, cfg: &OverlapConfig) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_shingle(&Prepared::new(text), cfg.min_words.max(1), |_, h| {
        out.push(h)
    });
    out
}

/// The hashes of a text's cheap shingles (runs of five words of letters and digits, case folded, with at least two words of four
/// characters or more: cheaper than the overlap's, which fold, stem and classify every word), in text order.
pub fn cheap_shingles(text: &str) -> Vec<i64> {
    const K: usize = 5;
    let mut window: [(u64, bool); K] = [(0, false); K];
    let mut hashes: Vec<i64> = Vec::new();
    let mut n = 0usize;
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        let mut chars = 0;
        for c in word.chars().flat_map(char::to_lowercase) {
            h = (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3);
            chars += 1;
        }
        window[n % K] = (h, chars >= 4);
        n += 1;
        if n < K {
            continue;
        }
        let slots = (0..K).map(|i| window[(n + i) % K]);
        if slots.clone().filter(|&(_, long)| long).count() < 2 {
            continue;
        }
        let h = slots.fold(0x9e37_79b9_7f4a_7c15u64, |acc, (w, _)| {
            (acc.rotate_left(23) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        });
        hashes.push((h >> 1) as i64);
    }
    hashes
}

/// The kind of the fingerprint rows in the store's `analysis` table (the store indexes them
/// in its `shingle` table, to find the articles sharing passages with one).
pub const FINGERPRINT_KIND: &str = "fingerprints";

/// Version of the fingerprints: bump it when [`fingerprints`] changes.
pub const FINGERPRINT_VERSION: &str = "winnow-v1";

/// Width of the winnowing window, in shingles: any run of this many shared shingles (five
/// words each, so `WINNOW + 4` words) holds a fingerprint of both texts.
const WINNOW: usize = 12;

/// The winnowed fingerprints of a text (sorted, without repeats): of every `WINNOW`
/// consecutive cheap shingles the smallest hash is kept, so that two texts sharing a passage
/// of 16 words or more share a fingerprint, whatever surrounds it. About one shingle in
/// seven is kept; `compare --all` asks the store which articles hold them.
pub fn fingerprints(text: &str) -> Vec<i64> {
    fingerprints_of(&cheap_shingles(text))
}

/// [`fingerprints`] of a text whose [`cheap_shingles`] are computed already (an import derives
/// the sketch from the same shingles, and computing them is most of the cost of both).
pub fn fingerprints_of(hashes: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    if hashes.len() <= WINNOW {
        out.extend(hashes.iter().min());
        return out;
    }
    let mut last: Option<usize> = None;
    for start in 0..=hashes.len() - WINNOW {
        // The rightmost smallest hash of the window, so that a window moving over equal
        // hashes keeps one fingerprint instead of taking each.
        let mut best = start;
        for i in start..start + WINNOW {
            if hashes[i] <= hashes[best] {
                best = i;
            }
        }
        if last != Some(best) {
            out.push(hashes[best]);
            last = Some(best);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl CorpusIndex {
    /// Indexes the texts; article `i` of later queries is `texts[i]`.
    pub fn build(texts: &[&str], cfg: &OverlapConfig) -> CorpusIndex {
        let k = cfg.min_words.max(1);
        let prepared: Vec<Prepared> = texts.iter().map(|t| Prepared::new(t)).collect();
        // (shingle hash, article, position); articles and positions fit in u32 for any
        // corpus that fits in memory.
        let mut shingles: Vec<(u64, u32, u32)> = Vec::new();
        for (a, p) in prepared.iter().enumerate() {
            for_each_shingle(p, k, |pos, h| shingles.push((h, a as u32, pos as u32)));
        }
        shingles.sort_unstable();
        let mut entries: Vec<Entry> = prepared
            .iter()
            .map(|p| Entry {
                words: p
                    .words
                    .iter()
                    .map(|w| (w.span().start, w.span().end, w.para))
                    .collect(),
                ..Entry::default()
            })
            .collect();
        let mut members: Vec<Vec<u32>> = Vec::new();
        for group in shingles.chunk_by(|a, b| a.0 == b.0) {
            let mut arts: Vec<u32> = group.iter().map(|s| s.1).collect();
            arts.dedup();
            if arts.len() < 2 {
                continue;
            }
            let g = members.len() as u32;
            members.push(arts);
            for &(_, a, pos) in group {
                entries[a as usize].groups.push((pos, g));
            }
        }
        for e in &mut entries {
            e.count_shared(k);
        }
        CorpusIndex {
            k,
            entries,
            members,
        }
    }

    /// Indexes one text against others known only by the shingles they share with it:
    /// `shared[j]` holds the [`shingle_hashes`] that other article `j + 1` has in common with
    /// `text` (sorted, without repeats). Article 0 is `text`; its `shared_spans` and
    /// `originality` are what [`CorpusIndex::build`] gives with the whole texts, without
    /// holding them.
    pub fn for_one(text: &str, cfg: &OverlapConfig, shared: &[Vec<u64>]) -> CorpusIndex {
        let k = cfg.min_words.max(1);
        let p = Prepared::new(text);
        let mut holders: rustc_hash::FxHashMap<u64, Vec<u32>> = rustc_hash::FxHashMap::default();
        for (j, hashes) in shared.iter().enumerate() {
            for &h in hashes {
                holders.entry(h).or_default().push(j as u32 + 1);
            }
        }
        let mut entry = Entry {
            words: p
                .words
                .iter()
                .map(|w| (w.span().start, w.span().end, w.para))
                .collect(),
            ..Entry::default()
        };
        let mut members: Vec<Vec<u32>> = Vec::new();
        let mut group_of: rustc_hash::FxHashMap<u64, u32> = rustc_hash::FxHashMap::default();
        for_each_shingle(&p, k, |pos, h| {
            let Some(others) = holders.get(&h) else {
                return;
            };
            let g = *group_of.entry(h).or_insert_with(|| {
                members.push(std::iter::once(0).chain(others.iter().copied()).collect());
                (members.len() - 1) as u32
            });
            entry.groups.push((pos as u32, g));
        });
        entry.count_shared(k);
        CorpusIndex {
            k,
            entries: vec![entry],
            members,
        }
    }

    /// Number of indexed articles.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The passages of article `i` found in any other article, in text order. A passage never
    /// runs across a paragraph break, so neighbouring paragraphs taken from different
    /// articles stay apart. Empty for an unknown `i`.
    pub fn shared_spans(&self, i: usize) -> Vec<SharedSpan> {
        self.shared_spans_within(i, usize::MAX)
    }

    /// [`CorpusIndex::shared_spans`], ignoring shingles found in more than `max_articles`
    /// articles: boilerplate that every outlet prints says nothing about which articles
    /// tell the same story, and following it would link every article to every other.
    pub fn shared_spans_within(&self, i: usize, max_articles: usize) -> Vec<SharedSpan> {
        let Some(e) = self.entries.get(i) else {
            return Vec::new();
        };
        let mut others: Vec<Vec<u32>> = vec![Vec::new(); e.words.len()];
        for &(pos, g) in &e.groups {
            let arts = &self.members[g as usize];
            if arts.len() > max_articles {
                continue;
            }
            for slot in &mut others[pos as usize..pos as usize + self.k] {
                slot.extend(arts.iter().filter(|&&a| a as usize != i));
            }
        }
        let mut out: Vec<SharedSpan> = Vec::new();
        let mut prev: Option<usize> = None;
        for (w, set) in others.into_iter().enumerate() {
            if set.is_empty() {
                prev = None;
                continue;
            }
            let (start, end, para) = e.words[w];
            let continues = prev.is_some_and(|p| p + 1 == w && e.words[p].2 == para);
            match out.last_mut() {
                Some(last) if continues => {
                    last.span.end = end;
                    last.others.extend(set.iter().map(|&a| a as usize));
                }
                _ => out.push(SharedSpan {
                    span: Span::new(start, end),
                    others: set.iter().map(|&a| a as usize).collect(),
                }),
            }
            prev = Some(w);
        }
        for s in &mut out {
            s.others.sort_unstable();
            s.others.dedup();
        }
        out
    }

    /// For each other article sharing a shingle with article `i` (ignoring shingles found in
    /// more than `max_articles` articles, as [`CorpusIndex::shared_spans_within`] does): how
    /// many bytes of `i` it shares, counted word by word. Work in proportion to what `i`
    /// shares, without the per-word lists of `shared_spans`: choosing the first pair asks this
    /// of every article.
    pub fn shared_bytes_by_article(
        &self,
        i: usize,
        max_articles: usize,
    ) -> rustc_hash::FxHashMap<usize, usize> {
        let mut out: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
        let Some(e) = self.entries.get(i) else {
            return out;
        };
        // Words of `i` already counted for each other article; `groups` is in text order.
        let mut covered_to: rustc_hash::FxHashMap<u32, usize> = rustc_hash::FxHashMap::default();
        for &(pos, g) in &e.groups {
            let arts = &self.members[g as usize];
            if arts.len() > max_articles {
                continue;
            }
            let (pos, end) = (pos as usize, pos as usize + self.k);
            for &a in arts.iter().filter(|&&a| a as usize != i) {
                let from = covered_to.get(&a).copied().unwrap_or(0).max(pos);
                if from < end {
                    let bytes: usize = e.words[from..end].iter().map(|w| w.1 - w.0).sum();
                    *out.entry(a as usize).or_default() += bytes;
                    covered_to.insert(a, end);
                }
            }
        }
        out
    }

    /// Share of article `i`'s words found in no other article, in [0, 1] (1 for an empty or
    /// unknown article: nothing of it is found elsewhere).
    pub fn originality(&self, i: usize) -> f64 {
        match self.entries.get(i) {
            Some(e) if !e.words.is_empty() => 1.0 - e.shared_words as f64 / e.words.len() as f64,
            _ => 1.0,
        }
    }
}

impl CorpusIndex {
    /// For each other article sharing shingles with the words of article `i` inside `span`:
    /// how many of those words it shares. With the number of words in `span`, this tells
    /// an article carrying a passage from one that only shares a phrase of it.
    pub fn shared_words_within_span(
        &self,
        i: usize,
        span: Span,
    ) -> (usize, rustc_hash::FxHashMap<usize, usize>) {
        let mut out: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
        let Some(e) = self.entries.get(i) else {
            return (0, out);
        };
        let first = e.words.partition_point(|w| w.0 < span.start);
        let last = e.words.partition_point(|w| w.1 <= span.end);
        if last <= first {
            return (0, out);
        }
        let mut covered_to: rustc_hash::FxHashMap<u32, usize> = rustc_hash::FxHashMap::default();
        for &(pos, g) in &e.groups {
            let (pos, end) = ((pos as usize).max(first), (pos as usize + self.k).min(last));
            if pos >= end {
                continue;
            }
            for &a in self.members[g as usize]
                .iter()
                .filter(|&&a| a as usize != i)
            {
                let from = covered_to.get(&a).copied().unwrap_or(0).max(pos);
                if from < end {
                    *out.entry(a as usize).or_default() += end - from;
                    covered_to.insert(a, end);
                }
            }
        }
        (last - first, out)
    }
}

/// Provenance in time linear in what an article shares, however many articles carry it.
impl CorpusIndex {
    /// For each shingle group, the two of its articles that come first by `rank` (`rank[a]`
    /// for article `a`, smaller first): enough to name the first carrier other than any one
    /// member.
    pub fn earliest_members(&self, rank: &[u32]) -> Vec<[u32; 2]> {
        self.members
            .iter()
            .map(|arts| {
                let mut best = [u32::MAX; 2];
                for &a in arts {
                    let before = |b: u32| b == u32::MAX || rank[a as usize] < rank[b as usize];
                    if before(best[0]) {
                        best = [a, best[0]];
                    } else if before(best[1]) {
                        best[1] = a;
                    }
                }
                best
            })
            .collect()
    }

    /// The passages of article `i` found in any other article, drawn as
    /// [`CorpusIndex::shared_spans`] draws them, each with the carrier (not `i`) that comes
    /// first by `rank`; `earliest` is [`CorpusIndex::earliest_members`] of that rank.
    pub fn shared_spans_first(
        &self,
        i: usize,
        rank: &[u32],
        earliest: &[[u32; 2]],
    ) -> Vec<(Span, usize)> {
        let Some(e) = self.entries.get(i) else {
            return Vec::new();
        };
        let none = u32::MAX;
        let mut first: Vec<u32> = vec![none; e.words.len()];
        for &(pos, g) in &e.groups {
            let [a, b] = earliest[g as usize];
            let other = if a as usize == i { b } else { a };
            if other == none {
                continue;
            }
            for slot in &mut first[pos as usize..pos as usize + self.k] {
                if *slot == none || rank[other as usize] < rank[*slot as usize] {
                    *slot = other;
                }
            }
        }
        let mut out: Vec<(Span, usize)> = Vec::new();
        let mut prev: Option<usize> = None;
        for (w, &f) in first.iter().enumerate() {
            if f == none {
                prev = None;
                continue;
            }
            let (start, end, para) = e.words[w];
            let continues = prev.is_some_and(|p| p + 1 == w && e.words[p].2 == para);
            match out.last_mut() {
                Some(last) if continues => {
                    last.0.end = end;
                    if rank[f as usize] < rank[last.1] {
                        last.1 = f as usize;
                    }
                }
                _ => out.push((Span::new(start, end), f as usize)),
            }
            prev = Some(w);
        }
        out
    }
}

impl CorpusIndex {
    /// The passages of article `i` that every article of `others` carries: runs of words
    /// (never across a paragraph break) each inside a shingle that every one of them holds,
    /// ignoring shingles found in more than `max_articles` articles (boilerplate). Empty when
    /// `others` is.
    pub fn spans_carried_by_all(
        &self,
        i: usize,
        others: &[usize],
        max_articles: usize,
    ) -> Vec<Span> {
        let Some(e) = self.entries.get(i) else {
            return Vec::new();
        };
        let m = others.len();
        if m == 0 {
            return Vec::new();
        }
        // covered[w * m + x]: word w lies in a shingle that others[x] holds.
        let mut covered = vec![false; e.words.len() * m];
        for &(pos, g) in &e.groups {
            let arts = &self.members[g as usize];
            if arts.len() > max_articles {
                continue;
            }
            for (x, &o) in others.iter().enumerate() {
                if arts.binary_search(&(o as u32)).is_ok() {
                    for w in pos as usize..pos as usize + self.k {
                        covered[w * m + x] = true;
                    }
                }
            }
        }
        let mut out: Vec<Span> = Vec::new();
        let mut prev: Option<usize> = None;
        for (w, &(start, end, para)) in e.words.iter().enumerate() {
            if !covered[w * m..(w + 1) * m].iter().all(|&c| c) {
                prev = None;
                continue;
            }
            let continues = prev.is_some_and(|p| p + 1 == w && e.words[p].2 == para);
            match out.last_mut() {
                Some(last) if continues => last.end = end,
                _ => out.push(Span::new(start, end)),
            }
            prev = Some(w);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_each_article_shares_and_with_whom() {
        let texts = [
            "The harbour board approved the new crane contract on Monday. Nothing else.",
            "Reports say the harbour board approved the new crane contract on Monday evening.",
            "A chess final went to a fifth hour in the capital.",
        ];
        let idx = CorpusIndex::build(&texts, &OverlapConfig::default());
        let spans = idx.shared_spans(0);
        assert_eq!(spans.len(), 1);
        assert_eq!(
            spans[0].span.slice(texts[0]),
            "The harbour board approved the new crane contract on Monday"
        );
        assert_eq!(spans[0].others, [1]);
        assert!(idx.shared_spans(2).is_empty());
        assert_eq!(idx.originality(2), 1.0);
        assert!((idx.originality(0) - 2.0 / 12.0).abs() < 1e-9);
        assert!(idx.shared_spans(9).is_empty());
    }

    #[test]
    fn one_article_against_shared_shingles_only_is_the_same_as_against_whole_texts() {
        let texts = [
            "The harbour board approved the new crane contract on Monday. Later the harbour board approved the new crane contract again.",
            "Reports say the harbour board approved the new crane contract on Monday evening.",
            "A chess final went to a fifth hour in the capital.",
            "Again and again: later the harbour board approved the new crane contract again, said a clerk.",
        ];
        let cfg = OverlapConfig::default();
        let whole = CorpusIndex::build(&texts, &cfg);
        let mine: std::collections::HashSet<u64> =
            shingle_hashes(texts[0], &cfg).into_iter().collect();
        let shared: Vec<Vec<u64>> = texts[1..]
            .iter()
            .map(|t| {
                let mut h: Vec<u64> = shingle_hashes(t, &cfg)
                    .into_iter()
                    .filter(|h| mine.contains(h))
                    .collect();
                h.sort_unstable();
                h.dedup();
                h
            })
            .collect();
        let one = CorpusIndex::for_one(texts[0], &cfg, &shared);
        assert_eq!(one.shared_spans(0), whole.shared_spans(0));
        assert_eq!(one.originality(0), whole.originality(0));
        // Both kinds of sharer are there: the first report (1) and the clerk's (3).
        let others: Vec<usize> = one
            .shared_spans(0)
            .iter()
            .flat_map(|s| s.others.clone())
            .collect();
        assert!(others.contains(&1) && others.contains(&3), "{others:?}");
        assert!(!others.contains(&2));
    }
}
