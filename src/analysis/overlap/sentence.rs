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
use super::facts::{Bags, Evidence, EvidenceKind, Score};
use super::prepare::{NO_QUOTE, Prepared, Sentence};
use crate::analysis::Span;
use rustc_hash::FxHashMap;

/// Sentences with fewer evidence tokens than this are too short to judge ("He left.").
const MIN_SENTENCE_CONTENT: usize = 3;
/// Two sentences must share at least this many tokens to be scored at all.
const MIN_SHARED: usize = 2;
/// Pieces of evidence (shared tokens, synonym pairs) a link needs.
const MIN_EVIDENCE: usize = 3;
/// Below this topic similarity (cosine of the two texts' content stems) two texts are taken
/// for different stories.
const MIN_TOPIC: f64 = 0.15;
/// The threshold for two texts on different stories (a sentence reused whole, reworded).
const UNRELATED_THRESHOLD: f64 = 0.45;
/// Shared tokens other than names (words, figures) a link needs; synonyms are not enough.
const MIN_NOT_NAMES: usize = 2;
/// Shared names (name words, roles, ages) that link two sentences even with nothing else
/// in common: three or so people, places or teams named in both.
const MANY_NAMES: usize = 5;
/// Or fewer shared names, when they make up most of both sentences' weight.
const MIN_SHARED_NAMES_ONLY: usize = 4;
/// The cosine at which shared names are most of both sentences.
const NAMES_ONLY_COSINE: f64 = 0.5;
/// A pair of units of which one is a clause must score this much above the threshold.
const CLAUSE_MARGIN: f64 = 0.1;
/// A sentence mostly made of reused text links to a sentence other than its passage's
/// partner only when their evidence clears the threshold by this much: a statement quoted by
/// both reports is often retold around the quotation by one of them, but a reused sentence
/// that merely shares the story's words says nothing new.
const REUSED_MARGIN: f64 = 0.2;
/// A sentence's further links must score at least this share of its best one. One report
/// often packs into one sentence what the other tells in two or three, each sharing only part
/// of it: the second partner scores well below the first (0.6 of it cut such links).
const NEAR_BEST: f64 = 0.4;
/// Most links of one sentence.
const MAX_LINKS: usize = 3;
/// Words a shared quotation needs to link its two sentences.
const MIN_QUOTE_WORDS: usize = 3;
/// The score of a sentence pair that holds the same quotation: above any other.
const QUOTED: f64 = 2.0;
/// Most shared words listed as a link's evidence (figures and names are always listed).
const EVIDENCE_WORDS: usize = 4;
/// A stem in more sentences than this is not looked up (it is in most of them anyway, and
/// looking it up would make the work quadratic).
const MAX_POSTINGS: usize = 400;

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

/// Whether the passages inside each sentence cover more than half its words: such a sentence
/// says what its passage's other side says, and links elsewhere only on strong evidence
/// ([`REUSED_MARGIN`]; a short reused phrase, by contrast, leaves the rest of its sentence
/// free to match elsewhere).
fn mostly_reused(
    sentences: &[Sentence],
    own: &[(Vec<usize>, bool)],
    drafts: &[Draft],
    side: impl Fn(&Draft) -> &std::ops::Range<usize>,
) -> Vec<bool> {
    sentences
        .iter()
        .zip(own)
        .map(|(s, (ds, _))| {
            let reused: usize = ds
                .iter()
                .map(|&d| {
                    let r = side(&drafts[d]);
                    r.end
                        .min(s.words.end)
                        .saturating_sub(r.start.max(s.words.start))
                })
                .sum();
            2 * reused > s.words.len()
        })
        .collect()
}

