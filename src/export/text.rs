//! The text export: what a reader pastes into an email.
//!
//! A header (both articles, similarity, counts), a legend, the two articles side by side in
//! columns wrapped by display width (CJK and emoji count two columns), with every shared
//! passage between numbered markers — `[3~ … ~3]` in one column, the same number in the other
//! — and finally the numbered list of passages with both wordings. Readable without colour;
//! with colour, passages are tinted by kind and changed words underlined.

use super::AlignedPair;
use super::marks::{self, Mark, Piece, Style};
use crate::analysis::Side;
use crate::analysis::overlap::{PassageKind, describe_evidence};
use crate::article::Article;
use crate::text::display_width;
use unicode_width::UnicodeWidthChar;

/// Narrowest layout rendered; below it columns could not hold a marker.
const MIN_WIDTH: usize = 24;
/// Between the two columns.
const GUTTER: &str = " │ ";

/// An ANSI SGR code (`"1;32"`), or none for plain text.
type Ink = Option<&'static str>;

/// Ends the last of `segs` (stretches kept back to back in one string: where each ends, and
/// its ink) at `end` when it is at index `from` or later and has `ink`; else starts a stretch
/// there. A line merges with any stretch before (`from` 0); an atom only with its own.
fn end_stretch(segs: &mut Vec<(usize, Ink)>, from: usize, end: usize, ink: Ink) {
    let n = segs.len();
    match segs.last_mut() {
        Some(last) if n > from && same_ink(last.1, ink) => last.0 = end,
        _ => segs.push((end, ink)),
    }
}

/// Whether two inks are the same. They are a few static strings, so comparing the pointers
/// nearly always answers without comparing the codes (once a word, twice a wrapped word).
fn same_ink(a: Ink, b: Ink) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => std::ptr::eq(x, y) || x == y,
        (None, None) => true,
        _ => false,
    }
}

/// A line of output: its text, the inks of its stretches and its display width. The
/// stretches' texts are kept back to back in one string (a long article makes hundreds of
/// thousands of lines, and a string per stretch cost an allocation each).
#[derive(Debug, Clone, Default, PartialEq)]
struct Line {
    text: String,
    /// Each stretch: where its text ends in `text`, and its ink; no two neighbours share one.
    segs: Vec<(usize, Ink)>,
    width: usize,
}

impl Line {
    /// An empty line with room for `bytes` bytes of text.
    fn with_capacity(bytes: usize) -> Line {
        Line {
            text: String::with_capacity(bytes),
            ..Line::default()
        }
    }

    fn push(&mut self, text: &str, ink: Ink) {
        if text.is_empty() {
            return;
        }
        self.width += display_width(text);
        self.text.push_str(text);
        end_stretch(&mut self.segs, 0, self.text.len(), ink);
    }

    /// One space in `ink` (the one between two words), without measuring it.
    fn push_space(&mut self, ink: Ink) {
        self.width += 1;
        self.text.push(' ');
        end_stretch(&mut self.segs, 0, self.text.len(), ink);
    }

    /// `n` spaces without ink.
    fn push_spaces(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        self.width += n;
        self.text.extend(std::iter::repeat_n(' ', n));
        end_stretch(&mut self.segs, 0, self.text.len(), None);
    }

    /// The ink of the last stretch.
    fn last_ink(&self) -> Ink {
        self.segs.last().and_then(|s| s.1)
    }

    /// The stretches: text and ink.
    fn stretches(&self) -> impl Iterator<Item = (&str, Ink)> + '_ {
        let mut start = 0;
        self.segs.iter().map(move |&(end, ink)| {
            let s = &self.text[start..end];
            start = end;
            (s, ink)
        })
    }

    /// Appends `other`, whose width is known: measuring its text again cost as much as
    /// laying it out.
    fn append(&mut self, other: &Line) {
        let at = self.text.len();
        self.width += other.width;
        self.text.push_str(&other.text);
        for &(end, ink) in &other.segs {
            end_stretch(&mut self.segs, 0, at + end, ink);
        }
    }

    /// Bytes [`Line::write`] adds to `out`.
    fn written_len(&self, color: bool) -> usize {
        let codes = if color {
            self.segs
                .iter()
                .filter_map(|s| s.1)
                .map(|c| c.len() + 7)
                .sum()
        } else {
            0
        };
        self.text.len() + codes
    }

    fn write(&self, out: &mut String, color: bool) {
        if !color {
            out.push_str(&self.text);
            return;
        }
        for (text, ink) in self.stretches() {
            match ink {
                Some(code) => {
                    out.push_str("\x1b[");
                    out.push_str(code);
                    out.push('m');
                    out.push_str(text);
                    out.push_str("\x1b[0m");
                }
                None => out.push_str(text),
            }
        }
    }
}

