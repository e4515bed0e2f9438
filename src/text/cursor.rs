//! A read-only view of a token stream, indexed by token number, with the questions both
//! scanners (names and dates) ask of their neighbourhood. Out-of-range indexes answer "no",
//! so a rule can look ahead or behind without bounds checks of its own.

use super::{Token, TokenKind};

/// Tokens of one text, with the text they point into.
#[derive(Clone, Copy)]
pub struct Cursor<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        Cursor { text, toks }
    }

    /// Token `i`'s text. `i` must be in range.
    pub fn s(&self, i: usize) -> &'a str {
        self.toks[i].as_str(self.text)
    }

    /// Token `i`'s text when it is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == TokenKind::Word).then(|| t.as_str(self.text))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Token `i`'s text when it is a word that starts lower case.
    pub fn lower_word(&self, i: usize) -> Option<&'a str> {
        self.word(i).filter(|s| s.starts_with(char::is_lowercase))
    }

    /// Whether token `i` is the punctuation `p`.
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.as_str(self.text) == p)
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    pub fn touch(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Whether only spaces (no line break) separate token `i` from token `i + 1`.
    pub fn same_line(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            // Bytes, not a `char` search: the gap is mostly one space.
            (Some(a), Some(b)) => !self.text.as_bytes()[a.end..b.start].contains(&b'\n'),
            _ => false,
        }
    }

    /// Whether a line break (or the start of the text) comes before token `i`.
    pub fn line_break_before(&self, i: usize) -> bool {
        i == 0 || !self.same_line(i - 1)
    }

    /// Whether token `i` is a word equal to one of `list`, ignoring case.
    // Asked in the date reader's inner loop, with a constant list: inlined there.
    #[inline]
    pub fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| list.iter().any(|x| x.eq_ignore_ascii_case(w)))
    }

    /// The matching entry of `list` for token `i`, ignoring case.
    pub fn which(&self, i: usize, list: &[&'static str]) -> Option<&'static str> {
        let w = self.word(i)?;
        list.iter().copied().find(|x| x.eq_ignore_ascii_case(w))
    }

    /// Whether token `i` is a hyphen or dash of any kind.
    pub fn is_dash(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && t.as_str(self.text).chars().next().map(super::fold_punct) == Some('-')
        })
    }
}
