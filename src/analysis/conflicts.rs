//! Where the outlets disagree: figures, dates and speakers that differ between articles about
//! one event.
//!
//! A disagreement is only reported with evidence that the two values are about the same
//! thing, because a false disagreement costs a reader's trust more than a missed one:
//! - figures: the two sentences are linked by the overlap layer (reused text or a paraphrase)
//!   and the figures are the counterparts in them (same unit, same counted noun, or the only
//!   figure of that unit on each side); or, without a link, they count the same noun with the
//!   same verb ("12 people were killed" / "killed nine people"), or give the age of the same
//!   named person. Values are compared as ranges ([`Figure::compatible`]), so "about 40" and
//!   "41" agree and "several hundred thousand" and "millions" do not. A figure whose frame has
//!   several values in one article (a total and its parts) is never compared without a link.
//! - dates: a timeline entry (one happening) whose reports give days that cannot all be true.
//! - speakers: a quotation attributed to different people by different articles.
//!
//! A "story" here is a group of article indexes given by the caller.

use super::Span;
use super::events::{Event, TimelineEntry};
use super::extract::ActorsAndEvents;
use super::overlap::{self, Alignment, Figure, OverlapConfig, Prepared, scan_all_figures};
use crate::text::fold;
use serde::Serialize;

/// What kind of thing differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// A number with its unit: a count, a duration, an amount, an age.
    Figure,
    /// The date of one happening.
    Date,
    /// Who said a quotation.
    Speaker,
}

impl ConflictKind {
    /// The lowercase name used in JSON and exports.
    pub fn name(self) -> &'static str {
        match self {
            ConflictKind::Figure => "figure",
            ConflictKind::Date => "date",
            ConflictKind::Speaker => "speaker",
        }
    }
}

/// One article's version of the thing that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictValue {
    /// Index of the article (in the texts given).
    pub article: usize,
    /// The words as written ("an hour and a half", "in 2015").
    pub text: String,
    /// The value, normalised ("90 minutes", "2015").
    pub value: String,
    /// Where the words are in the article.
    pub span: Span,
}

/// A thing the articles of one story report differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Index of the story (the group of articles) it was found in.
    pub story: usize,
    /// What kind of thing differs.
    pub kind: ConflictKind,
    /// What differs, in words: "people killed", "age of Ana Berg", "duration of the call".
    pub about: String,
    /// Each article's version, by article then offset.
    pub values: Vec<ConflictValue>,
}

impl Conflict {
    /// Whether one of its values lies in `article` and overlaps `span`.
    pub fn touches(&self, article: usize, span: Span) -> bool {
        self.values
            .iter()
            .any(|v| v.article == article && v.span.overlaps(&span))
    }
}

/// One figure of an article with what it is about.
#[derive(Debug, Clone)]
struct Fig {
    fig: Figure,
    /// The words, with a qualifier before ("about 40").
    span: Span,
    /// Index of its sentence in the prepared text.
    sentence: usize,
    /// Stem and text of the counted noun after it ("people" of "12 people were killed").
    head: Option<(u64, String)>,
    /// Of those, the ones that read as a past tense or participle ("killed", "hurt").
    verbs: Vec<u64>,
    /// Folded and written name of the person whose age it is.
    owner: Option<(String, String)>,
    /// A noun before it, for the label ("remand" of "remand for eight days").
    before: Option<String>,
}

/// An article prepared for comparing figures.
struct Doc<'a> {
    text: &'a str,
    prep: &'a Prepared,
    figs: Vec<Fig>,
}

/// Words around a figure read as its frame.
const CUE_WINDOW: usize = 3;

