//! Direct quotations: every quotation of an article with its span and its speaker
//! ([`attribute`]), and the same quotation across articles grouped, with how its wording drifts
//! from outlet to outlet and whether the outlets agree on who said it.
//!
//! Grouping is not quadratic: each quotation is indexed by its content-word pairs, and only
//! quotations that share a pair (one common to few quotations) are compared.

mod attribute;
mod marks;

use super::Span;
use super::actors::Actor;
use crate::text::{TokenKind, fold, tokens_of};
use rustc_hash::FxHashMap;
use serde::Serialize;
use similar::{Algorithm, DiffTag};

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The actor's canonical name, or the role as the article writes it ("Delta spokesman").
    pub name: String,
    /// The actor (index into the corpus's actors), when the speaker is one.
    #[serde(skip)]
    pub actor: Option<usize>,
    /// The role word, folded and singular, when the speaker is a role the article does not
    /// name a person for.
    #[serde(skip)]
    pub role: Option<String>,
}

/// One direct quotation in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Index of the article in the corpus.
    pub article: usize,
    /// From the first quoted word to the last (an attribution splitting it lies inside).
    pub span: Span,
    /// The quoted words of each part, without the marks.
    pub pieces: Vec<Span>,
    /// Who said it, when the article says.
    pub speaker: Option<Speaker>,
}

impl Quotation {
    /// The quoted words, the parts joined by a space.
    pub fn text(&self, text: &str) -> String {
        self.pieces
            .iter()
            .map(|p| p.slice(text))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// How one mention's wording differs from the group's fullest wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// The mention (index into [`QuoteGroup::mentions`]).
    pub mention: usize,
    /// The words that differ, as a word diff of the fullest wording to this one:
    /// `[-removed-]{+added+}`; a cut is shown as `…`.
    pub diff: String,
    /// Whether the mention quotes only part of the fullest wording.
    pub cut: bool,
    /// Whether words were changed, added or removed (not only cut).
    pub changed: bool,
}

/// The same quotation across articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteGroup {
    /// The quotations (indexes into [`Quotes::quotations`]), in corpus order.
    pub mentions: Vec<usize>,
    /// The mention with the fullest wording (index into `mentions`).
    pub fullest: usize,
    /// Who said it: the speaker most mentions give.
    pub speaker: Option<Speaker>,
    /// The mentions whose wording is not the fullest's.
    pub drift: Vec<Drift>,
    /// Whether outlets give different speakers.
    pub speakers_disagree: bool,
    /// The articles carrying it, each once, in corpus order.
    pub articles: Vec<usize>,
}

/// The quotations of a corpus and their groups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes {
    /// Every quotation, by article, then by offset.
    pub quotations: Vec<Quotation>,
    /// Groups, the most widely carried first, then by first appearance.
    pub groups: Vec<QuoteGroup>,
}

impl Quotes {
    /// The groups carried by both articles, in order.
    pub fn shared_by(&self, a: usize, b: usize) -> Vec<usize> {
        (0..self.groups.len())
            .filter(|&g| {
                let arts = &self.groups[g].articles;
                arts.contains(&a) && arts.contains(&b)
            })
            .collect()
    }
}

/// The word diff from quotation `a` (in `text_a`) to quotation `b` (in `text_b`):
/// `(diff, cut, changed)` as in [`Drift`], or `None` when their words are the same.
pub fn drift_between(
    text_a: &str,
    a: &Quotation,
    text_b: &str,
    b: &Quotation,
) -> Option<(String, bool, bool)> {
    word_diff(text_a, &words_of(text_a, a), text_b, &words_of(text_b, b))
}

/// Quotations shorter than this with no speaker are taken for scare quotes or titles
/// (“safe zone”, “The Godfather”), not quotations.
const MIN_UNATTRIBUTED_WORDS: usize = 4;

/// Finds and groups the quotations of `texts` (`texts[i]` is corpus article `i`), with
/// speakers resolved to `actors` (the corpus's actors).
pub fn analyse(texts: &[&str], actors: &[Actor]) -> Quotes {
    let mut quotations = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        quotations.extend(
            attribute::quotations(text, i, actors)
                .into_iter()
                .filter(|q| {
                    q.speaker.is_some() || words_of(text, q).len() >= MIN_UNATTRIBUTED_WORDS
                }),
        );
    }
    let groups = group(texts, &quotations);
    Quotes { quotations, groups }
}

/// One quoted word: its folded form and where it is.
#[derive(Debug, Clone)]
struct QWord {
    key: String,
    span: Span,
}

fn words_of(text: &str, q: &Quotation) -> Vec<QWord> {
    let mut out = Vec::new();
    for p in &q.pieces {
        for t in tokens_of(p.slice(text)) {
            // A variation selector after an emoji is a token of its own, not a word.
            if t.kind == TokenKind::Punct
                || !t.as_str(p.slice(text)).chars().any(char::is_alphanumeric)
            {
                continue;
            }
            let span = Span::new(p.start + t.start, p.start + t.end);
            out.push(QWord {
                key: fold(span.slice(text)).replace(',', ""),
                span,
            });
        }
    }
    out
}

