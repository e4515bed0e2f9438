//! HTML export: one self-contained page (inline CSS, a few lines of inline script, nothing
//! fetched), the two articles in columns side by side, passages coloured by kind, each
//! passage's marker linking to its counterpart, and a table of passages.

use super::AlignedPair;
use super::marks::{self, Mark, Piece};
use crate::analysis::Side;
use crate::analysis::overlap::describe_evidence;
use crate::article::Article;
use std::fmt::Write as _;

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --exact: #c8f0c8; --near: #fbe7a1; --para: #cfe3fb; --quote: #ecd5f5; --ink: #1d1d1f; --muted: #666; }
* { box-sizing: border-box; }
body { font: 15px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0 auto; padding: 1.5em; max-width: 1400px; }
h1 { font-size: 1.4em; margin: 0 0 .5em; }
h2 { font-size: 1.1em; margin: 0 0 .3em; }
table.meta { border-collapse: collapse; margin-bottom: 1em; font-family: system-ui, sans-serif; font-size: 13px; }
table.meta th, table.meta td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
.summary, .legend { font-family: system-ui, sans-serif; font-size: 13px; margin: .3em 0; }
.key { padding: 0 .35em; border-radius: 3px; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 2em; margin-top: 1em; }
.col { min-width: 0; }
.col .source { color: var(--muted); font-family: system-ui, sans-serif; font-size: 13px; margin-bottom: 1em; }
.p { border-radius: 3px; padding: 1px 0; }
.exact { background: var(--exact); }
.near { background: var(--near); }
.paraphrase { background: var(--para); }
.quote { background: var(--quote); }
.chg { text-decoration: underline 2px; font-style: italic; }
a.m { font: bold 11px system-ui, sans-serif; color: #fff; background: #444; border-radius: 8px; padding: 0 5px; margin-right: 3px; text-decoration: none; vertical-align: 1px; }
a.m:hover { background: #000; }
.p:target, .p.hl { outline: 2px solid #444; }
table.list { border-collapse: collapse; margin-top: 1em; font-size: 14px; width: 100%; }
table.list th, table.list td { border-top: 1px solid #ddd; padding: 6px 8px; text-align: left; vertical-align: top; }
table.list td.n { font-family: system-ui, sans-serif; white-space: nowrap; }
@media (max-width: 800px) { .cols { grid-template-columns: 1fr; } }
"#;

/// Highlights both sides of a passage while the pointer is over either.
const SCRIPT: &str = r#"
document.querySelectorAll('.p[data-n]').forEach(function (el) {
  var n = el.getAttribute('data-n');
  function mark(on) {
    document.querySelectorAll('.p[data-n="' + n + '"]').forEach(function (x) {
      x.classList.toggle('hl', on);
    });
  }
  el.addEventListener('mouseenter', function () { mark(true); });
  el.addEventListener('mouseleave', function () { mark(false); });
});
"#;

fn date(a: &Article) -> String {
    a.date
        .map_or_else(|| "unknown".to_string(), |d| d.to_string())
}

/// One article's column. Passages open a `<span>` per paragraph they touch, so the markup
/// stays well nested; the first carries the id the counterpart links to.
fn column(out: &mut String, side: Side, a: &Article, ms: &[Mark]) {
    let (me, other, label) = match side {
        Side::Left => ("l", "r", "Left"),
        Side::Right => ("r", "l", "Right"),
    };
    let _ = writeln!(
        out,
        "<section class=\"col\"><h2>{label}: {}</h2><div class=\"source\">{} · {} · {}</div>",
        escape(&a.title),
        escape(&a.source_and_authors()),
        date(a),
        escape(&a.id)
    );
    for range in marks::lines(&a.text) {
        if a.text[range.clone()].trim().is_empty() {
            continue;
        }
        out.push_str("<p>");
        let mut open: Option<usize> = None;
        let mut chg = false;
        let start_span = |out: &mut String, i: usize, with_id: bool| {
            let m = &ms[i];
            let id = if with_id {
                format!(" id=\"{me}{}\"", m.number)
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<span class=\"p {}\" data-n=\"{}\"{id}>",
                m.kind.name(),
                m.number
            );
        };
        for piece in marks::pieces(&a.text, range, ms) {
            match piece {
                Piece::Open(i) => {
                    let m = &ms[i];
                    start_span(out, i, true);
                    let _ = write!(
                        out,
                        "<a class=\"m\" href=\"#{other}{n}\" title=\"{kind} passage {n}: go to the other article\">{n}{sym}</a>",
                        n = m.number,
                        kind = m.kind.name(),
                        sym = marks::symbol(m.kind)
                    );
                    open = Some(i);
                }
                Piece::Close(_) => {
                    if chg {
                        out.push_str("</span>");
                        chg = false;
                    }
                    if open.take().is_some() {
                        out.push_str("</span>");
                    }
                }
                Piece::Text(s, style) => {
                    if let (Some(i), None) = (style.mark, open) {
                        // A passage continuing from an earlier paragraph.
                        start_span(out, i, false);
                        open = Some(i);
                    }
                    if style.changed != chg {
                        out.push_str(if style.changed {
                            "<span class=\"chg\">"
                        } else {
                            "</span>"
                        });
                        chg = style.changed;
                    }
                    out.push_str(&escape(s));
                }
            }
        }
        if chg {
            out.push_str("</span>");
        }
        if open.is_some() {
            out.push_str("</span>");
        }
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
}

/// The comparison as a self-contained HTML page up to its sections, which need none of it (so
/// the two can be made side by side); [`finish`] appends them and ends the page.
pub(super) fn body(c: &AlignedPair) -> String {
    let lm = marks::marks(c, Side::Left);
    let rm = marks::marks(c, Side::Right);
    let counts = c.alignment.counts();
    let total = marks::kind_total(counts);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>juxta: {} / {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&c.left.title),
        escape(&c.right.title)
    );
    let _ = writeln!(
        out,
        "<h1>{} <span style=\"color:#888\">/</span> {}</h1>",
        escape(&c.left.title),
        escape(&c.right.title)
    );
    out.push_str("<table class=\"meta\"><tr><th></th><th>Left</th><th>Right</th></tr>\n");
    let rows = [
        (
            "Source",
            c.left.source_and_authors(),
            c.right.source_and_authors(),
        ),
        ("Date", date(c.left), date(c.right)),
        ("Id", c.left.id.clone(), c.right.id.clone()),
        (
            "Words",
            marks::word_count(&c.left.text).to_string(),
            marks::word_count(&c.right.text).to_string(),
        ),
    ];
    for (name, l, r) in rows {
        let _ = writeln!(
            out,
            "<tr><th>{name}</th><td>{}</td><td>{}</td></tr>",
            escape(&l),
            escape(&r)
        );
    }
    out.push_str("</table>\n");
    let _ = writeln!(
        out,
        "<p class=\"summary\"><b>Similarity</b> {:.2} (0 = nothing in common, 1 = the same text) · <b>{total}</b> shared passages: {}</p>",
        c.alignment.similarity,
        marks::kind_summary(counts),
    );
    let quote = if counts.quote > 0 {
        " · <span class=\"key quote\">quote</span> the same quotation in sentences that otherwise differ"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<p class=\"legend\"><span class=\"key exact\">exact</span> the same words · <span class=\"key near\">near</span> lightly edited · <span class=\"key paraphrase\">paraphrase</span> the same content in other words{quote} · <span class=\"chg\">underlined</span> words differ. Click a passage's number to jump to its counterpart.</p>"
    );
    out.push_str("<main class=\"cols\">\n");
    column(&mut out, Side::Left, c.left, &lm);
    column(&mut out, Side::Right, c.right, &rm);
    out.push_str("</main>\n");
    if total > 0 {
        out.push_str("<h2 style=\"margin-top:1.5em\">Shared passages</h2>\n<table class=\"list\"><tr><th>#</th><th>Left</th><th>Right</th><th>Why</th></tr>\n");
        for (i, p) in c.alignment.passages.iter().enumerate() {
            let num = i + 1;
            let side = |ms: &[Mark], text: &str| {
                ms.iter()
                    .find(|m| m.number == num)
                    .map(|m| escape(&text[m.span.start..m.span.end]))
                    .unwrap_or_default()
            };
            let _ = writeln!(
                out,
                "<tr><td class=\"n\"><span class=\"key {kind}\">{num} {kind}</span><br>{w} words{first}</td><td><a href=\"#l{num}\">{}</a></td><td><a href=\"#r{num}\">{}</a></td><td class=\"why\">{}</td></tr>",
                side(&lm, &c.left.text),
                side(&rm, &c.right.text),
                // What a passage linked by its facts shares, for the reader to judge the link.
                escape(&describe_evidence(&p.evidence, &c.left.text, &c.right.text)),
                kind = p.kind.name(),
                w = p.words,
                first = c
                    .first_in(i)
                    .map(|f| format!("<br>{}", escape(&f.label())))
                    .unwrap_or_default()
            );
        }
        out.push_str("</table>\n");
    }
    out
}

/// [`body`] followed by the sections and the end of the page.
pub(super) fn finish(mut out: String, sections: &super::Sections) -> String {
    out.push_str(&super::differ::html(&sections.differ));
    out.push_str(&super::quotes::html(&sections.quotes));
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}
