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
        writeln!(
            out,
            "The store at {} is empty; add articles with `juxta add PATH...`.",
            ctx.store_path.display()
        )?;
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
