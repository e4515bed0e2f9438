//! `juxta events`: the timeline as a table, or the events as JSON, written as they are read.
//!
//! An archive of 100,000 articles holds about a million events: both forms are written one
//! event at a time into one reused line buffer, never holding the timeline whole, and a line
//! of plain ASCII (nearly every line) is measured by its bytes instead of its Unicode width.

use super::Context;
use super::extract::{ExtractArgs, TABLE_WIDTH, count, one_line_cut};
use crate::store::{EventOrder, EventsLayout, ViewEvent};
use crate::text::display_width;
use anyhow::Result;
use std::io::Write;

/// Bytes gathered before they are written out.
const CHUNK: usize = 1 << 16;

/// Runs `juxta events`; the whole archive's are streamed from the store's views.
pub fn run(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<bool> {
    if args.json {
        json(ctx, args, out)?;
    } else {
        table(ctx, args, out)?;
    }
    Ok(true)
}

/// The events in date order as a pretty JSON array, byte for byte what
/// `serde_json::to_writer_pretty` makes of the whole list.
fn json(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK * 2);
    let mut first = true;
    let mut failed: Option<anyhow::Error> = None;
    crate::service::stream_events(
        ctx,
        &args.articles,
        EventOrder::Date,
        true,
        &mut |_| true,
        &mut |e| {
            push_event_json(&mut buf, e, first);
            first = false;
            if buf.len() >= CHUNK {
                if let Err(err) = out.write_all(&buf) {
                    failed = Some(err.into());
                    return false;
                }
                buf.clear();
            }
            true
        },
    )?;
    if let Some(err) = failed {
        return Err(err);
    }
    close_events_json(&mut buf, !first);
    buf.push(b'\n');
    out.write_all(&buf)?;
    out.flush()?;
    Ok(())
}

