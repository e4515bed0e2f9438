//! Stories: the articles of an archive grouped by the event they report.
//!
//! Independent reports of one event rarely share a sentence, so reused text alone cannot tell
//! that they belong together. Two articles are compared on what they talk about: the TF-IDF
//! cosine of their content words (the headline counted twice, as it names the event), the
//! cosine of the names they use (capitalised words inside a sentence, weighted by how rare
//! they are in the archive), the passages they share (the reuse index), all damped when their
//! publication dates lie far apart.
//!
//! Only pairs that share rare terms are ever compared: an inverted index over each article's
//! most telling terms, capped by document frequency, proposes the candidates, so the work
//! grows with the archive, not with its square. Articles are then joined by average linkage:
//! two groups merge only when their members are close on average, so a chain of articles each
//! a little like the next (a football final, a transfer, a stadium, a concert) never becomes
//! one story, and an unrelated article never pulls two stories together.

use super::Span;
use super::index::CorpusIndex;
use super::overlap::Prepared;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

/// What grouping needs of one article.
#[derive(Debug, Clone, Copy)]
pub struct StoryInput<'a> {
    /// The headline.
    pub title: &'a str,
    /// The text.
    pub text: &'a str,
    /// The publication date, when known.
    pub date: Option<NaiveDate>,
}

/// A group of articles about one event (one article alone is a story too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Indexes of the articles, earliest first (by date, then by index: import order).
    pub articles: Vec<usize>,
    /// The article closest to all the others: its headline names the story.
    pub central: usize,
}

/// How articles are grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryOptions {
    /// Two groups merge when the mean similarity of their pairs reaches this.
    pub threshold: f64,
    /// Share of the topic similarity given to names (the rest to content words).
    pub name_weight: f64,
    /// Dates this many days apart count as the same moment.
    pub same_days: i64,
    /// Beyond `same_days`, similarity is divided by `1 + extra_days / decay_days`.
    pub decay_days: f64,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            threshold: 0.05,
            name_weight: 0.5,
            same_days: 7,
            decay_days: 40.0,
        }
    }
}

/// Terms of one article that propose candidates: its most telling ones.
const CANDIDATE_TERMS: usize = 40;
/// Two articles are compared only when they share this many candidate terms.
const MIN_SHARED_TERMS: usize = 2;
/// The share of reused text adds this much of itself to the similarity (wire copy printed by
/// two outlets is one story even when one cut it to a paragraph).
const REUSE_WEIGHT: f64 = 0.3;
/// Names are salted so a name and a content word never count as the same term.
const NAME_SALT: u64 = 0x6e61_6d65_5f74_6167;

/// A term's document frequency above which it proposes no candidates: words that many
/// articles use say nothing about which event one reports, and following them would compare
/// every article with every other. Grows slowly with the archive so big stories still find
/// each other.
fn candidate_df_cap(n: usize) -> usize {
    (n / 200).max(50)
}

/// One article's terms: (term id, tf weight), sorted by term id.
type Bag = Vec<(u32, f64)>;

/// The articles' words and names as term bags, and each term's document frequency.
struct Terms {
    words: Vec<Bag>,
    names: Vec<Bag>,
    df: Vec<u32>,
}

