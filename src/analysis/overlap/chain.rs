//! From exact runs to passages: give every word at most one counterpart, chain runs that
//! follow each other across small edits, and keep the chains a reader would call shared.

use super::OverlapConfig;
use super::facts::Evidence;
use super::prepare::Prepared;
use super::seed::Run;
use std::ops::Range;

/// A passage before its kind and inline differences are settled: word ranges on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    /// Left words.
    pub l: Range<usize>,
    /// Right words.
    pub r: Range<usize>,
    /// Whether it is one exact run (no edits inside).
    pub exact: bool,
    /// Whether it pairs whole sentences (from the sentence layer).
    pub sentences: bool,
    /// Whether it pairs the sentences that hold one quotation: from the quotation layer
    /// (`sentences` unset), or a sentence pair whose reused words are a quotation.
    pub quote: bool,
    /// What the two sentences share, for a sentence pair.
    pub evidence: Vec<Evidence>,
}

/// Makes the runs one-to-one: longer runs first, each later run keeps only the stretches whose
/// words are still free on both sides (and at least `min_len` long). A passage repeated in one
/// text is thus paired once, with its best match.
pub(crate) fn one_to_one(mut runs: Vec<Run>, nl: usize, nr: usize, min_len: usize) -> Vec<Run> {
    runs.sort_by(|a, b| b.len.cmp(&a.len).then(a.l.cmp(&b.l)).then(a.r.cmp(&b.r)));
    let mut left_taken = vec![false; nl];
    let mut right_taken = vec![false; nr];
    let mut kept = Vec::with_capacity(runs.len());
    for run in runs {
        let mut t = 0;
        while t < run.len {
            if left_taken[run.l + t] || right_taken[run.r + t] {
                t += 1;
                continue;
            }
            let start = t;
            while t < run.len && !left_taken[run.l + t] && !right_taken[run.r + t] {
                t += 1;
            }
            if t - start >= min_len {
                let piece = Run {
                    l: run.l + start,
                    r: run.r + start,
                    len: t - start,
                };
                left_taken[piece.l..piece.l_end()].fill(true);
                right_taken[piece.r..piece.r_end()].fill(true);
                kept.push(piece);
            }
        }
    }
    kept.sort();
    kept
}

/// Chains runs (sorted by left start) that follow one another on both sides with at most
/// `max_gap` words between them on each side: a lightly edited sentence becomes one chain.
/// Small gaps bridge edits inside a sentence; a gap holding a whole sentence is never bridged
/// (that sentence is not shared), and across a sentence boundary only runs that are passages
/// in their own right join up.
pub(crate) fn chains(
    runs: &[Run],
    left: &Prepared,
    right: &Prepared,
    cfg: &OverlapConfig,
) -> Vec<Vec<Run>> {
    let max_gap = cfg.max_gap;
    let mut chains: Vec<Vec<Run>> = Vec::new();
    // Chains that may still grow; their last run ends within reach of the current run.
    let mut open: Vec<usize> = Vec::new();
    for &run in runs {
        open.retain(|&c| {
            chains[c]
                .last()
                .is_some_and(|e| e.l_end() + max_gap >= run.l)
        });
        let best = open
            .iter()
            .copied()
            .filter_map(|c| {
                let end = chains[c].last()?;
                let fits = run.l >= end.l_end()
                    && run.r >= end.r_end()
                    && run.r - end.r_end() <= max_gap
                    && links(end, &run, left, right, cfg.min_words);
                fits.then(|| ((run.l - end.l_end()) + (run.r - end.r_end()), c))
            })
            .min();
        match best {
            Some((_, c)) => chains[c].push(run),
            None => {
                open.push(chains.len());
                chains.push(vec![run]);
            }
        }
    }
    chains
}

/// Whether `next` may follow `prev` in one passage (see [`chains`]).
fn links(prev: &Run, next: &Run, left: &Prepared, right: &Prepared, min_words: usize) -> bool {
    let (gl, gr) = (prev.l_end()..next.l, prev.r_end()..next.r);
    if left.holds_sentence(&gl) || right.holds_sentence(&gr) {
        return false;
    }
    let crosses =
        left.sentence_starts_in(gl.start, gl.end) || right.sentence_starts_in(gr.start, gr.end);
    !crosses || (core_len(prev, left) >= min_words && core_len(next, left) >= min_words)
}

/// Words of a run from its first content word to its last (0 when it has none).
fn core_len(run: &Run, side: &Prepared) -> usize {
    let words = &side.words[run.l..run.l_end()];
    let lead = words.iter().take_while(|w| !w.is_content()).count();
    let trail = words.iter().rev().take_while(|w| !w.is_content()).count();
    run.len.saturating_sub(lead + trail)
}