impl<'a> Doc<'a> {
    /// `prep` is `text` prepared (the alignment's own preparation, when there is one).
    fn new(text: &'a str, prep: &'a Prepared) -> Doc<'a> {
        let figures = scan_all_figures(text, &prep.words);
        let in_figure: Vec<std::ops::Range<usize>> =
            figures.iter().map(|f| f.words.clone()).collect();
        let figs = figures
            .into_iter()
            .filter_map(|fig| {
                let sentence = prep
                    .sentences
                    .partition_point(|s| s.words.end <= fig.words.start);
                let s = prep.sentences.get(sentence)?.words.clone();
                if fig.words.start < s.start
                    || part_of_date(text, prep, &fig)
                    || (fig.unit.is_empty()
                        && (in_partitive(text, prep, &s, &in_figure)
                            || is_model(text, prep, &fig, &s)))
                {
                    return None;
                }
                let words = &prep.words;
                let first = fig.words.start - fig.lead;
                let span = Span::new(
                    words[first].start as usize,
                    words[fig.words.end - 1].end as usize,
                );
                let gap = |k: usize| &text[words[k - 1].end as usize..words[k].start as usize];
                let word = |k: usize| words[k].span().slice(text);
                let plain = |k: usize| words[k].is_content() && !words[k].capital;
                // The counted noun: up to three lowercase content words right after it
                // ("14 sexual assaults"), past one "of" ("hundreds of people").
                let mut k = fig.words.end;
                if k < s.end && fold(word(k)) == "of" && gap(k).trim().is_empty() {
                    k += 1;
                }
                let from = k;
                while k < s.end
                    && k - from < 3
                    && plain(k)
                    && matches!(gap(k).trim(), "" | "-")
                    && !word(k).chars().any(|c| c.is_ascii_digit())
                    // A verb after the noun ends it: "people marched".
                    && (k == from || !(word(k).ends_with("ed") || word(k).ends_with("ing")))
                {
                    k += 1;
                }
                let head = (k > from).then(|| {
                    (
                        words[k - 1].stem,
                        text[words[from].start as usize..words[k - 1].end as usize].to_string(),
                    )
                });
                // A count is shown with what it counts ("12 people").
                let span = if fig.unit.is_empty() && k > from {
                    Span::new(span.start, words[k - 1].end as usize)
                } else {
                    span
                };
                let around: Vec<usize> = (first.saturating_sub(CUE_WINDOW).max(s.start)..first)
                    .chain(k..(k + CUE_WINDOW).min(s.end))
                    .filter(|&j| plain(j))
                    .collect();
                let mut verbs: Vec<u64> = around
                    .iter()
                    .filter(|&&j| is_past(&fold(word(j))))
                    .map(|&j| words[j].stem)
                    .collect();
                verbs.sort_unstable();
                verbs.dedup();
                let before = (first.saturating_sub(4).max(s.start)..first)
                    .rev()
                    .find(|&j| {
                        let w = fold(word(j));
                        plain(j)
                            && w.len() > 2
                            && !w.ends_with("ed")
                            && !w.ends_with("ing")
                            && !w.ends_with("ly")
                    })
                    .map(|j| word(j).to_string());
                let owner = (fig.unit == "age")
                    .then(|| owner_of(text, prep, &fig, &s))
                    .flatten();
                Some(Fig {
                    span,
                    sentence,
                    head,
                    verbs,
                    owner,
                    before,
                    fig,
                })
            })
            .collect();
        Doc { text, prep, figs }
    }

    /// Stems of a sentence's content words, sorted, distinct.
    fn stems(&self, sentence: usize) -> Vec<u64> {
        let mut v: Vec<u64> = self.prep.words[self.prep.sentences[sentence].words.clone()]
            .iter()
            .filter(|w| w.is_content())
            .map(|w| w.stem)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Stems of the names in a sentence (capitalised words that do not open it).
    fn names(&self, sentence: usize) -> Vec<u64> {
        let s = self.prep.sentences[sentence].words.clone();
        let mut v: Vec<u64> = self.prep.words[s]
            .iter()
            .skip(1)
            .filter(|w| w.capital && w.is_content())
            .map(|w| w.stem)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Indexes of the sentences that overlap `span`.
    fn sentences_in(&self, span: Span) -> Vec<usize> {
        // Sentences are in text order and do not overlap: a binary search finds the first,
        // so a long pair's thousands of passages do not each walk every sentence.
        let sentences = &self.prep.sentences;
        let first = sentences.partition_point(|s| s.bytes.end <= span.start);
        (first..sentences.len())
            .take_while(|&i| sentences[i].bytes.start < span.end)
            .filter(|&i| span.start < sentences[i].bytes.end)
            .collect()
    }
}

/// Whether a bare number is part of a date ("Feb. 27", "27 March", "in 2015"), not a count.
fn part_of_date(text: &str, prep: &Prepared, fig: &Figure) -> bool {
    if !fig.unit.is_empty() || fig.vague {
        return false;
    }
    let month = |k: usize| {
        prep.words.get(k).is_some_and(|w| {
            let f = fold(w.span().slice(text));
            f.len() >= 3
                && crate::analysis::dates::scan::MONTHS
                    .iter()
                    .any(|m| *m == f || (f.len() <= 4 && m.starts_with(&f)))
        })
    };
    let day = fig.low.fract() == 0.0 && (1.0..=31.0).contains(&fig.low);
    let year = fig.low.fract() == 0.0 && (1800.0..=2100.0).contains(&fig.low);
    let digits = text.as_bytes()[prep.words[fig.words.start].start as usize].is_ascii_digit();
    (day && (fig.words.start > 0 && month(fig.words.start - 1) || month(fig.words.end)))
        || (year && digits && fig.words.len() == 1)
}

/// Whether a sentence counts a part of a whole ("21 of the 276 girls", "four of them"): its
/// counts are a part and a total, which other reports split differently.
fn in_partitive(
    text: &str,
    prep: &Prepared,
    s: &std::ops::Range<usize>,
    figures: &[std::ops::Range<usize>],
) -> bool {
    let word = |k: usize| fold(prep.words[k].span().slice(text));
    // The last word of a figure, or a word like "some" or "most".
    let number = |k: usize| figures.iter().any(|f| f.end == k + 1) || quantities_word(&word(k));
    (s.start..s.end.saturating_sub(2)).any(|k| {
        number(k)
            && word(k + 1) == "of"
            && (figures.iter().any(|f| f.start == k + 2)
                || matches!(
                    word(k + 2).as_str(),
                    "the" | "them" | "those" | "these" | "their" | "its" | "all" | "us"
                ))
    })
}

/// Number words, for [`in_partitive`].
fn quantities_word(w: &str) -> bool {
    matches!(
        w,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "some"
            | "most"
            | "many"
            | "half"
    )
}

/// Whether a bare number names a model, a flight or a mission ("Boeing 747", "Flight 1943",
/// "Apollo 11"): right after a capitalised word that does not open the sentence.
fn is_model(text: &str, prep: &Prepared, fig: &Figure, s: &std::ops::Range<usize>) -> bool {
    let k = fig.words.start;
    if k <= s.start + 1 || fig.lead > 0 {
        return k > s.start && k == s.start + 1 && prep.words[s.start].capital && {
            let gap = &text[prep.words[k - 1].end as usize..prep.words[k].start as usize];
            gap.trim().is_empty()
                && !text[prep.words[k].span().start..].starts_with(char::is_alphabetic)
        };
    }
    let gap = &text[prep.words[k - 1].end as usize..prep.words[k].start as usize];
    prep.words[k - 1].capital
        && gap.trim().is_empty()
        && text.as_bytes()[prep.words[k].start as usize].is_ascii_digit()
}

/// Irregular past forms that count people or things in news reports.
const IRREGULAR_PAST: &[&str] = &[
    "hurt", "held", "shot", "lost", "fled", "left", "found", "slain", "taken", "struck", "hit",
    "sent", "sold", "spent", "paid", "won", "bought", "caught", "freed",
];

/// Whether a folded word reads as a past tense or participle: what a count is counted with
/// ("killed", "injured", "hurt"), as opposed to a noun near it ("streets").
fn is_past(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || IRREGULAR_PAST.contains(&w)
}

/// The person a figure gives the age of: "Ana Berg, 42," or "the 42-year-old Ana Berg".
fn owner_of(
    text: &str,
    prep: &Prepared,
    fig: &Figure,
    s: &std::ops::Range<usize>,
) -> Option<(String, String)> {
    let words = &prep.words;
    let gap = |k: usize| &text[words[k - 1].end as usize..words[k].start as usize];
    let name_word = |k: usize| words[k].capital && words[k].is_content();
    let start = fig.words.start;
    let (from, to) = if start > s.start && gap(start).trim() == "," {
        // Capitalised words right before the comma, not the sentence's opening word alone.
        let mut k = start;
        while k > s.start && start - k < 3 && name_word(k - 1) {
            k -= 1;
            if k == s.start || !gap(k).trim().is_empty() {
                break;
            }
        }
        (k, start)
    } else {
        // "42-year-old Ana Berg": at least two capitalised words (one could be a demonym).
        let mut k = fig.words.end;
        while k < s.end && k - fig.words.end < 3 && name_word(k) && gap(k).trim().is_empty() {
            k += 1;
        }
        if k - fig.words.end < 2 {
            return None;
        }
        (fig.words.end, k)
    };
    if to <= from || (from == s.start && to - from < 2) {
        return None;
    }
    let written = text[words[from].start as usize..words[to - 1].end as usize].to_string();
    Some((fold(&written), written))
}

/// Disjoint sets over figure ids.
struct Sets(Vec<usize>);

impl Sets {
    fn root(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        self.0[x] = r;
        r
    }
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        self.0[ra.max(rb)] = ra.min(rb);
    }
}