/// Adds the sentence pairs to `drafts` (removing the drafts they absorb), and to the evidence
/// of each quotation link (`quotes`) what else its sentences share.
pub(crate) fn pair_sentences(
    left: &Prepared,
    right: &Prepared,
    drafts: &mut Vec<Draft>,
    quotes: &mut [Draft],
    cfg: &OverlapConfig,
) {
    let threshold = cfg.paraphrase_threshold;
    if !(threshold > 0.0 && threshold <= 1.0) || left.sentences.is_empty() {
        return;
    }
    // Two texts on different stories share no facts: only strong links are looked for.
    let threshold = if super::topic(left, right) < MIN_TOPIC {
        threshold.max(UNRELATED_THRESHOLD)
    } else {
        threshold
    };
    let lown = owners(&left.sentences, drafts, |d| &d.l);
    let rown = owners(&right.sentences, drafts, |d| &d.r);
    let lreused = mostly_reused(&left.sentences, &lown, drafts, |d| &d.l);
    let rreused = mostly_reused(&right.sentences, &rown, drafts, |d| &d.r);
    // Only free sentences are split into clauses: one holding reused text links as a whole.
    let free = |own: &[(Vec<usize>, bool)]| -> Vec<bool> {
        own.iter().map(|(d, out)| d.is_empty() && !out).collect()
    };
    let bags = Bags::new(left, right, &free(&lown), &free(&rown));
    for q in quotes.iter_mut() {
        add_evidence(q, &bags, left, right);
    }
    let (lb, rb) = (&bags.left, &bags.right);
    let (nl, nr) = (left.sentences.len(), right.sentences.len());
    // Units (sentences and clauses) of right sentences by token, for the left units to look
    // up. A sentence holding reused text is one unit (it is not split); one that reused text
    // reaches out of is left out: it belongs to its passage.
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (ru, bag) in rb.iter().enumerate() {
        let ri = bags.right_sentence[ru] as usize;
        if bag.len() < MIN_SENTENCE_CONTENT || rown[ri].1 {
            continue;
        }
        for k in bag.keys() {
            // Unit indexes fit in u32: fewer units than bytes in an importable file.
            postings.entry(k).or_default().push(ru as u32);
        }
    }
    // The best-scoring unit pair of each sentence pair: (cosine, left unit, right unit).
    // Pairs linked by the reused text they hold score [`QUOTED`] or their cosine, and are
    // marked in `anchored`.
    let mut anchored: Vec<(usize, usize)> = Vec::new();
    let mut best: FxHashMap<(usize, usize), (f64, usize, usize)> = FxHashMap::default();
    let consider = |lu: usize,
                    ru: usize,
                    margin: f64,
                    best: &mut FxHashMap<(usize, usize), (f64, usize, usize)>| {
        let whole = lu == bags.left_first[bags.left_sentence[lu] as usize]
            && ru == bags.right_first[bags.right_sentence[ru] as usize];
        // A clause is a smaller bag, which scores higher on less: it must do better.
        let needed = margin
            + if whole {
                threshold
            } else {
                threshold + CLAUSE_MARGIN
            };
        let score = bags.score(lu, ru, needed);
        if accepts(&score, needed) {
            let key = (
                bags.left_sentence[lu] as usize,
                bags.right_sentence[ru] as usize,
            );
            let e = best.entry(key).or_insert((0.0, lu, ru));
            if score.cosine > e.0 {
                *e = (score.cosine, lu, ru);
            }
        }
    };
    let mut shared: FxHashMap<u32, (f64, usize)> = FxHashMap::default();
    for (lu, bag) in lb.iter().enumerate() {
        let li = bags.left_sentence[lu] as usize;
        if bag.len() < MIN_SENTENCE_CONTENT || lown[li].1 {
            continue;
        }
        if let Some(&d) = lown[li].0.first() {
            // A sentence holding passages pairs, as a whole, with the sentence holding their
            // other sides; and, on its evidence, with other sentences (a short reused phrase
            // does not say that the rest of the sentence has no counterpart elsewhere).
            if lu != bags.left_first[li] {
                continue;
            }
            let draft = &drafts[d];
            let ri = right
                .sentences
                .partition_point(|s| s.words.end <= draft.r.start);
            let whole = |p: &Prepared, i: usize, r: &std::ops::Range<usize>| {
                p.sentences.get(i).is_some_and(|s| s.words == *r)
            };
            let nothing_to_add =
                lown[li].0.len() == 1 && whole(left, li, &draft.l) && whole(right, ri, &draft.r);
            if ri < nr && !nothing_to_add && same_owners(li, ri, &lown, &rown) {
                let ru = bags.right_first[ri];
                // The same quotation in both: the two sentences report one statement, however
                // differently they frame it.
                let quoted = lown[li]
                    .0
                    .iter()
                    .any(|&d| shared_quote(left, right, &drafts[d]).is_some());
                if quoted {
                    best.insert((li, ri), (QUOTED, lu, ru));
                    anchored.push((li, ri));
                } else if rb[ru].len() >= MIN_SENTENCE_CONTENT {
                    consider(lu, ru, 0.0, &mut best);
                    anchored.push((li, ri));
                }
            }
        }
        shared.clear();
        let mut skipped = 0.0;
        for k in bag.keys() {
            let Some(list) = postings.get(&k) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                // Shared with most units: counted as shared with each when bounding.
                skipped += bags.weight2(k);
                continue;
            }
            let w = bags.weight2(k);
            for &ru in list {
                let e = shared.entry(ru).or_default();
                e.0 += w;
                e.1 += 1;
            }
        }
        let margin = |ri: usize| {
            if lreused[li] || rreused[ri] {
                REUSED_MARGIN
            } else {
                0.0
            }
        };
        let mut found: Vec<u32> = shared
            .iter()
            .filter(|&(&ru, &(dot, n))| {
                // Sentences that hold the same reused text were paired above.
                let ri = bags.right_sentence[ru as usize] as usize;
                let linked = lown[li].0.iter().any(|d| rown[ri].0.contains(d));
                !linked
                    && n >= MIN_SHARED
                    && bags.best_possible(lu, ru as usize, dot, skipped) >= threshold + margin(ri)
            })
            .map(|(&ru, _)| ru)
            .collect();
        found.sort_unstable();
        for ru in found {
            let ri = bags.right_sentence[ru as usize] as usize;
            consider(lu, ru as usize, margin(ri), &mut best);
        }
    }
    anchored.sort_unstable();
    let mut candidates: Vec<Candidate> = best
        .iter()
        .map(|(&(li, ri), &(score, _, _))| Candidate {
            score,
            left: li,
            right: ri,
            anchored: anchored.binary_search(&(li, ri)).is_ok(),
        })
        .collect();
    candidates.sort_by_key(|c| (c.left, c.right));
    let links = select(candidates, nl, nr);
    let mut absorbed = vec![false; drafts.len()];
    let mut added = Vec::new();
    for (li, ri) in links {
        let (_, lu, ru) = best[&(li, ri)];
        let mut evidence = Vec::new();
        // Only the link of the two sentences holding them absorbs their passages.
        let own: &[usize] = if same_owners(li, ri, &lown, &rown) {
            &lown[li].0
        } else {
            &[]
        };
        for &d in own {
            absorbed[d] = true;
            if let Some((l, r)) = shared_quote(left, right, &drafts[d]) {
                evidence.push(Evidence {
                    kind: EvidenceKind::Quote,
                    left: left.byte_span(&l),
                    right: right.byte_span(&r),
                });
            }
        }
        // Words of a shared quotation are already named by it.
        let quotes: Vec<Span> = evidence.iter().map(|e| e.left).collect();
        evidence.extend(
            bags.evidence(lu, ru, left, right, EVIDENCE_WORDS)
                .into_iter()
                .filter(|e| {
                    !quotes
                        .iter()
                        .any(|q| q.start <= e.left.start && e.left.end <= q.end)
                }),
        );
        let quote = evidence.iter().any(|e| e.kind == EvidenceKind::Quote);
        added.push(Draft {
            l: left.sentences[li].words.clone(),
            r: right.sentences[ri].words.clone(),
            exact: false,
            sentences: true,
            quote,
            evidence,
        });
    }
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        !absorbed[i - 1]
    });
    drafts.extend(added);
}