fn collect_terms(docs: &[StoryInput]) -> Terms {
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut df: Vec<u32> = Vec::new();
    let mut id_of = |key: u64, df: &mut Vec<u32>| -> u32 {
        let next = ids.len() as u32;
        let id = *ids.entry(key).or_insert(next);
        if id as usize == df.len() {
            df.push(0);
        }
        id
    };
    let mut words = Vec::with_capacity(docs.len());
    let mut names = Vec::with_capacity(docs.len());
    for d in docs {
        let mut w: BTreeMap<u32, f64> = BTreeMap::new();
        let mut n: BTreeMap<u32, f64> = BTreeMap::new();
        let title = Prepared::new(d.title);
        for word in title.words.iter().filter(|w| w.is_content()) {
            // The headline names the event: it counts as much as two mentions in the text.
            *w.entry(id_of(word.stem, &mut df)).or_default() += 2.0;
        }
        let p = Prepared::new(d.text);
        let mut sentence = p.sentences.iter().peekable();
        for (i, word) in p.words.iter().enumerate() {
            while sentence.peek().is_some_and(|s| s.words.end <= i) {
                sentence.next();
            }
            if !word.is_content() {
                continue;
            }
            *w.entry(id_of(word.stem, &mut df)).or_default() += 1.0;
            // A capital inside a sentence marks a name; the first word of a sentence is
            // capitalised whatever it is.
            let opens_sentence = sentence.peek().is_some_and(|s| s.words.start == i);
            if word.capital && !opens_sentence {
                *n.entry(id_of(word.key ^ NAME_SALT, &mut df)).or_default() += 1.0;
            }
        }
        for bag in [&w, &n] {
            for &t in bag.keys() {
                df[t as usize] += 1;
            }
        }
        words.push(w.into_iter().collect());
        names.push(n.into_iter().collect());
    }
    Terms { words, names, df }
}

/// TF-IDF weights (sublinear counts), normalised to unit length. A term in every article
/// weighs nothing.
fn weigh(bag: &Bag, df: &[u32], n: usize) -> Bag {
    let mut out: Bag = bag
        .iter()
        .map(|&(t, count)| {
            let idf = (1.0 + n as f64 / df[t as usize] as f64).ln();
            (t, (1.0 + count.ln()) * idf)
        })
        .filter(|&(_, x)| x > 0.0)
        .collect();
    let norm = out.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, x) in &mut out {
            *x /= norm;
        }
    }
    out
}

/// Dot product of two sorted unit vectors: their cosine.
fn cosine(a: &Bag, b: &Bag) -> f64 {
    super::sparse_dot(a, b)
}

/// How much closeness in time counts: 1 within `same_days`, then falling; a missing date
/// neither helps nor much hurts.
fn date_factor(a: Option<NaiveDate>, b: Option<NaiveDate>, opts: &StoryOptions) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) => {
            let apart = (a - b).num_days().abs();
            if apart <= opts.same_days {
                1.0
            } else {
                1.0 / (1.0 + (apart - opts.same_days) as f64 / opts.decay_days)
            }
        }
        _ => 0.9,
    }
}

/// Bytes of article `i` found in article `j`, for each `i` and each later `j` sharing some.
type Reused = Vec<FxHashMap<usize, usize>>;