fn is_function(key: &str) -> bool {
    use crate::analysis::actors::lexicon as lx;
    key.len() <= 2 || lx::classify_key(key) & lx::STOP != 0
}

/// A k-gram index key: a pair of neighbouring words, or a single word for a one-word quotation.
type Gram = (String, String);

/// Quotations of fewer words are short: they join a longer quotation only unambiguously.
const SHORT: usize = 4;

/// More quotations than this sharing a word pair means the pair is a set phrase, no evidence.
const MAX_POSTINGS: usize = 64;

fn grams(words: &[QWord]) -> Vec<Gram> {
    if words.len() == 1 {
        return vec![(words[0].key.clone(), String::new())];
    }
    let gs: Vec<Gram> = words
        .windows(2)
        .filter(|w| !(is_function(&w[0].key) && is_function(&w[1].key)))
        .map(|w| (w[0].key.clone(), w[1].key.clone()))
        .collect();
    if gs.is_empty() {
        // Function words only ("are we there yet"): the whole wording is the key, so the
        // same words in two outlets still meet.
        let all: Vec<&str> = words.iter().map(|w| w.key.as_str()).collect();
        return vec![(all.join(" "), "\u{1}".to_string())];
    }
    gs
}

struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Words the two wordings share in order (a word diff's equal parts).
fn matched(a: &[QWord], b: &[QWord]) -> usize {
    let ka: Vec<&str> = a.iter().map(|w| w.key.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|w| w.key.as_str()).collect();
    similar::capture_diff_slices(Algorithm::Myers, &ka, &kb)
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum()
}

/// Whether two wordings are one quotation: equal, or the shorter mostly inside the longer
/// (a cut, or a cut with words changed) with at least two content words in common.
fn same_quotation(a: &[QWord], b: &[QWord]) -> bool {
    let keys = |w: &[QWord]| w.iter().map(|w| w.key.clone()).collect::<Vec<_>>();
    if keys(a) == keys(b) {
        return true;
    }
    let short = a.len().min(b.len());
    if short < 2 {
        return false;
    }
    let m = matched(a, b);
    let content_shared = {
        let longer = if a.len() >= b.len() { a } else { b };
        let shorter = if a.len() >= b.len() { b } else { a };
        shorter
            .iter()
            .filter(|w| !is_function(&w.key) && longer.iter().any(|l| l.key == w.key))
            .count()
    };
    content_shared >= 2 && m * 10 >= short * 7
}

fn group(texts: &[&str], quotations: &[Quotation]) -> Vec<QuoteGroup> {
    let words: Vec<Vec<QWord>> = quotations
        .iter()
        .map(|q| words_of(texts[q.article], q))
        .collect();
    let mut postings: FxHashMap<Gram, Vec<usize>> = FxHashMap::default();
    for (i, w) in words.iter().enumerate() {
        let mut gs = grams(w);
        gs.sort();
        gs.dedup();
        for g in gs {
            postings.entry(g).or_default().push(i);
        }
    }
    let mut sets = Sets((0..quotations.len()).collect());
    let mut bridges: Vec<(usize, usize)> = Vec::new();
    let mut tried: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
    let mut lists: Vec<&Vec<usize>> = postings.values().collect();
    // Deterministic order (the map's is not).
    lists.sort();
    for list in lists {
        if list.len() < 2 || list.len() > MAX_POSTINGS {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if quotations[i].article == quotations[j].article
                    || sets.find(i) == sets.find(j)
                    || !tried.insert((i, j))
                {
                    continue;
                }
                if same_quotation(&words[i], &words[j]) {
                    let (si, sj) = (words[i].len() < SHORT, words[j].len() < SHORT);
                    match (si, sj) {
                        (true, false) => bridges.push((i, j)),
                        (false, true) => bridges.push((j, i)),
                        _ => sets.union(i, j),
                    }
                }
            }
        }
    }
    // A short quotation ("a “devastating message”") joins the longer one it is part of only
    // when that is one quotation: a phrase found inside several different quotations (a
    // title, a slogan) would otherwise chain them into one group.
    let mut partners: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &(short, long) in &bridges {
        let (s, l) = (sets.find(short), sets.find(long));
        partners.entry(s).or_default().push(l);
    }
    let mut shorts: Vec<(usize, Vec<usize>)> = partners.into_iter().collect();
    shorts.sort_unstable();
    for (short, mut longs) in shorts {
        longs.sort_unstable();
        longs.dedup();
        if let [only] = longs[..] {
            sets.union(short, only);
        }
    }
    let mut by_root: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..quotations.len() {
        by_root.entry(sets.find(i)).or_default().push(i);
    }
    let mut groups: Vec<QuoteGroup> = by_root
        .into_values()
        .map(|mut mentions| {
            mentions.sort_unstable();
            build_group(texts, quotations, &words, mentions)
        })
        .collect();
    groups.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.mentions[0].cmp(&b.mentions[0]))
    });
    groups
}

