//! Word wrapping by display width, done once per pane width: rows are byte ranges of the
//! article text, so highlights (byte spans) map to rows by binary search.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One screen row: the bytes of the text it shows (empty for a blank line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// First byte shown.
    pub start: usize,
    /// One past the last byte shown.
    pub end: usize,
}

/// A text wrapped to a width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    /// The width in columns the rows fit in.
    pub width: usize,
    /// The rows, in text order.
    pub rows: Vec<Row>,
}

/// Display width of a string as the terminal (and ratatui) draws it: per grapheme, so emoji
/// sequences and CJK take two columns.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

impl Wrapped {
    /// Wraps `text` (lines separated by `\n`) into rows of at most `width` columns, breaking
    /// at spaces, and inside words only when a word is wider than a row.
    pub fn new(text: &str, width: usize) -> Wrapped {
        let width = width.max(1);
        let mut rows = Vec::with_capacity(text.len() / width.max(8) + 16);
        let mut offset = 0;
        for line in text.split('\n') {
            wrap_line(line, offset, width, &mut rows);
            offset += line.len() + 1;
        }
        Wrapped { width, rows }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row showing byte `offset` (or the row just before it, for an offset in the space
    /// between two rows).
    pub fn row_of(&self, offset: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1)
    }
}

fn wrap_line(line: &str, base: usize, width: usize, rows: &mut Vec<Row>) {
    let mut row: Option<(usize, usize, usize)> = None; // (start, end, columns)
    let mut pos = 0;
    while pos < line.len() {
        let rest = &line[pos..];
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        let word_start = pos + gap;
        if word_start >= line.len() {
            break;
        }
        let word_len = line[word_start..]
            .find(' ')
            .unwrap_or(line.len() - word_start);
        let word_end = word_start + word_len;
        let w = self::width(&line[word_start..word_end]);
        match row {
            Some((start, _, cols)) if cols + gap + w <= width => {
                row = Some((start, word_end, cols + gap + w))
            }
            _ => {
                if let Some((start, end, _)) = row.take() {
                    rows.push(Row {
                        start: base + start,
                        end: base + end,
                    });
                }
                if w <= width {
                    row = Some((word_start, word_end, w));
                } else {
                    row = break_word(line, word_start, word_end, width, base, rows);
                }
            }
        }
        pos = word_end;
    }
    match row {
        Some((start, end, _)) => rows.push(Row {
            start: base + start,
            end: base + end,
        }),
        None => rows.push(Row {
            start: base,
            end: base,
        }),
    }
}

/// Splits a word wider than a row into row-sized pieces; returns the last piece as the open row.
fn break_word(
    line: &str,
    start: usize,
    end: usize,
    width: usize,
    base: usize,
    rows: &mut Vec<Row>,
) -> Option<(usize, usize, usize)> {
    let mut piece_start = start;
    let mut cols = 0;
    for (i, g) in line[start..end].grapheme_indices(true) {
        let gw = UnicodeWidthStr::width(g);
        if cols + gw > width && cols > 0 {
            rows.push(Row {
                start: base + piece_start,
                end: base + start + i,
            });
            piece_start = start + i;
            cols = 0;
        }
        cols += gw;
    }
    Some((piece_start, end, cols))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, width: usize) -> Vec<&str> {
        Wrapped::new(text, width)
            .rows
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(show("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(
            show("para one\n\npara two", 20),
            ["para one", "", "para two"]
        );
    }

    #[test]
    fn breaks_long_words_and_counts_wide_characters() {
        assert_eq!(show("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // Each CJK character takes two columns.
        assert_eq!(show("東京 大阪 名古屋", 6), ["東京", "大阪", "名古屋"]);
        assert_eq!(show("😀😀😀", 4), ["😀😀", "😀"]);
    }

    #[test]
    fn maps_offsets_to_rows() {
        let text = "one two three four";
        let w = Wrapped::new(text, 9);
        assert_eq!(w.row_of(0), 0);
        assert_eq!(w.row_of(text.find("three").unwrap()), 1);
        assert_eq!(w.row_of(text.find("four").unwrap()), 2);
        assert_eq!(w.row_of(7), 0, "the space after a row belongs to it");
    }

    #[test]
    fn empty_text_has_one_row() {
        assert_eq!(Wrapped::new("", 10).len(), 1);
    }
}
