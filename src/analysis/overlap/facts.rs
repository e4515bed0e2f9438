//! Fact alignment: the evidence that two sentences, written independently, state the same
//! proposition, and the score that weighs it.
//!
//! Reporters reword everything but a few things: the figures (normalised by [`quantities`]),
//! the names of the people and places, and some rare content words — or a synonym of them
//! (from the [`lexicon`]). Each sentence becomes a bag of such tokens, each weighted by how
//! rare it is among the sentences of both texts (a name in one sentence weighs more than the
//! story's subject, which is in every sentence); two sentences score by the weighted cosine of
//! their bags, a synonym counting for part of a shared word.
//!
//! [`quantities`]: super::quantities
//! [`lexicon`]: super::lexicon

use super::lexicon;
use super::prepare::{BREAK_COMMA, BREAK_STRONG, Prepared, Sentence};
use super::stem;
use crate::analysis::Span;
use crate::analysis::dates::scan::{MONTHS, WEEKDAYS};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// What a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    /// The same number and unit ("30 cm" / "30 centimetres").
    Figure,
    /// The same name (a capitalised word that does not merely start the sentence), role or
    /// institution ("police").
    Actor,
    /// The same content word (by stem).
    Word,
    /// Two words the lexicon calls synonyms, or a word and a more general one.
    Synonym,
    /// The same quotation (words in quotation marks on at least one side).
    Quote,
}

impl EvidenceKind {
    /// The lowercase name used in JSON and exports.
    pub fn name(self) -> &'static str {
        match self {
            EvidenceKind::Figure => "figure",
            EvidenceKind::Actor => "actor",
            EvidenceKind::Word => "word",
            EvidenceKind::Synonym => "synonym",
            EvidenceKind::Quote => "quote",
        }
    }
}

/// One thing both sides of a paraphrase passage share, with where it stands on each side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// What is shared.
    pub kind: EvidenceKind,
    /// Where it is in the left article.
    pub left: Span,
    /// Where it is in the right article.
    pub right: Span,
}

/// How a token entered a sentence's bag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Actor,
    /// One of the most frequent English words.
    Common,
    /// A figure; `true` when it has a unit, scale or currency.
    Figure(bool),
    /// A person's age ("a 42-year-old", "Anna Berg, 42,"): it says who someone is, like a
    /// name, not what happened to them.
    Age,
}

/// Distinguishes figure keys from stem hashes.
const FIGURE_SALT: u64 = 0x5bd1_e995_9e37_79b9;

/// A token of a sentence's bag, with the words it came from.
#[derive(Debug, Clone)]
struct Token {
    key: u64,
    kind: Kind,
    /// Word indexes of its first occurrence in the sentence.
    words: std::ops::Range<usize>,
}

/// One sentence as evidence tokens, sorted by key, distinct.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bag {
    tokens: Vec<Token>,
    /// Length of the weighted vector.
    norm: f64,
    /// Squared weight of the words the lexicon knows: all that synonyms can add to.
    synonymous2: f64,
}

impl Bag {
    /// Number of distinct tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token keys, for an inverted index.
    pub fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.tokens.iter().map(|t| t.key)
    }
}

/// A synonym counts for this share of a shared word. Reporters who retell a fact swap its
/// verbs and nouns for synonyms far more often than for unrelated words that WordNet happens
/// to relate, so a synonym is nearly as good as the word itself (0.7 missed retold facts;
/// 1.0 links sentences on a loose sense of one word).
const SYNONYM_CREDIT: f64 = 0.9;
/// A figure with a unit weighs this much more than a word of the same rarity: numbers survive
/// rewording, so sharing one is strong evidence.
const FIGURE_BOOST: f64 = 1.6;
/// Names weigh a little less than other words of the same rarity: a report names its people
/// in many sentences, and sharing a name makes two sentences about one person, not one fact.
const ACTOR_WEIGHT: f64 = 0.8;
/// The most frequent English words weigh this much of a word of the same rarity. Rarity
/// already weighs them down; halving them again lost facts whose wording is plain ("for the
/// first time", "was found").
const COMMON_WEIGHT: f64 = 0.7;
/// A bare number ("12") weighs this much more.
const BARE_FIGURE_BOOST: f64 = 1.2;

/// A sentence of at least this many words with three capitals in four is a Title Case
/// headline.
const TITLE_CASE_WORDS: usize = 4;

