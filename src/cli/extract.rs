//! `juxta actors`, `juxta events`, `juxta mentions`: actors (people, organizations, places) and
//! dated events of the named articles (files, store ids, or the whole store), as tables or JSON.
//!
//! These commands need names and dates only, not the overlap index, so they extract and assemble
//! directly (reading and writing the store's extraction cache for stored articles) instead of
//! building a whole corpus.

use super::Context;
use crate::analysis::actors::{Actor, ActorKind};
use crate::analysis::extract;
use crate::store::{EventsLayout, ViewActor, ViewEvent, ViewParts};
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
const TABLE_WIDTH: usize = 120;

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

/// `truncate(&one_line(s), max)`, reading only as much of `s` as the cut line needs: a
/// timeline of a million events prints a million sentences.
fn one_line_cut(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut width = 0;
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += display_width(word);
        if width > max + 2 && display_width(&out) > max {
            break;
        }
    }
    truncate(&out, max)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `juxta actors`: one table per kind (people, organizations, places), or JSON. The
/// whole archive's actors are read from the store's views (mentions only for JSON).
pub fn actors(ctx: &Context, args: &ActorsArgs, out: &mut impl Write) -> Result<bool> {
    let parts = if args.json {
        ViewParts::Actors
    } else {
        ViewParts::ActorSummary
    };
    let views = crate::service::views(ctx, &args.articles, parts)?;
    let wanted = args.kind.map(|k| crate::service::kind_name(k.kind()));
    let rows: Vec<&ViewActor> = views
        .actors
        .iter()
        .filter(|a| wanted.is_none_or(|k| a.kind == k))
        .collect();
    if args.json {
        let mut buffered = std::io::BufWriter::new(&mut *out);
        serde_json::to_writer_pretty(&mut buffered, &rows)?;
        writeln!(buffered)?;
        buffered.flush()?;
        return Ok(true);
    }
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

/// Writes events as `serde_json::to_writer_pretty` does, byte for byte, but with each string
/// escaped a run at a time: the events of a run-on text carry megabytes of sentences, which
/// serde_json escapes byte by byte. A test holds the two writers to the same output.
fn write_events_json(out: &mut impl Write, events: &[ViewEvent]) -> std::io::Result<()> {
    fn opt(out: &mut impl Write, value: Option<&str>) -> std::io::Result<()> {
        match value {
            Some(v) => json_str(out, v),
            None => out.write_all(b"null"),
        }
    }
    if events.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (k, e) in events.iter().enumerate() {
        out.write_all(if k == 0 { b"\n  {" } else { b",\n  {" })?;
        out.write_all(b"\n    \"article\": ")?;
        json_str(out, &e.article)?;
        out.write_all(b",\n    \"date\": ")?;
        opt(out, e.date.as_deref())?;
        out.write_all(b",\n    \"start_date\": ")?;
        opt(out, e.start_date.as_deref())?;
        out.write_all(b",\n    \"end_date\": ")?;
        opt(out, e.end_date.as_deref())?;
        out.write_all(b",\n    \"precision\": ")?;
        opt(out, e.precision.as_deref())?;
        out.write_all(b",\n    \"kind\": ")?;
        json_str(out, &e.kind)?;
        out.write_all(b",\n    \"expression\": ")?;
        json_str(out, &e.expression)?;
        write!(
            out,
            ",\n    \"start\": {},\n    \"end\": {}",
            e.start, e.end
        )?;
        out.write_all(b",\n    \"sentence\": ")?;
        json_str(out, &e.sentence)?;
        out.write_all(b",\n    \"actors\": [")?;
        for (j, a) in e.actors.iter().enumerate() {
            out.write_all(if j == 0 { b"\n      " } else { b",\n      " })?;
            json_str(out, a)?;
        }
        if !e.actors.is_empty() {
            out.write_all(b"\n    ")?;
        }
        write!(
            out,
            "],\n    \"group\": {},\n    \"conflict\": {}\n  }}",
            e.group, e.conflict
        )?;
    }
    out.write_all(b"\n]")
}

/// Writes a JSON string as serde_json does: `"` and `\\` escaped, control characters as
/// `\n`, `\t`, … or `\u00XX`, everything else as it is. Plain runs are found eight bytes at a
/// time and copied whole.
fn json_str(out: &mut impl Write, s: &str) -> std::io::Result<()> {
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
    out.write_all(b"\"")?;
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
                out.write_all(&bytes[start..i])?;
                if escape.is_empty() {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.write_all(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[usize::from(b >> 4)],
                        HEX[usize::from(b & 0xf)],
                    ])?;
                } else {
                    out.write_all(escape)?;
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    out.write_all(&bytes[start..])?;
    out.write_all(b"\"")
}

fn count(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "person") => format!("{n} people"),
        (_, "place") => format!("{n} places"),
        _ => format!("{n} {what}s"),
    }
}

