//! What `juxta events` prints as a table: the timeline entry by entry, one line per event,
//! and a line of totals. Made here, below the command line, because the store keeps the
//! table of the archive's views as it prints (see [`table_chunks`]): reading it back is then
//! one scan of a few thousand large rows instead of decoding and cutting a million events.

use crate::store::{EventsLayout, ViewEvent};
use crate::text::display_width;

/// Widest line the tables aim for, in columns.
pub const TABLE_WIDTH: usize = 120;

/// Bytes gathered before they are handed on (written out, or stored as one row).
pub const CHUNK: usize = 1 << 16;

/// The events table, made one event at a time into [`EventsTable::buf`], which the caller
/// empties as it likes.
pub struct EventsTable {
    layout: EventsLayout,
    widths: (usize, usize, usize),
    /// The date of the entry last printed: an entry's date is printed once, and again where
    /// a report dates the happening differently.
    previous: Option<(usize, Option<String>, Option<String>)>,
    /// What is made and not yet taken.
    pub buf: String,
}

impl EventsTable {
    /// A table of events of this layout, its heading made (none when there are no events).
    pub fn new(layout: &EventsLayout) -> EventsTable {
        let id_w = layout.id_width.max(7);
        let expr_w = layout.expression_width.clamp(4, 24);
        let sentence_w = TABLE_WIDTH.saturating_sub(10 + id_w + expr_w + 6).max(30);
        let mut t = EventsTable {
            layout: *layout,
            widths: (id_w, expr_w, sentence_w),
            previous: None,
            buf: String::with_capacity(CHUNK * 2),
        };
        if layout.events > 0 {
            let buf = &mut t.buf;
            push_padded(buf, "DATE", 10);
            buf.push_str("  ");
            push_padded(buf, "ARTICLE", id_w);
            buf.push_str("  ");
            push_padded(buf, "WHEN", expr_w);
            buf.push_str("  SENTENCE\n");
        }
        t
    }

    /// Whether the table has rows: when not, [`EventsTable::push`] is never called.
    pub fn has_rows(&self) -> bool {
        self.layout.events > 0
    }

    /// The line of one event, the next in timeline order.
    pub fn push(&mut self, e: &ViewEvent) {
        let (id_w, expr_w, sentence_w) = self.widths;
        let buf = &mut self.buf;
        let same = self
            .previous
            .as_ref()
            .is_some_and(|(group, date, precision)| {
                *group == e.group && *date == e.date && *precision == e.precision
            });
        if same {
            push_spaces(buf, 10);
        } else {
            push_padded(buf, e.date.as_deref().unwrap_or("undated"), 10);
            match &mut self.previous {
                Some((group, date, precision)) => {
                    *group = e.group;
                    date.clone_from(&e.date);
                    precision.clone_from(&e.precision);
                }
                None => self.previous = Some((e.group, e.date.clone(), e.precision.clone())),
            }
        }
        buf.push_str("  ");
        push_padded(buf, &e.article, id_w);
        buf.push_str("  ");
        let w = push_one_line_cut(buf, &e.expression, 24);
        push_spaces(buf, expr_w.saturating_sub(w));
        buf.push_str("  ");
        push_one_line_cut(buf, &e.sentence, sentence_w);
        buf.push('\n');
    }

    /// The line of totals that ends the table (or says there is nothing in it).
    pub fn finish(&mut self) {
        let l = &self.layout;
        let buf = &mut self.buf;
        if l.events == 0 {
            buf.push_str(&format!(
                "No dated events found in {}.\n",
                count(l.articles, "article")
            ));
            return;
        }
        buf.push_str(&format!(
            "\n{} in {} on a timeline of {}",
            count(l.events, "event"),
            count(l.articles, "article"),
            count(l.entries, "entry").replace("entrys", "entries")
        ));
        if l.undated > 0 {
            buf.push_str(&format!(
                "; {} undated (an article without a publication date cannot anchor \"Tuesday\"; `juxta add --date` sets one)",
                l.undated
            ));
        }
        buf.push_str(".\n");
    }
}

