//! `juxta quotes`: the quotations of the named articles, grouped across outlets, with their
//! speakers and how the wording drifts.

use super::Context;
use crate::analysis::quotes::{QuoteGroup, Quotes};
use crate::article::Article;
use crate::service::QuoteReport;
use crate::text::printable::printable_line;
use anyhow::Result;
use clap::Args;
use serde::Serialize;
use std::io::Write;

/// Arguments of `juxta quotes`.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Files, folders or store ids [default: the whole store]
    #[arg(value_name = "PATH|ID")]
    pub articles: Vec<String>,
}

/// One quotation in one article, in JSON.
#[derive(Serialize)]
struct MentionRow<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: String,
    speaker: Option<&'a str>,
    /// The quoted parts, when an attribution splits the quotation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pieces: Vec<crate::analysis::Span>,
}

/// How one mention's words differ from the fullest wording, in JSON.
#[derive(Serialize)]
struct DriftRow<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    diff: &'a str,
    cut: bool,
    changed: bool,
}

/// One quotation group: the `quotes --json` shape of DESIGN.md.
#[derive(Serialize)]
struct GroupRow<'a> {
    id: String,
    speaker: Option<&'a str>,
    text: String,
    articles: Vec<&'a str>,
    mentions: Vec<MentionRow<'a>>,
    drift: Vec<DriftRow<'a>>,
    speakers_disagree: bool,
}

/// The id of group `g` in `quotes` output: `q1`, `q2`… in the order listed.
pub fn group_id(g: usize) -> String {
    format!("q{}", g + 1)
}

fn group_row<'a>(
    g: usize,
    group: &'a QuoteGroup,
    quotes: &'a Quotes,
    articles: &'a [Article],
) -> GroupRow<'a> {
    let q = |k: usize| &quotes.quotations[group.mentions[k]];
    let full = q(group.fullest);
    GroupRow {
        id: group_id(g),
        speaker: group.speaker.as_ref().map(|s| s.name.as_str()),
        text: full.text(&articles[full.article].text),
        articles: group
            .articles
            .iter()
            .map(|&a| articles[a].id.as_str())
            .collect(),
        mentions: (0..group.mentions.len())
            .map(|k| {
                let m = q(k);
                MentionRow {
                    article: &articles[m.article].id,
                    start: m.span.start,
                    end: m.span.end,
                    text: m.text(&articles[m.article].text),
                    speaker: m.speaker.as_ref().map(|s| s.name.as_str()),
                    pieces: if m.pieces.len() > 1 {
                        m.pieces.clone()
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect(),
        drift: group
            .drift
            .iter()
            .map(|d| {
                let m = q(d.mention);
                DriftRow {
                    article: &articles[m.article].id,
                    start: m.span.start,
                    end: m.span.end,
                    diff: &d.diff,
                    cut: d.cut,
                    changed: d.changed,
                }
            })
            .collect(),
        speakers_disagree: group.speakers_disagree,
    }
}

/// Runs `juxta quotes`.
pub fn run(ctx: &Context, args: &QuotesArgs, out: &mut impl Write) -> Result<bool> {
    let report = crate::service::quotes(ctx, &args.articles)?;
    write(&report, args.json, out)?;
    Ok(true)
}

/// Prints the groups as JSON or as text.
pub fn write(report: &QuoteReport, json: bool, out: &mut impl Write) -> Result<()> {
    let QuoteReport {
        articles, quotes, ..
    } = report;
    if json {
        let rows: Vec<GroupRow<'_>> = quotes
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| group_row(g, group, quotes, articles))
            .collect();
        let text = serde_json::to_string_pretty(&rows)?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    if quotes.groups.is_empty() {
        writeln!(out, "No quotations found.")?;
        return Ok(());
    }
    for (g, group) in quotes.groups.iter().enumerate() {
        let row = group_row(g, group, quotes, articles);
        let outlets: Vec<String> = group
            .articles
            .iter()
            .map(|&a| {
                let art = &articles[a];
                format!("{} ({})", art.id, printable_line(&art.source))
            })
            .collect();
        writeln!(
            out,
            "{}  {}  — {} outlet{}: {}",
            row.id,
            printable_line(row.speaker.unwrap_or("speaker unknown")),
            group.articles.len(),
            if group.articles.len() == 1 { "" } else { "s" },
            outlets.join(", ")
        )?;
        writeln!(out, "    “{}”", printable_line(&row.text))?;
        for d in &row.drift {
            writeln!(out, "    {}: {}", d.article, printable_line(d.diff))?;
        }
        if group.speakers_disagree {
            let said: Vec<String> = row
                .mentions
                .iter()
                .filter_map(|m| m.speaker.map(|s| format!("{} {}", m.article, s)))
                .collect();
            writeln!(
                out,
                "    speakers differ: {}",
                printable_line(&said.join(" · "))
            )?;
        }
    }
    Ok(())
}
