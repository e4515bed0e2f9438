//! `juxta actors`, `juxta events`, `juxta mentions`: actors (people, organizations, places) and
//! dated events of the named articles (files, store ids, or the whole store), as tables or JSON.
//!
//! These commands need names and dates only, not the overlap index, so they extract and assemble
//! directly (reading and writing the store's extraction cache for stored articles) instead of
//! building a whole corpus.

use super::Context;
use super::json::{ArrayWriter, json_str, push_number, str_list};
use crate::analysis::actors::{Actor, ActorKind};
use crate::analysis::extract;
use crate::store::{ViewActor, ViewParts};
use crate::text::{display_width, pad, truncate};
use anyhow::Result;
use clap::Args;
use serde::Serialize;
use std::io::Write;

/// Arguments of `juxta actors` and `juxta events`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Files, folders or store ids [default: the whole store]
    #[arg(value_name = "PATH|ID")]
    pub articles: Vec<String>,
}

/// Arguments of `juxta actors`.
#[derive(Debug, Args)]
pub struct ActorsArgs {
    /// Only actors of this kind
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<KindArg>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Files, folders or store ids [default: the whole store]
    #[arg(value_name = "PATH|ID")]
    pub articles: Vec<String>,
}

/// The actor kinds as `--kind` spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// People
    Person,
    /// Companies, parties, agencies, teams…
    Organization,
    /// Countries, cities, regions…
    Place,
}

impl KindArg {
    fn kind(self) -> ActorKind {
        match self {
            KindArg::Person => ActorKind::Person,
            KindArg::Organization => ActorKind::Organization,
            KindArg::Place => ActorKind::Place,
        }
    }
}

/// Arguments of `juxta mentions`.
#[derive(Debug, Args)]
pub struct MentionsArgs {
    /// The actor: any name or alias ("Volkov", "Dmitri S. Volkov", "Port Veyra")
    pub name: String,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Files, folders or store ids [default: the whole store]
    #[arg(value_name = "PATH|ID")]
    pub articles: Vec<String>,
}

/// Widest line the tables aim for, in columns.
pub(super) const TABLE_WIDTH: usize = crate::service::TABLE_WIDTH;

/// One mention in JSON.
#[derive(Serialize)]
struct MentionRow<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<String>,
}

