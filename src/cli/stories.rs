//! `juxta stories`: the archive grouped into stories (articles about one event).

use super::Context;
use crate::service::StoryRow;
use crate::text::printable::printable_line;
use crate::text::{pad, truncate};
use anyhow::Result;
use std::io::Write;

/// Prints the stories of the archive, as text or JSON. Single articles are stories too: JSON
/// lists them like the others, text lists them last, together.
pub fn run(ctx: &Context, json: bool, out: &mut impl Write) -> Result<bool> {
    let overview = crate::service::overview(ctx)?;
    if json {
        super::write_json(out, &overview.stories)?;
        return Ok(true);
    }
    if overview.articles.is_empty() {
        super::write_empty_store(ctx, out)?;
        return Ok(true);
    }
    let by_id = |id: &str| overview.articles.iter().find(|a| a.id == id);
    let (many, single): (Vec<&StoryRow>, Vec<&StoryRow>) =
        overview.stories.iter().partition(|s| s.articles.len() > 1);
    let id_w = overview
        .articles
        .iter()
        .map(|a| a.id.len())
        .max()
        .unwrap_or(2);
    let row = |id: &str| -> String {
        match by_id(id) {
            Some(a) => format!(
                "  {:id_w$}  {:10}  {}  {}",
                a.id,
                a.date_label(),
                pad(&truncate(&printable_line(&a.source), 24), 24),
                printable_line(&a.title)
            ),
            None => format!("  {id}"),
        }
    };
    writeln!(
        out,
        "{} stor{} of two or more articles, {} single article{}",
        many.len(),
        if many.len() == 1 { "y" } else { "ies" },
        single.len(),
        if single.len() == 1 { "" } else { "s" }
    )?;
    for s in &many {
        writeln!(out)?;
        writeln!(out, "{}", printable_line(&s.title))?;
        let span = match (s.first, s.last) {
            (Some(f), Some(l)) if f != l => format!("{f} to {l}"),
            (Some(f), _) => f.to_string(),
            _ => "undated".to_string(),
        };
        let outlets: Vec<String> = s
            .outlets
            .iter()
            .map(|o| printable_line(o).into_owned())
            .collect();
        let line = format!(
            "  {} articles · {} · {} outlet{}: {} · story {}",
            s.articles.len(),
            span,
            outlets.len(),
            if outlets.len() == 1 { "" } else { "s" },
            outlets.join(", "),
            s.id
        );
        writeln!(out, "{line}")?;
        for id in &s.articles {
            writeln!(out, "{}", row(id))?;
        }
        write_passages(out, s)?;
    }
    if !single.is_empty() {
        writeln!(out)?;
        writeln!(out, "Single articles")?;
        for s in &single {
            writeln!(out, "{}", row(&s.articles[0]))?;
        }
    }
    Ok(true)
}

/// Longest passage shown whole in the text listing (characters); JSON has every passage whole.
const PASSAGE_CHARS: usize = 100;

/// The passages all articles of a story share, one a line, quoted.
fn write_passages(out: &mut impl Write, s: &StoryRow) -> std::io::Result<()> {
    let n = s.articles.len();
    if s.passages.is_empty() {
        return writeln!(out, "  No passage all {n} share");
    }
    let words: usize = s.passages.iter().map(|p| p.words).sum();
    writeln!(
        out,
        "  All {n} share {} passage{} ({words} words):",
        s.passages.len(),
        if s.passages.len() == 1 { "" } else { "s" },
    )?;
    for p in &s.passages {
        writeln!(
            out,
            "    “{}”",
            truncate(&printable_line(&p.text), PASSAGE_CHARS)
        )?;
    }
    Ok(())
}