/// The bags of every unit (sentence, and clause of a long sentence) of both texts, with the
/// token weights.
pub(crate) struct Bags {
    pub left: Vec<Bag>,
    pub right: Vec<Bag>,
    /// The sentence of each left unit.
    pub left_sentence: Vec<u32>,
    /// The sentence of each right unit.
    pub right_sentence: Vec<u32>,
    /// The unit of each whole left sentence.
    pub left_first: Vec<usize>,
    /// The unit of each whole right sentence.
    pub right_first: Vec<usize>,
    /// Squared weight and kind of each token (a name on either side is a name on both).
    info: FxHashMap<u64, (f64, Kind)>,
}

/// The tokens of each sentence of `p`.
fn tokens(p: &Prepared) -> Vec<Vec<Token>> {
    // Stems written with a capital inside a sentence somewhere in the text: names, even where
    // they open a sentence.
    let mut named: Vec<u64> = Vec::new();
    let mut in_figure = vec![false; p.words.len()];
    for f in &p.figures {
        for x in &mut in_figure[f.words.clone()] {
            *x = true;
        }
    }
    for s in &p.sentences {
        let words = &p.words[s.words.clone()];
        // A headline in Title Case capitalises every word: none of them is a name for it.
        let capitals = words.iter().filter(|w| w.capital).count();
        if words.len() >= TITLE_CASE_WORDS && capitals * 4 >= words.len() * 3 {
            continue;
        }
        for w in words.iter().skip(1) {
            if w.capital && w.is_content() {
                named.push(w.stem);
            }
        }
    }
    named.sort_unstable();
    named.dedup();
    // Months and weekdays are capitalised but name no one.
    let calendar: Vec<u64> = MONTHS
        .iter()
        .chain(WEEKDAYS.iter())
        .map(|w| stem::hash_str(stem::stem(w)).max(1))
        .collect();
    let mut figures = p.figures.iter().peekable();
    p.sentences
        .iter()
        .map(|s| {
            let mut out: Vec<Token> = Vec::new();
            for i in s.words.clone() {
                let w = &p.words[i];
                if !w.is_content() || in_figure[i] {
                    continue;
                }
                let next = p.words[i + 1..s.words.end].first();
                // A role, and the word right before it that says which one ("crane
                // operator"; not across punctuation: "until further notice", officials).
                let role = lexicon::is_role(w.key)
                    || next.is_some_and(|n| {
                        n.is_content() && n.start == w.end + 1 && lexicon::is_role(n.key)
                    });
                // A particle inside a name ("van der Berg", "da Silveira").
                let short = |x: &super::prepare::Word| !x.capital && x.end - x.start <= 3;
                let particle = short(w)
                    && p.words[i + 1..s.words.end]
                        .iter()
                        .take(2)
                        .find(|n| !short(n))
                        .is_some_and(|n| n.capital && named.binary_search(&n.stem).is_ok());
                let name = w.capital
                    && named.binary_search(&w.stem).is_ok()
                    && !calendar.contains(&w.stem);
                let kind = if name || role || particle {
                    Kind::Actor
                } else if lexicon::is_common(w.stem) {
                    Kind::Common
                } else {
                    Kind::Word
                };
                out.push(Token {
                    key: w.stem,
                    kind,
                    words: i..i + 1,
                });
            }
            while let Some(f) = figures.next_if(|f| f.words.start < s.words.end) {
                if f.words.start >= s.words.start {
                    out.push(Token {
                        key: f.key ^ FIGURE_SALT,
                        kind: if f.unit == "age" {
                            Kind::Age
                        } else {
                            Kind::Figure(f.has_unit)
                        },
                        words: f.words.clone(),
                    });
                }
            }
            out
        })
        .collect()
}

/// Sentences shorter than this (words) are not split into clauses.
const CLAUSE_SENTENCE_WORDS: usize = 16;
/// Words of the shortest clause.
const CLAUSE_WORDS: usize = 5;

/// The clauses of sentence `s` of `p` as word ranges, when it is long enough to hold several:
/// split where a semicolon, colon, dash or bracket stands, or a comma before a word that opens
/// a clause ("and", "who", "while", "adding"). Empty for a sentence of one clause.
fn clauses(p: &Prepared, s: &Sentence) -> Vec<std::ops::Range<usize>> {
    let words = s.words.clone();
    if words.len() < CLAUSE_SENTENCE_WORDS {
        return Vec::new();
    }
    let mut cuts = vec![words.start];
    for i in words.start + 1..words.end {
        let w = &p.words[i];
        let cut = w.gap == BREAK_STRONG || (w.gap == BREAK_COMMA && lexicon::opens_clause(w.key));
        let last = cuts.last().copied().unwrap_or(words.start);
        if cut && i - last >= CLAUSE_WORDS && words.end - i >= CLAUSE_WORDS {
            cuts.push(i);
        }
    }
    if cuts.len() < 2 {
        return Vec::new();
    }
    cuts.push(words.end);
    cuts.windows(2).map(|c| c[0]..c[1]).collect()
}

