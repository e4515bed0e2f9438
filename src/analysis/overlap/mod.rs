//! Overlapping passages between two articles (see DESIGN.md, "Finding overlapping passages").
//!
//! The pipeline, each step in its own module:
//! 1. [`prepare`]: words with byte spans, folded match keys, quotations, sentences;
//! 2. [`seed`]: every maximal run of equal words, found through hashed k-grams, in any order;
//! 3. [`chain`]: runs made one-to-one, chained across small edits, kept when long and dense
//!    enough (or a verbatim quote);
//! 4. [`quoted`]: the sentences that hold one quotation, however short it is in them;
//! 5. [`sentence`]: sentence pairs with high weighted content-word overlap (paraphrases, and
//!    edited sentences whose shared runs are too short to chain);
//! 6. [`diff`]: the changed words inside each pair, for inline highlighting.

mod chain;
mod diff;
mod facts;
mod lexicon;
mod prepare;
mod quantities;
mod quoted;
mod seed;
mod sentence;
mod stem;
// Its writing half serves build.rs (and the test that checks the embedded table).
#[allow(dead_code)]
mod synonym_table;

pub use facts::{Evidence, EvidenceKind, describe as describe_evidence};
pub use prepare::Prepared;
pub(crate) use quantities::{Figure, scan_all as scan_all_figures};

use super::{Side, Span};
use serde::{Deserialize, Serialize};

/// `[compare]` in the config: how passages are found.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverlapConfig {
    /// Shortest passage kept, in words (a shorter verbatim quote still counts).
    pub min_words: usize,
    /// Length of the word k-grams that seed passages; shorter shared stretches are not seen.
    pub seed_words: usize,
    /// Shortest verbatim quotation kept when it is shorter than `min_words`.
    pub min_quote_words: usize,
    /// Most words between two shared stretches, on each side, for them to form one passage.
    pub max_gap: usize,
    /// Weighted content-word overlap (cosine, 0–1) for two sentences to be paired as a
    /// paraphrase; 0 turns the sentence layer off.
    pub paraphrase_threshold: f64,
}

impl Default for OverlapConfig {
    /// The values `assets/default-config.toml` documents (a test keeps the two equal).
    fn default() -> Self {
        OverlapConfig {
            min_words: 5,
            seed_words: 3,
            min_quote_words: 3,
            max_gap: 8,
            paraphrase_threshold: 0.23,
        }
    }
}

/// How closely a passage's two sides agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// The same words after normalization.
    Exact,
    /// Small edits inside.
    Near,
    /// Same content words, different wording.
    Paraphrase,
    /// The same quotation (or part of it) in sentences that otherwise differ.
    Quote,
}

impl PassageKind {
    /// The lowercase name used in JSON and exports.
    pub fn name(self) -> &'static str {
        match self {
            PassageKind::Exact => "exact",
            PassageKind::Near => "near",
            PassageKind::Paraphrase => "paraphrase",
            PassageKind::Quote => "quote",
        }
    }
}

/// A passage both articles carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Where it is in the left article.
    pub left: Span,
    /// Where it is in the right article.
    pub right: Span,
    /// How closely the sides agree.
    pub kind: PassageKind,
    /// Number of words (on the left side).
    pub words: usize,
    /// Words of the left side that differ from the right (empty for `exact`).
    pub left_changed: Vec<Span>,
    /// Words of the right side that differ from the left (empty for `exact`).
    pub right_changed: Vec<Span>,
    /// What the two sides share, for a passage found by the sentence (fact) layer: figures,
    /// names, words; empty for the others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Passage {
    /// The same passage seen from the other side: left and right exchanged.
    fn mirror(&mut self) {
        std::mem::swap(&mut self.left, &mut self.right);
        std::mem::swap(&mut self.left_changed, &mut self.right_changed);
        for e in &mut self.evidence {
            std::mem::swap(&mut e.left, &mut e.right);
        }
        // Evidence is listed kind by kind, each in the left side's reading order.
        let mut kinds = Vec::new();
        for e in &self.evidence {
            if !kinds.contains(&e.kind) {
                kinds.push(e.kind);
            }
        }
        self.evidence.sort_by_key(|e| {
            let kind = kinds.iter().position(|&k| k == e.kind);
            (kind, e.left.start)
        });
    }

    /// Where the passage is in one side's article.
    pub fn span(&self, side: Side) -> Span {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    /// The words of one side that differ from the other side.
    pub fn changed(&self, side: Side) -> &[Span] {
        match side {
            Side::Left => &self.left_changed,
            Side::Right => &self.right_changed,
        }
    }
}

/// Everything two articles share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Shared passages, ordered by their left start.
    pub passages: Vec<Passage>,
    /// Symmetric similarity in [0, 1] from the shared content words.
    pub similarity: f64,
}

impl Alignment {
    /// Number of passages of each kind.
    pub fn counts(&self) -> KindCounts {
        let n = |k| self.passages.iter().filter(|p| p.kind == k).count();
        KindCounts {
            exact: n(PassageKind::Exact),
            near: n(PassageKind::Near),
            paraphrase: n(PassageKind::Paraphrase),
            quote: n(PassageKind::Quote),
        }
    }
}

