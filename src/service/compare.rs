//! Comparing articles: two with each other, or one with the whole store.

use super::{Context, ServiceError};
use crate::analysis::extract::{self, Extraction};
use crate::analysis::index::{CorpusIndex, SharedSpan, fingerprints, shingle_hashes};
use crate::analysis::overlap::{self, Alignment, OverlapConfig, Prepared};
use crate::analysis::provenance::{self, FirstIn};
use crate::article::Article;
use rustc_hash::FxHashSet;

/// Two articles and the passages they share.
#[derive(Debug)]
pub struct Compared {
    /// The left article.
    pub left: Article,
    /// The right article (its id made distinct from the left one's when two files share a name).
    pub right: Article,
    /// What the two share.
    pub alignment: Alignment,
    /// For each passage, the article that carried it first: the two compared and every stored
    /// article that carries some of it (by publication date, then import order).
    pub first_in: Vec<Option<FirstIn>>,
    /// The left and the right text as the alignment prepared them.
    pub prepared: [Prepared; 2],
    /// The left and the right article's names and dates ([`extract::extract`]).
    pub extractions: [Extraction; 2],
}

/// Loads the two articles `left` and `right` name (files or store ids) and aligns them.
pub fn compare_two(ctx: &Context, left: &str, right: &str) -> Result<Compared, ServiceError> {
    // Reading a long file (decoding, cleaning, hashing) is work of its own: two files are
    // read side by side. A store id has no file, so it counts as short.
    let (lm, rm) = (std::fs::metadata(left), std::fs::metadata(right));
    let size = |m: &std::io::Result<std::fs::Metadata>| m.as_ref().map_or(0, |m| m.len() as usize);
    let (l, r) = crate::analysis::both_sides(
        size(&lm) + size(&rm),
        || ctx.one_article(left),
        || ctx.one_article(right),
    );
    let (left, mut right) = (l?, r?);
    if lm.is_ok() && rm.is_ok() {
        // Both read now, so both are stamped "imported now", and the left one, named first,
        // counts as read first when it carried a passage first ([`first_in`]), as it would
        // be if read first.
        right.imported_at = right.imported_at.max(left.imported_at);
    }
    if right.id == left.id && right.hash != left.hash {
        // Two files with the same name in different folders: keep the sides apart.
        right.id = crate::import::unique_id(&right.id, |id| id == left.id);
    }
    let bytes = left.text.len() + right.text.len();
    let (lp, rp, alignment, extractions) = {
        let (lp, rp) = overlap::prepare_pair(&left.text, &right.text);
        // Every export shows the names, dates and quotations of the two; extracting them
        // beside the alignment (one thread) keeps both cores busy on a long pair.
        let (alignment, extractions) = crate::analysis::both_sides(
            bytes,
            || overlap::align_prepared(&lp, &rp, &ctx.options.compare),
            || {
                [
                    extract::extract(&left.text, left.date),
                    extract::extract(&right.text, right.date),
                ]
            },
        );
        (lp, rp, alignment, extractions)
    };
    let first_in = first_in(ctx, &left, &right, &alignment)?;
    Ok(Compared {
        left,
        right,
        alignment,
        first_in,
        prepared: [lp, rp],
        extractions,
    })
}

/// Who carried each passage first: among the stored articles sharing passages with the left
/// one, found as for [`compare_all`] (kept without their text).
fn first_in(
    ctx: &Context,
    left: &Article,
    right: &Article,
    alignment: &Alignment,
) -> Result<Vec<Option<FirstIn>>, ServiceError> {
    if alignment.passages.is_empty() {
        return Ok(Vec::new());
    }
    let store = ctx.store()?;
    let (corpus, index) = if store.is_created() {
        let found = against_store(ctx, left.clone())?;
        (found.corpus, Some(found.index))
    } else {
        (vec![left.clone()], None)
    };
    Ok(alignment
        .passages
        .iter()
        .map(|p| {
            let carriers = index
                .as_ref()
                .map(|idx| provenance::carriers(idx, 0, p.left))
                .unwrap_or_default();
            // The compared two come first on a tie of date and import time: the left
            // article, then the right one, then the archive in import order.
            let candidates = [(left, 0), (right, 1)]
                .into_iter()
                .chain(carriers.iter().map(|&j| (&corpus[j], j + 1)));
            super::first_of(candidates)
        })
        .collect())
}

