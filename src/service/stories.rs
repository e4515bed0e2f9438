//! Stories of the archive and the provenance of what articles share: computed on demand from
//! the stored texts (nothing of it is stored).

use super::{Context, ServiceError};
use crate::analysis::Span;
use crate::analysis::index::CorpusIndex;
use crate::analysis::provenance::{self, FirstIn};
use crate::analysis::stories::{self, Story, StoryInput, StoryOptions};
use crate::article::Article;
use chrono::NaiveDate;
use serde::Serialize;

/// One story as `juxta stories --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryRow {
    /// Stable id: the id of the story's earliest article.
    pub id: String,
    /// The headline of the article closest to all the others.
    pub title: String,
    /// The articles' ids, earliest first.
    pub articles: Vec<String>,
    /// Earliest publication date.
    pub first: Option<NaiveDate>,
    /// Latest publication date.
    pub last: Option<NaiveDate>,
    /// The outlets, in order of first appearance.
    pub outlets: Vec<String>,
    /// The passages all the articles share, in the text of the first article.
    pub passages: Vec<StoryPassage>,
}

/// A passage every article of a story carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryPassage {
    /// The article the offsets point into: the story's first.
    pub article: String,
    /// Byte offset of the start in that article's text.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// The passage.
    pub text: String,
    /// Its number of words.
    pub words: usize,
}

/// The articles grouped into stories (`index` is the shingle index of the same articles, in
/// the same order).
pub fn group_stories(articles: &[Article], index: &CorpusIndex) -> Vec<Story> {
    let inputs: Vec<StoryInput> = articles
        .iter()
        .map(|a| StoryInput {
            title: &a.title,
            text: &a.text,
            date: a.date,
        })
        .collect();
    stories::group(&inputs, Some(index), &StoryOptions::default())
}

/// The rows of the stories of `articles` (`index` is the shingle index of the same articles).
pub fn story_rows(articles: &[Article], stories: &[Story], index: &CorpusIndex) -> Vec<StoryRow> {
    stories
        .iter()
        .map(|s| {
            let mut outlets: Vec<String> = Vec::new();
            for &i in &s.articles {
                if !outlets.contains(&articles[i].source) {
                    outlets.push(articles[i].source.clone());
                }
            }
            let dates = s.articles.iter().filter_map(|&i| articles[i].date);
            let first = &articles[s.articles[0]];
            let passages = stories::common_passages(index, s)
                .into_iter()
                .map(|span| {
                    let text = span.slice(&first.text);
                    StoryPassage {
                        article: first.id.clone(),
                        start: span.start,
                        end: span.end,
                        text: text.to_string(),
                        words: crate::text::word_count(text),
                    }
                })
                .collect();
            StoryRow {
                id: articles[s.articles[0]].id.clone(),
                title: articles[s.central].title.clone(),
                articles: s.articles.iter().map(|&i| articles[i].id.clone()).collect(),
                first: dates.clone().min(),
                last: dates.max(),
                outlets,
                passages,
            }
        })
        .collect()
}

/// The archive as `juxta list` shows it: every stored article (import order) with its story
/// and its originality.
#[derive(Debug)]
pub struct Overview {
    /// The stored articles, in import order.
    pub articles: Vec<Article>,
    /// The stories.
    pub stories: Vec<StoryRow>,
    /// For each article, the index in `stories` of its story.
    pub story_of: Vec<usize>,
    /// For each article, its originality (see [`originality`]).
    pub originality: Vec<f64>,
}

/// Each stored article's story id and originality, by article id, as `list` shows them.
pub type ListColumns = std::collections::HashMap<String, (String, f64)>;

/// Where [`overview`] keeps the list columns it computed, for `list` to read.
const COLUMNS_CACHE: &str = "list-columns";

/// What the columns depend on besides the articles.
fn columns_recipe(ctx: &Context) -> String {
    format!(
        "stories-1:{}:{:?}",
        crate::analysis::extract::EXTRACTION_VERSION,
        ctx.options.compare
    )
}

/// Where [`overview`] keeps the ids of the story with the most articles, for the terminal UI
/// to open two of them first without reading the columns of every article.
const LARGEST_CACHE: &str = "largest-story";

