//! Shared quotations: two reports that quote one statement share it however short it is and
//! however differently they frame it ("It was heartbreaking," he said / called the accident
//! "heartbreaking").
//!
//! Quotation spans (words between quotation marks, see [`Prepared::quotes`]) are matched to
//! quotation spans: two match when the shorter one stands whole in the other (one outlet cut
//! the statement), or when they share a long run of words (both cut it, differently). Words
//! are compared by stem for content words ("regret" = "regrets") and by spelling for the rest.
//! A match links the sentences holding the shared words on each side — a quotation may run
//! over two sentences — so the passage shows the statement in its context on both sides.

use super::chain::Draft;
use super::facts::{Evidence, EvidenceKind};
use super::prepare::{Prepared, Word};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Words two quotations must share when neither stands whole in the other.
const MIN_CUT_RUN: usize = 4;
/// Content words among them.
const MIN_CUT_CONTENT: usize = 2;
/// Letters a quotation of one word needs to count ("no" quoted is no statement).
const MIN_ONE_WORD_LETTERS: usize = 5;
/// Quotations longer than this (words) are compared by their first words only: a quotation of
/// a whole speech is still matched, in bounded time.
const MAX_QUOTE_WORDS: usize = 200;

/// How a word is compared inside quotations.
fn unit(w: &Word) -> u64 {
    if w.is_content() { w.stem } else { w.key }
}