/// One article against every other article of the store.
#[derive(Debug)]
pub struct SharedWithAll {
    /// The article; `corpus[0]` too.
    pub article: Article,
    /// The article, then the stored articles that share a passage with it.
    pub corpus: Vec<Article>,
    /// The article's passages found elsewhere.
    pub spans: Vec<SharedSpan>,
    /// Share of the article found nowhere else.
    pub originality: f64,
    /// How many stored articles it was checked against (`corpus` holds only those that
    /// share something with it).
    pub compared_with: usize,
    /// Whether some of its text is printed in more than [`MAX_SHARERS`] stored articles
    /// (boilerplate): such text links it to none of them, so a passage of it lists only the
    /// articles that share more with it.
    pub boilerplate: bool,
}

/// Loads the article `arg` names and finds which of its passages appear in the store.
///
/// The store's fingerprint index names the articles sharing passages with it; only those are
/// read and compared shingle by shingle. A passage shorter than the winnowing guarantee
/// (16 words) is found only in articles that share a longer one with it too.
pub fn compare_all(ctx: &Context, arg: &str) -> Result<SharedWithAll, ServiceError> {
    let article = ctx.one_article(arg)?;
    let found = against_store(ctx, article)?;
    let spans = found.index.shared_spans(0);
    let originality = found.index.originality(0);
    Ok(SharedWithAll {
        article: found.article,
        corpus: found.corpus,
        spans,
        originality,
        compared_with: found.compared_with,
        boilerplate: found.boilerplate,
    })
}

/// One article indexed against the stored articles that share shingles with it.
struct AgainstStore {
    article: Article,
    /// The article, then the sharing stored articles (in import order, without their text).
    corpus: Vec<Article>,
    /// Article 0 is `article`; article `j` is `corpus[j]`.
    index: CorpusIndex,
    compared_with: usize,
    boilerplate: bool,
}

fn against_store(ctx: &Context, mut article: Article) -> Result<AgainstStore, ServiceError> {
    let cfg = &ctx.options.compare;
    let store = ctx.store()?;
    let mine: FxHashSet<u64> = shingle_hashes(&article.text, cfg).into_iter().collect();
    // The article's own stored copy is not "elsewhere"; a different stored article under the
    // same name is, and then the file's id must differ from it to tell the two apart.
    let itself = store.id_of_text(&article.hash)?;
    let found = store.sharing(&fingerprints(&article.text), MAX_SHARERS, CANDIDATES)?;
    let compared_with = store.count()? - usize::from(itself.is_some());
    let candidates: Vec<Article> = found
        .articles
        .into_iter()
        .filter(|a| a.hash != article.hash)
        .collect();
    let mut corpus: Vec<Article> = vec![article.clone()];
    let mut shared: Vec<Vec<u64>> = Vec::new();
    for (mut a, hashes) in sharing(candidates, &mine, cfg) {
        // Only the id is reported for the others.
        a.text = String::new();
        corpus.push(a);
        shared.push(hashes);
    }
    article.id = crate::import::unique_id(&article.id, |id| {
        itself.as_deref() != Some(id) && store.contains(id)
    });
    corpus[0].id = article.id.clone();
    let index = CorpusIndex::for_one(&article.text, cfg, &shared);
    Ok(AgainstStore {
        article,
        corpus,
        index,
        compared_with,
        boilerplate: found.boilerplate > 0,
    })
}

/// A fingerprint held by more articles than this is boilerplate (a disclaimer, a standing
/// line every outlet prints): it links no article to another.
pub const MAX_SHARERS: usize = 500;

/// The stored articles sharing the most fingerprints with the article that are compared with
/// it word by word; the others share less than a passage with it.
const CANDIDATES: usize = 500;

/// The articles of `batch` that share a shingle with `mine`, in order, each with the hashes
/// it shares (sorted, without repeats).
fn sharing(
    batch: Vec<Article>,
    mine: &FxHashSet<u64>,
    cfg: &OverlapConfig,
) -> Vec<(Article, Vec<u64>)> {
    let common = |a: &Article| {
        let mut h: Vec<u64> = shingle_hashes(&a.text, cfg)
            .into_iter()
            .filter(|h| mine.contains(h))
            .collect();
        h.sort_unstable();
        h.dedup();
        h
    };
    let half = batch.len() / 2;
    let (first, second) = std::thread::scope(|s| {
        let first = s.spawn(|| batch[..half].iter().map(common).collect::<Vec<_>>());
        let second: Vec<Vec<u64>> = batch[half..].iter().map(common).collect();
        (
            first
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            second,
        )
    });
    batch
        .into_iter()
        .zip(first.into_iter().chain(second))
        .filter(|(_, h)| !h.is_empty())
        .collect()
}
