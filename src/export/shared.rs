//! The report of `juxta compare A --all`: which passages of one article appear in the other
//! articles of the store, and how much of it is original.

use super::{Format, RenderOptions, html, markdown};
use crate::analysis::index::SharedSpan;
use crate::article::Article;
use serde::Serialize;
use std::fmt::Write as _;

/// One article checked against a set of others.
#[derive(Debug, Clone, Copy)]
pub struct SharedReport<'a> {
    /// The article checked.
    pub article: &'a Article,
    /// The articles it was checked against; `SharedSpan::others` index `corpus`.
    pub corpus: &'a [&'a Article],
    /// Its passages found elsewhere (from [`crate::analysis::index::CorpusIndex`]).
    pub spans: &'a [SharedSpan],
    /// Share of its words found nowhere else.
    pub originality: f64,
    /// How many other articles it was checked against.
    pub compared_with: usize,
    /// `Some(n)` when some of its text is printed in more than `n` other articles
    /// (boilerplate): that text links it to none of them, and a reader must be told why a
    /// passage they can see elsewhere is not listed.
    pub boilerplate_over: Option<usize>,
}

/// Why boilerplate is missing from the passages, in one sentence.
fn boilerplate_note(over: usize) -> String {
    format!(
        "Some of its text is printed in more than {over} other articles (boilerplate); it links \
         it to none of them, so its passages list only the articles sharing more with it."
    )
}

fn ids<'a>(r: &SharedReport<'a>, s: &SharedSpan) -> Vec<&'a str> {
    s.others
        .iter()
        .filter_map(|&i| r.corpus.get(i).map(|a| a.id.as_str()))
        .collect()
}

/// More ids than this on one line read as noise: the rest are counted, not listed.
const LISTED_IDS: usize = 8;

/// The articles that also carry a passage, for a reader: every id when there are few,
/// else "612 articles: a, b, c and 609 more" (JSON keeps the whole list).
fn also_in(r: &SharedReport, s: &SharedSpan) -> String {
    let ids = ids(r, s);
    if ids.len() <= LISTED_IDS {
        return ids.join(", ");
    }
    const SHOWN: usize = 3;
    format!(
        "{} articles: {} and {} more",
        ids.len(),
        ids[..SHOWN].join(", "),
        ids.len() - SHOWN
    )
}

fn excerpt(r: &SharedReport, s: &SharedSpan) -> String {
    let text = r.article.text.get(s.span.start..s.span.end).unwrap_or("");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Renders the report in `format` (text is wrapped to `opts.width`, never coloured).
pub fn render_shared(r: &SharedReport, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text => text(r, opts.width.max(24)),
        Format::Json => json(r),
        Format::Markdown => md(r),
        Format::Html => page(r),
    }
}

fn percent(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

fn wrap_into(out: &mut String, text: &str, indent: usize, width: usize) {
    let room = width.saturating_sub(indent).max(10);
    let mut line = String::new();
    let mut w = 0;
    for word in text.split_whitespace() {
        let ww = unicode_width::UnicodeWidthStr::width(word);
        if w > 0 && w + 1 + ww > room {
            let _ = writeln!(out, "{}{line}", " ".repeat(indent));
            line.clear();
            w = 0;
        }
        if w > 0 {
            line.push(' ');
            w += 1;
        }
        line.push_str(word);
        w += ww;
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{}{line}", " ".repeat(indent));
    }
}

fn text(r: &SharedReport, width: usize) -> String {
    let a = r.article;
    let mut out = String::new();
    let date = a
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    wrap_into(
        &mut out,
        &format!(
            "“{}” — {}, {} (id {})",
            a.title,
            a.source_and_authors(),
            date,
            a.id
        ),
        0,
        width,
    );
    let _ = writeln!(
        out,
        "Checked against {} other article{}: {} of its words appear in no other article.",
        r.compared_with,
        if r.compared_with == 1 { "" } else { "s" },
        percent(r.originality)
    );
    if r.spans.is_empty() {
        let _ = writeln!(out, "No passage of it appears elsewhere.");
    } else {
        let _ = writeln!(out, "\nPassages found elsewhere ({}):", r.spans.len());
        let n_width = r.spans.len().to_string().len();
        for (i, s) in r.spans.iter().enumerate() {
            let _ = writeln!(out, "\n{:>n_width$}. also in {}", i + 1, also_in(r, s));
            wrap_into(&mut out, &excerpt(r, s), n_width + 2, width);
        }
    }
    if let Some(over) = r.boilerplate_over {
        // One line, unwrapped, as earlier versions printed it: scripts grep for it.
        let _ = writeln!(out, "\n{}", boilerplate_note(over));
    }
    out
}

#[derive(Serialize)]
struct JsonSpan<'a> {
    start: usize,
    end: usize,
    text: String,
    others: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    article: JsonArticle<'a>,
    compared_with: usize,
    originality: f64,
    /// Whether text printed in more than the boilerplate cap of articles was left unlinked.
    boilerplate: bool,
    spans: Vec<JsonSpan<'a>>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    id: &'a str,
    title: &'a str,
    source: &'a str,
    date: Option<chrono::NaiveDate>,
}