/// The ids of the story with the most articles (earliest first), as [`overview`] last stored
/// it, when that was for the archive as it is now and the story has two articles or more.
/// One small read, whatever the size of the archive.
pub fn largest_story(ctx: &Context) -> Result<Option<Vec<String>>, ServiceError> {
    let store = ctx.store()?;
    let ids = store
        .cached(LARGEST_CACHE, &columns_recipe(ctx))?
        .and_then(|json| serde_json::from_str::<Vec<String>>(&json).ok());
    Ok(ids.filter(|ids| ids.len() > 1))
}

/// Up to this many articles `list` groups the archive itself when the stored columns are
/// stale (well under a second); above it, `juxta stories` (or the TUI) refreshes them, since
/// grouping takes seconds to minutes there.
pub const LIST_GROUPS_UP_TO: usize = 300;

/// The story and originality columns of `list`, from the store when they were computed for
/// the archive as it is now, else computed afresh when the archive is small; `None` when
/// they would take long (see [`LIST_GROUPS_UP_TO`]).
pub fn list_columns(ctx: &Context, articles: usize) -> Result<Option<ListColumns>, ServiceError> {
    let store = ctx.store()?;
    if let Some(json) = store.cached(COLUMNS_CACHE, &columns_recipe(ctx))?
        && let Ok(columns) = serde_json::from_str(&json)
    {
        return Ok(Some(columns));
    }
    if articles > LIST_GROUPS_UP_TO {
        return Ok(None);
    }
    let o = overview(ctx)?;
    Ok(Some(columns_of(&o)))
}

fn columns_of(o: &Overview) -> ListColumns {
    o.articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let story = o.stories[o.story_of[i]].id.clone();
            (a.id.clone(), (story, o.originality[i]))
        })
        .collect()
}

/// Stories and originality of the whole archive (also stored for `list`).
pub fn overview(ctx: &Context) -> Result<Overview, ServiceError> {
    let store = ctx.store()?;
    // Stamped before the articles are read: one added meanwhile leaves the columns stale.
    let stamp = store.views_stamp(&columns_recipe(ctx))?;
    let articles = store.list()?;
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let index = CorpusIndex::build(&texts, &ctx.options.compare);
    let grouped = group_stories(&articles, &index);
    let mut story_of = vec![0; articles.len()];
    for (s, story) in grouped.iter().enumerate() {
        for &i in &story.articles {
            story_of[i] = s;
        }
    }
    let originality = originality(&articles, &index);
    let o = Overview {
        stories: story_rows(&articles, &grouped, &index),
        story_of,
        originality,
        articles,
    };
    if let Some(stamp) = stamp
        && let Ok(json) = serde_json::to_string(&columns_of(&o))
    {
        // Columns that cannot be stored only cost time on the next `list`.
        let _ = store.put_cached(COLUMNS_CACHE, &stamp, &json);
        // The first of the largest: the earliest story of those with the most articles.
        let largest = o
            .stories
            .iter()
            .rev()
            .max_by_key(|s| s.articles.len())
            .map(|s| &s.articles);
        if let Some(ids) = largest
            && let Ok(json) = serde_json::to_string(ids)
        {
            let _ = store.put_cached(LARGEST_CACHE, &stamp, &json);
        }
    }
    Ok(o)
}

/// For each article, its originality: 1 minus the share of its words that lie in passages
/// another article printed before it (earlier date, or the same date and imported earlier).
/// Words it shares but printed first count as its own.
pub fn originality(articles: &[Article], index: &CorpusIndex) -> Vec<f64> {
    let order = provenance::Order::new(index, |j| provenance::priority(articles[j].date, j));
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let words = |s: Span| crate::text::word_count(s.slice(&a.text));
            1.0 - provenance::borrowed_share(index, &order, i, a.word_count(), words)
        })
        .collect()
}

/// The earliest of the two compared articles and the carriers of a passage: candidates are
/// (article, import order) with the compared articles' order given by the caller.
pub fn first_of<'a>(candidates: impl IntoIterator<Item = (&'a Article, usize)>) -> Option<FirstIn> {
    candidates
        .into_iter()
        .min_by_key(|(a, order)| provenance::priority(a.date, (a.imported_at, *order)))
        .map(|(a, _)| FirstIn {
            id: a.id.clone(),
            source: a.source.clone(),
            date: a.date,
        })
}