/// The timeline as a table, entry by entry, and a line of totals.
fn table(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<()> {
    /// What both callbacks write to.
    struct Table<'a, W> {
        out: &'a mut W,
        layout: EventsLayout,
        widths: (usize, usize, usize),
        buf: String,
        /// The date of the entry last printed: an entry's date is printed once, and again
        /// where a report dates the happening differently.
        previous: Option<(usize, Option<String>, Option<String>)>,
        failed: Option<std::io::Error>,
    }
    let table = std::cell::RefCell::new(Table {
        out,
        layout: EventsLayout::default(),
        widths: (7, 4, 30),
        buf: String::with_capacity(CHUNK * 2),
        previous: None,
        failed: None,
    });
    crate::service::stream_events(
        ctx,
        &args.articles,
        EventOrder::Timeline,
        false,
        &mut |l| {
            let t = &mut *table.borrow_mut();
            t.layout = *l;
            if l.events == 0 {
                return false;
            }
            let id_w = l.id_width.max(7);
            let expr_w = l.expression_width.clamp(4, 24);
            let sentence_w = TABLE_WIDTH.saturating_sub(10 + id_w + expr_w + 6).max(30);
            t.widths = (id_w, expr_w, sentence_w);
            let buf = &mut t.buf;
            push_padded(buf, "DATE", 10);
            buf.push_str("  ");
            push_padded(buf, "ARTICLE", id_w);
            buf.push_str("  ");
            push_padded(buf, "WHEN", expr_w);
            buf.push_str("  SENTENCE\n");
            true
        },
        &mut |e| {
            let t = &mut *table.borrow_mut();
            let (id_w, expr_w, sentence_w) = t.widths;
            let buf = &mut t.buf;
            let same = t.previous.as_ref().is_some_and(|(group, date, precision)| {
                *group == e.group && *date == e.date && *precision == e.precision
            });
            if same {
                push_spaces(buf, 10);
            } else {
                push_padded(buf, e.date.as_deref().unwrap_or("undated"), 10);
                match &mut t.previous {
                    Some((group, date, precision)) => {
                        *group = e.group;
                        date.clone_from(&e.date);
                        precision.clone_from(&e.precision);
                    }
                    None => t.previous = Some((e.group, e.date.clone(), e.precision.clone())),
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
            if buf.len() >= CHUNK {
                if let Err(err) = t.out.write_all(buf.as_bytes()) {
                    t.failed = Some(err);
                    return false;
                }
                buf.clear();
            }
            true
        },
    )?;
    let Table {
        out,
        layout,
        buf,
        failed,
        ..
    } = table.into_inner();
    if let Some(err) = failed {
        return Err(err.into());
    }
    out.write_all(buf.as_bytes())?;
    if layout.events == 0 {
        writeln!(
            out,
            "No dated events found in {}.",
            count(layout.articles, "article")
        )?;
        out.flush()?;
        return Ok(());
    }
    write!(
        out,
        "\n{} in {} on a timeline of {}",
        count(layout.events, "event"),
        count(layout.articles, "article"),
        count(layout.entries, "entry").replace("entrys", "entries")
    )?;
    if layout.undated > 0 {
        write!(
            out,
            "; {} undated (an article without a publication date cannot anchor \"Tuesday\"; `juxta add --date` sets one)",
            layout.undated
        )?;
    }
    writeln!(out, ".")?;
    out.flush()?;
    Ok(())
}

/// Appends one event to a pretty JSON array as `serde_json::to_writer_pretty` writes it, byte
/// for byte (`[` before the first event, `,` before the others; [`close_events_json`] ends
/// it). Strings are escaped a run at a time: a run-on text's events carry megabytes of
/// sentences, which serde_json escapes byte by byte. A test holds the two to the same output.
fn push_event_json(out: &mut Vec<u8>, e: &ViewEvent, first: bool) {
    fn opt(out: &mut Vec<u8>, value: Option<&str>) {
        match value {
            Some(v) => json_str(out, v),
            None => out.extend_from_slice(b"null"),
        }
    }
    out.extend_from_slice(if first { b"[\n  {" } else { b",\n  {" });
    out.extend_from_slice(b"\n    \"article\": ");
    json_str(out, &e.article);
    out.extend_from_slice(b",\n    \"date\": ");
    opt(out, e.date.as_deref());
    out.extend_from_slice(b",\n    \"start_date\": ");
    opt(out, e.start_date.as_deref());
    out.extend_from_slice(b",\n    \"end_date\": ");
    opt(out, e.end_date.as_deref());
    out.extend_from_slice(b",\n    \"precision\": ");
    opt(out, e.precision.as_deref());
    out.extend_from_slice(b",\n    \"kind\": ");
    json_str(out, &e.kind);
    out.extend_from_slice(b",\n    \"expression\": ");
    json_str(out, &e.expression);
    // Writing numbers into a Vec cannot fail.
    let _ = write!(
        out,
        ",\n    \"start\": {},\n    \"end\": {}",
        e.start, e.end
    );
    out.extend_from_slice(b",\n    \"sentence\": ");
    json_str(out, &e.sentence);
    out.extend_from_slice(b",\n    \"actors\": [");
    for (j, a) in e.actors.iter().enumerate() {
        out.extend_from_slice(if j == 0 { b"\n      " } else { b",\n      " });
        json_str(out, a);
    }
    if !e.actors.is_empty() {
        out.extend_from_slice(b"\n    ");
    }
    let _ = write!(
        out,
        "],\n    \"group\": {},\n    \"conflict\": {}\n  }}",
        e.group, e.conflict
    );
}

/// Ends the array [`push_event_json`] began (`[]` when it holds no event).
fn close_events_json(out: &mut Vec<u8>, any: bool) {
    out.extend_from_slice(if any { b"\n]" } else { b"[]" });
}

/// Writes a JSON string as serde_json does: `"` and `\\` escaped, control characters as
/// `\n`, `\t`, … or `\u00XX`, everything else as it is. Plain runs are found eight bytes at a
/// time and copied whole.
fn json_str(out: &mut Vec<u8>, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `x` is below 0x20, a quotation mark or a backslash (the classic
    // "has a zero byte" tests; they never miss one, and a false alarm only sends the eight
    // bytes through the byte loop below).
    let needs = |x: u64| {
        let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
        (x.wrapping_sub(ONES * 0x20) & !x & HIGHS) != 0
            || zero(x ^ (ONES * u64::from(b'"'))) != 0
            || zero(x ^ (ONES * u64::from(b'\\'))) != 0
    };
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if !needs(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let escape: Option<&[u8]> = match b {
                b'"' => Some(b"\\\""),
                b'\\' => Some(b"\\\\"),
                b'\n' => Some(b"\\n"),
                b'\r' => Some(b"\\r"),
                b'\t' => Some(b"\\t"),
                0x08 => Some(b"\\b"),
                0x0c => Some(b"\\f"),
                0..0x20 => Some(b""),
                _ => None,
            };
            if let Some(escape) = escape {
                out.extend_from_slice(&bytes[start..i]);
                if escape.is_empty() {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[usize::from(b >> 4)],
                        HEX[usize::from(b & 0xf)],
                    ]);
                } else {
                    out.extend_from_slice(escape);
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
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
    let cut = one_line_cut(s, max);
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
    use crate::text::{pad, truncate};

    #[test]
    fn events_json_is_what_serde_json_prints() {
        let event = |sentence: &str, actors: &[&str], dated: bool| ViewEvent {
            article: "a-1".to_string(),
            date: dated.then(|| "2024-03".to_string()),
            start_date: dated.then(|| "2024-03-01".to_string()),
            end_date: dated.then(|| "2024-03-31".to_string()),
            precision: dated.then(|| "month".to_string()),
            kind: "date".to_string(),
            expression: "in \"March\"".to_string(),
            start: 12,
            end: 4096,
            sentence: sentence.to_string(),
            actors: actors.iter().map(|a| a.to_string()).collect(),
            group: 3,
            conflict: dated,
        };
        let control: String = (0u8..0x20).map(char::from).collect();
        let events = [
            event("", &[], true),
            event(
                "The quay reopened in March, the office said.",
                &["Ana Lima"],
                false,
            ),
            event(
                &format!("a \"quoted\" back\\slash, tab\tline\nend{control}\u{7f} é – 港 “x”"),
                &["Ana Lima", "Jo \"Q\" Ng\\"],
                true,
            ),
            event(&"long plain run of words ".repeat(40), &["x"], true),
        ];
        for n in 0..=events.len() {
            let mut ours = Vec::new();
            for (k, e) in events[..n].iter().enumerate() {
                push_event_json(&mut ours, e, k == 0);
            }
            close_events_json(&mut ours, n > 0);
            let theirs = serde_json::to_string_pretty(&events[..n]).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);
        }
        // Every byte in every position of an eight-byte word.
        for b in 0u8..0x80 {
            for at in 0..9 {
                let mut s = "abcdefghijklmnop".to_string();
                s.insert(at, char::from(b));
                let mut ours = Vec::new();
                json_str(&mut ours, &s);
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    serde_json::to_string(&s).unwrap()
                );
            }
        }
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
