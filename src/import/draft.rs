//! Drafts: an article read from a file, before the store gives it an id.

use super::{ImportErrorKind, ImportOptions, Meta, title_from_text};
use crate::article::{Article, content_hash, slug};
use crate::text::printable::sanitize;
use chrono::{DateTime, NaiveDate, Utc};

/// An article read from a file, before the store gives it an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Headline (never empty).
    pub title: String,
    /// Outlet (never empty).
    pub source: String,
    /// Publication date, when known.
    pub date: Option<NaiveDate>,
    /// Address of the original, when known.
    pub url: Option<String>,
    /// Sanitized text in the stored layout.
    pub text: String,
    /// The file's name, with `#N` for the N-th object of a JSON array.
    pub file_name: String,
    /// The id the article would like: a slug of its file name.
    pub id_hint: String,
}

impl Draft {
    /// Makes the article, with the given id and import time.
    pub fn into_article(self, id: String, imported_at: DateTime<Utc>) -> Article {
        Article {
            id,
            hash: content_hash(&self.text),
            title: self.title,
            source: self.source,
            date: self.date,
            url: self.url,
            text: self.text,
            imported_at,
            file_name: self.file_name,
        }
    }
}

pub(super) fn make_draft(
    text: String,
    found: Meta,
    opts: &ImportOptions,
    file_name: String,
    id_source: &str,
) -> Result<Draft, ImportErrorKind> {
    if text.trim().is_empty() {
        return Err(ImportErrorKind::NoText);
    }
    let meta = opts.overrides.clone().or(found);
    let title = meta
        .title
        .map(|t| one_line(&t, opts.tab_width))
        .filter(|t| !t.is_empty());
    let source = meta
        .source
        .map(|s| one_line(&s, opts.tab_width))
        .filter(|s| !s.is_empty());
    let url = meta
        .url
        .map(|u| one_line(&u, opts.tab_width))
        .filter(|u| !u.is_empty());
    Ok(Draft {
        title: title.unwrap_or_else(|| title_from_text(&text, 80)),
        source: source.unwrap_or_else(|| file_name.clone()),
        date: meta.date,
        url,
        text,
        file_name,
        id_hint: slug(id_source),
    })
}

/// A metadata value on one line: sanitized, line breaks turned into spaces.
pub(super) fn one_line(value: &str, tab_width: usize) -> String {
    sanitize(value, tab_width)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