fn json(r: &SharedReport) -> String {
    let doc = JsonReport {
        article: JsonArticle {
            id: &r.article.id,
            title: &r.article.title,
            source: &r.article.source,
            date: r.article.date,
        },
        compared_with: r.compared_with,
        originality: super::json::round3(r.originality),
        boilerplate: r.boilerplate_over.is_some(),
        spans: r
            .spans
            .iter()
            .map(|s| JsonSpan {
                start: s.span.start,
                end: s.span.end,
                text: r
                    .article
                    .text
                    .get(s.span.start..s.span.end)
                    .unwrap_or("")
                    .to_string(),
                others: ids(r, s),
            })
            .collect(),
    };
    // Plain strings and numbers always serialize.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn md(r: &SharedReport) -> String {
    let a = r.article;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Passages of {} found elsewhere\n\n**Originality:** {} of its words appear in no other article (checked against {} others).\n",
        markdown::escape(&a.title, false),
        percent(r.originality),
        r.compared_with
    );
    for (i, s) in r.spans.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} — also in {}",
            i + 1,
            markdown::escape(&excerpt(r, s), false),
            markdown::escape(&also_in(r, s), false)
        );
    }
    if let Some(over) = r.boilerplate_over {
        let _ = writeln!(
            out,
            "\n{}",
            markdown::escape(&boilerplate_note(over), false)
        );
    }
    out
}

fn page(r: &SharedReport) -> String {
    let a = r.article;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>juxta: {t}</title>\n<style>body{{font:15px/1.5 Georgia,serif;max-width:60em;margin:auto;padding:1.5em}} li{{margin:.6em 0}} .o{{color:#666;font:13px system-ui,sans-serif}}</style>\n</head>\n<body>\n<h1>Passages of “{t}” found elsewhere</h1>\n<p>Originality: {} of its words appear in no other article (checked against {} others).</p>\n<ol>\n",
        percent(r.originality),
        r.compared_with,
        t = html::escape(&a.title)
    );
    for s in r.spans {
        let _ = writeln!(
            out,
            "<li>{} <span class=\"o\">also in {}</span></li>",
            html::escape(&excerpt(r, s)),
            html::escape(&also_in(r, s))
        );
    }
    out.push_str("</ol>\n");
    if let Some(over) = r.boilerplate_over {
        let _ = writeln!(
            out,
            "<p class=\"o\">{}</p>",
            html::escape(&boilerplate_note(over))
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Span;

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            title: format!("Title of {id}"),
            source: "Harbour Post".into(),
            authors: Vec::new(),
            date: None,
            url: None,
            text: text.into(),
            hash: String::new(),
            imported_at: chrono::DateTime::UNIX_EPOCH,
            file_name: format!("{id}.txt"),
        }
    }

    fn render_all(boilerplate_over: Option<usize>) -> [String; 4] {
        let a = article("pier", "The pier cracked. Readers may republish this.");
        let b = article("pier-copy", "The pier cracked.");
        let corpus = [&a, &b];
        let spans = [SharedSpan {
            span: Span { start: 0, end: 17 },
            others: vec![1],
        }];
        let r = SharedReport {
            article: &a,
            corpus: &corpus,
            spans: &spans,
            originality: 0.5,
            compared_with: 600,
            boilerplate_over,
        };
        let opts = RenderOptions {
            width: 80,
            color: false,
        };
        [Format::Text, Format::Json, Format::Markdown, Format::Html]
            .map(|f| render_shared(&r, f, &opts))
    }

    #[test]
    fn every_format_says_when_boilerplate_was_left_unlinked() {
        let [text, json, md, html] = render_all(Some(500));
        let note = "Some of its text is printed in more than 500 other articles (boilerplate); it \
                    links it to none of them, so its passages list only the articles sharing more \
                    with it.";
        assert!(text.ends_with(&format!("\n{note}\n")), "{text}");
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(doc["boilerplate"], serde_json::json!(true));
        assert!(md.ends_with(&format!("\n{note}\n")), "{md}");
        assert!(
            html.contains(&format!("<p class=\"o\">{note}</p>\n</body>")),
            "{html}"
        );
    }

    #[test]
    fn no_format_mentions_boilerplate_when_there_is_none() {
        let [text, json, md, html] = render_all(None);
        for out in [&text, &md, &html] {
            assert!(!out.contains("boilerplate"), "{out}");
        }
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(doc["boilerplate"], serde_json::json!(false));
    }
}
