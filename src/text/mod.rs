//! Words and sentences with byte spans, and the folding that makes two spellings match.
//!
//! Every analysis (overlap, actors, dates) works on these tokens so that offsets always point
//! into the stored article text and "Vice-President", "vice president" and "Vice—President"
//! compare equal.

mod sentences;

pub use sentences::{is_abbreviation, sentences};

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits), apostrophes inside: `Trump’s`, `O'Connell`, `1,000th`.
    Word,
    /// Digits, with `,` or `.` between digit groups: `2025`, `1,000`, `3.5`.
    Number,
    /// Any other visible character, one per token: `.`, `“`, `—`, `-`.
    Punct,
}

/// A token: a byte range of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is made of.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The token's byte range.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether this is a word or a number.
    pub fn is_wordlike(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

/// Whether `c` is an apostrophe in any of its typographic forms.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Splits text into words, numbers and punctuation, with byte spans.
///
/// Hyphens and dashes are separate punctuation tokens, so a hyphenated compound yields its parts
/// (matching "Vice-President" against "Vice President"); apostrophes between letters stay inside
/// the word ("O'Connell", "Trump’s").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                start,
                end: start + c.len_utf8(),
                kind: TokenKind::Punct,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut all_digits = c.is_ascii_digit();
        let mut prev = c;
        while let Some(&(i, next)) = chars.peek() {
            if is_word_char(next) {
                all_digits &= next.is_ascii_digit();
                prev = next;
                end = i + next.len_utf8();
                chars.next();
                continue;
            }
            // A joiner is kept only between two word characters: "O'Connell", "1,000", "3.5".
            let joins = (is_apostrophe(next) && prev.is_alphabetic())
                || (matches!(next, ',' | '.') && prev.is_ascii_digit());
            if !joins {
                break;
            }
            let after = text[i + next.len_utf8()..].chars().next();
            let ok = match after {
                Some(a) if is_apostrophe(next) => a.is_alphabetic(),
                Some(a) => a.is_ascii_digit(),
                None => false,
            };
            if !ok {
                break;
            }
            chars.next();
            end = i + next.len_utf8();
        }
        let kind = if all_digits || text[start..end].starts_with(|c: char| c.is_ascii_digit()) {
            if text[start..end]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else {
            TokenKind::Word
        };
        tokens.push(Token { start, end, kind });
    }
    tokens
}

/// Appends the match key of a word to `out`: lowercase, diacritics removed, apostrophes
/// straightened, so "Inês" = "ines" and "Trump’s" = "trump's".
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in word.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if is_apostrophe(c) {
            out.push('\'');
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'æ' | 'Æ' => out.push_str("ae"),
            'đ' | 'Đ' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'ı' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// The match key of a word (see [`fold_into`]).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Folds a typographic character to its plain form: curly quotes to straight ones, every dash
/// and minus to `-`. Other characters are returned unchanged.
pub fn fold_punct(c: char) -> char {
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | '′' | 'ʼ' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－' => '-',
        _ => c,
    }
}

/// Whether the first letter of `s` is uppercase.
pub fn starts_uppercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.as_str(text)).collect()
    }

    #[test]
    fn hyphens_and_dashes_split_words() {
        assert_eq!(words("Vice-President"), ["Vice", "-", "President"]);
        assert_eq!(
            words("Scholz and Putin—their"),
            ["Scholz", "and", "Putin", "—", "their"]
        );
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        assert_eq!(words("O'Connell’s office"), ["O'Connell’s", "office"]);
        assert_eq!(words("the leaders' call"), ["the", "leaders", "'", "call"]);
        assert_eq!(words("‘quoted’"), ["‘", "quoted", "’"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        let text = "1,000th day, 3.5 km, in 2022.";
        assert_eq!(
            words(text),
            ["1,000th", "day", ",", "3.5", "km", ",", "in", "2022", "."]
        );
        let kinds: Vec<_> = tokenize(text).iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], TokenKind::Word);
        assert_eq!(kinds[3], TokenKind::Number);
        assert_eq!(kinds[7], TokenKind::Number);
    }

    #[test]
    fn spans_slice_multibyte_text() {
        let text = "Inês Valadares-Pinto 東京 😀!";
        let toks = tokenize(text);
        assert_eq!(toks[0].as_str(text), "Inês");
        assert_eq!(toks[4].as_str(text), "東京");
        assert_eq!(toks[5].as_str(text), "😀");
    }

    #[test]
    fn folding_matches_spellings() {
        assert_eq!(fold("Inês"), "ines");
        assert_eq!(fold("Trump’s"), "trump's");
        assert_eq!(fold("HALLSTRÖM"), "hallstrom");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold_punct('—'), '-');
        assert_eq!(fold_punct('“'), '"');
    }
}