/// The whole table of `v`'s events, in pieces of about [`CHUNK`] bytes, each ending at a
/// line's end.
#[cfg(test)]
pub fn table_chunks(v: &crate::store::Views) -> impl Iterator<Item = String> + '_ {
    table_pieces(
        &EventsLayout::of(v),
        v.timeline.iter().flatten().filter_map(|&i| v.events.get(i)),
    )
}

/// The table of events laid out as `layout` says, given in timeline order, in pieces of about
/// [`CHUNK`] bytes, each ending at a line's end; each event is taken only when its piece is
/// made.
pub fn table_pieces<E, I>(
    layout: &EventsLayout,
    mut events: I,
) -> impl Iterator<Item = String> + use<E, I>
where
    E: std::borrow::Borrow<ViewEvent>,
    I: Iterator<Item = E>,
{
    let mut table = EventsTable::new(layout);
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while table.buf.len() < CHUNK {
            match events.next() {
                Some(e) => table.push(e.borrow()),
                None => {
                    table.finish();
                    done = true;
                    break;
                }
            }
        }
        Some(std::mem::replace(
            &mut table.buf,
            String::with_capacity(CHUNK * 2),
        ))
    })
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Whether every byte of `s` is printable ASCII or white space: one column each, so its width
/// is its length.
fn plain(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b) || is_space(b))
}

/// The ASCII white space `str::split_whitespace` splits at.
fn is_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

fn push_spaces(buf: &mut String, n: usize) {
    buf.extend(std::iter::repeat_n(' ', n));
}

/// Appends `s` padded with spaces to `width` columns (as `text::pad`).
fn push_padded(buf: &mut String, s: &str, width: usize) {
    buf.push_str(s);
    let w = if plain(s) { s.len() } else { display_width(s) };
    push_spaces(buf, width.saturating_sub(w));
}

/// Appends `truncate(&one_line(s), max)` (runs of white space as one space, cut to `max`
/// columns with "…") and returns its width in columns. Reads only as much of `s` as the cut
/// line needs (a sentence can be a whole run-on page), and plain ASCII, one column a byte,
/// a word at a time; anything else is measured the general way.
fn push_one_line_cut(buf: &mut String, s: &str, max: usize) -> usize {
    let bytes = s.as_bytes();
    let class = |i: usize| CLASS[usize::from(bytes[i])];
    let begin = buf.len();
    let mut n = 0usize;
    let mut i = 0usize;
    loop {
        while i < bytes.len() && class(i) == SPACE {
            i += 1;
        }
        if i == bytes.len() {
            return n;
        }
        let sep = usize::from(n > 0);
        // The word's bytes the room can take, and one more to see that it does not fit.
        let word = i;
        let end = bytes.len().min(word + (max + 1).saturating_sub(n + sep));
        while i < end && class(i) == PRINT {
            i += 1;
        }
        if i < end && class(i) == OTHER {
            // Not one column a byte: measured the general way.
            buf.truncate(begin);
            return push_general_cut(buf, s, max);
        }
        if sep == 1 {
            buf.push(' ');
        }
        // Printable ASCII from `word` to `i`: whole chars.
        buf.push_str(&s[word..i]);
        n += sep + (i - word);
        if n > max {
            // Longer than the room: as `truncate`, the first `max - 1` columns and "…".
            let keep = max.saturating_sub(1);
            buf.truncate(begin + keep);
            buf.push('…');
            return keep + 1;
        }
    }
}

/// `push_one_line_cut` for any text.
fn push_general_cut(buf: &mut String, s: &str, max: usize) -> usize {
    let cut = crate::text::one_line_cut(s, max);
    buf.push_str(&cut);
    display_width(&cut)
}

const PRINT: u8 = 0;
const SPACE: u8 = 1;
const OTHER: u8 = 2;