/// The tokens of `raw` (one sentence's) that stand in `range`, sorted by key, distinct (the
/// first occurrence of each).
fn distinct(raw: &[Token], range: &std::ops::Range<usize>) -> Vec<Token> {
    let mut out: Vec<Token> = raw
        .iter()
        .filter(|t| range.contains(&t.words.start))
        .cloned()
        .collect();
    // Stable: the first occurrence of each key stays.
    out.sort_by_key(|t| t.key);
    out.dedup_by_key(|t| t.key);
    out
}

/// The units of `p`: each sentence, followed by its clauses when it has several and `split`
/// allows it. Returns their tokens, the sentence of each, and the first unit of each sentence.
fn units(p: &Prepared, split: &[bool]) -> (Vec<Vec<Token>>, Vec<u32>, Vec<usize>) {
    let raw = tokens(p);
    let mut out = Vec::with_capacity(raw.len());
    let mut sentence_of = Vec::with_capacity(raw.len());
    let mut first = Vec::with_capacity(raw.len());
    for (si, (s, toks)) in p.sentences.iter().zip(&raw).enumerate() {
        first.push(out.len());
        out.push(distinct(toks, &s.words));
        // Sentence indexes fit in u32: fewer sentences than bytes in an importable file.
        sentence_of.push(si as u32);
        if !split.get(si).copied().unwrap_or(false) {
            continue;
        }
        for c in clauses(p, s) {
            out.push(distinct(toks, &c));
            sentence_of.push(si as u32);
        }
    }
    (out, sentence_of, first)
}

impl Bags {
    /// Builds the bags of both texts, weighting tokens by their rarity among all sentences;
    /// the sentences whose `left_split`/`right_split` flag is set also get a bag per clause.
    pub fn new(
        left: &Prepared,
        right: &Prepared,
        left_split: &[bool],
        right_split: &[bool],
    ) -> Bags {
        // Each side's units are its own: a long pair makes them on two threads.
        let ((lt, left_sentence, left_first), (rt, right_sentence, right_first)) =
            crate::analysis::both_sides(
                [left, right]
                    .iter()
                    .map(|p| p.words.last().map_or(0, |w| w.end as usize))
                    .sum(),
                || units(left, left_split),
                || units(right, right_split),
            );
        let total = (left_first.len() + right_first.len()) as f64;
        let mut df: FxHashMap<u64, (u32, Kind)> = FxHashMap::default();
        // Rarity among sentences: the first unit of each.
        for bag in left_first
            .iter()
            .map(|&u| &lt[u])
            .chain(right_first.iter().map(|&u| &rt[u]))
        {
            for t in bag {
                let e = df.entry(t.key).or_insert((0, t.kind));
                e.0 += 1;
                // A name once is a name throughout.
                if t.kind == Kind::Actor {
                    e.1 = Kind::Actor;
                }
            }
        }
        // One map for both: each token's squared weight and its kind.
        let info: FxHashMap<u64, (f64, Kind)> = df
            .into_iter()
            .map(|(k, (n, kind))| {
                let boost = match kind {
                    Kind::Figure(true) | Kind::Age => FIGURE_BOOST,
                    Kind::Figure(false) => BARE_FIGURE_BOOST,
                    Kind::Actor => ACTOR_WEIGHT,
                    Kind::Common => COMMON_WEIGHT,
                    _ => 1.0,
                };
                (
                    k,
                    (((1.0 + total / f64::from(n)).ln() * boost).powi(2), kind),
                )
            })
            .collect();
        let bag = |tokens: Vec<Token>| {
            let (mut norm2, mut synonymous2) = (0.0, 0.0);
            for t in &tokens {
                let Some(&(w2, kind)) = info.get(&t.key) else {
                    continue;
                };
                norm2 += w2;
                if kind == Kind::Word && lexicon::knows(t.key) {
                    synonymous2 += w2;
                }
            }
            Bag {
                tokens,
                norm: norm2.sqrt(),
                synonymous2,
            }
        };
        Bags {
            left: lt.into_iter().map(bag).collect(),
            right: rt.into_iter().map(bag).collect(),
            left_sentence,
            right_sentence,
            left_first,
            right_first,
            info,
        }
    }

    fn kind(&self, key: u64) -> Kind {
        self.info.get(&key).map_or(Kind::Word, |i| i.1)
    }