/// One actor in JSON (the `actors --json` shape of DESIGN.md).
#[derive(Serialize)]
struct ActorRow<'a> {
    name: &'a str,
    kind: &'a str,
    aliases: &'a [String],
    articles: Vec<&'a str>,
    mention_count: usize,
    mentions: Vec<MentionRow<'a>>,
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line around a span, cut to about `room` columns on each side, the span in brackets.
fn context(text: &str, start: usize, end: usize, room: usize) -> String {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = &text[line_start..start];
    let after = &text[end..line_end];
    let mut left: String = String::new();
    let mut w = 0;
    let mut cut_left = false;
    for c in before.chars().rev() {
        w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w > room {
            cut_left = true;
            break;
        }
        left.insert(0, c);
    }
    let right = truncate(after, room);
    format!(
        "{}{}[{}]{}",
        if cut_left { "…" } else { "" },
        left,
        &text[start..end],
        right
    )
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `actors --json`: the array `serde_json::to_writer_pretty` makes of the whole list, written
/// one actor at a time as the store hands them over, so that the archive's mentions (hundreds
/// of megabytes at 100,000 articles) are never all in memory at once.
fn actors_json(
    ctx: &Context,
    args: &ActorsArgs,
    wanted: Option<&str>,
    out: &mut impl Write,
) -> Result<()> {
    let mut array = ArrayWriter::new(out);
    crate::service::stream_actors(ctx, &args.articles, &mut |a| {
        wanted.is_some_and(|k| a.kind != k)
            || array.push(|buf, first| push_actor_json(buf, a, first))
    })?;
    array.finish()?;
    Ok(())
}

/// Appends one actor to a pretty JSON array as `serde_json::to_writer_pretty` writes it, byte
/// for byte (`[` before the first actor, `,` before the others; `close_array` ends it). A
/// test holds the two to the same output.
fn push_actor_json(out: &mut Vec<u8>, a: &ViewActor, first: bool) {
    out.extend_from_slice(if first { b"[\n  {" } else { b",\n  {" });
    out.extend_from_slice(b"\n    \"name\": ");
    json_str(out, &a.name);
    out.extend_from_slice(b",\n    \"kind\": ");
    json_str(out, &a.kind);
    out.extend_from_slice(b",\n    \"aliases\": ");
    str_list(out, &a.aliases, 4);
    out.extend_from_slice(b",\n    \"articles\": ");
    str_list(out, &a.articles, 4);
    out.extend_from_slice(b",\n    \"mention_count\": ");
    push_number(out, a.mention_count);
    out.extend_from_slice(b",\n    \"mentions\": [");
    for (j, m) in a.mentions.iter().enumerate() {
        out.extend_from_slice(if j == 0 { b"\n      {" } else { b",\n      {" });
        out.extend_from_slice(b"\n        \"article\": ");
        json_str(out, &m.article);
        out.extend_from_slice(b",\n        \"start\": ");
        push_number(out, m.start);
        out.extend_from_slice(b",\n        \"end\": ");
        push_number(out, m.end);
        out.extend_from_slice(b",\n        \"text\": ");
        json_str(out, &m.text);
        out.extend_from_slice(b"\n      }");
    }
    if !a.mentions.is_empty() {
        out.extend_from_slice(b"\n    ");
    }
    out.extend_from_slice(b"]\n  }");
}

/// Runs `juxta actors`: one table per kind (people, organizations, places), or JSON. The
/// whole archive's actors are read from the store's views (mentions only for JSON).
pub fn actors(ctx: &Context, args: &ActorsArgs, out: &mut impl Write) -> Result<bool> {
    let wanted = args.kind.map(|k| crate::service::kind_name(k.kind()));
    if args.json {
        return actors_json(ctx, args, wanted, out).map(|()| true);
    }
    let views = crate::service::views(ctx, &args.articles, ViewParts::ActorSummary)?;
    let rows: Vec<&ViewActor> = views
        .actors
        .iter()
        .filter(|a| wanted.is_none_or(|k| a.kind == k))
        .collect();
    let mut out = std::io::BufWriter::new(&mut *out);
    if rows.is_empty() {
        let what = match wanted {
            Some("organization") => "organizations",
            Some("place") => "places",
            _ => "people",
        };
        writeln!(
            out,
            "No {what} found in {}.",
            count(views.articles, "article")
        )?;
        return Ok(true);
    }
    let name_w = rows
        .iter()
        .map(|r| display_width(&r.name).min(36))
        .max()
        .unwrap_or(6)
        .max(12);
    let rest = TABLE_WIDTH.saturating_sub(name_w + 24).max(20);
    let mut totals = Vec::new();
    for (kind, heading, noun) in [
        ("person", "PERSON", "person"),
        ("organization", "ORGANIZATION", "organization"),
        ("place", "PLACE", "place"),
    ] {
        let group: Vec<&&ViewActor> = rows.iter().filter(|r| r.kind == kind).collect();
        if group.is_empty() {
            continue;
        }
        if !totals.is_empty() {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}  {:>8}  {:>8}  ALSO NAMED",
            pad(heading, name_w),
            "MENTIONS",
            "ARTICLES"
        )?;
        for r in &group {
            writeln!(
                out,
                "{}  {:>8}  {:>8}  {}",
                pad(&truncate(&r.name, 36), name_w),
                r.mention_count,
                r.article_count,
                truncate(&r.aliases.join(", "), rest)
            )?;
        }
        totals.push(count(group.len(), noun));
    }
    let listed = match totals.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    };
    writeln!(
        out,
        "\n{listed} in {}; `juxta mentions NAME` lists where each is named.",
        count(views.articles, "article")
    )?;
    out.flush()?;
    Ok(true)
}

pub(super) fn count(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "person") => format!("{n} people"),
        (_, "place") => format!("{n} places"),
        _ => format!("{n} {what}s"),
    }
}

/// Runs `juxta mentions`: the actor is found among the archive's views (or the named
/// articles' actors), and only the texts of the articles that name it are read.
pub fn mentions(ctx: &Context, args: &MentionsArgs, out: &mut impl Write) -> Result<bool> {
    // The store's views give one actor's mentions on their own; named files give them with
    // the actors.
    let parts = if args.articles.is_empty() {
        ViewParts::ActorSummary
    } else {
        ViewParts::Actors
    };
    let views = crate::service::views(ctx, &args.articles, parts)?;
    // Names and aliases are all the lookup reads.
    let probes: Vec<Actor> = views
        .actors
        .iter()
        .map(|a| Actor {
            name: a.name.clone(),
            kind: ActorKind::Person,
            aliases: a.aliases.clone(),
            mentions: Vec::new(),
        })
        .collect();
    let Some(i) = extract::find_actor(&probes, &args.name) else {
        anyhow::bail!(
            "no person, organization or place named \"{}\" in {}; run `juxta actors` to see the names found",
            args.name,
            count(views.articles, "article")
        );
    };
    let actor = crate::service::actor_mentions(ctx, &views, i)?;
    let texts = crate::service::article_texts(ctx, &args.articles, &actor.articles)?;
    let row = mention_rows(&actor, &texts);
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &row)?;
        writeln!(out)?;
        return Ok(true);
    }
    write!(
        out,
        "{}: {} in {}",
        actor.name,
        count(row.mention_count, "mention"),
        count(row.articles.len(), "article")
    )?;
    if !actor.aliases.is_empty() {
        write!(out, " (also named {})", actor.aliases.join(", "))?;
    }
    writeln!(out)?;
    let places: Vec<String> = row
        .mentions
        .iter()
        .map(|m| format!("{}:{}", m.article, m.line.unwrap_or(0)))
        .collect();
    let place_w = places.iter().map(|p| display_width(p)).max().unwrap_or(0);
    for (m, place) in row.mentions.iter().zip(&places) {
        writeln!(
            out,
            "{}  {}",
            pad(place, place_w),
            one_line(m.context.as_deref().unwrap_or_default())
        )?;
    }
    Ok(true)
}