/// Each byte's class: printable ASCII (one column), the ASCII white space
/// `str::split_whitespace` splits at, or anything else.
const CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        if b >= 0x21 && b < 0x7f {
            class[b] = PRINT;
        } else if b == 0x20 || (b >= 0x09 && b <= 0x0d) {
            class[b] = SPACE;
        }
        b += 1;
    }
    class
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Views;
    use crate::text::{pad, truncate};

    fn event(article: &str, group: usize, date: Option<&str>, sentence: &str) -> ViewEvent {
        ViewEvent {
            article: article.to_string(),
            date: date.map(str::to_string),
            start_date: None,
            end_date: None,
            precision: date.map(|_| "day".to_string()),
            kind: "date".to_string(),
            expression: "on Tuesday".to_string(),
            start: 0,
            end: 0,
            sentence: sentence.to_string(),
            actors: Vec::new(),
            group,
            conflict: false,
        }
    }

    #[test]
    fn the_stored_pieces_are_the_table_printed_cut_at_line_ends() {
        // Enough events for several pieces; some entries of two events, some undated.
        let mut events = Vec::new();
        let mut timeline = Vec::new();
        for g in 0..3000 {
            let date = (g % 7 != 0).then(|| format!("2024-03-{:02}", g % 28 + 1));
            let mut entry = Vec::new();
            for k in 0..1 + g % 2 {
                entry.push(events.len());
                events.push(event(
                    &format!("quay-{g}-{k}"),
                    g,
                    date.as_deref(),
                    &format!("The pier crane {g} was  inspected\nagain by the harbour office, report {k}."),
                ));
            }
            timeline.push(entry);
        }
        let views = Views {
            articles: 4500,
            actors: Vec::new(),
            events,
            timeline,
        };
        let pieces: Vec<String> = table_chunks(&views).collect();
        assert!(pieces.len() > 2, "{} pieces", pieces.len());
        assert!(pieces.iter().all(|p| p.ends_with('\n')));
        let mut whole = EventsTable::new(&EventsLayout::of(&views));
        for &i in views.timeline.iter().flatten() {
            whole.push(&views.events[i]);
        }
        whole.finish();
        assert_eq!(pieces.concat(), whole.buf);
        assert!(
            whole
                .buf
                .starts_with("DATE        ARTICLE      WHEN        SENTENCE\n")
        );
        assert!(whole.buf.contains("\n2024-03-02  quay-1-0     on Tuesday  The pier crane 1 was inspected again by the harbour office, report 0.\n            quay-1-1 "));
        assert!(whole.buf.ends_with(
            "\n4500 events in 4500 articles on a timeline of 3000 entries; 643 undated (an article without a publication date cannot anchor \"Tuesday\"; `juxta add --date` sets one).\n"
        ));
        // No events: the one line saying so, nothing stored besides.
        let empty = Views {
            articles: 2,
            ..Views::default()
        };
        assert_eq!(
            table_chunks(&empty).collect::<Vec<_>>(),
            ["No dated events found in 2 articles.\n"]
        );
    }

    fn one_line(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_cut_line_is_the_whole_line_cut_and_measured() {
        let texts = [
            "",
            "   ",
            "Short one.",
            "  The  quay\n reopened   on Monday, the  harbour office said\tlate on Sunday evening. ",
            "Exactly ten",
            "Le maire a déclaré que le pont rouvrira le 3 mars.",
            "ASCII first, then a wide one: 港の岸壁は月曜日に再開された",
            "vertical\u{0B}tab and form\u{0C}feed",
        ];
        for s in texts {
            for max in [0, 1, 2, 5, 10, 11, 12, 20, 40, 80, 200] {
                let mut buf = String::from("x");
                let w = push_one_line_cut(&mut buf, s, max);
                let want = truncate(&one_line(s), max);
                assert_eq!(&buf[1..], want, "{s:?} at {max}");
                assert_eq!(w, display_width(&want), "{s:?} at {max}");
            }
        }
    }

    #[test]
    fn padding_matches_pad() {
        for s in ["", "a000001", "undated", "März 2024", "港の岸壁"] {
            for w in [0, 3, 7, 10] {
                let mut buf = String::new();
                push_padded(&mut buf, s, w);
                assert_eq!(buf, pad(s, w));
            }
        }
    }
}
