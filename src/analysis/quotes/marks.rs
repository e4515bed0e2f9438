//! Where quotations stand: the quotation marks of one text paired into quoted pieces, in any
//! style (straight, curly, low-high, single, guillemets), a quotation left open at a paragraph's
//! end continuing into the next paragraph when that one opens with a mark again.

use crate::analysis::Span;

/// One quotation as the marks delimit it, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marked {
    /// The quoted words of each paragraph it runs over, without the marks, white space or a
    /// trailing comma.
    pub pieces: Vec<Span>,
    /// From the opening mark to one past the closing mark (or the paragraph's end).
    pub outer: Span,
    /// Whether the quoted words ended with a comma: "“A,” she said" goes on after the
    /// attribution.
    pub comma: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    /// Byte of the opening mark.
    mark: usize,
    /// Byte after it: where the quoted words start.
    inner: usize,
}

fn opens_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '[' | '(' | '…' | '‘' | '\'' | '$'))
}

fn after_gap(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ':'))
}

/// The first byte of every quotation mark [`find`] reads: `"`, `'`, and the lead bytes of
/// the two-byte (`«` `»`) and three-byte (`“` `”` `„` `‘` `’` `‹` `›`) ones.
const MARK_LEADS: [u8; 4] = [b'"', b'\'', 0xC2, 0xE2];