/// Two figures found to be about the same thing, with a label when they differ.
struct Pairing {
    a: (usize, usize),
    b: (usize, usize),
    about: String,
}

/// What a unit measures, for labels.
fn dimension(unit: &str) -> &'static str {
    match unit {
        "min" | "d" | "mo" => "duration",
        "m" | "mi" | "ft" | "inch" => "length",
        "kg" | "lb" => "weight",
        "%" => "percentage",
        "$" | "£" | "€" | "¥" => "amount",
        "age" => "age",
        _ => "number",
    }
}

/// The label of two figures found to be about the same thing.
fn label(a: &Fig, b: &Fig, da: &Doc) -> String {
    if let (Some((_, wa)), Some((_, wb))) = (&a.owner, &b.owner) {
        return format!("age of {}", if wb.len() > wa.len() { wb } else { wa });
    }
    let dim = dimension(a.fig.unit);
    if let Some((_, noun)) = a.head.as_ref().or(b.head.as_ref()) {
        if a.fig.unit.is_empty() {
            // "people killed": the counted noun and the verb both sentences count it with.
            let verb = shared_verb(a, da).filter(|v| {
                let stem = overlap_stem(v);
                b.verbs.contains(&stem)
            });
            return match verb {
                Some(v) => format!("{noun} {v}"),
                None => noun.clone(),
            };
        }
        return format!("{dim} of the {noun}");
    }
    match a.before.as_ref().or(b.before.as_ref()) {
        Some(noun) if dim != "number" => format!("{dim} of the {}", noun.to_lowercase()),
        _ => dim.to_string(),
    }
}

