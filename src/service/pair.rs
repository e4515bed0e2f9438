//! Which two articles to open first.

use super::Corpus;

/// The articles to open first. Two or more paths named: the first article of each of the
/// first two. One path (typically a folder): the two of its articles that share the most text.
/// Nothing named: the two articles of the store that share the most text.
pub fn choose_pair(corpus: &Corpus, named: &[Vec<String>]) -> (Option<usize>, Option<usize>) {
    let index_of = |id: &String| corpus.articles.iter().position(|a| &a.id == id);
    let groups: Vec<Vec<usize>> = named
        .iter()
        .map(|g| g.iter().filter_map(index_of).collect::<Vec<_>>())
        .filter(|g| !g.is_empty())
        .collect();
    if let [a, b, ..] = groups.as_slice()
        && let Some(second) = b.iter().copied().find(|&j| j != a[0])
    {
        return (Some(a[0]), Some(second));
    }
    let candidates: Vec<usize> = match groups.first() {
        Some(g) => g.clone(),
        None => (0..corpus.articles.len()).collect(),
    };
    if let [only] = candidates.as_slice() {
        let everyone: Vec<usize> = (0..corpus.articles.len()).collect();
        return (
            Some(*only),
            best_partner(corpus, *only, &everyone).map(|(j, _)| j),
        );
    }
    let mut best: Option<(usize, usize, usize)> = None;
    for &i in &candidates {
        if let Some((j, shared)) = best_partner(corpus, i, &candidates)
            && best.is_none_or(|(_, _, s)| shared > s)
        {
            best = Some((i, j, shared));
        }
    }
    match best {
        Some((i, j, _)) => (Some(i.min(j)), Some(i.max(j))),
        None => (candidates.first().copied(), candidates.get(1).copied()),
    }
}

/// The article among `among` sharing the most text with article `i` (the first other one
/// when none shares any), and how many bytes of `i` it shares.
fn best_partner(corpus: &Corpus, i: usize, among: &[usize]) -> Option<(usize, usize)> {
    let mut shared = vec![0usize; corpus.articles.len()];
    for s in corpus.index.shared_spans(i) {
        for &o in &s.others {
            shared[o] += s.span.len();
        }
    }
    among
        .iter()
        .copied()
        .filter(|&j| j != i)
        .max_by_key(|&j| (shared[j], std::cmp::Reverse(j)))
        .map(|j| (j, shared[j]))
}
