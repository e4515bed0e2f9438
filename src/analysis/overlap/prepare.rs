//! The matchable form of one text: its words with byte spans and match keys, which words stand
//! inside quotation marks, and where sentences and paragraphs fall.
//!
//! Preparing is the only per-text work of an alignment, so a caller that aligns one article
//! against many (the TUI, the corpus index) prepares each text once.

use super::quantities::{self, Figure};
use super::stem;
use crate::text::{self, TokenKind, fold_into, fold_punct};
use std::ops::Range;

/// Marks a word outside any quotation.
pub(crate) const NO_QUOTE: u32 = u32::MAX;

/// One word (or number) of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte offset of the first byte (u32: texts are far below 4 GB, and a smaller word
    /// keeps two 100,000-word articles in less memory).
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// Hash of the folded spelling: two words match when their keys are equal.
    pub key: u64,
    /// Hash of the crude stem for content words; 0 for function words.
    pub stem: u64,
    /// Index of the quotation the word stands in, or [`NO_QUOTE`].
    pub quote: u32,
    /// Index of the paragraph (line) the word is on.
    pub para: u32,
    /// Whether the word starts with a capital letter (a name, or a sentence's first word).
    pub capital: bool,
    /// The punctuation right before the word: [`BREAK_NONE`], [`BREAK_COMMA`] or
    /// [`BREAK_STRONG`] (a semicolon, colon, dash or bracket), where clauses may split.
    pub gap: u8,
}

/// No punctuation before a word.
pub(crate) const BREAK_NONE: u8 = 0;
/// A comma before a word.
pub(crate) const BREAK_COMMA: u8 = 1;
/// A semicolon, colon, dash or bracket before a word.
pub(crate) const BREAK_STRONG: u8 = 2;

/// How strongly the punctuation mark `mark` separates what comes before from what follows.
fn break_of(mark: &str) -> u8 {
    match mark.chars().next() {
        Some(';' | ':' | '—' | '–' | '(' | ')' | '[' | ']') => BREAK_STRONG,
        Some(',') => BREAK_COMMA,
        _ => BREAK_NONE,
    }
}

impl Word {
    /// Whether the word carries content (see [`stem::is_content`]): a function word
    /// ("the", "would") does not.
    pub fn is_content(&self) -> bool {
        self.stem != 0
    }

    /// The word's byte span.
    pub fn span(&self) -> super::Span {
        super::Span::new(self.start as usize, self.end as usize)
    }
}

/// A byte offset as stored in a [`Word`]. Import refuses files over 4 GB (the size limit is
/// capped there), so every offset fits.
fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("article texts are under 4 GB: the import size limit is capped there")
}

/// A sentence: its bytes and the words in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Byte range, without surrounding white space.
    pub bytes: Range<usize>,
    /// Range of word indexes.
    pub words: Range<usize>,
}

/// A text prepared for alignment: tokenized, folded and hashed once, reusable against any
/// number of other texts. Build it with [`Prepared::new`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prepared {
    pub(crate) words: Vec<Word>,
    /// Word ranges of the quotations, indexed by [`Word::quote`].
    pub(crate) quotes: Vec<Range<usize>>,
    pub(crate) sentences: Vec<Sentence>,
    /// Numbers with their units, normalised, in text order.
    pub(crate) figures: Vec<Figure>,
}

impl Prepared {
    /// Prepares `text`. Offsets in everything derived from it are byte offsets into `text`.
    pub fn new(text: &str) -> Prepared {
        let mut words = Vec::with_capacity(text.len() / 6);
        let mut quotes = Vec::new();
        let mut quoting = Quoting::default();
        let mut folded = String::new();
        let mut para = 0u32;
        let mut prev_end = 0usize;
        let mut gap = BREAK_NONE;
        for tok in text::tokens_of(text) {
            if text[prev_end..tok.start].contains('\n') {
                quoting.close(words.len(), &mut quotes);
                para += 1;
            }
            let gap_before = tok.start > prev_end || tok.start == 0;
            prev_end = tok.end;
            let s = tok.as_str(text);
            if tok.kind == TokenKind::Punct {
                // A hyphen between spaces is a dash ("the coach -- in tears -- said").
                let dash = s.starts_with('-') && gap_before;
                gap = gap.max(if dash { BREAK_STRONG } else { break_of(s) });
                let next = text[tok.end..].chars().next();
                quoting.punct(s, gap_before, next, words.len(), &mut quotes);
                continue;
            }
            folded.clear();
            fold_into(s, &mut folded);
            if tok.kind == TokenKind::Number {
                // "1,000" and "1000" are the same number.
                folded.retain(|c| c != ',');
            }
            let key = stem::hash_str(&folded);
            let stem = if stem::is_content(&folded, key) {
                stem::hash_str(stem::stem(&folded)).max(1)
            } else {
                0
            };
            words.push(Word {
                start: offset(tok.start),
                end: offset(tok.end),
                key,
                stem,
                quote: NO_QUOTE,
                para,
                capital: s.chars().next().is_some_and(char::is_uppercase),
                gap: std::mem::replace(&mut gap, BREAK_NONE),
            });
        }
        quoting.close(words.len(), &mut quotes);
        for (q, range) in quotes.iter().enumerate() {
            for w in &mut words[range.clone()] {
                // Fewer quotations than words, so the index fits in u32 for any text under 4 GB.
                w.quote = q as u32;
            }
        }
        let sentences = text::sentences(text)
            .into_iter()
            .filter_map(|bytes| {
                let first = words.partition_point(|w| (w.start as usize) < bytes.start);
                let last = words.partition_point(|w| (w.start as usize) < bytes.end);
                (last > first).then_some(Sentence {
                    bytes,
                    words: first..last,
                })
            })
            .collect();
        let figures = quantities::scan(text, &words);
        Prepared {
            words,
            quotes,
            sentences,
            figures,
        }
    }