    /// Squared weight of a token.
    pub fn weight2(&self, key: u64) -> f64 {
        self.info.get(&key).map_or(0.0, |i| i.0)
    }

    /// The highest cosine [`Bags::score`] can give two sentences whose shared tokens weigh
    /// `dot` (sum of squared weights), plus at most `unknown` more for tokens not looked up:
    /// the rest can only add synonyms, at most [`SYNONYM_CREDIT`] times the product of the
    /// lengths of the unshared parts the lexicon knows (Cauchy–Schwarz). Pairs below the
    /// threshold need no scoring.
    pub fn best_possible(&self, li: usize, ri: usize, dot: f64, unknown: f64) -> f64 {
        let (l, r) = (&self.left[li], &self.right[ri]);
        let (a, b) = (l.norm, r.norm);
        if a == 0.0 || b == 0.0 {
            return 0.0;
        }
        let free = |bag: &Bag| (bag.norm * bag.norm - dot).clamp(0.0, bag.synonymous2);
        let free = (free(l) * free(r)).sqrt();
        (dot + unknown + SYNONYM_CREDIT * free) / (a * b)
    }

    /// How strongly left sentence `li` and right sentence `ri` state the same thing.
    /// Synonyms are not looked up when even they could not lift the pair to `threshold`.
    pub fn score(&self, li: usize, ri: usize, threshold: f64) -> Score {
        let (a, b) = (&self.left[li], &self.right[ri]);
        let mut s = Score::default();
        if a.norm == 0.0 || b.norm == 0.0 {
            return s;
        }
        let (mut i, mut j) = (0, 0);
        let mut a_free: Vec<usize> = Vec::new();
        let mut b_free: Vec<usize> = Vec::new();
        let mut dot = 0.0;
        while i < a.tokens.len() && j < b.tokens.len() {
            let (x, y) = (&a.tokens[i], &b.tokens[j]);
            match x.key.cmp(&y.key) {
                std::cmp::Ordering::Less => {
                    a_free.push(i);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    b_free.push(j);
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    dot += self.weight2(x.key);
                    s.shared += 1;
                    match self.kind(x.key) {
                        Kind::Figure(true) => s.figures += 1,
                        Kind::Actor | Kind::Age => s.actors += 1,
                        Kind::Common => s.common += 1,
                        _ => {}
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        a_free.extend(i..a.tokens.len());
        b_free.extend(j..b.tokens.len());
        if self.best_possible(li, ri, dot, 0.0) < threshold {
            s.cosine = (dot / (a.norm * b.norm)).clamp(0.0, 1.0);
            return s;
        }
        // Synonym pairs, matched one to one, strongest first; the order depends only on the
        // two words, never on which side is left, so a comparison and its swap agree.
        let mut pairs: Vec<(f64, u64, u64, usize, usize)> = Vec::new();
        for &x in &a_free {
            let t = &a.tokens[x];
            if self.kind(t.key) != Kind::Word || !lexicon::knows(t.key) {
                continue;
            }
            for &y in &b_free {
                let u = &b.tokens[y];
                if self.kind(u.key) == Kind::Word && lexicon::related(t.key, u.key) {
                    let credit = (self.weight2(t.key) * self.weight2(u.key)).sqrt();
                    pairs.push((credit, t.key.min(u.key), t.key.max(u.key), x, y));
                }
            }
        }
        pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
        let (mut used_a, mut used_b): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        for (credit, _, _, x, y) in pairs {
            if used_a.contains(&x) || used_b.contains(&y) {
                continue;
            }
            used_a.push(x);
            used_b.push(y);
            dot += SYNONYM_CREDIT * credit;
            s.synonyms += 1;
        }
        s.cosine = (dot / (a.norm * b.norm)).clamp(0.0, 1.0);
        s
    }

    /// The evidence of a sentence pair: what the two share, strongest first (figures, names,
    /// then the rarest words and synonyms), at most `max_words` words.
    pub fn evidence(
        &self,
        li: usize,
        ri: usize,
        left: &Prepared,
        right: &Prepared,
        max_words: usize,
    ) -> Vec<Evidence> {
        let (a, b) = (&self.left[li], &self.right[ri]);
        let mut found: Vec<(u8, f64, Evidence)> = Vec::new();
        let by_key: FxHashMap<u64, &Token> = b.tokens.iter().map(|t| (t.key, t)).collect();
        let mut matched_b: Vec<u64> = Vec::new();
        for t in &a.tokens {
            let Some(u) = by_key.get(&t.key) else {
                continue;
            };
            matched_b.push(u.key);
            let (rank, kind) = match self.kind(t.key) {
                Kind::Figure(_) | Kind::Age => (0, EvidenceKind::Figure),
                Kind::Actor => (1, EvidenceKind::Actor),
                Kind::Word | Kind::Common => (2, EvidenceKind::Word),
            };
            found.push((
                rank,
                self.weight2(t.key),
                Evidence {
                    kind,
                    left: left.byte_span(&t.words),
                    right: right.byte_span(&u.words),
                },
            ));
        }
        for t in &a.tokens {
            if self.kind(t.key) != Kind::Word
                || by_key.contains_key(&t.key)
                || !lexicon::knows(t.key)
            {
                continue;
            }
            if let Some(u) = b.tokens.iter().find(|u| {
                self.kind(u.key) == Kind::Word
                    && !a.tokens.iter().any(|x| x.key == u.key)
                    && !matched_b.contains(&u.key)
                    && lexicon::related(t.key, u.key)
            }) {
                matched_b.push(u.key);
                found.push((
                    2,
                    SYNONYM_CREDIT * self.weight2(t.key),
                    Evidence {
                        kind: EvidenceKind::Synonym,
                        left: left.byte_span(&t.words),
                        right: right.byte_span(&u.words),
                    },
                ));
            }
        }
        found.sort_by(|x, y| {
            x.0.cmp(&y.0)
                .then(y.1.total_cmp(&x.1))
                .then(x.2.left.start.cmp(&y.2.left.start))
        });
        let mut words = 0;
        found.retain(|(rank, _, _)| {
            if *rank < 2 {
                return true;
            }
            words += 1;
            words <= max_words
        });
        // Listed in reading order within each kind: "Harbour Commissioner", not
        // "Commissioner, Harbour".
        found.sort_by_key(|(rank, _, e)| (*rank, e.left.start));
        found.into_iter().map(|(_, _, e)| e).collect()
    }
}

/// The evidence two sentences share, summed up.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Score {
    /// Weighted cosine of the two bags (synonyms counted in part), 0–1.
    pub cosine: f64,
    /// Tokens both bags hold.
    pub shared: usize,
    /// Of which figures with a unit.
    pub figures: usize,
    /// Of which names, roles and ages: who the sentences are about, not what they say.
    pub actors: usize,
    /// Of which very common words.
    pub common: usize,
    /// Synonym pairs.
    pub synonyms: usize,
}

impl Score {
    /// The pieces of evidence: shared tokens and synonym pairs.
    pub fn evidence_count(&self) -> usize {
        self.shared + self.synonyms
    }
}

/// Words of a shared quotation shown in a passage's evidence.
const QUOTE_WORDS: usize = 6;

/// The first `words` words of `s`, with "…" when there were more.
fn shorten(s: &str, words: usize) -> String {
    let mut it = s.split_whitespace();
    let head: Vec<&str> = it.by_ref().take(words).collect();
    let mut out = head.join(" ");
    if it.next().is_some() {
        out.push('…');
    }
    out
}

/// The evidence of a passage in words, for a status line or an export: "same figure:
/// 42-year-old · same actors: Ana Lopes, police · same words: arrested ~ detained, driver".
/// `left` and `right` are the texts the passage's offsets point into.
pub fn describe(evidence: &[Evidence], left: &str, right: &str) -> String {
    let text = |e: &Evidence| {
        let (l, r) = (e.left.slice(left), e.right.slice(right));
        if e.kind == EvidenceKind::Quote {
            // A quotation can be long: its opening words identify it.
            return shorten(l, QUOTE_WORDS);
        }
        if crate::text::fold(l) == crate::text::fold(r) {
            l.to_string()
        } else {
            format!("{l} ~ {r}")
        }
    };
    let mut parts: Vec<String> = Vec::new();
    for (kinds, one, many) in [
        (&[EvidenceKind::Quote][..], "same quote", "same quotes"),
        (&[EvidenceKind::Figure][..], "same figure", "same figures"),
        (&[EvidenceKind::Actor][..], "same actor", "same actors"),
        (
            &[EvidenceKind::Word, EvidenceKind::Synonym][..],
            "same word",
            "same words",
        ),
    ] {
        let items: Vec<String> = evidence
            .iter()
            .filter(|e| kinds.contains(&e.kind))
            .map(text)
            .collect();
        if !items.is_empty() {
            let label = if items.len() == 1 { one } else { many };
            parts.push(format!("{label}: {}", items.join(", ")));
        }
    }
    parts.join(" · ")
}