/// Number of passages of each kind in an [`Alignment`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// `exact` passages.
    pub exact: usize,
    /// `near` passages.
    pub near: usize,
    /// `paraphrase` passages.
    pub paraphrase: usize,
    /// `quote` passages.
    pub quote: usize,
}

/// Finds the passages `left` and `right` share.
pub fn align(left: &str, right: &str, cfg: &OverlapConfig) -> Alignment {
    let (l, r) = prepare_pair(left, right);
    align_prepared(&l, &r, cfg)
}

/// Prepares both texts, side by side on two threads when they are long.
pub fn prepare_pair(left: &str, right: &str) -> (Prepared, Prepared) {
    super::both_sides(
        left.len() + right.len(),
        || Prepared::new(left),
        || Prepared::new(right),
    )
}

/// Sentence pairs whose words agree at least this much (in order) are `near`, below it
/// `paraphrase`.
const NEAR_RATIO: f64 = 0.6;

/// [`align`] for texts prepared once with [`Prepared::new`] (cheaper when one article is
/// compared with many). The offsets refer to the texts the two were prepared from.
pub fn align_prepared(left: &Prepared, right: &Prepared, cfg: &OverlapConfig) -> Alignment {
    // Several steps settle ties by position on one side (runs kept one to one, sentence
    // pairing), so in repetitive text the passages could depend on which article is on the
    // left. Aligning in one canonical order and mirroring makes a swap (`w`) show exactly the
    // same passages, and `similarity` symmetric.
    if !goes_first(right, left) {
        return align_ordered(left, right, cfg);
    }
    let mut a = align_ordered(right, left, cfg);
    for p in &mut a.passages {
        p.mirror();
        // `words` counts the left side's words, which is now the other text.
        let w = &left.words;
        let first = w.partition_point(|x| (x.start as usize) < p.left.start);
        let past = w.partition_point(|x| (x.start as usize) < p.left.end);
        p.words = past - first;
    }
    a.passages
        .sort_by_key(|p| (p.left.start, p.right.start, p.left.end, p.right.end));
    a
}

/// Whether `a` comes strictly before `b` in the order alignments are computed in: fewer
/// words first, then by the words' keys.
fn goes_first(a: &Prepared, b: &Prepared) -> bool {
    match a.words.len().cmp(&b.words.len()) {
        std::cmp::Ordering::Equal => {
            let keys = |p: &Prepared| p.words.iter().map(|w| w.key).collect::<Vec<_>>();
            keys(a) < keys(b)
        }
        o => o.is_lt(),
    }
}

fn align_ordered(left: &Prepared, right: &Prepared, cfg: &OverlapConfig) -> Alignment {
    let (lw, rw) = (&left.words, &right.words);
    if lw.is_empty() || rw.is_empty() {
        return Alignment {
            passages: Vec::new(),
            similarity: 0.0,
        };
    }
    let mut drafts = if lw.iter().map(|w| w.key).eq(rw.iter().map(|w| w.key)) {
        // The same words throughout: one passage, however short the texts.
        vec![chain::Draft {
            l: 0..lw.len(),
            r: 0..rw.len(),
            exact: true,
            sentences: false,
            quote: false,
            evidence: Vec::new(),
        }]
    } else {
        let seed = cfg.seed_words.max(1);
        let runs = seed::exact_runs(lw, rw, seed);
        let runs = chain::one_to_one(runs, lw.len(), rw.len(), seed);
        let mut drafts = Vec::new();
        for c in chain::chains(&runs, left, right, cfg) {
            chain::accept(&c, left, right, cfg, &mut drafts);
        }
        drafts.sort_by_key(|d| d.l.start);
        let mut quotes = quoted::settle(quoted::links(left, right), &mut drafts, left, right);
        sentence::pair_sentences(left, right, &mut drafts, &mut quotes, cfg);
        // A sentence link inside a quotation link says nothing more.
        let inside = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
            b.start <= a.start && a.end <= b.end
        };
        drafts.retain(|d| {
            !d.sentences
                || !quotes
                    .iter()
                    .any(|q| inside(&d.l, &q.l) && inside(&d.r, &q.r))
        });
        drafts.extend(quotes);
        drafts
    };
    // The whole span settles ties: two quotations may open at the same place on both sides,
    // and their order must not depend on which side was computed first.
    drafts.sort_by_key(|d| (d.l.start, d.r.start, d.l.end, d.r.end));
    let passages: Vec<Passage> = drafts.iter().map(|d| finish(d, left, right)).collect();
    let passages = reuse_one_to_one(passages);
    let similarity = similarity(left, right, &drafts);
    Alignment {
        passages,
        similarity,
    }
}