/// Runs `juxta events`; the whole archive's are read from the store's views.
pub fn events(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<bool> {
    let mut out = std::io::BufWriter::new(&mut *out);
    if args.json {
        let views = crate::service::views(ctx, &args.articles, ViewParts::Events)?;
        write_events_json(&mut out, &views.events)?;
        writeln!(out)?;
        out.flush()?;
        // The process ends after this: freeing the events' strings one by one would cost a
        // run-on text's tens of thousands of frees for nothing.
        std::mem::forget(views);
        return Ok(true);
    }
    // The table is written as the events are read, one at a time: a timeline of a million
    // events is never held whole.
    struct Table<W> {
        out: W,
        layout: EventsLayout,
        widths: (usize, usize, usize),
        previous: Option<(usize, Option<String>, Option<String>)>,
        failed: Option<std::io::Error>,
    }
    let table = std::cell::RefCell::new(Table {
        out,
        layout: EventsLayout::default(),
        widths: (7, 4, 30),
        previous: None,
        failed: None,
    });
    crate::service::stream_events(
        ctx,
        &args.articles,
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
            let header = writeln!(
                t.out,
                "{}  {}  {}  SENTENCE",
                pad("DATE", 10),
                pad("ARTICLE", id_w),
                pad("WHEN", expr_w)
            );
            t.failed = header.err();
            t.failed.is_none()
        },
        &mut |e| {
            let t = &mut *table.borrow_mut();
            let (id_w, expr_w, sentence_w) = t.widths;
            // An entry's date once; again where a report dates the happening differently.
            let when = (e.group, e.date.clone(), e.precision.clone());
            let date = if t.previous.as_ref() == Some(&when) {
                String::new()
            } else {
                e.date.clone().unwrap_or_else(|| "undated".to_string())
            };
            t.previous = Some(when);
            let line = writeln!(
                t.out,
                "{}  {}  {}  {}",
                pad(&date, 10),
                pad(&e.article, id_w),
                pad(&truncate(&one_line(&e.expression), 24), expr_w),
                one_line_cut(&e.sentence, sentence_w)
            );
            t.failed = line.err();
            t.failed.is_none()
        },
    )?;
    let Table {
        mut out,
        layout,
        failed,
        ..
    } = table.into_inner();
    if let Some(e) = failed {
        return Err(e.into());
    }
    if layout.events == 0 {
        writeln!(
            out,
            "No dated events found in {}.",
            count(layout.articles, "article")
        )?;
        out.flush()?;
        return Ok(true);
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
    Ok(true)
}

/// Runs `juxta mentions`: the actor is found among the archive's views (or the named
/// articles' actors), and only the texts of the articles that name it are read.
pub fn mentions(ctx: &Context, args: &MentionsArgs, out: &mut impl Write) -> Result<bool> {
    let views = crate::service::views(ctx, &args.articles, ViewParts::ActorSummary)?;
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
    use super::*;

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
            write_events_json(&mut ours, &events[..n]).unwrap();
            let theirs = serde_json::to_string_pretty(&events[..n]).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);
        }
        // Every byte in every position of an eight-byte word.
        for b in 0u8..0x80 {
            for at in 0..9 {
                let mut s = "abcdefghijklmnop".to_string();
                s.insert(at, char::from(b));
                let mut ours = Vec::new();
                json_str(&mut ours, &s).unwrap();
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    serde_json::to_string(&s).unwrap()
                );
            }
        }
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
