//! Searching the loaded articles.

use crate::analysis::Span;
use crate::article::Article;

/// Every occurrence of `query` (trimmed, case-insensitive, literal) in the articles, as
/// (article index, span), in article order then position. Empty for an empty query.
pub fn search(articles: &[Article], query: &str) -> Vec<(usize, Span)> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let pattern = format!("(?i){}", regex::escape(query));
    let Ok(re) = regex::Regex::new(&pattern) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        hits.extend(
            re.find_iter(&a.text)
                .map(|m| (i, Span::new(m.start(), m.end()))),
        );
    }
    hits
}