/// Finds the quotations of `text`, in text order.
pub(crate) fn find(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    // Pieces of a quotation that ran over the end of a paragraph, waiting for the next one.
    let mut carried: Option<(Vec<Span>, usize)> = None;
    let mut para_start = 0;
    for line in text.split_inclusive('\n') {
        let para_end = para_start + line.trim_end_matches(['\n', '\r']).len();
        let first = text[para_start..para_end]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map(|(i, c)| (para_start + i, c));
        if first.is_none() {
            para_start += line.len();
            continue;
        }
        let continues = first.is_some_and(|(_, c)| matches!(c, '“' | '"' | '«' | '„'));
        if let Some((pieces, outer_start)) = carried.take() {
            if continues {
                carried = Some((pieces, outer_start));
            } else {
                let end = pieces.last().map_or(para_start, |p| p.end);
                push(&mut out, text, pieces, Span::new(outer_start, end), None);
            }
        }
        let mut open: Option<Open> = None;
        let seg = &text[para_start..para_end];
        // Only quotation marks act, and each one's first byte is one of `MARK_LEADS`: the
        // scan jumps from one such byte to the next instead of decoding every character.
        let bytes = seg.as_bytes();
        let mut from = 0;
        while let Some(skip) = bytes[from..].iter().position(|b| MARK_LEADS.contains(b)) {
            let i = from + skip;
            let Some(c) = seg[i..].chars().next() else {
                break;
            };
            from = i + c.len_utf8();
            let prev = seg[..i].chars().next_back();
            let next = seg[from..].chars().next();
            let at = para_start + i;
            let after = at + c.len_utf8();
            let begin = |family| Open {
                family,
                mark: at,
                inner: after,
            };
            match c {
                '“' | '„' => {
                    if let Some(o) = open.filter(|o| o.family == Family::Double) {
                        // A second opening mark inside an open quotation: the first was never
                        // closed; keep it up to here.
                        close(&mut out, &mut carried, text, o, at, at);
                    }
                    if open.is_none_or(|o| o.family == Family::Double) {
                        open = Some(begin(Family::Double));
                    }
                }
                '”' => match open {
                    Some(o) if o.family == Family::Double => {
                        close(&mut out, &mut carried, text, o, at, after);
                        open = None;
                    }
                    // A closing mark used to open (a common typesetting slip).
                    None if after_gap(prev) && opens_word(next) => {
                        open = Some(begin(Family::Double))
                    }
                    _ => {}
                },
                '"' => match open {
                    Some(o) if o.family == Family::Double => {
                        close(&mut out, &mut carried, text, o, at, after);
                        open = None;
                    }
                    None => open = Some(begin(Family::Double)),
                    _ => {}
                },
                '«' if open.is_none() => open = Some(begin(Family::Guillemet)),
                '»' => {
                    if let Some(o) = open.filter(|o| o.family == Family::Guillemet) {
                        close(&mut out, &mut carried, text, o, at, after);
                        open = None;
                    }
                }
                '‘' | '‹' if open.is_none() && opens_word(next) => {
                    open = Some(begin(Family::Single))
                }
                '’' | '\'' | '›' => match open {
                    // An apostrophe inside a word ("don’t") closes nothing.
                    Some(o)
                        if o.family == Family::Single
                            && !next.is_some_and(char::is_alphanumeric)
                            && !prev.is_none_or(char::is_whitespace) =>
                    {
                        close(&mut out, &mut carried, text, o, at, after);
                        open = None;
                    }
                    None if c == '\'' && after_gap(prev) && opens_word(next) => {
                        open = Some(begin(Family::Single))
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        if let Some(o) = open {
            // Left open at the paragraph's end: it goes on if the next paragraph opens with a
            // mark (the convention for a quotation over several paragraphs), else it ends here.
            let (mut pieces, outer_start) = carried.take().unwrap_or((Vec::new(), o.mark));
            if let Some(p) = trim(text, o.inner, para_end).0 {
                pieces.push(p);
            }
            if !pieces.is_empty() {
                carried = Some((pieces, outer_start));
            }
        }
        para_start += line.len();
    }
    if let Some((pieces, outer_start)) = carried {
        let end = pieces.last().map_or(text.len(), |p| p.end);
        push(&mut out, text, pieces, Span::new(outer_start, end), None);
    }
    out
}

fn close(
    out: &mut Vec<Marked>,
    carried: &mut Option<(Vec<Span>, usize)>,
    text: &str,
    o: Open,
    inner_end: usize,
    outer_end: usize,
) {
    let (mut pieces, outer_start) = carried.take().map_or((Vec::new(), o.mark), |(p, s)| (p, s));
    let (piece, comma) = trim(text, o.inner, inner_end);
    pieces.extend(piece);
    push(
        out,
        text,
        pieces,
        Span::new(outer_start, outer_end),
        Some(comma),
    );
}

fn push(out: &mut Vec<Marked>, text: &str, pieces: Vec<Span>, outer: Span, comma: Option<bool>) {
    if pieces
        .iter()
        .any(|p| p.slice(text).chars().any(char::is_alphanumeric))
    {
        out.push(Marked {
            pieces,
            outer,
            comma: comma.unwrap_or(false),
        });
    }
}

/// The quoted words between `start` and `end`: white space trimmed, and a trailing comma (which
/// belongs to the sentence around the quotation). Also says whether there was one.
fn trim(text: &str, start: usize, end: usize) -> (Option<Span>, bool) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    // “He told me, ‘Go,’ ” — the comma may stand inside a nested quotation's mark.
    let comma = body.trim_end_matches(['’', '\'', ' ']).ends_with(',');
    let body = body.trim_end_matches(',').trim_end();
    if body.is_empty() {
        return (None, comma);
    }
    let from = start + lead;
    (Some(Span::new(from, from + body.len())), comma)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<Vec<&str>> {
        find(text)
            .iter()
            .map(|m| m.pieces.iter().map(|p| p.slice(text)).collect())
            .collect()
    }

    #[test]
    fn every_style_of_mark() {
        assert_eq!(
            quoted("He said “we will meet” and 'soon' then \"later on\", «bientôt» „gleich“."),
            [
                vec!["we will meet"],
                vec!["soon"],
                vec!["later on"],
                vec!["bientôt"],
                vec!["gleich"]
            ]
        );
        assert!(quoted("the leaders' call, O'Connell’s view").is_empty());
    }

    #[test]
    fn apostrophes_and_nested_quotes_stay_inside() {
        assert_eq!(
            quoted("“He told me, ‘I don’t know,’ ” Ada said."),
            [vec!["He told me, ‘I don’t know,’"]]
        );
    }

    #[test]
    fn a_quotation_over_two_paragraphs() {
        let text = "“First part of it.\n\n“Second part,” she said.\nNext.";
        assert_eq!(quoted(text), [vec!["First part of it.", "Second part"]]);
        let m = &find(text)[0];
        assert_eq!(m.outer, Span::new(0, 40));
        assert!(m.comma);
    }

    #[test]
    fn an_unclosed_quotation_ends_with_its_paragraph() {
        assert_eq!(
            quoted("“Open at the end\nNext line"),
            [vec!["Open at the end"]]
        );
    }
}
