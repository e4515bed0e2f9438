//! Which two articles to open first.

use super::Corpus;

/// The articles to open first. Two or more paths named: the first article of each of the
/// first two. One path (typically a folder): the two of its articles that share the most text.
/// Nothing named: the most related pair of the story with the most articles (the two of it
/// that share the most text), or the two articles of the store that share the most text when
/// no story has two articles.
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
        None => match corpus.stories().first() {
            Some(story) if story.articles.len() > 1 => story.articles.clone(),
            _ => (0..corpus.articles.len()).collect(),
        },
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

/// Passages found in more articles than this (and than a fiftieth of the archive) are
/// boilerplate for choosing a pair: the pair that shares a story, not a newsletter footer.
const BOILERPLATE_ARTICLES: usize = 100;

/// The article among `among` sharing the most text with article `i` (the first other one
/// when none shares any), and how many bytes of `i` it shares.
fn best_partner(corpus: &Corpus, i: usize, among: &[usize]) -> Option<(usize, usize)> {
    let cap = BOILERPLATE_ARTICLES.max(corpus.articles.len() / 50);
    // Only the articles that share something: a table of every article for each `i` made
    // choosing the pair quadratic in the size of the archive.
    let shared = corpus.index.shared_bytes_by_article(i, cap);
    let best_sharing = shared
        .iter()
        .filter(|&(&j, _)| j != i)
        .max_by_key(|&(&j, &n)| (n, std::cmp::Reverse(j)))
        .map(|(&j, &n)| (j, n));
    // `among` is every article or a named folder's: check membership only for the winners.
    let in_among = |j: usize| among.len() == corpus.articles.len() || among.contains(&j);
    match best_sharing {
        Some((j, n)) if in_among(j) => Some((j, n)),
        _ => among
            .iter()
            .copied()
            .filter(|&j| j != i)
            .max_by_key(|&j| (shared.get(&j).copied().unwrap_or(0), std::cmp::Reverse(j)))
            .map(|j| (j, shared.get(&j).copied().unwrap_or(0))),
    }
}

/// The ids of the two articles to open first when they can be told without loading the
/// archive (see [`choose_pair`] for the rules): two or more paths named, one article named
/// (with the stored article closest to it), or nothing named: two articles of `largest`, the
/// story with the most articles when stories are stored (see
/// [`largest_story`](super::largest_story); the two [`pair_among`] picks), else the closest
/// pair of the store's index, else its first two articles. `None` for one path holding
/// several articles, whose best pair needs them all compared.
pub fn first_pair_ids(
    store: &crate::store::Store,
    named: &[Vec<String>],
    largest: Option<&[String]>,
) -> Result<Option<Vec<String>>, crate::store::StoreError> {
    let groups: Vec<&Vec<String>> = named.iter().filter(|g| !g.is_empty()).collect();
    Ok(match groups.as_slice() {
        [a, b, ..] => {
            let first = a[0].clone();
            b.iter()
                .find(|&j| *j != first)
                .map(|second| vec![first, second.clone()])
        }
        [only] if only.len() == 1 => {
            let first = only[0].clone();
            let second = match store.closest_to(&first)? {
                Some(other) => Some(other),
                None => store.first_ids(2)?.into_iter().find(|id| *id != first),
            };
            Some([Some(first), second].into_iter().flatten().collect())
        }
        [] if largest.is_some_and(|ids| ids.len() > 1) => {
            largest.and_then(|ids| pair_among(store, ids))
        }
        [] => match store.closest_pair()? {
            Some((a, b)) => Some(vec![a, b]),
            None => Some(store.first_ids(2)?),
        },
        _ => None,
    })
}

/// The two articles to open among `ids` (a named folder's, or a story's) without their texts:
/// the one whose closest stored partner is among them too and shares the most with it, with
/// that partner; else the first two.
pub fn pair_among(store: &crate::store::Store, ids: &[String]) -> Option<Vec<String>> {
    let named: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut best: Option<(usize, &String, String)> = None;
    // A bounded look: each is one indexed lookup, and the first frame waits for them.
    for id in ids.iter().take(2000) {
        if let Ok(Some((other, shared))) = store.closest_with_share(id)
            && other != *id
            && named.contains(other.as_str())
            && best.as_ref().is_none_or(|(s, _, _)| shared > *s)
        {
            best = Some((shared, id, other));
        }
    }
    match best {
        Some((_, a, b)) => Some(vec![a.clone(), b]),
        None => Some(ids.iter().take(2).cloned().collect()),
    }
}
