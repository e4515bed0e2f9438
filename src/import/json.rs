//! JSON articles: one object, an array of them, or JSON Lines (one object per line). The
//! fields of juxta's own shape and of news-please output are both understood.

use super::draft::make_draft;
use super::{Draft, ImportErrorKind, ImportOptions, Meta, parse_date, reflow, split_authors};
use crate::text::printable::sanitize;
use serde_json::Value;

/// Drafts from a JSON article or array of articles.
pub(super) fn parse_json(
    raw: &str,
    file_name: &str,
    stem: &str,
    opts: &ImportOptions,
) -> Result<Vec<Draft>, ImportErrorKind> {
    let raw = raw.trim_start_matches('\u{FEFF}');
    if raw.trim().is_empty() {
        return Err(ImportErrorKind::Blank);
    }
    let value: Value = serde_json::from_str(raw).map_err(ImportErrorKind::Json)?;
    let (items, many) = match value {
        Value::Array(items) if items.is_empty() => {
            return Err(ImportErrorKind::JsonShape("is an empty array".into()));
        }
        Value::Array(items) => (items, true),
        obj @ Value::Object(_) => (vec![obj], false),
        _ => {
            return Err(ImportErrorKind::JsonShape(
                "is neither an object nor an array".into(),
            ));
        }
    };
    let mut drafts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let place = if many {
            Place::Item(i + 1)
        } else {
            Place::Whole
        };
        let (name, id_source) = if many {
            (
                format!("{file_name}#{}", i + 1),
                format!("{stem}-{}", i + 1),
            )
        } else {
            (file_name.to_string(), stem.to_string())
        };
        drafts.push(draft_from_value(item, place, opts, name, &id_source)?);
    }
    Ok(drafts)
}

/// Drafts from JSON Lines: one article object per line; blank lines are skipped.
pub(super) fn parse_json_lines(
    raw: &str,
    file_name: &str,
    stem: &str,
    opts: &ImportOptions,
) -> Result<Vec<Draft>, ImportErrorKind> {
    let raw = raw.trim_start_matches('\u{FEFF}');
    let mut drafts = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let value: Value = serde_json::from_str(line)
            .map_err(|e| ImportErrorKind::JsonLine { line: n, error: e })?;
        let name = format!("{file_name}#{n}");
        let id_source = format!("{stem}-{n}");
        drafts.push(draft_from_value(
            &value,
            Place::Line(n),
            opts,
            name,
            &id_source,
        )?);
    }
    if drafts.is_empty() {
        return Err(ImportErrorKind::Blank);
    }
    Ok(drafts)
}

/// Where an object sits in its file, for the error messages.
#[derive(Clone, Copy)]
enum Place {
    Whole,
    Item(usize),
    Line(usize),
}

impl Place {
    fn which(self) -> String {
        match self {
            Place::Whole => "is an object that".into(),
            Place::Item(n) => format!("has an item (number {n}) that"),
            Place::Line(n) => format!("has a line (number {n}) that"),
        }
    }
}

/// The first of `names` that the object has as a non-empty string.
fn string_field<'a>(
    item: &'a Value,
    names: &[&str],
    place: Place,
) -> Result<Option<&'a str>, ImportErrorKind> {
    for name in names {
        match item.get(name) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.trim().is_empty() => {}
            Some(Value::String(s)) => return Ok(Some(s)),
            Some(_) => {
                return Err(ImportErrorKind::JsonShape(format!(
                    "{} has a \"{name}\" that is not a string",
                    place.which()
                )));
            }
        }
    }
    Ok(None)
}

/// Authors as news-please gives them (an array of names) or as one string ("A and B").
fn authors_field(item: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["authors", "author", "byline"] {
        match item.get(name) {
            Some(Value::String(s)) => out.extend(split_authors(s)),
            Some(Value::Array(list)) => {
                for v in list {
                    match v {
                        Value::String(s) => out.push(s.trim().to_string()),
                        // schema.org style: {"name": "..."}
                        Value::Object(o) => {
                            if let Some(Value::String(s)) = o.get("name") {
                                out.push(s.trim().to_string());
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        if !out.is_empty() {
            break;
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

fn draft_from_value(
    item: &Value,
    place: Place,
    opts: &ImportOptions,
    name: String,
    id_source: &str,
) -> Result<Draft, ImportErrorKind> {
    if !item.is_object() {
        return Err(ImportErrorKind::JsonShape(match place {
            Place::Whole => "is neither an object nor an array".into(),
            Place::Item(n) => format!("has an item (number {n}) that is not an object"),
            Place::Line(n) => format!("has a line (number {n}) that is not an object"),
        }));
    }
    let which = place.which();
    let has_text_key = ["text", "maintext"].iter().any(|k| item.get(k).is_some());
    let Some(text) = string_field(item, &["maintext", "text"], place)? else {
        return Err(ImportErrorKind::JsonShape(if has_text_key {
            format!("{which} has an empty \"text\"")
        } else {
            format!("{which} has no \"text\"")
        }));
    };
    let date = string_field(item, &["date", "date_publish", "published"], place)?
        .filter(|_| opts.overrides.date.is_none())
        .map(|d| {
            parse_date(d).map_err(|e| match place {
                Place::Whole => ImportErrorKind::BadDate(e.0),
                Place::Item(n) | Place::Line(n) => ImportErrorKind::BadItemDate {
                    item: n,
                    value: e.0,
                },
            })
        })
        .transpose()?;
    let found = Meta {
        title: string_field(item, &["title", "title_page", "title_rss"], place)?
            .map(str::to_string),
        date,
        source: string_field(item, &["source", "source_domain"], place)?.map(str::to_string),
        url: string_field(item, &["url"], place)?.map(str::to_string),
        authors: authors_field(item),
    };
    let body = reflow(&sanitize(text, opts.tab_width));
    make_draft(body, found, opts, name, id_source).map_err(|e| match e {
        ImportErrorKind::NoText => {
            ImportErrorKind::JsonShape(format!("{which} has an empty \"text\""))
        }
        other => other,
    })
}