/// Keeps reused text one to one: of exact and near passages that cover the same words on one
/// side (sentence links in repetitive text can settle as near on both of two counterparts),
/// the longest stays. Paraphrases and quotation links may share a sentence: one fact can be
/// told, one statement quoted, in two places.
fn reuse_one_to_one(passages: Vec<Passage>) -> Vec<Passage> {
    use std::collections::BTreeMap;
    let overlaps = |taken: &BTreeMap<usize, usize>, s: Span| {
        taken
            .range(..s.end)
            .next_back()
            .is_some_and(|(_, &end)| end > s.start)
    };
    let mut order: Vec<usize> = (0..passages.len())
        .filter(|&i| {
            !matches!(
                passages[i].kind,
                PassageKind::Paraphrase | PassageKind::Quote
            )
        })
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(passages[i].words), passages[i].left.start));
    let mut keep = vec![true; passages.len()];
    let (mut left, mut right) = (BTreeMap::new(), BTreeMap::new());
    for i in order {
        let p = &passages[i];
        if overlaps(&left, p.left) || overlaps(&right, p.right) {
            keep[i] = false;
        } else {
            left.insert(p.left.start, p.left.end);
            right.insert(p.right.start, p.right.end);
        }
    }
    passages
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect()
}

/// Settles a draft's kind and inline differences.
fn finish(d: &chain::Draft, left: &Prepared, right: &Prepared) -> Passage {
    let (lspan, rspan) = (left.byte_span(&d.l), right.byte_span(&d.r));
    let words = d.l.len();
    if d.exact {
        return Passage {
            left: lspan,
            right: rspan,
            kind: PassageKind::Exact,
            words,
            left_changed: Vec::new(),
            right_changed: Vec::new(),
            evidence: Vec::new(),
        };
    }
    let ch = diff::changes(&left.words, d.l.clone(), &right.words, d.r.clone());
    let kind = if ch.left.is_empty() && ch.right.is_empty() {
        PassageKind::Exact
    } else if d.quote && !d.sentences {
        // From the quotation layer: reused text that was most of both sides would have kept
        // its own passage, so the sentences differ around the quotation.
        PassageKind::Quote
    } else if !d.sentences || 2.0 * ch.equal as f64 >= NEAR_RATIO * (d.l.len() + d.r.len()) as f64 {
        PassageKind::Near
    } else if d.quote {
        PassageKind::Quote
    } else {
        PassageKind::Paraphrase
    };
    let (left_changed, right_changed) =
        if matches!(kind, PassageKind::Paraphrase | PassageKind::Quote) {
            diff::unshared(&left.words, d.l.clone(), &right.words, d.r.clone())
        } else {
            (ch.left, ch.right)
        };
    Passage {
        left: lspan,
        right: rspan,
        kind,
        words,
        left_changed,
        right_changed,
        evidence: d.evidence.clone(),
    }
}

/// How alike two articles are, in [0, 1], symmetric: the mean of two views. Text reuse: the
/// share of content words that lie in shared passages (1 for the same text). Topic: the cosine
/// of the two articles' content-word stems, so that two reports of one story written in
/// different words still score clearly above two unrelated stories.
fn similarity(left: &Prepared, right: &Prepared, drafts: &[chain::Draft]) -> f64 {
    (reuse(left, right, drafts) + topic(left, right)) / 2.0
}

/// Share of all content words (both sides) that lie in a passage and whose stem the passage's
/// other side also has: 1 for the same text, 0 when nothing is shared.
fn reuse(left: &Prepared, right: &Prepared, drafts: &[chain::Draft]) -> f64 {
    let total = left.content_in(0..left.words.len()) + right.content_in(0..right.words.len());
    if total == 0 {
        return if drafts.is_empty() { 0.0 } else { 1.0 };
    }
    let shared_in = |mine: &[prepare::Word], theirs: &[prepare::Word]| {
        let mut stems: Vec<u64> = theirs.iter().map(|w| w.stem).filter(|&s| s != 0).collect();
        stems.sort_unstable();
        mine.iter()
            .filter(|w| w.is_content() && stems.binary_search(&w.stem).is_ok())
            .count()
    };
    let shared: usize = drafts
        .iter()
        .map(|d| {
            let (l, r) = (&left.words[d.l.clone()], &right.words[d.r.clone()]);
            shared_in(l, r) + shared_in(r, l)
        })
        .sum();
    (shared as f64 / total as f64).clamp(0.0, 1.0)
}

/// Cosine of the content-stem frequency vectors, with sublinear counts (1 + ln n) so that a
/// name repeated twenty times does not outweigh everything else.
fn topic(left: &Prepared, right: &Prepared) -> f64 {
    let counts = |p: &Prepared| {
        let mut stems: Vec<u64> = p
            .words
            .iter()
            .filter(|w| w.is_content())
            .map(|w| w.stem)
            .collect();
        stems.sort_unstable();
        let mut out: Vec<(u64, f64)> = Vec::new();
        for s in stems {
            match out.last_mut() {
                Some((last, n)) if *last == s => *n += 1.0,
                _ => out.push((s, 1.0)),
            }
        }
        for (_, n) in &mut out {
            *n = 1.0 + n.ln();
        }
        out
    };
    let (a, b) = (counts(left), counts(right));
    let norm = |v: &[(u64, f64)]| v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    let (na, nb) = (norm(&a), norm(&b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    (super::sparse_dot(&a, &b) / (na * nb)).clamp(0.0, 1.0)
}
