//! Searching the loaded articles.

use crate::analysis::Span;
use crate::article::Article;
use crate::text::{fold_into, fold_punct};

/// Every occurrence of `query` (trimmed, literal) in the articles, as (article index, span), in
/// article order then position. Case, accents and typographic quotes and dashes are folded
/// the way names are matched, so `ines` finds "Inês" and `o'neill` finds "O’Neill"; spans are
/// byte offsets into the stored text. Empty for an empty query.
pub fn search(articles: &[Article], query: &str) -> Vec<(usize, Span)> {
    let query = folded(query.trim()).text;
    if query.is_empty() {
        return Vec::new();
    }
    let finder = memchr::memmem::Finder::new(query.as_bytes());
    let mut hits = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let text = folded(&a.text);
        let mut at = 0;
        while let Some(found) = finder.find(&text.text.as_bytes()[at..]) {
            let (start, end) = (at + found, at + found + query.len());
            hits.push((i, Span::new(text.origin[start], text.origin_end(end))));
            // Matches do not overlap, as a reader counts them.
            at = end;
        }
    }
    hits
}

/// A text folded character by character, and where each folded byte came from.
struct Folded {
    /// The folded text.
    text: String,
    /// For each byte of `text`, the byte offset in the original of the character it folds.
    origin: Vec<usize>,
    /// For each byte of `text`, the end of that original character.
    origin_ends: Vec<usize>,
}

impl Folded {
    /// The original end of a folded match ending at byte `end` (> 0).
    fn origin_end(&self, end: usize) -> usize {
        self.origin_ends[end - 1]
    }
}

fn folded(text: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
        origin_ends: Vec::with_capacity(text.len()),
    };
    let mut buf = [0u8; 4];
    for (at, c) in text.char_indices() {
        let before = out.text.len();
        let plain = fold_punct(c);
        fold_into(plain.encode_utf8(&mut buf), &mut out.text);
        let added = out.text.len() - before;
        out.origin.extend(std::iter::repeat_n(at, added));
        out.origin_ends
            .extend(std::iter::repeat_n(at + c.len_utf8(), added));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            id: "a".into(),
            title: String::new(),
            authors: Vec::new(),
            source: String::new(),
            date: None,
            url: None,
            text: text.into(),
            hash: String::new(),
            imported_at: chrono::DateTime::UNIX_EPOCH,
            file_name: String::new(),
        }
    }

    #[test]
    fn folds_accents_case_and_typography_and_keeps_original_offsets() {
        let text = "Ministra Inês Valadares disse. INES voltou. O’Neill — straße";
        let arts = [article(text)];
        let spans = |q: &str| -> Vec<&str> {
            search(&arts, q)
                .into_iter()
                .map(|(_, s)| &text[s.start..s.end])
                .collect()
        };
        assert_eq!(spans("ines"), ["Inês", "INES"]);
        assert_eq!(spans("Inês"), ["Inês", "INES"]);
        assert_eq!(spans("o'neill"), ["O’Neill"]);
        assert_eq!(spans("- strasse"), ["— straße"]);
        assert_eq!(spans("ss"), ["ss", "ß"]);
        assert!(spans("  ").is_empty());
    }
}