/// Units of wrapping ("atoms": a word with the punctuation and markers glued to it), stored
/// back to back in one buffer, so that the hundred thousand words of a long article cost no
/// allocation each. The segments after the last finished atom are the atom being built.
#[derive(Debug, Default)]
struct Atoms {
    /// The text of every segment, back to back.
    text: String,
    /// Each segment: where its text ends in `text`, and its ink.
    segs: Vec<(usize, Ink)>,
    /// Each finished atom: where its segments end in `segs`, and its display width.
    ends: Vec<(usize, usize)>,
    /// Display width of the atom being built.
    width: usize,
}

impl Atoms {
    fn clear(&mut self) {
        self.text.clear();
        self.segs.clear();
        self.ends.clear();
        self.width = 0;
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Index of the first segment of the atom being built.
    fn building_from(&self) -> usize {
        self.ends.last().map_or(0, |e| e.0)
    }

    fn seg_start(&self, seg: usize) -> usize {
        if seg == 0 { 0 } else { self.segs[seg - 1].0 }
    }

    /// Adds text to the atom being built, as [`Line::push`] does to a line.
    fn push(&mut self, text: &str, ink: Ink) {
        if text.is_empty() {
            return;
        }
        self.width += display_width(text);
        self.text.push_str(text);
        let from = self.building_from();
        end_stretch(&mut self.segs, from, self.text.len(), ink);
    }

    /// Ends the atom being built.
    fn finish(&mut self) {
        self.ends
            .push((self.segs.len(), std::mem::take(&mut self.width)));
    }

    /// Runs `f` with the atom being built set aside, so that `f` works on the finished atoms
    /// (an atom being built whose characters all have zero width is kept for later).
    fn beside_building(&mut self, f: impl FnOnce(&mut Atoms)) {
        let from = self.building_from();
        let text_from = self.seg_start(from);
        let text = self.text.split_off(text_from);
        let segs: Vec<(usize, Ink)> = self.segs.split_off(from);
        let width = std::mem::take(&mut self.width);
        f(self);
        let mut start = 0;
        for (end, ink) in segs {
            self.text.push_str(&text[start..end - text_from]);
            self.segs.push((self.text.len(), ink));
            start = end - text_from;
        }
        self.width = width;
    }

    /// A finished atom by itself.
    fn push_atom(&mut self, text: &str, ink: Ink) {
        self.beside_building(|a| {
            a.push(text, ink);
            a.finish();
        });
    }

    /// Adds text to the last finished atom (there must be one), as if it were still being built.
    fn push_last(&mut self, text: &str, ink: Ink) {
        self.beside_building(|a| {
            if let Some((_, width)) = a.ends.pop() {
                a.width = width;
                a.push(text, ink);
                a.finish();
            }
        });
    }

    /// The display width of atom `i`.
    fn width_of(&self, i: usize) -> usize {
        self.ends[i].1
    }

    /// The segments of atom `i`: text and ink.
    fn segs_of(&self, i: usize) -> impl Iterator<Item = (&str, Ink)> + '_ {
        let from = if i == 0 { 0 } else { self.ends[i - 1].0 };
        (from..self.ends[i].0).map(move |k| {
            (
                &self.text[self.seg_start(k)..self.segs[k].0],
                self.segs[k].1,
            )
        })
    }

    fn first_ink(&self, i: usize) -> Ink {
        let from = if i == 0 { 0 } else { self.ends[i - 1].0 };
        self.segs.get(from).and_then(|s| s.1)
    }
}

impl Line {
    /// Appends atom `i` of `atoms`, as [`Line::append`] appends a line: its text in one
    /// piece, its width as measured when it was built.
    fn append_atom(&mut self, atoms: &Atoms, i: usize) {
        let from = if i == 0 { 0 } else { atoms.ends[i - 1].0 };
        let to = atoms.ends[i].0;
        if from == to {
            return;
        }
        let start = atoms.seg_start(from);
        let at = self.text.len();
        self.width += atoms.width_of(i);
        self.text.push_str(&atoms.text[start..atoms.segs[to - 1].0]);
        for &(end, ink) in &atoms.segs[from..to] {
            end_stretch(&mut self.segs, 0, at + end - start, ink);
        }
    }
}

