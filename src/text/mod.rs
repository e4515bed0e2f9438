//! Words and sentences with byte spans, and the folding that makes two spellings match.
//!
//! Every analysis (overlap, actors, dates) works on these tokens so that offsets always point
//! into the stored article text and "Vice-President", "vice president" and "Vice—President"
//! compare equal.

mod cursor;
mod fold;
pub mod printable;
mod sentences;

pub use cursor::Cursor;
pub use sentences::{is_abbreviation, sentences};

pub use fold::{fold_into, is_apostrophe};
use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits), apostrophes inside: `Halvorsen’s`, `O'Connell`, `1,000th`.
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

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Splits text into words, numbers and punctuation, with byte spans.
///
/// Hyphens and dashes are separate punctuation tokens, so a hyphenated compound yields its parts
/// (matching "Vice-President" against "Vice President"); apostrophes between letters stay inside
/// the word ("O'Connell", "Halvorsen’s").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    tokens.extend(tokens_of(text));
    tokens
}

/// Number of words in `text`, the one definition juxta uses everywhere (listings, `show`, the
/// compare header, passage sizes): words and numbers as [`tokenize`] finds them, so dashes and
/// other punctuation are not words and a hyphenated compound counts its parts, as the
/// alignment counts them.
pub fn word_count(text: &str) -> usize {
    tokens_of(text).filter(Token::is_wordlike).count()
}

/// The tokens of [`tokenize`], one at a time: for a single pass, without the vector.
pub fn tokens_of(text: &str) -> Tokens<'_> {
    Tokens { text, at: 0 }
}

/// Iterator over the tokens of a text (see [`tokenize`]).
#[derive(Debug, Clone)]
pub struct Tokens<'t> {
    text: &'t str,
    at: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.at;
        while i < text.len() {
            let b = bytes[i];
            // ASCII first: most of every article, and no decoding needed.
            let (c, len) = if b < 0x80 {
                if b == b' ' || b == b'\n' {
                    i += 1;
                    continue;
                }
                if b.is_ascii_alphanumeric() {
                    // An ASCII word, the bulk of every text: its run of letters and digits is
                    // read here, and `word_end` is asked only when a joiner or a non-ASCII
                    // character follows it.
                    let mut end = i + 1 + ascii_alnum_run(&bytes[i + 1..]);
                    if end < bytes.len()
                        && (bytes[end] >= 0x80 || matches!(bytes[end], b'\'' | b',' | b'.'))
                    {
                        end = word_end(text, end, bytes[end - 1] as char);
                    }
                    self.at = end;
                    return Some(Token {
                        start: i,
                        end,
                        kind: word_kind(&bytes[i..end]),
                    });
                }
                (b as char, 1)
            } else {
                char_at(text, i)
            };
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !is_word_char(c) {
                self.at = i + len;
                return Some(Token {
                    start: i,
                    end: i + len,
                    kind: TokenKind::Punct,
                });
            }
            let end = word_end(text, i + len, c);
            self.at = end;
            return Some(Token {
                start: i,
                end,
                kind: word_kind(&bytes[i..end]),
            });
        }
        self.at = text.len();
        None
    }
}

/// ASCII letters and digits, by byte value.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// How many ASCII letters and digits `bytes` starts with: the tokenizer asks it of nearly every
/// byte of a text, so it is one table lookup a byte.
fn ascii_alnum_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !ASCII_ALNUM[usize::from(b)])
        .unwrap_or(bytes.len())
}

/// A number when the word is digits with `,` or `.` between them, else a word.
fn word_kind(word: &[u8]) -> TokenKind {
    let number = word[0].is_ascii_digit()
        && word
            .iter()
            .all(|&b| b.is_ascii_digit() || b == b',' || b == b'.');
    if number {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// End of the word whose first character `first` ends at byte `end`.
fn word_end(text: &str, mut end: usize, first: char) -> usize {
    let bytes = text.as_bytes();
    let mut prev = first;
    while end < text.len() {
        // Fast path: a run of ASCII letters and digits.
        if bytes[end].is_ascii_alphanumeric() {
            end += 1 + ascii_alnum_run(&bytes[end + 1..]);
            prev = bytes[end - 1] as char;
            continue;
        }
        // Any other ASCII byte but a joiner ends the word: a space, most often.
        if bytes[end] < 0x80 && !matches!(bytes[end], b'\'' | b',' | b'.') {
            break;
        }
        let (next, next_len) = char_at(text, end);
        if is_word_char(next) {
            prev = next;
            end += next_len;
            continue;
        }
        // A joiner is kept only between two word characters: "O'Connell", "1,000", "3.5".
        let apostrophe = is_apostrophe(next) && prev.is_alphabetic();
        let separator = matches!(next, ',' | '.') && prev.is_ascii_digit();
        if !apostrophe && !separator {
            break;
        }
        let after = end + next_len;
        let joined = after < text.len() && {
            let (a, _) = char_at(text, after);
            if apostrophe {
                a.is_alphabetic()
            } else {
                a.is_ascii_digit()
            }
        };
        if !joined {
            break;
        }
        end = after;
    }
    end
}

/// The character at byte `i` and its length, without decoding for ASCII.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[i..]
        .chars()
        .next()
        .expect("i is a character boundary inside the text");
    (c, c.len_utf8())
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

/// Display width of a string in terminal columns (CJK and most emoji take two).
pub fn display_width(s: &str) -> usize {
    // Printable ASCII is one column a byte: most names and headings, without the table walk.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return s.len();
    }
    unicode_width::UnicodeWidthStr::width(s)
}

/// Pads with spaces to `width` display columns.
pub fn pad(s: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(s));
    let mut out = String::with_capacity(s.len() + fill);
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', fill));
    out
}

/// Cuts to at most `max` display columns, marking the cut with "…".
pub fn truncate(s: &str, max: usize) -> String {
    if display_width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `truncate(&one_line(s), max)`, reading only as much of `s` as the cut line needs: a
/// timeline of a million events prints a million sentences.
pub fn one_line_cut(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut width = 0;
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += display_width(word);
        if width > max + 2 && display_width(&out) > max {
            break;
        }
    }
    truncate(&out, max)
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
            words("Kessler and Sorel—their"),
            ["Kessler", "and", "Sorel", "—", "their"]
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
    fn padding_counts_columns() {
        assert_eq!(pad("Ana", 5), "Ana  ");
        assert_eq!(pad("東京", 5), "東京 ");
        assert_eq!(pad("Inês", 5), "Inês ");
        assert_eq!(pad("too long", 3), "too long");
    }

    #[test]
    fn folding_matches_spellings() {
        assert_eq!(fold("Inês"), "ines");
        assert_eq!(fold("Halvorsen’s"), "halvorsen's");
        assert_eq!(fold("HALLSTRÖM"), "hallstrom");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold_punct('—'), '-');
        assert_eq!(fold_punct('“'), '"');
    }
}