/// A past participle among the words right around a figure ("killed", "injured").
fn shared_verb(f: &Fig, d: &Doc) -> Option<String> {
    let s = d.prep.sentences[f.sentence].words.clone();
    let words = &d.prep.words;
    let first = f.fig.words.start - f.fig.lead;
    (first.saturating_sub(CUE_WINDOW).max(s.start)..first)
        .chain(f.fig.words.end..(f.fig.words.end + 5).min(s.end))
        .map(|j| fold(words[j].span().slice(d.text)))
        .find(|w| is_past(w))
}

fn overlap_stem(word: &str) -> u64 {
    Prepared::new(word).words.first().map_or(0, |w| w.stem)
}

/// Pairs the figures of two linked sentences: counterparts share a unit and a counted noun,
/// or are the only figures of their unit on each side.
fn pair_sentences(
    da: &Doc,
    sa: usize,
    db: &Doc,
    sb: usize,
    loose: bool,
    out: &mut Vec<(usize, usize)>,
) {
    // Counts in sentences linked only by their content (a paraphrase) must also be counted
    // with the same verb: "the 21 were freed" and "exchanged for four" count other things.
    let verb = |f: &Fig, g: &Fig| f.verbs.iter().any(|v| g.verbs.contains(v));
    let fa: Vec<usize> = (0..da.figs.len())
        .filter(|&i| da.figs[i].sentence == sa)
        .collect();
    let fb: Vec<usize> = (0..db.figs.len())
        .filter(|&i| db.figs[i].sentence == sb)
        .collect();
    let mut units: Vec<&str> = fa.iter().map(|&i| da.figs[i].fig.unit).collect();
    units.sort_unstable();
    units.dedup();
    for unit in units {
        let mut xa: Vec<usize> = fa
            .iter()
            .copied()
            .filter(|&i| da.figs[i].fig.unit == unit)
            .collect();
        let mut xb: Vec<usize> = fb
            .iter()
            .copied()
            .filter(|&i| db.figs[i].fig.unit == unit)
            .collect();
        let head = |f: &Fig| f.head.as_ref().map(|h| h.0);
        // First by counted noun, when it names one figure on each side.
        let mut heads: Vec<u64> = xa.iter().filter_map(|&i| head(&da.figs[i])).collect();
        heads.sort_unstable();
        heads.dedup();
        for h in heads {
            let ia: Vec<usize> = xa
                .iter()
                .copied()
                .filter(|&i| head(&da.figs[i]) == Some(h))
                .collect();
            let ib: Vec<usize> = xb
                .iter()
                .copied()
                .filter(|&i| head(&db.figs[i]) == Some(h))
                .collect();
            if ia.len() == 1
                && ib.len() == 1
                && (!loose || !unit.is_empty() || verb(&da.figs[ia[0]], &db.figs[ib[0]]))
            {
                out.push((ia[0], ib[0]));
                xa.retain(|&i| i != ia[0]);
                xb.retain(|&i| i != ib[0]);
            }
        }
        // Then the only figure of the unit left on each side, unless they count other nouns
        // or give the ages of other people.
        if let ([x], [y]) = (xa.as_slice(), xb.as_slice()) {
            let (f, g) = (&da.figs[*x], &db.figs[*y]);
            // A count says what it counts on both sides, or on neither ("killed 12").
            let other_nouns = if unit.is_empty() {
                head(f) != head(g) || ((loose || head(f).is_none()) && !verb(f, g))
            } else {
                head(f).is_some() && head(g).is_some() && head(f) != head(g)
            };
            let other_people = match (&f.owner, &g.owner) {
                (Some(p), Some(q)) => !same_person(&p.0, &q.0),
                _ => false,
            };
            if !other_nouns && !other_people {
                out.push((*x, *y));
            }
        }
    }
}

/// Whether two folded names name one person: the same name, or a surname alone and a full
/// name ending with it.
fn same_person(a: &str, b: &str) -> bool {
    let last = |s: &str| s.rsplit(' ').next().unwrap_or("").to_string();
    a == b || (!a.contains(' ') || !b.contains(' ')) && last(a) == last(b)
}