/// The colours of a kind: (passage text, changed words, markers).
fn inks(kind: PassageKind) -> (Ink, Ink, Ink) {
    match kind {
        PassageKind::Exact => (Some("32"), Some("4;32"), Some("1;32")),
        PassageKind::Near => (Some("33"), Some("4;33"), Some("1;33")),
        PassageKind::Paraphrase => (Some("36"), Some("4;36"), Some("1;36")),
        PassageKind::Quote => (Some("35"), Some("4;35"), Some("1;35")),
    }
}

const BOLD: Ink = Some("1");
const DIM: Ink = Some("2");

fn open_marker(m: &Mark) -> String {
    format!("[{}{}", m.number, marks::symbol(m.kind))
}

fn close_marker(m: &Mark) -> String {
    format!("{}{}]", marks::symbol(m.kind), m.number)
}

/// The header, the columns and the list of passages: everything before the sections, which
/// need none of it (so the two can be made side by side).
///
/// `words` are the two articles' word counts when the caller has them.
pub fn body(c: &AlignedPair, words: Option<[usize; 2]>, opts: &super::RenderOptions) -> String {
    let width = opts.width.max(MIN_WIDTH);
    let left_marks = marks::marks(c, Side::Left);
    let right_marks = marks::marks(c, Side::Right);
    let mut lines: Vec<Line> = Vec::new();
    let [lw, rw] = words.unwrap_or_else(|| {
        [
            marks::word_count(&c.left.text),
            marks::word_count(&c.right.text),
        ]
    });
    header(c, [lw, rw], &left_marks, &right_marks, width, &mut lines);
    lines.push(Line::default());
    // The columns and the list are laid out apart: on two threads when the pair is long.
    let (columns, list) = crate::analysis::both_sides(
        c.left.text.len() + c.right.text.len(),
        || {
            let mut lines = Vec::new();
            columns(c, &left_marks, &right_marks, width, &mut lines);
            lines
        },
        || {
            let mut lines = Vec::new();
            if !c.alignment.passages.is_empty() {
                lines.push(Line::default());
                passage_list(c, &left_marks, &right_marks, width, opts.color, &mut lines);
            }
            lines
        },
    );
    lines.extend(columns);
    lines.extend(list);
    let mut out = String::with_capacity(lines.iter().map(|l| l.written_len(opts.color) + 1).sum());
    for line in &lines {
        line.write(&mut out, opts.color);
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    out
}

/// The comparison (see the module documentation): [`body`] followed by the sections.
pub fn finish(mut out: String, opts: &super::RenderOptions, sections: &super::Sections) -> String {
    out.push_str(&super::differ::text(&sections.differ));
    out.push_str(&super::quotes::text(
        &sections.quotes,
        opts.width.max(MIN_WIDTH),
    ));
    out
}

fn describe(a: &Article, words: usize) -> String {
    let date = a
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    format!(
        "“{}” — {}, {} ({} words; id {})",
        a.title,
        a.source_and_authors(),
        date,
        words,
        a.id
    )
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

fn header(
    c: &AlignedPair,
    [lw, rw]: [usize; 2],
    left_marks: &[Mark],
    right_marks: &[Mark],
    width: usize,
    lines: &mut Vec<Line>,
) {
    let labelled = |label: &str, text: &str, lines: &mut Vec<Line>| {
        let mut first = Line::default();
        first.push(label, BOLD);
        let indent = display_width(label);
        let mut atoms = Atoms::default();
        plain_atoms(&mut atoms, text, None);
        let mut wrapped = Vec::new();
        wrap(&atoms, width.saturating_sub(indent).max(1), 0, &mut wrapped);
        for (n, l) in wrapped.into_iter().enumerate() {
            let mut line = if n == 0 {
                first.clone()
            } else {
                let mut pad = Line::default();
                pad.push(&" ".repeat(indent), None);
                pad
            };
            line.append(&l);
            lines.push(line);
        }
    };
    labelled("Left:   ", &describe(c.left, lw), lines);
    labelled("Right:  ", &describe(c.right, rw), lines);
    labelled(
        "Similarity: ",
        &format!(
            "{:.2} (0 = nothing in common, 1 = the same text)",
            c.alignment.similarity
        ),
        lines,
    );
    let counts = c.alignment.counts();
    let total = marks::kind_total(counts);
    let shared = if total == 0 {
        "no shared passages".to_string()
    } else {
        format!(
            "{total} passage{} ({}), covering {}% of the left article's words and {}% of the right's",
            if total == 1 { "" } else { "s" },
            marks::kind_summary(counts),
            percent(marks::shared_words(&c.left.text, left_marks), lw),
            percent(marks::shared_words(&c.right.text, right_marks), rw),
        )
    };
    labelled("Shared: ", &shared, lines);
    if total > 0 {
        let quote = if counts.quote > 0 {
            " · [n“ … “n] quote: the same quotation in sentences that otherwise differ"
        } else {
            ""
        };
        labelled(
            "Markers: ",
            &format!(
                "[n= … =n] exact: the same words · [n~ … ~n] near: lightly edited · [n≈ … ≈n] paraphrase: the same content in other words{quote}. A passage has the same number n in both columns; the list at the end gives both wordings, {{braces}} marking the words that differ."
            ),
            lines,
        );
    }
}

/// Adds the words of plain text as atoms in one ink.
fn plain_atoms(atoms: &mut Atoms, text: &str, ink: Ink) {
    for w in text.split_whitespace() {
        atoms.push(w, ink);
        atoms.finish();
    }
}

/// Greedy word wrap of atoms (unbreakable units, joined by one space) into lines at most
/// `width` columns wide; an atom wider than a line is cut between characters.
fn wrap(atoms: &Atoms, width: usize, capacity: usize, out: &mut Vec<Line>) {
    let width = width.max(1);
    let before = out.len();
    // Room for a full line of ASCII and what the caller appends (`capacity` bytes in all), so
    // a line's text is allocated once.
    let line = || Line::with_capacity(capacity.max(width));
    let mut cur = line();
    for atom in 0..atoms.len() {
        let atom_width = atoms.width_of(atom);
        if atom_width == 0 {
            continue;
        }
        let needed = if cur.width == 0 {
            atom_width
        } else {
            cur.width + 1 + atom_width
        };
        if needed <= width {
            if cur.width > 0 {
                // The space takes the ink of the words around it when they share one, so a
                // coloured passage (or an underlined change) reads as one stretch.
                let before = cur.last_ink();
                let after = atoms.first_ink(atom);
                cur.push_space(if same_ink(before, after) {
                    before
                } else {
                    None
                });
            }
            cur.append_atom(atoms, atom);
            continue;
        }
        if cur.width > 0 {
            out.push(std::mem::replace(&mut cur, line()));
        }
        if atom_width <= width {
            cur.append_atom(atoms, atom);
            continue;
        }
        for (text, ink) in atoms.segs_of(atom) {
            for ch in text.chars() {
                let w = ch.width().unwrap_or(0);
                if cur.width + w > width && cur.width > 0 {
                    out.push(std::mem::replace(&mut cur, line()));
                }
                let mut buf = [0u8; 4];
                cur.push(ch.encode_utf8(&mut buf), ink);
            }
        }
    }
    if cur.width > 0 || out.len() == before {
        out.push(cur);
    }
}

/// Adds the words of `s` to the atoms: white space ends the current atom; text glued to it
/// (punctuation, a marker) stays in it. With `braces`, the words are enclosed in `{…}`.
fn push_words(atoms: &mut Atoms, s: &str, ink: Ink, braces: bool) {
    if s.starts_with(char::is_whitespace) && atoms.width > 0 {
        atoms.finish();
    }
    let mut words = s.split_whitespace().peekable();
    let mut first = true;
    while let Some(w) = words.next() {
        if !first && atoms.width > 0 {
            atoms.finish();
        }
        if braces && first {
            atoms.push("{", None);
        }
        atoms.push(w, ink);
        if braces && words.peek().is_none() {
            atoms.push("}", None);
        }
        first = false;
    }
    if s.ends_with(char::is_whitespace) && atoms.width > 0 {
        atoms.finish();
    }
}

/// The atoms of one line of an article: words in their passage's ink, with the markers glued
/// to the word they open before or close after (so a marker never ends up alone on a line).
fn article_atoms(atoms: &mut Atoms, text: &str, range: std::ops::Range<usize>, ms: &[Mark]) {
    for piece in marks::pieces(text, range, ms) {
        match piece {
            Piece::Open(i) => {
                let (_, _, marker) = inks(ms[i].kind);
                atoms.push(&open_marker(&ms[i]), marker);
                atoms.push(" ", None);
            }
            Piece::Close(i) => {
                let (_, _, marker) = inks(ms[i].kind);
                let close = close_marker(&ms[i]);
                if atoms.width > 0 {
                    atoms.push(" ", None);
                    atoms.push(&close, marker);
                } else if !atoms.is_empty() {
                    // Finished atoms are never zero wide.
                    atoms.push_last(" ", None);
                    atoms.push_last(&close, marker);
                } else {
                    atoms.push(&close, marker);
                }
            }
            Piece::Text(s, style) => {
                push_words(atoms, s, text_ink(style, ms), false);
            }
        }
    }
    if atoms.width > 0 {
        atoms.finish();
    }
}

/// The ink of article text; dropped at writing time when colour is off.
fn text_ink(style: Style, ms: &[Mark]) -> Ink {
    let i = style.mark?;
    let (text, changed, _) = inks(ms[i].kind);
    if style.changed { changed } else { text }
}

/// The rows of one article's column, each with room for `capacity` bytes.
fn column(a: &Article, ms: &[Mark], width: usize, capacity: usize) -> Vec<Line> {
    let mut rows = Vec::new();
    let mut atoms = Atoms::default();
    for range in marks::lines(&a.text) {
        atoms.clear();
        article_atoms(&mut atoms, &a.text, range, ms);
        if atoms.is_empty() {
            rows.push(Line::default());
        } else {
            wrap(&atoms, width, capacity, &mut rows);
        }
    }
    while rows.last().is_some_and(|l| l.width == 0) {
        rows.pop();
    }
    rows
}

fn column_title(label: &str, a: &Article, width: usize) -> Line {
    let mut line = Line::default();
    line.push(label, BOLD);
    let rest = format!("{} — {}", a.id, a.source);
    let room = width.saturating_sub(display_width(label));
    let mut cut = String::new();
    let mut w = 0;
    for ch in rest.chars() {
        let cw = ch.width().unwrap_or(0);
        if w + cw > room {
            break;
        }
        cut.push(ch);
        w += cw;
    }
    line.push(&cut, None);
    line
}

fn columns(
    c: &AlignedPair,
    left_marks: &[Mark],
    right_marks: &[Mark],
    width: usize,
    lines: &mut Vec<Line>,
) {
    let gutter = display_width(GUTTER);
    let col = (width - gutter) / 2;
    let (left, right) = crate::analysis::both_sides(
        c.left.text.len() + c.right.text.len(),
        // A left row is completed with padding, the gutter and the right row.
        || column(c.left, left_marks, col, 2 * col + GUTTER.len()),
        || column(c.right, right_marks, col, col),
    );
    let mut rows = vec![
        (
            column_title("LEFT  ", c.left, col),
            column_title("RIGHT  ", c.right, col),
        ),
        (
            {
                let mut l = Line::default();
                l.push(&"─".repeat(col), DIM);
                l
            },
            {
                let mut l = Line::default();
                l.push(&"─".repeat(col), DIM);
                l
            },
        ),
    ];
    let n = left.len().max(right.len());
    let (mut left, mut right) = (left.into_iter(), right.into_iter());
    for _ in 0..n {
        rows.push((
            left.next().unwrap_or_default(),
            right.next().unwrap_or_default(),
        ));
    }
    for (n, (l, r)) in rows.into_iter().enumerate() {
        let pad = col.saturating_sub(l.width);
        let mut line = l;
        line.text.reserve(pad + GUTTER.len() + r.text.len());
        line.push_spaces(pad);
        line.push(if n == 1 { "─┼─" } else { GUTTER }, DIM);
        line.append(&r);
        lines.push(line);
    }
}

/// The passage's words on one side, line breaks shown as ¶, changed words in {braces}
/// (without colour) or underlined (with colour).
fn wording(text: &str, lines: &[std::ops::Range<usize>], m: &Mark, color: bool, atoms: &mut Atoms) {
    let (ink, changed_ink, _) = inks(m.kind);
    let one = [m.clone()];
    atoms.clear();
    let mut first_line = true;
    let first = lines.partition_point(|r| r.end < m.span.start);
    for range in lines[first..].iter().cloned() {
        if range.start >= m.span.end {
            break;
        }
        if range.end <= m.span.start {
            continue;
        }
        let range = range.start.max(m.span.start)..range.end.min(m.span.end);
        if text[range.clone()].trim().is_empty() {
            continue;
        }
        if !first_line {
            if atoms.width > 0 {
                atoms.finish();
            }
            atoms.push_atom("¶", DIM);
        }
        first_line = false;
        for piece in marks::pieces(text, range, &one) {
            if let Piece::Text(s, style) = piece {
                let ink = if style.changed { changed_ink } else { ink };
                push_words(atoms, s, ink, style.changed && !color);
            }
        }
    }
    if atoms.width > 0 {
        atoms.finish();
    }
}

fn passage_list(
    c: &AlignedPair,
    left_marks: &[Mark],
    right_marks: &[Mark],
    width: usize,
    color: bool,
    lines: &mut Vec<Line>,
) {
    let mut title = Line::default();
    title.push("Shared passages, numbered in left order", BOLD);
    lines.push(title);
    let (left_lines, right_lines) = (marks::lines(&c.left.text), marks::lines(&c.right.text));
    // Marks by passage number (numbers run from 1 without gaps).
    let by_number = |ms: &[Mark]| {
        let mut v = vec![None; c.alignment.passages.len() + 1];
        for (i, m) in ms.iter().enumerate() {
            if let Some(slot) = v.get_mut(m.number) {
                *slot = Some(i);
            }
        }
        v
    };
    let (left_at, right_at) = (by_number(left_marks), by_number(right_marks));
    // Tags ("[12~]") right-aligned, the wording indented past the widest.
    let tag_width = c.alignment.passages.len().to_string().len() + 3;
    let indent = tag_width + 2;
    let label_width = 7;
    // Made again for every passage: kept, so their buffers are allocated once.
    let (mut left_atoms, mut right_atoms) = (Atoms::default(), Atoms::default());
    let (mut why_atoms, mut origin_atoms) = (Atoms::default(), Atoms::default());
    let mut rows = Vec::new();
    for (i, p) in c.alignment.passages.iter().enumerate() {
        let n = i + 1;
        let (Some(&Some(li)), Some(&Some(ri))) = (left_at.get(n), right_at.get(n)) else {
            continue;
        };
        let (lm, rm) = (&left_marks[li], &right_marks[ri]);
        lines.push(Line::default());
        let (_, _, marker) = inks(p.kind);
        let mut head = Line::default();
        let tag = format!("[{n}{}]", marks::symbol(p.kind));
        head.push(
            &" ".repeat(tag_width.saturating_sub(display_width(&tag))),
            None,
        );
        head.push(&tag, marker);
        let rwords = marks::word_count(&c.right.text[p.right.start..p.right.end]);
        let size = if p.words == rwords {
            format!("{} words", p.words)
        } else {
            format!("{} words left, {} right", p.words, rwords)
        };
        head.push(&format!(" {}: {size}", p.kind.name()), None);
        lines.push(head);
        let ltext = &c.left.text[lm.span.start..lm.span.end];
        let rtext = &c.right.text[rm.span.start..rm.span.end];
        let both = p.kind == PassageKind::Exact && ltext == rtext;
        wording(&c.left.text, &left_lines, lm, color, &mut left_atoms);
        let mut sides: Vec<(&str, &Atoms)> = if both {
            vec![("both", &left_atoms)]
        } else {
            wording(&c.right.text, &right_lines, rm, color, &mut right_atoms);
            vec![("left", &left_atoms), ("right", &right_atoms)]
        };
        // A passage linked by its facts says why, so the reader can judge the link.
        let evidence = describe_evidence(&p.evidence, &c.left.text, &c.right.text);
        if !evidence.is_empty() {
            why_atoms.clear();
            plain_atoms(&mut why_atoms, &evidence, None);
            sides.push(("why", &why_atoms));
        }
        let first = c.first_in(i).map(|f| f.label()).unwrap_or_default();
        if !first.is_empty() {
            origin_atoms.clear();
            plain_atoms(&mut origin_atoms, &first, None);
            sides.push(("origin", &origin_atoms));
        }
        for (label, atoms) in sides {
            let room = width.saturating_sub(indent + label_width).max(1);
            rows.clear();
            wrap(atoms, room, 0, &mut rows);
            for (k, row) in rows.iter().enumerate() {
                let mut line = Line::with_capacity(indent + label_width + row.text.len());
                line.push_spaces(indent);
                if k == 0 {
                    line.push(&format!("{label:<label_width$}"), DIM);
                } else {
                    line.push_spaces(label_width);
                }
                line.append(row);
                lines.push(line);
            }
        }
    }
}
