//! Comparing articles: two with each other, or one with the whole store.

use super::{Context, ServiceError};
use crate::analysis::index::{CorpusIndex, SharedSpan};
use crate::analysis::overlap::{self, Alignment};
use crate::article::Article;

/// Two articles and the passages they share.
#[derive(Debug)]
pub struct Compared {
    /// The left article.
    pub left: Article,
    /// The right article (its id made distinct from the left one's when two files share a name).
    pub right: Article,
    /// What the two share.
    pub alignment: Alignment,
}

/// Loads the two articles `left` and `right` name (files or store ids) and aligns them.
pub fn compare_two(ctx: &Context, left: &str, right: &str) -> Result<Compared, ServiceError> {
    let left = ctx.one_article(left)?;
    let mut right = ctx.one_article(right)?;
    if right.id == left.id && right.hash != left.hash {
        // Two files with the same name in different folders: keep the sides apart.
        right.id = crate::import::unique_id(&right.id, |id| id == left.id);
    }
    let alignment = overlap::align(&left.text, &right.text, &ctx.options.compare);
    Ok(Compared {
        left,
        right,
        alignment,
    })
}

/// One article against every other article of the store.
#[derive(Debug)]
pub struct SharedWithAll {
    /// The article; `corpus[0]` too.
    pub article: Article,
    /// The article, then the stored articles it was compared with.
    pub corpus: Vec<Article>,
    /// The article's passages found elsewhere.
    pub spans: Vec<SharedSpan>,
    /// Share of the article found nowhere else.
    pub originality: f64,
}

/// Loads the article `arg` names and finds which of its passages appear in the store.
pub fn compare_all(ctx: &Context, arg: &str) -> Result<SharedWithAll, ServiceError> {
    let mut article = ctx.one_article(arg)?;
    let stored = ctx.store()?.list()?;
    // The article's own stored copy is not "elsewhere"; a different stored article under the
    // same name is, and then the file's id must differ from it to tell the two apart.
    let others: Vec<Article> = stored
        .into_iter()
        .filter(|a| a.hash != article.hash)
        .collect();
    article.id = crate::import::unique_id(&article.id, |id| others.iter().any(|a| a.id == id));
    let mut corpus: Vec<Article> = vec![article.clone()];
    corpus.extend(others);
    let texts: Vec<&str> = corpus.iter().map(|a| a.text.as_str()).collect();
    let index = CorpusIndex::build(&texts, &ctx.options.compare);
    let spans = index.shared_spans(0);
    let originality = index.originality(0);
    Ok(SharedWithAll {
        article,
        corpus,
        spans,
        originality,
    })
}
