//! Where the articles of a story disagree: figures, dates and speakers of one quotation, for
//! `juxta conflicts`, the panes' markers and the exports.

use super::{Context, ServiceError};
use crate::analysis::conflicts::{self, Conflict};
use crate::analysis::index::CorpusIndex;
use crate::analysis::overlap::{Alignment, OverlapConfig};
use crate::analysis::quotes::{self, Quotes};
use crate::article::Article;

/// The articles a `conflicts` request named, the stories they were grouped in, and what
/// differs within each story.
#[derive(Debug)]
pub struct Disagreements {
    /// The articles; `Conflict::values[].article` indexes this list.
    pub articles: Vec<Article>,
    /// Each story's articles (indexes into `articles`); `Conflict::story` indexes this list.
    pub stories: Vec<Vec<usize>>,
    /// What differs, by story, then by where it first stands.
    pub conflicts: Vec<Conflict>,
}

/// A passage printed by more articles than this is boilerplate, not a sign of one story.
const BOILERPLATE_ARTICLES: usize = 8;

/// Groups of articles linked by shared passages (directly or through each other), each with
/// two or more articles, in order of their first article: the stories of the archive until
/// the story grouping replaces it.
pub fn linked_groups(texts: &[&str], cfg: &OverlapConfig) -> Vec<Vec<usize>> {
    let index = CorpusIndex::build(texts, cfg);
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    fn root(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    for i in 0..texts.len() {
        for s in index.shared_spans_within(i, BOILERPLATE_ARTICLES) {
            for o in s.others {
                let (a, b) = (root(&mut parent, i), root(&mut parent, o));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for i in 0..texts.len() {
        let r = root(&mut parent, i);
        groups[r].push(i);
    }
    groups.into_iter().filter(|g| g.len() > 1).collect()
}

impl Context {
    /// What differs between the named articles (one story), or, with none named, within each
    /// group of the archive's articles that share passages.
    pub fn disagreements(&self, args: &[String]) -> Result<Disagreements, ServiceError> {
        let (articles, found) = self.analyse(args)?;
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let stories = if args.is_empty() {
            linked_groups(&texts, &self.options.compare)
        } else if articles.len() > 1 {
            vec![(0..articles.len()).collect()]
        } else {
            Vec::new()
        };
        let mut found_conflicts = conflicts::figures(&texts, &stories, &self.options.compare);
        found_conflicts.extend(conflicts::dates(
            &texts,
            &found.events,
            &found.timeline,
            &stories,
        ));
        let quoted = quotes::analyse(&texts, &found.actors);
        found_conflicts.extend(conflicts::speakers(
            &disputed_quotes(&quoted, &texts),
            &stories,
        ));
        conflicts::sort(&mut found_conflicts);
        Ok(Disagreements {
            articles,
            stories,
            conflicts: found_conflicts,
        })
    }
}

/// The quotation groups whose outlets name different speakers, in the shape
/// [`conflicts::speakers`] reads.
fn disputed_quotes(quoted: &Quotes, texts: &[&str]) -> Vec<conflicts::QuoteGroup> {
    let copy = |m: usize| {
        let q = &quoted.quotations[m];
        conflicts::QuoteCopy {
            article: q.article,
            span: q.span,
            text: q.text(texts[q.article]),
            speaker: q.speaker.as_ref().map(|s| s.name.clone()),
        }
    };
    quoted
        .groups
        .iter()
        .filter(|g| g.speakers_disagree)
        .map(|g| conflicts::QuoteGroup {
            text: copy(g.mentions[g.fullest]).text,
            copies: g.mentions.iter().map(|&m| copy(m)).collect(),
        })
        .collect()
}

/// What differs between two compared articles (0 is `left`, 1 is `right`): figures of the
/// passages they share or of the same frame, and dates of one happening.
pub fn pair_disagreements(left: &Article, right: &Article, alignment: &Alignment) -> Vec<Conflict> {
    conflicts::between_pair(
        (&left.text, left.date),
        (&right.text, right.date),
        alignment,
    )
}
