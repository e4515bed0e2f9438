//! `juxta conflicts`: where articles about one event disagree (figures and dates that
//! differ), as a list or JSON.

use super::Context;
use super::extract::ExtractArgs;
use crate::analysis::conflicts::Conflict;
use crate::article::Article;
use crate::text::printable::printable_line;
use crate::text::{display_width, pad};
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

/// One article's value in JSON.
#[derive(Serialize)]
struct ValueRow<'a> {
    article: &'a str,
    text: &'a str,
    value: &'a str,
    start: usize,
    end: usize,
}

/// One disagreement in JSON (the `conflicts --json` shape of DESIGN.md).
#[derive(Serialize)]
struct ConflictRow<'a> {
    /// The story, numbered from 1 in the order the stories were found.
    story: usize,
    kind: &'static str,
    about: &'a str,
    values: Vec<ValueRow<'a>>,
}

fn row<'a>(c: &'a Conflict, articles: &'a [Article]) -> ConflictRow<'a> {
    ConflictRow {
        story: c.story + 1,
        kind: c.kind.name(),
        about: &c.about,
        values: c
            .values
            .iter()
            .map(|v| ValueRow {
                article: &articles[v.article].id,
                text: &v.text,
                value: &v.value,
                start: v.span.start,
                end: v.span.end,
            })
            .collect(),
    }
}

/// Runs `juxta conflicts`.
pub fn run(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<bool> {
    let found = ctx.disagreements(&args.articles)?;
    let articles = &found.articles;
    if args.json {
        let rows: Vec<ConflictRow<'_>> = found.conflicts.iter().map(|c| row(c, articles)).collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(true);
    }
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    if found.conflicts.is_empty() {
        writeln!(
            out,
            "No disagreements found in {} ({}).",
            plural(articles.len(), "article", "articles"),
            plural(found.stories.len(), "story", "stories")
        )?;
        return Ok(true);
    }
    for (n, c) in found.conflicts.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{} · {} (story {})",
            c.kind.name(),
            printable_line(&c.about),
            c.story + 1
        )?;
        let id_w = c
            .values
            .iter()
            .map(|v| display_width(&articles[v.article].id))
            .max()
            .unwrap_or(0);
        let value_w = c
            .values
            .iter()
            .map(|v| display_width(&v.value))
            .max()
            .unwrap_or(0);
        for v in &c.values {
            writeln!(
                out,
                "  {}  {}  “{}”",
                pad(&printable_line(&articles[v.article].id), id_w),
                pad(&v.value, value_w),
                printable_line(&v.text)
            )?;
        }
    }
    writeln!(
        out,
        "\n{} in {} ({})",
        plural(found.conflicts.len(), "disagreement", "disagreements"),
        plural(articles.len(), "article", "articles"),
        plural(found.stories.len(), "story", "stories")
    )?;
    Ok(true)
}