/// Pairs worth comparing: articles that share at least [`MIN_SHARED_TERMS`] of their most
/// telling rare terms, or that share reused passages. Each pair once, `i < j`; with the
/// reuse looked up on the way (asked once per article, as it is most of the work).
fn candidates(
    words: &[Bag],
    df: &[u32],
    reuse: Option<&CorpusIndex>,
) -> (Vec<(usize, usize)>, Reused) {
    let n = words.len();
    let cap = candidate_df_cap(n) as u32;
    let mut postings: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let mut telling: Vec<Vec<u32>> = Vec::with_capacity(n);
    // Words only: a name is a word too, and counting it twice would let one shared place name
    // make two articles candidates.
    for (i, w) in words.iter().enumerate() {
        let mut terms: Vec<(u32, f64)> = w
            .iter()
            .copied()
            .filter(|&(t, _)| (2..=cap).contains(&df[t as usize]))
            .collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.truncate(CANDIDATE_TERMS);
        let ts: Vec<u32> = terms.into_iter().map(|(t, _)| t).collect();
        for &t in &ts {
            postings.entry(t).or_default().push(i as u32);
        }
        telling.push(ts);
    }
    let mut out = Vec::new();
    let mut reused: Reused = Vec::with_capacity(if reuse.is_some() { n } else { 0 });
    let mut shared: FxHashMap<u32, usize> = FxHashMap::default();
    for (i, ts) in telling.iter().enumerate() {
        shared.clear();
        for t in ts {
            for &j in postings.get(t).into_iter().flatten() {
                if j as usize > i {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        if let Some(index) = reuse {
            let mut bytes = index.shared_bytes_by_article(i, cap as usize);
            bytes.retain(|&j, _| j > i);
            for &j in bytes.keys() {
                *shared.entry(j as u32).or_default() += MIN_SHARED_TERMS;
            }
            reused.push(bytes);
        }
        let mut js: Vec<usize> = shared
            .iter()
            .filter(|&(_, &c)| c >= MIN_SHARED_TERMS)
            .map(|(&j, _)| j as usize)
            .collect();
        js.sort_unstable();
        out.extend(js.into_iter().map(|j| (i, j)));
    }
    (out, reused)
}

/// Groups the articles into stories. `reuse`, when given, is the shingle index of the same
/// articles (article `i` of it is `docs[i]`). Every article is in exactly one story; stories
/// come with the most articles first, then earliest first.
pub fn group(docs: &[StoryInput], reuse: Option<&CorpusIndex>, opts: &StoryOptions) -> Vec<Story> {
    let n = docs.len();
    let terms = collect_terms(docs);
    let words: Vec<Bag> = terms.words.iter().map(|b| weigh(b, &terms.df, n)).collect();
    let names: Vec<Bag> = terms.names.iter().map(|b| weigh(b, &terms.df, n)).collect();
    let lengths: Vec<usize> = docs.iter().map(|d| d.text.len().max(1)).collect();
    // Similarity of each candidate pair.
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    let (pairs, reused_by) = candidates(&terms.words, &terms.df, reuse);
    for (i, j) in pairs {
        let topic = (1.0 - opts.name_weight) * cosine(&words[i], &words[j])
            + opts.name_weight * cosine(&names[i], &names[j]);
        let reused = reused_by.get(i).map_or(0.0, |by_j| {
            let bytes = by_j.get(&j).copied().unwrap_or(0);
            bytes as f64 / lengths[i].min(lengths[j]) as f64
        });
        let sim = (topic + REUSE_WEIGHT * reused.min(1.0)).min(1.0)
            * date_factor(docs[i].date, docs[j].date, opts);
        if sim > 0.0 {
            edges.push((i, j, sim));
        }
    }
    let members = split_apart_in_time(
        average_linkage(n, &edges, opts.threshold),
        &edges,
        docs,
        opts,
    );
    // Each article's total similarity to the others of its group, in one pass over the edges.
    let mut group_of = vec![0usize; n];
    for (g, m) in members.iter().enumerate() {
        for &i in m {
            group_of[i] = g;
        }
    }
    let mut closeness = vec![0.0f64; n];
    for &(i, j, s) in &edges {
        if group_of[i] == group_of[j] {
            closeness[i] += s;
            closeness[j] += s;
        }
    }
    let mut stories: Vec<Story> = members
        .into_iter()
        .map(|mut arts| {
            arts.sort_by_key(|&i| (docs[i].date.is_none(), docs[i].date, i));
            // The member closest to all the others (the earliest on a tie).
            let mut central = arts[0];
            for &m in &arts {
                if closeness[m] > closeness[central] {
                    central = m;
                }
            }
            Story {
                articles: arts,
                central,
            }
        })
        .collect();
    stories.sort_by_key(|s| {
        let first = s.articles[0];
        (
            Reverse(s.articles.len()),
            docs[first].date.is_none(),
            docs[first].date,
            first,
        )
    });
    stories
}

/// The passages that all the articles of `story` share, as spans of its first article (the
/// earliest: the first to print them). `reuse` is the shingle index of the grouped articles.
/// Boilerplate that much of the archive prints is left out; a story of one article shares
/// nothing.
pub fn common_passages(reuse: &CorpusIndex, story: &Story) -> Vec<Span> {
    let Some((&first, others)) = story.articles.split_first() else {
        return Vec::new();
    };
    let mut others = others.to_vec();
    others.sort_unstable();
    let cap = candidate_df_cap(reuse.len()).max(story.articles.len());
    reuse.spans_carried_by_all(first, &others, cap)
}

/// A possible merge: the mean similarity (as bits), the two groups (smallest first on a tie)
/// and their sizes when it was computed.
type Merge = (u64, Reverse<usize>, Reverse<usize>, usize, usize);

/// Merges groups while some pair of groups has a mean pair similarity of at least
/// `threshold` (pairs with no edge count as 0), best pair first. Returns the groups.
fn average_linkage(n: usize, edges: &[(usize, usize, f64)], threshold: f64) -> Vec<Joined> {
    // Each group is named by one of its members; `links[g]` sums the similarities between
    // group g and each neighbouring group.
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // For each group, how many of its members it had before its last merge.
    let mut last_join: Vec<usize> = vec![0; n];
    let mut links: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); n];
    for &(i, j, s) in edges {
        *links[i].entry(j).or_default() += s;
        *links[j].entry(i).or_default() += s;
    }
    // Similarities are non-negative, so their bits order like the numbers.
    let key = |s: f64| s.to_bits();
    let mut heap: BinaryHeap<Merge> = BinaryHeap::new();
    let push =
        |heap: &mut BinaryHeap<_>, members: &Vec<Vec<usize>>, a: usize, b: usize, sum: f64| {
            let (a, b) = (a.min(b), a.max(b));
            let mean = sum / (members[a].len() * members[b].len()) as f64;
            if mean >= threshold {
                heap.push((
                    key(mean),
                    Reverse(a),
                    Reverse(b),
                    members[a].len(),
                    members[b].len(),
                ));
            }
        };
    for (a, l) in links.iter().enumerate() {
        for (&b, &sum) in l.range(a + 1..) {
            push(&mut heap, &members, a, b, sum);
        }
    }
    while let Some((_, Reverse(a), Reverse(b), size_a, size_b)) = heap.pop() {
        // Entries of groups that have since changed are stale.
        if members[a].len() != size_a || members[b].len() != size_b || !links[a].contains_key(&b) {
            continue;
        }
        // b joins a.
        let moved = std::mem::take(&mut members[b]);
        last_join[a] = members[a].len();
        members[a].extend(moved);
        let from_b = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        for (c, s) in from_b {
            if c == a {
                continue;
            }
            links[c].remove(&b);
            *links[c].entry(a).or_default() += s;
            *links[a].entry(c).or_default() += s;
        }
        let neighbours: Vec<(usize, f64)> = links[a].iter().map(|(&c, &s)| (c, s)).collect();
        for (c, s) in neighbours {
            push(&mut heap, &members, a, c, s);
        }
    }
    members
        .into_iter()
        .zip(last_join)
        .filter(|(m, _)| !m.is_empty())
        .map(|(members, last_join)| Joined { members, last_join })
        .collect()
}

/// A group formed by [`average_linkage`]: `members[..last_join]` and `members[last_join..]`
/// are the two groups its last merge joined (`last_join` is 0 for a single article).
#[derive(Debug, Clone, PartialEq)]
struct Joined {
    members: Vec<usize>,
    last_join: usize,
}

/// A group whose last merge joined two parts this much less alike than each part is within
/// itself (mean pair similarity across, over the lesser of the two means within) is split
/// when its parts lie apart in time.
const SPLIT_RATIO: f64 = 0.6;

/// Undoes the last merge of a group when it joined two tight parts that lie apart in time:
/// each part of at least two articles, their publication dates not overlapping (more than
/// `same_days` between the last of one and the first of the other), and the articles across
/// the parts much less alike than those within each ([`SPLIT_RATIO`]). Two happenings of one
/// company or one place weeks apart (an announcement, then the launch) share names and words,
/// enough on average to merge, yet each is a story of its own.
fn split_apart_in_time(
    groups: Vec<Joined>,
    edges: &[(usize, usize, f64)],
    docs: &[StoryInput],
    opts: &StoryOptions,
) -> Vec<Vec<usize>> {
    // (group, part) of each article of a group that may be split.
    let mut part_of: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
    for (g, j) in groups.iter().enumerate() {
        if j.last_join >= 2 && j.members.len() - j.last_join >= 2 {
            for (k, &i) in j.members.iter().enumerate() {
                part_of.insert(i, (g, usize::from(k >= j.last_join)));
            }
        }
    }
    // Sum of similarities within part 0, within part 1 and across, per group.
    let mut sums: FxHashMap<usize, [f64; 3]> = FxHashMap::default();
    for &(i, j, s) in edges {
        if let (Some(&(g, p)), Some(&(h, q))) = (part_of.get(&i), part_of.get(&j))
            && g == h
        {
            sums.entry(g).or_default()[if p == q { p } else { 2 }] += s;
        }
    }
    let mut out = Vec::with_capacity(groups.len());
    for (g, j) in groups.into_iter().enumerate() {
        let Some(sum) = sums.get(&g) else {
            out.push(j.members);
            continue;
        };
        let (a, b) = j.members.split_at(j.last_join);
        let pairs = |n: usize| (n * (n - 1) / 2) as f64;
        let within = (sum[0] / pairs(a.len())).min(sum[1] / pairs(b.len()));
        let across = sum[2] / (a.len() * b.len()) as f64;
        let span = |part: &[usize]| {
            let dates = part.iter().filter_map(|&i| docs[i].date);
            dates.clone().min().zip(dates.max())
        };
        let apart = match (span(a), span(b)) {
            (Some((a0, a1)), Some((b0, b1))) => {
                (b0 - a1).num_days() > opts.same_days || (a0 - b1).num_days() > opts.same_days
            }
            _ => false,
        };
        if apart && across < SPLIT_RATIO * within {
            out.push(a.to_vec());
            out.push(b.to_vec());
        } else {
            out.push(j.members);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2025, 3, d)
    }

    const FLOOD_A: &str = "Heavy rain flooded the old quarter of Varnholm on Tuesday. The river Ostra broke its banks near the Kessel bridge and rescuers from the Varnholm fire brigade moved two hundred residents to the sports hall. Mayor Ilse Brandvik said the pumps had failed.";
    const FLOOD_B: &str = "Residents of Varnholm spent the night in a sports hall after the Ostra overflowed. Firefighters carried elderly people out of homes beside the Kessel bridge, and Ilse Brandvik, the mayor, blamed broken pumps for the flooding.";
    const CHESS: &str = "The chess olympiad in Maridal ended with a surprise: the youngest team won gold after a tense final round against the favourites from Sollund. Coach Peder Aasgard praised his players.";
    const BUDGET: &str = "The parliament of Sollund approved a budget that raises school spending. Finance minister Runa Oftedal said teachers would be hired in every county, while the opposition called the plan unfunded.";

    fn input<'a>(title: &'a str, text: &'a str, d: u32) -> StoryInput<'a> {
        StoryInput {
            title,
            text,
            date: day(d),
        }
    }

    #[test]
    fn independent_reports_of_one_event_are_one_story() {
        let docs = [
            input("River floods Varnholm old quarter", FLOOD_A, 4),
            input("Chess olympiad ends in upset", CHESS, 4),
            input(
                "Varnholm residents evacuated as Ostra overflows",
                FLOOD_B,
                5,
            ),
            input("Sollund budget passes", BUDGET, 6),
        ];
        let stories = group(&docs, None, &StoryOptions::default());
        let sets: Vec<Vec<usize>> = stories.iter().map(|s| s.articles.clone()).collect();
        assert_eq!(sets, [vec![0, 2], vec![1], vec![3]]);
    }

    #[test]
    fn an_unrelated_article_changes_no_story() {
        let docs = [
            input("River floods Varnholm old quarter", FLOOD_A, 4),
            input(
                "Varnholm residents evacuated as Ostra overflows",
                FLOOD_B,
                5,
            ),
            input("Chess olympiad ends in upset", CHESS, 4),
        ];
        let before = group(&docs[..2], None, &StoryOptions::default());
        let after = group(&docs, None, &StoryOptions::default());
        assert_eq!(before[0].articles, [0, 1]);
        assert_eq!(after[0].articles, [0, 1]);
        assert_eq!(after[1].articles, [2]);
    }

    #[test]
    fn the_same_words_years_apart_are_another_story() {
        let far = StoryInput {
            date: NaiveDate::from_ymd_opt(2021, 3, 5),
            ..input(
                "Varnholm residents evacuated as Ostra overflows",
                FLOOD_B,
                5,
            )
        };
        let docs = [input("River floods Varnholm old quarter", FLOOD_A, 4), far];
        let near = group(&docs[..1], None, &StoryOptions::default());
        assert_eq!(near.len(), 1);
        let opts = StoryOptions::default();
        let close = date_factor(day(4), day(9), &opts);
        let apart = date_factor(day(4), far.date, &opts);
        assert_eq!(close, 1.0);
        assert!(apart < 0.1, "{apart}");
    }

    #[test]
    fn average_linkage_does_not_chain() {
        // 0-1 and 1-2 are close, 0-2 unrelated: the chain 0-1-2 is not one group.
        let edges = [(0, 1, 0.5), (1, 2, 0.45)];
        let members = |groups: Vec<Joined>| -> Vec<Vec<usize>> {
            groups.into_iter().map(|g| g.members).collect()
        };
        let groups = members(average_linkage(3, &edges, 0.3));
        assert_eq!(groups, [vec![0, 1], vec![2]]);
        // With 0-2 close enough too, all three join.
        let edges = [(0, 1, 0.5), (1, 2, 0.45), (0, 2, 0.4)];
        assert_eq!(members(average_linkage(3, &edges, 0.3)), [vec![0, 1, 2]]);
    }

    /// Two tight parts joined last: 0-1-2 in early March, 3-4-5 in late March.
    fn two_parts(across: f64) -> (Vec<(usize, usize, f64)>, Vec<Joined>) {
        let mut edges = Vec::new();
        for (i, j) in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)] {
            edges.push((i, j, 0.4));
        }
        for i in 0..3 {
            for j in 3..6 {
                edges.push((i, j, across));
            }
        }
        let joined = vec![Joined {
            members: (0..6).collect(),
            last_join: 3,
        }];
        (edges, joined)
    }

    fn dated(days: [u32; 6]) -> Vec<StoryInput<'static>> {
        days.iter().map(|&d| input("t", "x", d)).collect()
    }

    #[test]
    fn two_tight_parts_weeks_apart_are_two_stories() {
        let opts = StoryOptions::default();
        let docs = dated([1, 2, 3, 24, 25, 25]);
        let (edges, joined) = two_parts(0.2);
        assert_eq!(
            split_apart_in_time(joined, &edges, &docs, &opts),
            [vec![0, 1, 2], vec![3, 4, 5]]
        );
    }

    #[test]
    fn parts_close_in_time_or_alike_across_stay_one_story() {
        let opts = StoryOptions::default();
        // The same days: follow-ups of one happening.
        let (edges, joined) = two_parts(0.2);
        let close = dated([1, 2, 3, 6, 7, 8]);
        assert_eq!(
            split_apart_in_time(joined, &edges, &close, &opts),
            [vec![0, 1, 2, 3, 4, 5]]
        );
        // Weeks apart, but as alike across as within: one story told over weeks.
        let (edges, joined) = two_parts(0.3);
        let apart = dated([1, 2, 3, 24, 25, 25]);
        assert_eq!(
            split_apart_in_time(joined, &edges, &apart, &opts),
            [vec![0, 1, 2, 3, 4, 5]]
        );
    }

    #[test]
    fn average_linkage_remembers_its_last_merge() {
        let (edges, _) = two_parts(0.2);
        let groups = average_linkage(6, &edges, 0.05);
        assert_eq!(groups.len(), 1);
        let g = &groups[0];
        let mut first: Vec<usize> = g.members[..g.last_join].to_vec();
        first.sort_unstable();
        assert!(first == [0, 1, 2] || first == [3, 4, 5], "{g:?}");
    }
}