/// Adds to a quotation link's evidence what its sentences share besides the quotation.
fn add_evidence(q: &mut Draft, bags: &Bags, left: &Prepared, right: &Prepared) {
    let within = |p: &Prepared, r: &std::ops::Range<usize>| {
        let first = p.sentences.partition_point(|s| s.words.end <= r.start);
        let last = p.sentences.partition_point(|s| s.words.start < r.end);
        first..last
    };
    let quoted: Vec<Span> = q.evidence.iter().map(|e| e.left).collect();
    let mut more: Vec<Evidence> = Vec::new();
    for li in within(left, &q.l) {
        for ri in within(right, &q.r) {
            let (lu, ru) = (bags.left_first[li], bags.right_first[ri]);
            for e in bags.evidence(lu, ru, left, right, EVIDENCE_WORDS) {
                let in_quote = quoted
                    .iter()
                    .any(|s| s.start <= e.left.start && e.left.end <= s.end);
                if !in_quote && !more.iter().any(|m| m.left == e.left || m.right == e.right) {
                    more.push(e);
                }
            }
        }
    }
    q.evidence.extend(more);
}

/// The quotation a passage of reused words carries, as word ranges on each side: the words
/// of the passage inside quotation marks on one side at least (both sides hold the same words
/// there, as the passage is one run of shared words with small edits).
fn shared_quote(
    left: &Prepared,
    right: &Prepared,
    d: &Draft,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let quoted = |p: &Prepared, r: &std::ops::Range<usize>| {
        let first = r.clone().find(|&i| p.words[i].quote != NO_QUOTE)?;
        let q = p.words[first].quote;
        let end = (first..r.end)
            .find(|&i| p.words[i].quote != q)
            .unwrap_or(r.end);
        // A quotation of a word or two is not evidence of a shared statement.
        (end - first >= MIN_QUOTE_WORDS).then_some(first..end)
    };
    if let Some(l) = quoted(left, &d.l) {
        // The same offset into the passage on the other side, as far as it reaches.
        let (a, b) = (l.start - d.l.start, l.end - d.l.start);
        let r = (d.r.start + a).min(d.r.end)..(d.r.start + b).min(d.r.end);
        if !r.is_empty() {
            return Some((l, r));
        }
    }
    let r = quoted(right, &d.r)?;
    let (a, b) = (r.start - d.r.start, r.end - d.r.start);
    let l = (d.l.start + a).min(d.l.end)..(d.l.start + b).min(d.l.end);
    (!l.is_empty()).then_some((l, r))
}