/// Whether two outlets name the same speaker: the same actor, the same role, or names with
/// the same surname ("Vollmer" and "Henrike Vollmer").
fn same_speaker(a: &Speaker, b: &Speaker) -> bool {
    if let (Some(x), Some(y)) = (a.actor, b.actor) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (&a.role, &b.role) {
        return x == y;
    }
    if a.role.is_some() || b.role.is_some() {
        return false;
    }
    // The last part of the surname: a bare "Hart" is read off "Adeyemi-Hart" too.
    let last = |s: &Speaker| {
        s.name
            .split(|c: char| c.is_whitespace() || c == '-')
            .rfind(|w| !w.is_empty())
            .map(fold)
    };
    last(a) == last(b)
}

fn build_group(
    texts: &[&str],
    quotations: &[Quotation],
    words: &[Vec<QWord>],
    mentions: Vec<usize>,
) -> QuoteGroup {
    let fullest = (0..mentions.len())
        .max_by(|&a, &b| {
            words[mentions[a]]
                .len()
                .cmp(&words[mentions[b]].len())
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let reference = &words[mentions[fullest]];
    let ref_text = texts[quotations[mentions[fullest]].article];
    let mut drift = Vec::new();
    for (k, &m) in mentions.iter().enumerate() {
        if k == fullest {
            continue;
        }
        let q = &quotations[m];
        if let Some(d) = word_diff(ref_text, reference, texts[q.article], &words[m]) {
            drift.push(Drift {
                mention: k,
                diff: d.0,
                cut: d.1,
                changed: d.2,
            });
        }
    }
    // The speaker most mentions give; a tie goes to a named actor, then to the first.
    let mut counts: Vec<(&Speaker, usize, usize)> = Vec::new();
    for (k, &m) in mentions.iter().enumerate() {
        if let Some(s) = &quotations[m].speaker {
            match counts.iter_mut().find(|c| same_speaker(c.0, s)) {
                Some(c) => {
                    c.1 += 1;
                    // The fullest form of the name speaks for all: an actor over a bare name.
                    if c.0.actor.is_none() && s.actor.is_some() {
                        c.0 = s;
                    }
                }
                None => counts.push((s, 1, k)),
            }
        }
    }
    let speakers_disagree = counts.len() > 1;
    let speaker = counts
        .iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.0.actor.is_some().cmp(&b.0.actor.is_some()))
                .then(b.2.cmp(&a.2))
        })
        .map(|c| c.0.clone());
    let mut articles: Vec<usize> = mentions.iter().map(|&m| quotations[m].article).collect();
    articles.dedup();
    QuoteGroup {
        mentions,
        fullest,
        speaker,
        drift,
        speakers_disagree,
        articles,
    }
}

/// The word diff from the fullest wording to another, or `None` when the words are the same:
/// (diff, cut, changed). Words missing before the first or after the last shared word are a
/// cut (`…`), not a change.
fn word_diff(
    ref_text: &str,
    reference: &[QWord],
    text: &str,
    other: &[QWord],
) -> Option<(String, bool, bool)> {
    let ka: Vec<&str> = reference.iter().map(|w| w.key.as_str()).collect();
    let kb: Vec<&str> = other.iter().map(|w| w.key.as_str()).collect();
    if ka == kb {
        return None;
    }
    let ops = similar::capture_diff_slices(Algorithm::Myers, &ka, &kb);
    let first_equal = ops.iter().position(|o| o.tag() == DiffTag::Equal);
    let last_equal = ops.iter().rposition(|o| o.tag() == DiffTag::Equal);
    let mut parts: Vec<String> = Vec::new();
    let mut cut = false;
    let mut changed = false;
    let join = |ws: &[QWord], r: std::ops::Range<usize>, t: &str| words_as_written(&ws[r], t);
    for (i, op) in ops.iter().enumerate() {
        let (tag, old, new) = op.as_tag_tuple();
        let outside = first_equal.is_none_or(|f| i < f) || last_equal.is_none_or(|l| i > l);
        match tag {
            DiffTag::Equal => parts.push(join(other, new, text)),
            DiffTag::Delete if outside => {
                cut = true;
                parts.push("…".into());
            }
            DiffTag::Delete => {
                changed = true;
                parts.push(format!("[-{}-]", join(reference, old, ref_text)));
            }
            DiffTag::Insert => {
                changed = true;
                parts.push(format!("{{+{}+}}", join(other, new, text)));
            }
            DiffTag::Replace => {
                changed = true;
                if outside {
                    cut = true;
                }
                parts.push(format!(
                    "[-{}-]{{+{}+}}",
                    join(reference, old, ref_text),
                    join(other, new, text)
                ));
            }
        }
    }
    Some((parts.join(" "), cut, changed))
}

/// Words as the text writes them: the punctuation between two words of one part kept ("equality,
/// freedom", "self-determination"), a space between parts.
fn words_as_written(ws: &[QWord], text: &str) -> String {
    let mut out = String::new();
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            let gap = &text[ws[i - 1].span.end..w.span.start];
            let inside = !gap.is_empty()
                && gap.chars().count() <= 3
                && !gap.contains(['\n', '“', '”', '"', '«', '»', '‘']);
            out.push_str(if inside { gap } else { " " });
        }
        out.push_str(w.span.slice(text));
    }
    out
}

#[cfg(test)]
mod tests;
