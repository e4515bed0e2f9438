//! What the exports share: the passages of one side as numbered marks, and a walk through a
//! line of text that says where marks open and close and how each stretch is styled.

use super::AlignedPair;
use crate::analysis::overlap::PassageKind;
use crate::analysis::{Side, Span};
use std::ops::Range;

/// One passage as seen on one side.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark<'a> {
    /// The passage's number, from 1, in left order: the same on both sides.
    pub number: usize,
    pub kind: PassageKind,
    /// The passage widened over punctuation that clings to it (an opening quote before, a
    /// full stop and closing quote after), so markers do not split "others." or "“We".
    pub span: Span,
    /// The words that differ from the other side.
    pub changed: &'a [Span],
}

/// The marks of one side, sorted by position.
pub(crate) fn marks<'a>(c: &AlignedPair<'a>, side: Side) -> Vec<Mark<'a>> {
    let text = match side {
        Side::Left => &c.left.text,
        Side::Right => &c.right.text,
    };
    let mut out: Vec<Mark<'a>> = c
        .alignment
        .passages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let (span, changed) = (p.span(side), p.changed(side));
            // Offsets from another text would slice out of bounds; skip rather than panic.
            (span.end <= text.len()
                && span.start < span.end
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end))
            .then_some(Mark {
                number: i + 1,
                kind: p.kind,
                span,
                changed,
            })
        })
        .collect();
    out.sort_by_key(|m| m.span.start);
    let mut floor = 0;
    for i in 0..out.len() {
        let ceiling = out.get(i + 1).map_or(text.len(), |m| m.span.start);
        let s = out[i].span;
        let start = widen_back(text, s.start, floor);
        let end = widen_forward(text, s.end, ceiling.max(s.end));
        out[i].span = Span::new(start, end);
        floor = end;
    }
    out
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '‹' | '„' | '¿' | '¡'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '…' | '”' | '"' | '’' | '\'' | ')' | ']' | '»' | '›'
    )
}

fn widen_back(text: &str, mut start: usize, floor: usize) -> usize {
    while start > floor {
        match text[..start].chars().next_back() {
            Some(c) if is_opener(c) => start -= c.len_utf8(),
            _ => break,
        }
    }
    start
}

fn widen_forward(text: &str, mut end: usize, ceiling: usize) -> usize {
    while end < ceiling {
        match text[end..].chars().next() {
            Some(c) if is_closer(c) => end += c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// How a stretch of text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Style {
    /// Index (into the side's marks) of the passage the stretch belongs to.
    pub mark: Option<usize>,
    /// Whether the stretch differs from the other side.
    pub changed: bool,
}

/// A step of the walk through a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    /// Mark `i` starts here.
    Open(usize),
    /// Mark `i` ends here.
    Close(usize),
    /// Text and its style.
    Text(&'t str, Style),
}

/// The walk through `text[range]` (one line): text stretches with their style, and the marks
/// opening and closing between them. A mark that spans several lines opens in its first and
/// closes in its last.
pub(crate) fn pieces<'t>(text: &'t str, range: Range<usize>, marks: &[Mark]) -> Vec<Piece<'t>> {
    let first = marks.partition_point(|m| m.span.end <= range.start);
    let relevant: Vec<usize> = (first..marks.len())
        .take_while(|&i| marks[i].span.start < range.end)
        .collect();
    let mut cuts = vec![range.start, range.end];
    for &i in &relevant {
        let m = &marks[i];
        cuts.push(m.span.start.clamp(range.start, range.end));
        cuts.push(m.span.end.clamp(range.start, range.end));
        for ch in m.changed {
            cuts.push(ch.start.clamp(range.start, range.end));
            cuts.push(ch.end.clamp(range.start, range.end));
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for (n, &at) in cuts.iter().enumerate() {
        for &i in &relevant {
            if marks[i].span.end == at && at > range.start {
                out.push(Piece::Close(i));
            }
        }
        for &i in &relevant {
            if marks[i].span.start == at && at < range.end {
                out.push(Piece::Open(i));
            }
        }
        let Some(&next) = cuts.get(n + 1) else {
            break;
        };
        let mark = relevant
            .iter()
            .copied()
            .find(|&i| marks[i].span.start <= at && at < marks[i].span.end);
        let changed =
            mark.is_some_and(|i| marks[i].changed.iter().any(|c| c.start <= at && at < c.end));
        if next > at && text.is_char_boundary(at) && text.is_char_boundary(next) {
            out.push(Piece::Text(&text[at..next], Style { mark, changed }));
        }
    }
    out
}

/// Byte ranges of the lines of `text` (without their line breaks).
pub(crate) fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        out.push(start..start + line.len());
        start += line.len() + 1;
    }
    out
}

/// The one-character symbol of a kind in markers: `=` exact, `~` near, `≈` paraphrase, `“`
/// quote.
pub(crate) fn symbol(kind: PassageKind) -> char {
    match kind {
        PassageKind::Exact => '=',
        PassageKind::Near => '~',
        PassageKind::Paraphrase => '≈',
        PassageKind::Quote => '“',
    }
}

/// The count of each kind as the summaries print it: "2 exact, 1 near, 3 paraphrase", with
/// ", 1 quote" when there are shared quotations.
pub(crate) fn kind_summary(c: crate::analysis::overlap::KindCounts) -> String {
    let mut out = format!(
        "{} exact, {} near, {} paraphrase",
        c.exact, c.near, c.paraphrase
    );
    if c.quote > 0 {
        out.push_str(&format!(", {} quote", c.quote));
    }
    out
}

/// Number of passages of all kinds.
pub(crate) fn kind_total(c: crate::analysis::overlap::KindCounts) -> usize {
    c.exact + c.near + c.paraphrase + c.quote
}

/// Number of words in `text` (the one definition, [`crate::text::word_count`]).
pub(crate) fn word_count(text: &str) -> usize {
    crate::text::word_count(text)
}

/// Words of one side that lie inside passages.
pub(crate) fn shared_words(text: &str, marks: &[Mark]) -> usize {
    marks
        .iter()
        .map(|m| word_count(&text[m.span.start..m.span.end]))
        .sum()
}