/// The longest run of equal words of `a` and `b`: (start in a, start in b, length); the
/// earliest of equally long runs.
fn longest_run(a: &[u64], b: &[u64]) -> (usize, usize, usize) {
    let mut best = (0, 0, 0);
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            if cur[j + 1] > best.2 {
                best = (i + 1 - cur[j + 1], j + 1 - cur[j + 1], cur[j + 1]);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// The word range of the sentences that hold the words `range`.
fn sentences_around(p: &Prepared, range: &Range<usize>) -> Range<usize> {
    let first = p.sentences.partition_point(|s| s.words.end <= range.start);
    let last = p.sentences.partition_point(|s| s.words.start < range.end);
    match (
        p.sentences.get(first),
        last.checked_sub(1).and_then(|i| p.sentences.get(i)),
    ) {
        (Some(a), Some(b)) if first < last => {
            a.words.start.min(range.start)..b.words.end.max(range.end)
        }
        _ => range.clone(),
    }
}

/// The shared words of two quotations, as word ranges of each text, when they are evidence of
/// one statement.
fn shared(
    left: &Prepared,
    lq: &Range<usize>,
    right: &Prepared,
    rq: &Range<usize>,
) -> Option<(Range<usize>, Range<usize>)> {
    let cap = |q: &Range<usize>| q.start..q.end.min(q.start + MAX_QUOTE_WORDS);
    let (lq, rq) = (cap(lq), cap(rq));
    let a: Vec<u64> = left.words[lq.clone()].iter().map(unit).collect();
    let b: Vec<u64> = right.words[rq.clone()].iter().map(unit).collect();
    let (i, j, n) = longest_run(&a, &b);
    if n == 0 {
        return None;
    }
    let l = lq.start + i..lq.start + i + n;
    let r = rq.start + j..rq.start + j + n;
    let words = &left.words[l.clone()];
    let content = words.iter().filter(|w| w.is_content()).count();
    let whole = n == a.len().min(b.len());
    let ok = if whole {
        // A quotation of one word must be a word of some length, not "no" or "OK".
        content >= 1
            && (n > 1
                || words[0].is_content()
                    && (words[0].end - words[0].start) as usize >= MIN_ONE_WORD_LETTERS)
    } else {
        n >= MIN_CUT_RUN && content >= MIN_CUT_CONTENT
    };
    ok.then_some((l, r))
}

/// Words a quotation must share with the other text's words outside quotation marks (an
/// embedded post, a statement one outlet printed without marks) to link them.
const MIN_UNMARKED_RUN: usize = 6;
/// Content words among them.
const MIN_UNMARKED_CONTENT: usize = 3;
/// Words hashed together to find a quotation's words in the other text.
const GRAM: usize = 3;

/// Hash of `GRAM` word units.
fn gram(units: &[u64]) -> u64 {
    units.iter().fold(0x51_7cc1_b727_220a_u64, |h, &u| {
        (h.rotate_left(21) ^ u).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    })
}

/// Runs of the quotations of `from` that `other` holds without quotation marks: (words in
/// `from`, words in `other`), each at least [`MIN_UNMARKED_RUN`] words, the longest per place.
fn unmarked(from: &Prepared, other: &Prepared) -> Vec<(Range<usize>, Range<usize>)> {
    let long: Vec<&Range<usize>> = from
        .quotes
        .iter()
        .filter(|q| q.len() >= MIN_UNMARKED_RUN)
        .collect();
    if long.is_empty() || other.words.len() < GRAM {
        return Vec::new();
    }
    let from_units: Vec<u64> = from.words.iter().map(unit).collect();
    let other_units: Vec<u64> = other.words.iter().map(unit).collect();
    let mut wanted: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for q in &long {
        for i in q.start..=q.end - GRAM {
            wanted.entry(gram(&from_units[i..i + GRAM])).or_default();
        }
    }
    for (j, w) in other_units.windows(GRAM).enumerate() {
        if other.words[j].quote != super::prepare::NO_QUOTE {
            continue;
        }
        if let Some(list) = wanted.get_mut(&gram(w)) {
            // Word indexes fit in u32: fewer words than bytes in an importable file.
            list.push(j as u32);
        }
    }
    let mut out = Vec::new();
    for q in long {
        let mut best: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        for i in q.start..=q.end - GRAM {
            let Some(list) = wanted.get(&gram(&from_units[i..i + GRAM])) else {
                continue;
            };
            for &j in list {
                let j = j as usize;
                // Only maximal runs: not when the words before match too.
                if i > q.start && j > 0 && from_units[i - 1] == other_units[j - 1] {
                    continue;
                }
                let n = (0..)
                    .take_while(|&k| {
                        i + k < q.end
                            && j + k < other_units.len()
                            && from_units[i + k] == other_units[j + k]
                            && other.words[j + k].quote == super::prepare::NO_QUOTE
                    })
                    .count();
                let content = from.words[i..i + n]
                    .iter()
                    .filter(|w| w.is_content())
                    .count();
                if n >= MIN_UNMARKED_RUN && content >= MIN_UNMARKED_CONTENT {
                    best.push((i..i + n, j..j + n));
                }
            }
        }
        out.extend(best);
    }
    out
}

/// The sentence pairs linked by a shared quotation, as drafts (`quote` set), each with the
/// quotation as evidence; at most one draft per pair of sentence ranges, in left order.
pub(crate) fn links(left: &Prepared, right: &Prepared) -> Vec<Draft> {
    let mut found: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    if !left.quotes.is_empty() && !right.quotes.is_empty() {
        found = marked(left, right);
    }
    found.extend(unmarked(left, right));
    found.extend(unmarked(right, left).into_iter().map(|(r, l)| (l, r)));
    let mut out: Vec<Draft> = Vec::new();
    let mut seen: FxHashMap<(usize, usize, usize, usize), usize> = FxHashMap::default();
    for (l, r) in found {
        let (ls, rs) = (sentences_around(left, &l), sentences_around(right, &r));
        let evidence = Evidence {
            kind: EvidenceKind::Quote,
            left: left.byte_span(&l),
            right: right.byte_span(&r),
        };
        let key = (ls.start, ls.end, rs.start, rs.end);
        if let Some(&at) = seen.get(&key) {
            if !out[at].evidence.contains(&evidence) {
                out[at].evidence.push(evidence);
            }
            continue;
        }
        seen.insert(key, out.len());
        out.push(Draft {
            l: ls,
            r: rs,
            exact: false,
            sentences: false,
            quote: true,
            evidence: vec![evidence],
        });
    }
    out.sort_by_key(|d| (d.l.start, d.r.start));
    for d in &mut out {
        d.evidence.sort_by_key(|e| (e.left.start, e.right.start));
    }
    out
}

/// The shared parts of the two texts' quotations, as word ranges of each.
fn marked(left: &Prepared, right: &Prepared) -> Vec<(Range<usize>, Range<usize>)> {
    // Right quotations by the content stems they hold: only quotations sharing one are compared.
    let mut by_stem: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (qi, q) in right.quotes.iter().enumerate() {
        let mut stems: Vec<u64> = right.words[q.clone()]
            .iter()
            .take(MAX_QUOTE_WORDS)
            .filter(|w| w.is_content())
            .map(|w| w.stem)
            .collect();
        stems.sort_unstable();
        stems.dedup();
        for s in stems {
            // Fewer quotations than words, far below 4 G.
            by_stem.entry(s).or_default().push(qi as u32);
        }
    }
    let mut out = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for lq in &left.quotes {
        candidates.clear();
        for w in left.words[lq.clone()].iter().take(MAX_QUOTE_WORDS) {
            if w.is_content()
                && let Some(list) = by_stem.get(&w.stem)
            {
                candidates.extend(list);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &rqi in &candidates {
            if let Some(found) = shared(left, lq, right, &right.quotes[rqi as usize]) {
                out.push(found);
            }
        }
    }
    out
}

/// Settles the quotation links against the passages of reused text: a link whose quotation a
/// passage already carries beyond the link's sentences (one run of reused text) is dropped, as
/// is one whose words a single passage already covers at least half of on both sides;
/// smaller passages lying inside a link on both sides are absorbed by it. Returns the links kept.
pub(crate) fn settle(
    links: Vec<Draft>,
    drafts: &mut Vec<Draft>,
    left: &Prepared,
    right: &Prepared,
) -> Vec<Draft> {
    let inside = |a: &Range<usize>, b: &Range<usize>| b.start <= a.start && a.end <= b.end;
    let mut absorbed = vec![false; drafts.len()];
    let mut kept = Vec::new();
    'links: for link in links {
        let mut mine = Vec::new();
        for (i, d) in drafts.iter().enumerate() {
            let within = inside(&d.l, &link.l) && inside(&d.r, &link.r);
            // Reused text that is most of both sides already says it all.
            let most = |d: &Range<usize>, s: &Range<usize>| {
                2 * (d.end.min(s.end).saturating_sub(d.start.max(s.start))) >= s.len()
            };
            if most(&d.l, &link.l) && most(&d.r, &link.r) {
                continue 'links;
            }
            if within {
                mine.push(i);
                continue;
            }
            let (ls, rs) = (left.byte_span(&d.l), right.byte_span(&d.r));
            let carries = link.evidence.iter().any(|e| {
                ls.start < e.left.end
                    && e.left.start < ls.end
                    && rs.start < e.right.end
                    && e.right.start < rs.end
            });
            if carries {
                continue 'links;
            }
        }
        for i in mine {
            absorbed[i] = true;
        }
        kept.push(link);
    }
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        !absorbed[i - 1]
    });
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_run_finds_the_earliest_longest_stretch() {
        assert_eq!(longest_run(&[1, 2, 3, 4], &[9, 2, 3, 4, 2, 3]), (1, 1, 3));
        assert_eq!(longest_run(&[1, 2], &[3, 4]), (0, 0, 0));
        assert_eq!(longest_run(&[5], &[7, 5]), (0, 1, 1));
    }
}