/// An actor's mentions with their line numbers and the line around each.
fn mention_rows<'a>(
    a: &'a ViewActor,
    texts: &'a std::collections::HashMap<String, String>,
) -> ActorRow<'a> {
    // Mentions come in reading order, so each line number continues from the last one's
    // instead of counting from the top of the article again.
    let mut last: (Option<&str>, usize, usize) = (None, 0, 1);
    let mentions = a
        .mentions
        .iter()
        .map(|m| {
            let text = texts.get(&m.article).map_or("", String::as_str);
            let (start, end) = (m.start.min(text.len()), m.end.min(text.len()));
            let (article, from, line) = last;
            let (from, line) = if article == Some(m.article.as_str()) && from <= start {
                (from, line)
            } else {
                (0, 1)
            };
            let line = line + line_of(&text[from..start], start - from) - 1;
            last = (Some(m.article.as_str()), start, line);
            MentionRow {
                article: &m.article,
                start: m.start,
                end: m.end,
                text: &m.text,
                line: Some(line),
                context: Some(context(text, start, end, 60)),
            }
        })
        .collect();
    ActorRow {
        name: &a.name,
        kind: a.kind.as_str(),
        aliases: &a.aliases,
        articles: a.articles.iter().map(String::as_str).collect(),
        mention_count: a.mentions.len(),
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::super::json::close_array;
    use super::*;
    use crate::store::ViewMention;
    use crate::text::one_line_cut;

    #[test]
    fn actors_json_is_what_serde_json_prints() {
        let mention = |article: &str, start: usize, text: &str| ViewMention {
            article: article.to_string(),
            start,
            end: start + text.len(),
            text: text.to_string(),
        };
        let actor = |name: &str, aliases: &[&str], mentions: Vec<ViewMention>| ViewActor {
            name: name.to_string(),
            kind: "person".to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            articles: mentions.iter().map(|m| m.article.clone()).collect(),
            mention_count: mentions.len(),
            article_count: 7,
            mentions,
        };
        let actors = [
            actor("Ana Lima", &[], Vec::new()),
            actor(
                "Jo \"Q\" Ng\\",
                &["Ng", "Jo Ng"],
                vec![mention("a-1", 12, "Jo Ng"), mention("b-2", 4096, "Ng")],
            ),
            actor("Zoë Ferreira-Lu", &["Zoë"], vec![mention("c", 0, "Zoë")]),
        ];
        for n in 0..=actors.len() {
            let mut ours = Vec::new();
            for (k, a) in actors[..n].iter().enumerate() {
                push_actor_json(&mut ours, a, k == 0);
            }
            close_array(&mut ours, n > 0);
            let theirs = serde_json::to_string_pretty(&actors[..n]).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);
        }
    }

    #[test]
    fn context_brackets_the_mention() {
        let text = "first line\nHarbour spokesman Ana Lima said so.\nlast";
        let start = text.find("Ana").unwrap();
        let end = start + "Ana Lima".len();
        assert_eq!(line_of(text, start), 2);
        assert_eq!(
            context(text, start, end, 60),
            "Harbour spokesman [Ana Lima] said so."
        );
        assert_eq!(context(text, start, end, 5), "…sman [Ana Lima] sai…");
    }

    #[test]
    fn a_sentence_cut_to_a_line_reads_as_the_whole_sentence_cut() {
        let sentences = [
            "",
            "Short one.",
            "The  quay\n reopened   on Monday, the  harbour office said\tlate on Sunday evening.",
            "Le maire a déclaré que le pont rouvrira le 3 mars, après des travaux de réfection.",
            "港の岸壁は月曜日に再開されたと港湾事務所が日曜日の夜遅くに発表した。 二つ目の 文",
        ];
        for s in sentences {
            for max in [1, 2, 5, 10, 20, 40, 80, 200] {
                assert_eq!(
                    one_line_cut(s, max),
                    truncate(&one_line(s), max),
                    "{s:?} at {max}"
                );
            }
        }
    }
}
