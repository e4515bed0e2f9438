//! Markdown export: a summary table, both articles with bold numbered markers around shared
//! passages (changed words in italics), and a table of the passages with both wordings.

use super::AlignedPair;
use super::marks::{self, Mark, Piece};
use crate::analysis::Side;
use crate::analysis::overlap::describe_evidence;
use crate::article::Article;
use std::fmt::Write as _;

/// Escapes text so Markdown shows it literally: every markup character gets a backslash, and
/// so does a line start that would read as a list item ("1. ", "- ").
pub(crate) fn escape(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // At a line start, the byte offset of a "." or ")" that would end a list number.
    let list_dot = if line_start {
        let body = text.trim_start();
        let lead = text.len() - body.len();
        let digits = body.len() - body.trim_start_matches(|d: char| d.is_ascii_digit()).len();
        (digits > 0 && body[digits..].starts_with(['.', ')'])).then_some(lead + digits)
    } else {
        None
    };
    let first = text.len() - text.trim_start().len();
    for (i, c) in text.char_indices() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!'
        ) || (line_start && i == first && matches!(c, '-' | '+' | '='))
            || Some(i) == list_dot;
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn cell(text: &str) -> String {
    escape(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        false,
    )
}

fn date(a: &Article) -> String {
    a.date
        .map_or_else(|| "unknown".to_string(), |d| d.to_string())
}

fn marker_open(m: &Mark) -> String {
    format!("**\\[{}{}**", m.number, marks::symbol(m.kind))
}

fn marker_close(m: &Mark) -> String {
    format!("**{}{}\\]**", marks::symbol(m.kind), m.number)
}

fn article(out: &mut String, label: &str, a: &Article, ms: &[Mark]) {
    let _ = writeln!(out, "## {label}: {}\n", cell(&a.title));
    for range in marks::lines(&a.text) {
        if a.text[range.clone()].trim().is_empty() {
            continue;
        }
        let mut para = String::new();
        for piece in marks::pieces(&a.text, range, ms) {
            match piece {
                Piece::Open(i) => {
                    para.push_str(&marker_open(&ms[i]));
                    para.push(' ');
                }
                Piece::Close(i) => {
                    para.push(' ');
                    para.push_str(&marker_close(&ms[i]));
                }
                Piece::Text(s, style) => {
                    let escaped = escape(s, para.is_empty());
                    if style.changed && !s.trim().is_empty() {
                        let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
                        let trail = &escaped[escaped.trim_end().len()..];
                        let _ = write!(para, "{lead}*{}*{trail}", escaped.trim());
                    } else {
                        para.push_str(&escaped);
                    }
                }
            }
        }
        let _ = writeln!(out, "{}\n", para.trim());
    }
}

/// The comparison as Markdown up to its sections, which need none of it (so the two can be
/// made side by side); [`finish`] appends them.
pub(super) fn body(c: &AlignedPair) -> String {
    let lm = marks::marks(c, Side::Left);
    let rm = marks::marks(c, Side::Right);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Comparison: {} / {}\n",
        cell(&c.left.title),
        cell(&c.right.title)
    );
    let _ = writeln!(out, "| | Left | Right |\n|---|---|---|");
    let row = |out: &mut String, name: &str, l: String, r: String| {
        let _ = writeln!(out, "| {name} | {} | {} |", cell(&l), cell(&r));
    };
    row(
        &mut out,
        "Title",
        c.left.title.clone(),
        c.right.title.clone(),
    );
    row(
        &mut out,
        "Source",
        c.left.source_and_authors(),
        c.right.source_and_authors(),
    );
    row(&mut out, "Date", date(c.left), date(c.right));
    row(&mut out, "Id", c.left.id.clone(), c.right.id.clone());
    row(
        &mut out,
        "Words",
        marks::word_count(&c.left.text).to_string(),
        marks::word_count(&c.right.text).to_string(),
    );
    let counts = c.alignment.counts();
    let total = marks::kind_total(counts);
    let _ = writeln!(
        out,
        "\n**Similarity:** {:.2} (0 = nothing in common, 1 = the same text)  \n**Shared passages:** {total} ({})\n",
        c.alignment.similarity,
        marks::kind_summary(counts),
    );
    if total > 0 {
        let quote = if counts.quote > 0 {
            ", `“` quote (the same quotation in sentences that otherwise differ)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "Shared passages sit between numbered markers such as **\\[3~** … **~3\\]**: `=` exact (the same words), `~` near (lightly edited), `≈` paraphrase (the same content in other words){quote}. The counterpart in the other article has the same number. Words that differ are in *italics*.\n"
        );
    }
    article(&mut out, "Left", c.left, &lm);
    article(&mut out, "Right", c.right, &rm);
    if total > 0 {
        let _ = writeln!(
            out,
            "## Shared passages\n\n| # | Kind | Words | Left | Right | Why |\n|---:|---|---:|---|---|---|"
        );
        for (i, p) in c.alignment.passages.iter().enumerate() {
            let side = |ms: &[Mark], text: &str| {
                ms.iter()
                    .find(|m| m.number == i + 1)
                    .map(|m| cell(&text[m.span.start..m.span.end]))
                    .unwrap_or_default()
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                i + 1,
                match c.first_in(i) {
                    Some(first) => format!("{}, {}", p.kind.name(), cell(&first.label())),
                    None => p.kind.name().to_string(),
                },
                p.words,
                side(&lm, &c.left.text),
                side(&rm, &c.right.text),
                // What a passage linked by its facts shares, for the reader to judge the link.
                cell(&describe_evidence(&p.evidence, &c.left.text, &c.right.text))
            );
        }
        out.push('\n');
    }
    out
}

/// [`body`] followed by the sections.
pub(super) fn finish(mut out: String, sections: &super::Sections) -> String {
    out.push_str(&super::differ::markdown(&sections.differ));
    out.push_str(&super::quotes::markdown(&sections.quotes));
    out
}
