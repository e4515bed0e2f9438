//! The article: sanitized text plus the metadata a reader needs to tell outlets apart.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One article as stored: every other part of juxta reads articles, never raw files.
///
/// `text` is sanitized (see [`crate::text::printable::sanitize`]): no control characters, NFC, paragraphs
/// separated by a blank line. All byte offsets juxta reports point into this text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Short, readable, stable identifier, unique within a store (`01-wire`, `report-2`).
    pub id: String,
    /// Headline, from metadata or the first line or sentence.
    pub title: String,
    /// The outlet; the file name when nothing better is known.
    pub source: String,
    /// The writers, as the source names them (metadata: never part of the title or the text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Publication date: the anchor for resolving "Tuesday" or "last month".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Where the article was published, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The sanitized article text.
    pub text: String,
    /// Hash of `text`: identical content is stored once, and cached analysis is keyed on it.
    pub hash: String,
    /// When the article entered the store (or was read, for files analysed in place).
    pub imported_at: DateTime<Utc>,
    /// Name of the file it came from (with `#N` for the N-th article of a JSON array).
    pub file_name: String,
}

impl Article {
    /// Number of words, for listings.
    pub fn word_count(&self) -> usize {
        word_count(&self.text)
    }

    /// The outlet with its writers, as headers of exports show it: `The Courier (by A, B)`.
    pub fn source_and_authors(&self) -> String {
        if self.authors.is_empty() {
            self.source.clone()
        } else {
            format!("{} (by {})", self.source, self.authors.join(", "))
        }
    }

    /// `YYYY-MM-DD`, or an empty string when the date is unknown.
    pub fn date_label(&self) -> String {
        self.date.map(|d| d.to_string()).unwrap_or_default()
    }
}

/// Hex SHA-256 of an article text: stable across versions and platforms.
pub fn content_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Turns a file name or title into an id: lowercase ASCII letters, digits and single dashes.
///
/// Diacritics are folded ("Inês" → "ines") so ids stay easy to type; the result is never empty
/// and at most 40 bytes long, cut at a dash where possible.
pub fn slug(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut dash = false;
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'ß' => 's',
            'ø' | 'Ø' => 'o',
            'æ' | 'Æ' => 'a',
            'đ' | 'Đ' => 'd',
            'ł' | 'Ł' => 'l',
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    const MAX: usize = 40;
    if out.len() > MAX {
        let cut = out[..MAX]
            .rfind('-')
            .filter(|&i| i >= MAX / 2)
            .unwrap_or(MAX);
        out.truncate(cut);
    }
    if out.is_empty() {
        out.push_str("article");
    }
    out
}

/// Whether `id` could have been made by [`slug`] (plus a `-N` suffix): the only ids the store
/// accepts, which also keeps ids from naming paths outside the store.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(slug("01-wire.txt"), "01-wire-txt");
        assert_eq!(slug("Inês Valadares-Pinto"), "ines-valadares-pinto");
        assert_eq!(slug("000_d4fa65db4602e123"), "000-d4fa65db4602e123");
        assert_eq!(slug("¿¡!"), "article");
        assert_eq!(slug("Straße Øresund"), "strase-oresund");
        let long = slug("a very long file name that keeps going and going forever");
        assert!(long.len() <= 40, "{long}");
        assert!(!long.ends_with('-'));
    }

    #[test]
    fn ids_cannot_escape_the_store() {
        assert!(is_valid_id("01-wire"));
        assert!(!is_valid_id("../etc/passwd"));
        assert!(!is_valid_id("a/b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-x"));
    }

    #[test]
    fn hash_is_stable_hex() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

/// Number of words in `text`: see [`crate::text::word_count`], the one definition that
/// listings, the compare header and passage sizes share.
pub fn word_count(text: &str) -> usize {
    crate::text::word_count(text)
}

/// An article's metadata as every JSON row carries it (`juxta list --json`, the two sides of
/// `juxta compare --format json`): one shape, flattened into the larger rows.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow<'a> {
    /// The id.
    pub id: &'a str,
    /// The title.
    pub title: &'a str,
    /// The outlet.
    pub source: &'a str,
    /// The writers (an empty list when unknown).
    pub authors: &'a [String],
    /// The publication date, when known.
    pub date: Option<chrono::NaiveDate>,
    /// The address, when known (null otherwise).
    pub url: Option<&'a str>,
    /// Number of words of the text.
    pub words: usize,
}

impl<'a> From<&'a Article> for ArticleRow<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleRow {
            id: &a.id,
            title: &a.title,
            source: &a.source,
            authors: &a.authors,
            date: a.date,
            url: a.url.as_deref(),
            words: a.word_count(),
        }
    }
}
