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
    // Squared weight of each stem: rarer across all sentences of both texts weighs more.
    let w2: FxHashMap<u64, f64> = df
        .iter()
        .map(|(&s, &n)| (s, (1.0 + total / f64::from(n)).ln().powi(2)))
        .collect();
    let weight2 = |s: &u64| w2.get(s).copied().unwrap_or(0.0);
    let to_bag = |stems: Vec<u64>| {
        let norm = stems.iter().map(weight2).sum::<f64>().sqrt();
        Bag { stems, norm }
    };
    let lb: Vec<Bag> = lb.into_iter().map(to_bag).collect();
    let rb: Vec<Bag> = rb.into_iter().map(to_bag).collect();
    let lown = owners(&left.sentences, drafts, |d| &d.l);
    let rown = owners(&right.sentences, drafts, |d| &d.r);
    // Free right sentences by stem, for the free left sentences to look up.
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (ri, bag) in rb.iter().enumerate() {
        if bag.stems.len() < MIN_SENTENCE_CONTENT || !rown[ri].0.is_empty() || rown[ri].1 {
            continue;
        }
        for &s in &bag.stems {
            // Sentence indexes fit in u32: fewer sentences than bytes in an importable file.
            postings.entry(s).or_default().push(ri as u32);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut consider = |li: usize, ri: usize, dot: f64, shared: usize| {
        let (lbag, rbag) = (&lb[li], &rb[ri]);
        let cosine = dot / (lbag.norm * rbag.norm);
        // Half the content words of the longer sentence must be shared: a name and a title
        // in common make two sentences about one person, not one statement.
        let covers = shared * 2 >= lbag.stems.len().max(rbag.stems.len());
        if shared >= MIN_SHARED && covers && cosine >= threshold {
            candidates.push((cosine, li, ri));
        }
    };
    let mut dot: FxHashMap<u32, (f64, usize)> = FxHashMap::default();
    for (li, bag) in lb.iter().enumerate() {
        if bag.stems.len() < MIN_SENTENCE_CONTENT || lown[li].1 {
            continue;
        }
        if let Some(&d) = lown[li].0.first() {
            // A sentence holding passages can only pair with the sentence holding their
            // other sides.
            let draft = &drafts[d];
            let ri = right
                .sentences
                .partition_point(|s| s.words.end <= draft.r.start);
            let whole = |p: &Prepared, i: usize, r: &std::ops::Range<usize>| {
                p.sentences.get(i).is_some_and(|s| s.words == *r)
            };
            let nothing_to_add =
                lown[li].0.len() == 1 && whole(left, li, &draft.l) && whole(right, ri, &draft.r);
            if ri < rb.len()
                && !nothing_to_add
                && rb[ri].stems.len() >= MIN_SENTENCE_CONTENT
                && same_owners(li, ri, &lown, &rown)
            {
                let (d, shared) = weighted_overlap(&bag.stems, &rb[ri].stems, &weight2);
                consider(li, ri, d, shared);
            }
            continue;
        }
        dot.clear();
        for s in &bag.stems {
            let Some(list) = postings.get(s).filter(|l| l.len() <= MAX_POSTINGS) else {
                continue;
            };
            let w = weight2(s);
            for &ri in list {
                let e = dot.entry(ri).or_default();
                e.0 += w;
                e.1 += 1;
            }
        }
        for (&ri, &(d, shared)) in &dot {
            consider(li, ri as usize, d, shared);
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

/// Sum of squared weights of the stems two sorted lists share, and how many they share.
fn weighted_overlap(a: &[u64], b: &[u64], weight2: &impl Fn(&u64) -> f64) -> (f64, usize) {
    let (mut i, mut j, mut dot, mut shared) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += weight2(&a[i]);
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (dot, shared)
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
