//! The sentence layer: pairs of sentences that say the same thing in other words.
//!
//! Each sentence becomes a set of content-word stems weighted by rarity across both texts
//! (a name in one sentence weighs more than the story's subject, which is in every sentence).
//! Sentence pairs whose weighted overlap (cosine) reaches the threshold are paired one to one,
//! best first. A pair is taken only when it does not cut across passages already found: both
//! sentences must be free, or hold exactly the same passages (which the sentence pair then
//! absorbs, so "X said on Friday" and "X said today" read as one edited sentence).

use super::OverlapConfig;
use super::chain::Draft;
use super::prepare::{Prepared, Sentence};
use rustc_hash::FxHashMap;

/// Sentences with fewer content words than this are too short to judge ("He left.").
const MIN_SENTENCE_CONTENT: usize = 3;
/// Two sentences must share at least this many content stems.
const MIN_SHARED: usize = 3;
/// A stem in more sentences than this is not looked up (it is in most of them anyway, and
/// looking it up would make the work quadratic).
const MAX_POSTINGS: usize = 400;

/// One side's sentence as weighted stems.
struct Bag {
    /// Sorted, distinct stems.
    stems: Vec<u64>,
    norm: f64,
}

fn bags(p: &Prepared) -> Vec<Vec<u64>> {
    p.sentences
        .iter()
        .map(|s| {
            let mut stems: Vec<u64> = p.words[s.words.clone()]
                .iter()
                .filter(|w| w.is_content())
                .map(|w| w.stem)
                .collect();
            stems.sort_unstable();
            stems.dedup();
            stems
        })
        .collect()
}

/// Indexes of the drafts that touch each sentence, and whether one of them reaches outside it.
fn owners(
    sentences: &[Sentence],
    drafts: &[Draft],
    side: impl Fn(&Draft) -> &std::ops::Range<usize>,
) -> Vec<(Vec<usize>, bool)> {
    let mut out: Vec<(Vec<usize>, bool)> = vec![(Vec::new(), false); sentences.len()];
    for (d, draft) in drafts.iter().enumerate() {
        let range = side(draft);
        let first = sentences.partition_point(|s| s.words.end <= range.start);
        for (si, s) in sentences.iter().enumerate().skip(first) {
            if s.words.start >= range.end {
                break;
            }
            out[si].0.push(d);
            if range.start < s.words.start || range.end > s.words.end {
                out[si].1 = true;
            }
        }
    }
    out
}

/// Adds the sentence pairs to `drafts` (removing the drafts they absorb).
pub(crate) fn pair_sentences(
    left: &Prepared,
    right: &Prepared,
    drafts: &mut Vec<Draft>,
    cfg: &OverlapConfig,
) {
    let threshold = cfg.paraphrase_threshold;
    if !(threshold > 0.0 && threshold <= 1.0) || left.sentences.is_empty() {
        return;
    }
    let (lb, rb) = (bags(left), bags(right));
    let total = (lb.len() + rb.len()) as f64;
    let mut df: FxHashMap<u64, u32> = FxHashMap::default();
    for bag in lb.iter().chain(&rb) {
        for &s in bag {
            *df.entry(s).or_default() += 1;
        }
    }
    let weight = |s: &u64| {
        let n = f64::from(df.get(s).copied().unwrap_or(1));
        (1.0 + total / n).ln()
    };
    let to_bag = |stems: Vec<u64>| {
        let norm = stems.iter().map(|s| weight(s).powi(2)).sum::<f64>().sqrt();
        Bag { stems, norm }
    };
    let lb: Vec<Bag> = lb.into_iter().map(to_bag).collect();
    let rb: Vec<Bag> = rb.into_iter().map(to_bag).collect();
    let lown = owners(&left.sentences, drafts, |d| &d.l);
    let rown = owners(&right.sentences, drafts, |d| &d.r);
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (ri, bag) in rb.iter().enumerate() {
        if bag.stems.len() < MIN_SENTENCE_CONTENT || rown[ri].1 {
            continue;
        }
        for &s in &bag.stems {
            // Sentence indexes fit in u32: fewer sentences than bytes in an importable file.
            postings.entry(s).or_default().push(ri as u32);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut dot: FxHashMap<u32, (f64, usize)> = FxHashMap::default();
    for (li, bag) in lb.iter().enumerate() {
        if bag.stems.len() < MIN_SENTENCE_CONTENT || lown[li].1 {
            continue;
        }
        dot.clear();
        for s in &bag.stems {
            let Some(list) = postings.get(s).filter(|l| l.len() <= MAX_POSTINGS) else {
                continue;
            };
            let w2 = weight(s).powi(2);
            for &ri in list {
                let e = dot.entry(ri).or_default();
                e.0 += w2;
                e.1 += 1;
            }
        }
        for (&ri, &(d, shared)) in &dot {
            let ri = ri as usize;
            let cosine = d / (bag.norm * rb[ri].norm);
            // Half the content words of the longer sentence must be shared: a name and a
            // title in common make two sentences about one person, not one statement.
            let covers = shared * 2 >= bag.stems.len().max(rb[ri].stems.len());
            if shared >= MIN_SHARED
                && covers
                && cosine >= threshold
                && same_owners(li, ri, &lown, &rown)
            {
                candidates.push((cosine, li, ri));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut left_used = vec![false; lb.len()];
    let mut right_used = vec![false; rb.len()];
    let mut absorbed = vec![false; drafts.len()];
    let mut added = Vec::new();
    for (_, li, ri) in candidates {
        if left_used[li] || right_used[ri] {
            continue;
        }
        left_used[li] = true;
        right_used[ri] = true;
        for &d in &lown[li].0 {
            absorbed[d] = true;
        }
        added.push(Draft {
            l: left.sentences[li].words.clone(),
            r: right.sentences[ri].words.clone(),
            exact: false,
            sentences: true,
        });
    }
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        !absorbed[i - 1]
    });
    drafts.extend(added);
}

/// Whether the two sentences hold exactly the same drafts (possibly none), each lying inside
/// both sentences.
fn same_owners(
    li: usize,
    ri: usize,
    lown: &[(Vec<usize>, bool)],
    rown: &[(Vec<usize>, bool)],
) -> bool {
    !lown[li].1 && !rown[ri].1 && lown[li].0 == rown[ri].0
}