    /// Number of words (and numbers) in the text.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Byte span of the words `range` (which must be non-empty and in bounds).
    pub(crate) fn byte_span(&self, range: &Range<usize>) -> super::Span {
        super::Span::new(
            self.words[range.start].span().start,
            self.words[range.end - 1].span().end,
        )
    }

    /// Number of content words among `range`.
    pub(crate) fn content_in(&self, range: Range<usize>) -> usize {
        self.words[range].iter().filter(|w| w.is_content()).count()
    }

    /// Whether a sentence starts at a word in `lo..=hi`.
    pub(crate) fn sentence_starts_in(&self, lo: usize, hi: usize) -> bool {
        let i = self.sentences.partition_point(|s| s.words.start < lo);
        self.sentences.get(i).is_some_and(|s| s.words.start <= hi)
    }

    /// Whether some whole sentence lies inside the words `gap`.
    pub(crate) fn holds_sentence(&self, gap: &Range<usize>) -> bool {
        let i = self
            .sentences
            .partition_point(|s| s.words.start < gap.start);
        self.sentences
            .get(i)
            .is_some_and(|s| s.words.end <= gap.end)
    }

    /// The quotation that holds all of `range`, if one does.
    pub(crate) fn quote_around(&self, range: &Range<usize>) -> Option<&Range<usize>> {
        let q = self.words.get(range.start)?.quote;
        let last = self.words.get(range.end.checked_sub(1)?)?.quote;
        (q != NO_QUOTE && q == last).then(|| &self.quotes[q as usize])
    }
}

/// Tracks quotation marks along one line.
#[derive(Debug, Default)]
struct Quoting {
    /// Word index where the open quotation starts, and whether it opened with a single mark.
    open: Option<(usize, bool)>,
}

impl Quoting {
    fn punct(
        &mut self,
        mark: &str,
        gap_before: bool,
        next: Option<char>,
        word_count: usize,
        quotes: &mut Vec<Range<usize>>,
    ) {
        let raw = mark.chars().next().unwrap_or(' ');
        let opens_word = next.is_some_and(|c| c.is_alphanumeric() || fold_punct(c) == '"');
        match raw {
            '“' | '„' | '«' => self.start(word_count, false, quotes),
            '”' | '»' => self.end_if(false, word_count, quotes),
            '"' => {
                if self.open.is_some_and(|(_, single)| !single) {
                    self.close(word_count, quotes);
                } else {
                    self.start(word_count, false, quotes);
                }
            }
            '‘' | '‹' if self.open.is_none() => self.start(word_count, true, quotes),
            '’' | '›' => self.end_if(true, word_count, quotes),
            '\'' => {
                if self.open.is_none() && gap_before && opens_word {
                    self.start(word_count, true, quotes);
                } else {
                    self.end_if(true, word_count, quotes);
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, at: usize, single: bool, quotes: &mut Vec<Range<usize>>) {
        self.close(at, quotes);
        self.open = Some((at, single));
    }

    fn end_if(&mut self, single: bool, at: usize, quotes: &mut Vec<Range<usize>>) {
        if self.open.is_some_and(|(_, s)| s == single) {
            self.close(at, quotes);
        }
    }

    fn close(&mut self, at: usize, quotes: &mut Vec<Range<usize>>) {
        if let Some((start, _)) = self.open.take()
            && at > start
        {
            quotes.push(start..at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let p = Prepared::new(text);
        p.quotes
            .iter()
            .map(|r| text[p.byte_span(r).start..p.byte_span(r).end].to_string())
            .collect()
    }

    #[test]
    fn finds_quotations_of_every_style() {
        assert_eq!(
            quoted("He said “we will meet” and 'soon' then \"later on\"."),
            ["we will meet", "soon", "later on"]
        );
        assert_eq!(
            quoted("the leaders' call, O'Connell’s view"),
            Vec::<String>::new()
        );
        assert_eq!(quoted("“Open at the end\nNext line"), ["Open at the end"]);
    }

    #[test]
    fn keys_fold_spelling() {
        let a = Prepared::new("Vice-President’s 1,000 QUAY");
        let b = Prepared::new("vice president's 1000 quay");
        let keys = |p: &Prepared| p.words.iter().map(|w| w.key).collect::<Vec<_>>();
        assert_eq!(keys(&a), keys(&b));
    }

    #[test]
    fn sentences_map_to_words() {
        let p = Prepared::new("One two three. Four five.\n\nSix.");
        let ranges: Vec<_> = p.sentences.iter().map(|s| s.words.clone()).collect();
        assert_eq!(ranges, [0..3, 3..5, 5..6]);
        assert_eq!(p.words[5].para, 1);
    }
}