/// Whether a sentence pair's evidence is enough to link the two: the weighted cosine reaches
/// the threshold, and the pair shares several things (a rare word in common is a topic, not a
/// fact), or a figure with its unit and one thing more; and not only names (two sentences
/// about one person say different things about them).
fn accepts(s: &Score, threshold: f64) -> bool {
    let enough = s.evidence_count() >= MIN_EVIDENCE || (s.figures >= 1 && s.evidence_count() >= 2);
    // Names alone do link two sentences when there are many of them (a list of the same
    // people, places and teams is itself the fact), or when they are nearly all either says.
    let predicate = s.shared - s.actors >= MIN_NOT_NAMES
        || s.actors >= MANY_NAMES
        || (s.shared >= MIN_SHARED_NAMES_ONLY && s.cosine >= NAMES_ONLY_COSINE);
    enough && predicate && s.cosine >= threshold
}

/// A sentence pair that may be linked.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    /// Its score (cosine, or [`QUOTED`]).
    score: f64,
    /// The left sentence.
    left: usize,
    /// The right sentence.
    right: usize,
    /// Whether the two hold the same reused text: linked by it, not by their evidence alone.
    anchored: bool,
}

/// Chooses the links among the scored candidates: best first; a sentence may link to several
/// (one report's sentence often tells what the other spreads over two), but only to partners
/// that score nearly as well as its best, and to at most [`MAX_LINKS`]. A link anchored by
/// reused text sets no bar for the others, and needs none: the reuse links it.
fn select(mut candidates: Vec<Candidate>, nl: usize, nr: usize) -> Vec<(usize, usize)> {
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.left.cmp(&b.left))
            .then(a.right.cmp(&b.right))
    });
    let mut best_l = vec![0.0f64; nl];
    let mut best_r = vec![0.0f64; nr];
    for c in candidates.iter().filter(|c| !c.anchored) {
        best_l[c.left] = best_l[c.left].max(c.score);
        best_r[c.right] = best_r[c.right].max(c.score);
    }
    let mut links_l = vec![0usize; nl];
    let mut links_r = vec![0usize; nr];
    let mut out = Vec::new();
    for Candidate {
        score: c,
        left: li,
        right: ri,
        anchored,
    } in candidates
    {
        let near_best = anchored || (c >= NEAR_BEST * best_l[li] && c >= NEAR_BEST * best_r[ri]);
        if links_l[li] >= MAX_LINKS || links_r[ri] >= MAX_LINKS {
            continue;
        }
        if (links_l[li] > 0 || links_r[ri] > 0) && !near_best {
            continue;
        }
        links_l[li] += 1;
        links_r[ri] += 1;
        out.push((li, ri));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(list: &[(f64, usize, usize)]) -> Vec<Candidate> {
        list.iter()
            .map(|&(score, left, right)| Candidate {
                score,
                left,
                right,
                anchored: false,
            })
            .collect()
    }

    #[test]
    fn a_sentence_links_to_several_partners_that_score_nearly_as_well() {
        // Left 0 states what right 0 and right 1 each say; left 1 shares a little with
        // right 1, far below right 1's best link.
        let links = select(cands(&[(0.25, 1, 1), (0.8, 0, 1), (0.9, 0, 0)]), 2, 2);
        assert_eq!(links, [(0, 0), (0, 1)]);
        // A second partner at half the best score tells part of the fact: it is linked.
        let links = select(cands(&[(0.9, 0, 0), (0.45, 0, 1)]), 1, 2);
        assert_eq!(links, [(0, 0), (0, 1)]);
        // A much weaker one is left out.
        let links = select(cands(&[(0.9, 0, 0), (0.3, 0, 1)]), 1, 2);
        assert_eq!(links, [(0, 0)]);
        // An unlinked sentence takes its best partner, however weak next to others' links.
        let links = select(cands(&[(0.9, 0, 0), (0.3, 1, 1)]), 2, 2);
        assert_eq!(links, [(0, 0), (1, 1)]);
        // Left 0 holds a quotation right 0 holds too: that link sets no bar for left 0's
        // other partner, which its evidence alone links.
        let mut list = cands(&[(QUOTED, 0, 0), (0.3, 0, 1)]);
        list[0].anchored = true;
        assert_eq!(select(list.clone(), 1, 2), [(0, 0), (0, 1)]);
        list[0].anchored = false;
        assert_eq!(select(list, 1, 2), [(0, 0)]);
    }
}