/// Trims a chain's ends: runs without a content word ("said in a") and, on an end run, up to
/// two words cut off by a sentence boundary on either side ("enough. “Two men went…").
fn trim(chain: &[Run], left: &Prepared, right: &Prepared) -> Vec<Run> {
    let mut runs: Vec<Run> = chain.to_vec();
    while runs.len() > 1
        && runs
            .last()
            .is_some_and(|r| left.content_in(r.l..r.l_end()) == 0)
    {
        runs.pop();
    }
    while runs.len() > 1 && left.content_in(runs[0].l..runs[0].l_end()) == 0 {
        runs.remove(0);
    }
    if let Some(first) = runs.first_mut() {
        let cut = (1..=2.min(first.len.saturating_sub(1))).find(|&k| {
            left.sentence_starts_in(first.l + k, first.l + k)
                || right.sentence_starts_in(first.r + k, first.r + k)
        });
        if let Some(k) = cut {
            *first = Run {
                l: first.l + k,
                r: first.r + k,
                len: first.len - k,
            };
        }
    }
    if let Some(last) = runs.last_mut() {
        let cut = (1..=2.min(last.len.saturating_sub(1))).find(|&k| {
            let at = last.len - k;
            left.sentence_starts_in(last.l + at, last.l + at)
                || right.sentence_starts_in(last.r + at, last.r + at)
        });
        if let Some(k) = cut {
            last.len -= k;
        }
    }
    runs
}

/// The passages a chain yields: the whole chain when it is long, dense and meaningful enough;
/// otherwise its parts, split at the widest gap; a short run survives as a verbatim quote.
pub(crate) fn accept(
    chain: &[Run],
    left: &Prepared,
    right: &Prepared,
    cfg: &OverlapConfig,
    out: &mut Vec<Draft>,
) {
    let trimmed = trim(chain, left, right);
    let chain = trimmed.as_slice();
    let (Some(first), Some(last)) = (chain.first(), chain.last()) else {
        return;
    };
    let matched: usize = chain.iter().map(|r| r.len).sum();
    let content: usize = chain.iter().map(|r| left.content_in(r.l..r.l_end())).sum();
    let span = (last.l_end() - first.l).max(last.r_end() - first.r);
    // Length counts from the first content word to the last: "Crane operator Jane Doe, who"
    // is a four-word name with a title, not a five-word passage.
    let words = &left.words;
    let lead = words[first.l..first.l_end()]
        .iter()
        .take_while(|w| !w.is_content())
        .count();
    let trail = words[last.l..last.l_end()]
        .iter()
        .rev()
        .take_while(|w| !w.is_content())
        .count();
    let core = matched.saturating_sub(lead + trail);
    let long_enough = core >= cfg.min_words.max(1) && content >= MIN_CONTENT_WORDS;
    // Half the words of a passage must be shared, or two chance phrases a few words apart
    // would pass for one edited sentence.
    let dense = matched * 2 >= span;
    if long_enough && dense {
        out.push(Draft {
            l: first.l..last.l_end(),
            r: first.r..last.r_end(),
            exact: chain.len() == 1,
            sentences: false,
            quote: false,
            evidence: Vec::new(),
        });
        return;
    }
    if chain.len() > 1 && long_enough {
        let widest = (1..chain.len())
            .max_by_key(|&i| {
                let gap = (chain[i].l - chain[i - 1].l_end()) + (chain[i].r - chain[i - 1].r_end());
                (gap, std::cmp::Reverse(i))
            })
            .unwrap_or(1);
        accept(&chain[..widest], left, right, cfg, out);
        accept(&chain[widest..], left, right, cfg, out);
        return;
    }
    for run in chain {
        if is_quote(run, left, right, cfg) {
            out.push(Draft {
                l: run.l..run.l_end(),
                r: run.r..run.r_end(),
                exact: true,
                sentences: false,
                quote: false,
                evidence: Vec::new(),
            });
        }
    }
}

/// A passage needs this many content words: five function words ("and that it was the") are
/// shared by any two texts.
const MIN_CONTENT_WORDS: usize = 2;

/// A short run counts when it is quoted on both sides and is the whole quotation on at least
/// one: the same words put in someone's mouth by two outlets.
fn is_quote(run: &Run, left: &Prepared, right: &Prepared, cfg: &OverlapConfig) -> bool {
    if run.len < cfg.min_quote_words.max(1) {
        return false;
    }
    let (l, r) = (run.l..run.l_end(), run.r..run.r_end());
    match (left.quote_around(&l), right.quote_around(&r)) {
        (Some(ql), Some(qr)) => *ql == l || *qr == r,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(l: usize, r: usize, len: usize) -> Run {
        Run { l, r, len }
    }

    #[test]
    fn longer_runs_win_and_shorter_ones_are_trimmed() {
        let runs = vec![run(0, 10, 3), run(0, 0, 6), run(4, 20, 5)];
        // (0,10,3) lies under (0,0,6) on the left; (4,20,5) keeps its last three words.
        assert_eq!(one_to_one(runs, 30, 30, 3), [run(0, 0, 6), run(6, 22, 3)]);
    }

    #[test]
    fn chains_follow_small_gaps_only_forward() {
        let words: Vec<String> = (0..60).map(|i| format!("w{i}")).collect();
        let text = Prepared::new(&words.join(" "));
        let cfg = OverlapConfig::default();
        let runs = [run(0, 0, 4), run(6, 5, 4), run(12, 40, 4), run(30, 9, 4)];
        let got = chains(&runs, &text, &text, &cfg);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], [run(0, 0, 4), run(6, 5, 4)]);
    }
}