/// Dice coefficient of two sorted stem lists.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Sentence pairs the alignment links: each passage's sentences, paired by their words when
/// a passage holds several.
fn linked_sentences(da: &Doc, db: &Doc, alignment: &Alignment) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for p in &alignment.passages {
        let loose = p.kind == overlap::PassageKind::Paraphrase;
        let (la, lb) = (da.sentences_in(p.left), db.sentences_in(p.right));
        if let ([a], [b]) = (la.as_slice(), lb.as_slice()) {
            out.push((*a, *b, loose));
            continue;
        }
        for &a in &la {
            let sa = da.stems(a);
            let best = lb
                .iter()
                .map(|&b| (dice(&sa, &db.stems(b)), b))
                .max_by(|x, y| x.0.total_cmp(&y.0));
            if let Some((score, b)) = best
                && score >= 0.5
            {
                out.push((a, b, loose));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Sentences count a figure the same way when they share a name or many words.
const SAME_SENTENCE_DICE: f64 = 0.25;

/// Figures of two articles about the same thing: counterparts in linked sentences, the same
/// frame (counted noun and verb, one value per article), or the age of the same person.
fn pairings(da: &Doc, db: &Doc, alignment: &Alignment) -> Vec<((usize, usize), String)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let linked = linked_sentences(da, db, alignment);
    let is_linked: rustc_hash::FxHashSet<(usize, usize)> =
        linked.iter().map(|&(a, b, _)| (a, b)).collect();
    for &(sa, sb, loose) in &linked {
        pair_sentences(da, sa, db, sb, loose, &mut pairs);
    }
    // One value per frame in each article, or the frame is a total and its parts.
    let single = |d: &Doc, f: &Fig| {
        d.figs.iter().all(|g| {
            g.fig.unit != f.fig.unit
                || g.head.as_ref().map(|h| h.0) != f.head.as_ref().map(|h| h.0)
                || g.fig.compatible(&f.fig)
        })
    };
    for (i, f) in da.figs.iter().enumerate() {
        for (j, g) in db.figs.iter().enumerate() {
            if f.fig.unit != g.fig.unit || is_linked.contains(&(f.sentence, g.sentence)) {
                continue;
            }
            let frame = match (&f.owner, &g.owner) {
                (Some(p), Some(q)) => same_person(&p.0, &q.0),
                _ => {
                    let (Some(hf), Some(hg)) = (&f.head, &g.head) else {
                        continue;
                    };
                    hf.0 == hg.0
                        && f.verbs.iter().any(|c| g.verbs.contains(c))
                        && (dice(&da.names(f.sentence), &db.names(g.sentence)) > 0.0
                            || dice(&da.stems(f.sentence), &db.stems(g.sentence))
                                >= SAME_SENTENCE_DICE)
                }
            };
            if frame && single(da, f) && single(db, g) {
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|(i, j)| ((i, j), label(&da.figs[i], &db.figs[j], da)))
        .collect()
}

/// Figures that differ between articles of each story. `groups[k]` lists the indexes (into
/// `texts`) of story `k`'s articles; each pair in a group is aligned with `cfg`.
pub fn figures(texts: &[&str], groups: &[Vec<usize>], cfg: &OverlapConfig) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (story, group) in groups.iter().enumerate() {
        let preps: Vec<Prepared> = group.iter().map(|&a| Prepared::new(texts[a])).collect();
        let docs: Vec<Doc> = group
            .iter()
            .zip(&preps)
            .map(|(&a, prep)| Doc::new(texts[a], prep))
            .collect();
        let mut found: Vec<Pairing> = Vec::new();
        for x in 0..docs.len() {
            for y in x + 1..docs.len() {
                let alignment = overlap::align_prepared(docs[x].prep, docs[y].prep, cfg);
                for ((i, j), about) in pairings(&docs[x], &docs[y], &alignment) {
                    found.push(Pairing {
                        a: (x, i),
                        b: (y, j),
                        about,
                    });
                }
            }
        }
        out.extend(settle(&docs, group, story, found));
    }
    out
}

/// Figures that differ between two articles already aligned (the pair a comparison shows);
/// article 0 is `left`, 1 is `right`, and the story is 0.
pub fn pair_figures(left: &str, right: &str, alignment: &Alignment) -> Vec<Conflict> {
    let (l, r) = overlap::prepare_pair(left, right);
    pair_figures_prepared((left, &l), (right, &r), alignment)
}

/// [`pair_figures`] of two texts already prepared (each text with its [`Prepared`], as the
/// alignment prepared it), so a comparison does not prepare them twice.
pub fn pair_figures_prepared(
    left: (&str, &Prepared),
    right: (&str, &Prepared),
    alignment: &Alignment,
) -> Vec<Conflict> {
    let (l, r) = super::both_sides(
        left.0.len() + right.0.len(),
        || Doc::new(left.0, left.1),
        || Doc::new(right.0, right.1),
    );
    let docs = [l, r];
    let found = pairings(&docs[0], &docs[1], alignment)
        .into_iter()
        .map(|((i, j), about)| Pairing {
            a: (0, i),
            b: (1, j),
            about,
        })
        .collect();
    settle(&docs, &[0, 1], 0, found)
}

/// Joins pairings that share a figure and keeps the groups where two values cannot both be
/// true.
fn settle(docs: &[Doc], group: &[usize], story: usize, found: Vec<Pairing>) -> Vec<Conflict> {
    let offsets: Vec<usize> = docs
        .iter()
        .scan(0, |acc, d| {
            let o = *acc;
            *acc += d.figs.len();
            Some(o)
        })
        .collect();
    let id = |(d, i): (usize, usize)| offsets[d] + i;
    let total = docs.iter().map(|d| d.figs.len()).sum();
    let mut sets = Sets((0..total).collect());
    for p in &found {
        sets.join(id(p.a), id(p.b));
    }
    let fig = |(d, i): (usize, usize)| &docs[d].figs[i];
    let mut conflicts: Vec<(usize, Conflict)> = Vec::new();
    for p in &found {
        if fig(p.a).fig.compatible(&fig(p.b).fig) {
            continue;
        }
        let root = sets.root(id(p.a));
        if conflicts.iter().any(|(r, _)| *r == root) {
            continue;
        }
        let mut members: Vec<(usize, usize)> = found
            .iter()
            .flat_map(|q| [q.a, q.b])
            .filter(|&m| sets.root(id(m)) == root)
            .collect();
        members.sort_unstable_by_key(|&(d, i)| (group[d], fig((d, i)).span.start));
        members.dedup();
        let values = members
            .into_iter()
            .map(|(d, i)| {
                let f = fig((d, i));
                ConflictValue {
                    article: group[d],
                    text: f.span.slice(docs[d].text).to_string(),
                    value: f.fig.describe(),
                    span: f.span,
                }
            })
            .collect();
        conflicts.push((
            root,
            Conflict {
                story,
                kind: ConflictKind::Figure,
                about: p.about.clone(),
                values,
            },
        ));
    }
    conflicts.into_iter().map(|(_, c)| c).collect()
}

/// Words of a sentence shown in a label.
const LABEL_WORDS: usize = 8;

/// The first `n` words of `s`, with "…" when there were more.
fn shorten(s: &str, n: usize) -> String {
    let mut it = s.split_whitespace();
    let head: Vec<&str> = it.by_ref().take(n).collect();
    let mut out = head.join(" ");
    if it.next().is_some() {
        out.push('…');
    }
    out
}

/// Dates that differ: the timeline entries (one happening each) whose reports in one story's
/// articles give days that cannot all be true. `events` and `timeline` are the corpus'
/// (article indexes into `texts`).
pub fn dates(
    texts: &[&str],
    events: &[Event],
    timeline: &[TimelineEntry],
    groups: &[Vec<usize>],
) -> Vec<Conflict> {
    let overlap = |a: &Event, b: &Event| match (a.start_date, a.end_date, b.start_date, b.end_date)
    {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
        _ => a.date == b.date,
    };
    let mut out = Vec::new();
    for (story, group) in groups.iter().enumerate() {
        for entry in timeline.iter().filter(|t| t.conflict) {
            let members: Vec<&Event> = entry
                .events
                .iter()
                .map(|&k| &events[k])
                .filter(|e| group.contains(&e.article) && e.date.is_some())
                .collect();
            // The same words resolved against other publication dates ("next month" in a
            // wire story printed a month later) are not two accounts.
            let differ = members.iter().enumerate().any(|(i, a)| {
                members[i + 1..].iter().any(|b| {
                    a.article != b.article
                        && !overlap(a, b)
                        && fold(&a.expression) != fold(&b.expression)
                })
            });
            if !differ {
                continue;
            }
            let mut values: Vec<ConflictValue> = members
                .iter()
                .map(|e| ConflictValue {
                    article: e.article,
                    text: e.expression.clone(),
                    value: e.when().unwrap_or_default(),
                    span: e.span,
                })
                .collect();
            values.sort_by_key(|v| (v.article, v.span.start));
            let first = members
                .iter()
                .min_by_key(|e| (e.article, e.span.start))
                .map(|e| e.sentence.slice(texts[e.article]))
                .unwrap_or_default();
            out.push(Conflict {
                story,
                kind: ConflictKind::Date,
                about: format!("date of “{}”", shorten(first, LABEL_WORDS)),
                values,
            });
        }
    }
    out
}

/// Dates that differ between two articles (0 is `left`, 1 is `right`), each read against
/// its own publication date: what a comparison of the pair shows.
pub fn pair_dates(
    left: (&str, Option<chrono::NaiveDate>),
    right: (&str, Option<chrono::NaiveDate>),
) -> Vec<Conflict> {
    let xs = super::extract::extract_pair(left, right);
    let pairs = [(left.0, &xs[0]), (right.0, &xs[1])];
    let found = super::extract::assemble(&pairs, &Default::default());
    pair_dates_found(left.0, right.0, &found)
}

/// [`pair_dates`] from the pair's extractions already assembled (`assemble` of the left,
/// then the right extraction, without aliases), which the quotations of a comparison need too.
pub fn pair_dates_found(left: &str, right: &str, found: &ActorsAndEvents) -> Vec<Conflict> {
    dates(
        &[left, right],
        &found.events,
        &found.timeline,
        &[vec![0, 1]],
    )
}

/// One article's copy of a quotation, for [`speakers`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCopy {
    /// Index of the article.
    pub article: usize,
    /// Where the quotation is.
    pub span: Span,
    /// The quotation as this article prints it.
    pub text: String,
    /// Who this article says said it.
    pub speaker: Option<String>,
}

/// A quotation found in several articles (a quotation group), for [`speakers`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteGroup {
    /// The quotation's words (its first copy).
    pub text: String,
    /// Its copies.
    pub copies: Vec<QuoteCopy>,
}

/// Quotations that different articles of one story attribute to different people. Copies
/// without a speaker say nothing against one with a speaker and are left out; speakers are
/// compared folded, and a surname alone agrees with the full name ending with it.
pub fn speakers(quotes: &[QuoteGroup], groups: &[Vec<usize>]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (story, group) in groups.iter().enumerate() {
        for q in quotes {
            let copies: Vec<&QuoteCopy> = q
                .copies
                .iter()
                .filter(|c| c.speaker.is_some() && group.contains(&c.article))
                .collect();
            let who = |c: &QuoteCopy| fold(c.speaker.as_deref().unwrap_or_default());
            let differ = copies.iter().enumerate().any(|(i, a)| {
                copies[i + 1..]
                    .iter()
                    .any(|b| a.article != b.article && !same_person(&who(a), &who(b)))
            });
            if !differ {
                continue;
            }
            let mut values: Vec<ConflictValue> = copies
                .iter()
                .map(|c| ConflictValue {
                    article: c.article,
                    text: c.text.clone(),
                    value: c.speaker.clone().unwrap_or_default(),
                    span: c.span,
                })
                .collect();
            values.sort_by_key(|v| (v.article, v.span.start));
            out.push(Conflict {
                story,
                kind: ConflictKind::Speaker,
                about: format!("speaker of “{}”", shorten(&q.text, LABEL_WORDS)),
                values,
            });
        }
    }
    out
}

/// Everything that differs in one story's pair of articles, figures first, then dates, each
/// in text order of the left article.
pub fn between_pair(
    left: (&str, Option<chrono::NaiveDate>),
    right: (&str, Option<chrono::NaiveDate>),
    alignment: &Alignment,
) -> Vec<Conflict> {
    // Figures and dates are found apart: side by side when the texts are long.
    let (mut out, dates) = super::both_sides(
        left.0.len() + right.0.len(),
        || pair_figures(left.0, right.0, alignment),
        || pair_dates(left, right),
    );
    out.extend(dates);
    sort(&mut out);
    out
}

/// Orders conflicts by story, then by where their first value stands.
pub fn sort(conflicts: &mut [Conflict]) {
    conflicts.sort_by_key(|c| {
        let first = c.values.first().map(|v| (v.article, v.span.start));
        (c.story, first, c.kind)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn between(a: &str, b: &str) -> Vec<(String, Vec<(String, String)>)> {
        let cfg = OverlapConfig::default();
        figures(&[a, b], &[vec![0, 1]], &cfg)
            .into_iter()
            .map(|c| {
                (
                    c.about,
                    c.values.into_iter().map(|v| (v.text, v.value)).collect(),
                )
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_reused_sentence_with_another_count_differs() {
        let a = "The ferry struck the pier at dawn. Officials said 12 people were killed and 30 were hurt in the crash near the harbour.";
        let b = "Officials said nine people were killed and 30 were hurt in the crash near the harbour. The ferry line apologised.";
        assert_eq!(
            between(a, b),
            [(
                "people killed".to_string(),
                pairs(&[("12 people", "12"), ("nine people", "9")])
            )]
        );
    }

    #[test]
    fn same_quantity_in_other_words_agrees() {
        let a = "The two ministers held a 1.5-hour call on Tuesday about the grain corridor.";
        let b = "The ministers spoke for an hour and a half on Tuesday about the grain corridor.";
        assert!(between(a, b).is_empty());
        let c = "The ministers spoke for two hours on Tuesday about the grain corridor.";
        assert_eq!(
            between(a, c),
            [(
                "duration of the call".to_string(),
                pairs(&[("1.5-hour", "90 minutes"), ("two hours", "120 minutes")])
            )]
        );
    }

    #[test]
    fn vague_amounts_differ_only_when_they_cannot_both_be_true() {
        let a = "Organisers said several hundred thousand people marched through the capital on Sunday.";
        let b = "Organisers said millions of people marched through the capital on Sunday.";
        assert_eq!(
            between(a, b),
            [(
                "people marched".to_string(),
                pairs(&[
                    ("several hundred thousand people", "300,000–999,000"),
                    ("millions of people", "2,000,000–1,000,000,000")
                ])
            )]
        );
        let c = "Organisers said about 400,000 people marched through the capital on Sunday.";
        assert!(between(a, c).is_empty());
        let d = "Organisers said about 40 people marched through the capital on Sunday.";
        let e = "Organisers said 41 people marched through the capital on Sunday.";
        assert!(between(d, e).is_empty());
    }

    #[test]
    fn ages_of_one_person_differ_anywhere_in_the_story() {
        let a = "Customs seized the cargo at the border.\nThe driver, Tomas Renko, 42, was held overnight.";
        let b = "A 45-year-old Tomas Renko was named as the driver. Nothing else was found in the lorry.";
        assert_eq!(
            between(a, b),
            [(
                "age of Tomas Renko".to_string(),
                pairs(&[("42", "aged 42"), ("45-year-old", "aged 45")])
            )]
        );
        // Two people of one family are not one person.
        let c = "A 45-year-old Mira Renko was named as the driver. Nothing else was found in the lorry.";
        assert!(between(a, c).is_empty());
    }

    #[test]
    fn counts_of_different_things_do_not_differ() {
        // Linked sentences, but the figures count other nouns.
        let a = "Rescuers pulled 14 miners from the shaft after the collapse on Friday.";
        let b = "Rescuers pulled 3 ponies from the shaft after the collapse on Friday.";
        assert!(between(a, b).is_empty());
        // No link and other verbs: injured is not killed.
        let c = "The storm killed 12 people across the province, officials said.";
        let d = "At least 40 people were injured when the roof of the depot gave way.";
        assert!(between(c, d).is_empty());
        // The same noun near the same place word, but no verb in common: other deployments.
        let e = "Last winter the state sent thousands of extra officers onto the streets.";
        let f = "This winter the city is putting 900 officers on the streets.";
        assert!(between(e, f).is_empty());
    }

    #[test]
    fn parts_models_and_loose_links_are_not_compared() {
        let a =
            "Twenty of the 250 pupils taken from the school were freed on Monday, officials said.";
        let b = "Officials said 20 pupils taken from the school were freed on Monday.";
        assert!(between(a, b).is_empty());
        let c =
            "The rocket lifts more than a fully laden Corvan 310 jet, the company said on Monday.";
        let d =
            "The rocket lifts more than a fully laden Corvan 320 jet, the company said on Monday.";
        assert!(between(c, d).is_empty());
        let e = "The 21 were freed before dawn in the border town of Karu, the army said.";
        let f = "The girls were exchanged for four militants in the border town of Karu, the army said.";
        assert!(between(e, f).is_empty());
    }

    #[test]
    fn days_and_years_are_not_counts() {
        let a =
            "The chief resigned over the Feb. 27 collapse of the quay, which injured 4 workers.";
        let b = "The chief resigned over the quay collapse in 2019 that injured five others.";
        assert!(between(a, b).is_empty());
    }

    #[test]
    fn a_subtotal_is_not_a_disagreement() {
        // The first article gives a total and its parts; the second only the total.
        let a = "The floods killed 20 people in the valley. In the town of Brill, the floods killed 6 people, police said.";
        let b = "Police said the floods killed 20 people in the valley over the weekend.";
        assert!(between(a, b).is_empty());
        // Same frame without a link, but one article holds two values: not compared.
        let c = "The floods killed 20 people. Later the floods killed 6 people more in Brill.";
        let d = "Rain fell again on Monday as the floods killed 26 people, the agency said.";
        assert!(between(c, d).is_empty());
    }

    #[test]
    fn the_same_count_without_a_link_differs_when_noun_and_verb_agree() {
        let a = "Hospital staff in Varno said 12 people were killed in the blast.";
        let b = "The blast in Varno killed nine people and shattered windows for blocks.";
        assert_eq!(
            between(a, b),
            [(
                "people killed".to_string(),
                pairs(&[("12 people", "12"), ("nine people", "9")])
            )]
        );
    }

    #[test]
    fn speakers_of_one_quotation_differ() {
        let copy = |article, speaker: Option<&str>| QuoteCopy {
            article,
            span: Span::new(10, 30),
            text: "we will rebuild the bridge".into(),
            speaker: speaker.map(str::to_string),
        };
        let group = QuoteGroup {
            text: "we will rebuild the bridge".into(),
            copies: vec![
                copy(0, Some("Mayor Ilse Marten")),
                copy(1, Some("Karl Obst")),
                copy(2, None),
            ],
        };
        let found = speakers(std::slice::from_ref(&group), &[vec![0, 1, 2]]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ConflictKind::Speaker);
        assert_eq!(found[0].about, "speaker of “we will rebuild the bridge”");
        let v: Vec<(usize, &str)> = found[0]
            .values
            .iter()
            .map(|v| (v.article, v.value.as_str()))
            .collect();
        assert_eq!(v, [(0, "Mayor Ilse Marten"), (1, "Karl Obst")]);
        // A surname alone agrees with the full name; a missing speaker says nothing.
        let agree = QuoteGroup {
            copies: vec![
                copy(0, Some("Ilse Marten")),
                copy(1, Some("Marten")),
                copy(2, None),
            ],
            ..group
        };
        assert!(speakers(&[agree], &[vec![0, 1, 2]]).is_empty());
    }
}
