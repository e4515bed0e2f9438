//! Decoding a file's bytes (UTF-8 only, with clear refusals) and parsing text and Markdown
//! into drafts.

use super::draft::{make_draft, one_line};
use super::json::parse_json;
use super::meta;
use super::{Draft, ImportErrorKind, ImportOptions, Meta, is_headline, reflow, strip_markdown};
use crate::text::printable::sanitize;
use std::path::Path;

/// The kinds of file juxta reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, possibly hard-wrapped.
    Text,
    /// Markdown; markup is stripped.
    Markdown,
    /// One article object or an array of them (juxta's fields or news-please's).
    Json,
    /// One article object per line.
    JsonLines,
    /// A header row and one article per row.
    Csv,
    /// A web page.
    Html,
    /// An RSS or Atom feed.
    Feed,
}

impl Format {
    /// The format a file name's extension says, if it says one.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "csv" => Format::Csv,
            "html" | "htm" | "xhtml" => Format::Html,
            "rss" | "atom" | "xml" => Format::Feed,
            _ => return None,
        })
    }
}

/// Decodes and parses a file's bytes. `file_name` names the drafts and seeds their ids.
pub fn parse_bytes(
    bytes: &[u8],
    file_name: &str,
    format: Format,
    opts: &ImportOptions,
) -> Result<Vec<Draft>, ImportErrorKind> {
    if bytes.is_empty() {
        return Err(ImportErrorKind::Empty);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportErrorKind::Blank);
    }
    // A text file that is really a page or a feed (saved without its extension).
    let format = match format {
        Format::Text if super::html::looks_like_html(bytes) => Format::Html,
        Format::Text if super::feed::looks_like_feed(bytes) => Format::Feed,
        other => other,
    };
    // Pages and feeds say their own character set.
    if matches!(format, Format::Html | Format::Feed) && !bytes.contains(&0) {
        let file_name = &one_line(file_name, opts.tab_width);
        let stem = stem_of(file_name);
        return if format == Format::Html {
            super::html::parse_html(bytes, None, None, file_name, &stem, opts)
        } else {
            super::feed::parse_feed(bytes, file_name, &stem, false, opts)
        };
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportErrorKind::Utf16);
    }
    if bytes.contains(&0) {
        return Err(if looks_like_utf16(bytes) {
            ImportErrorKind::Utf16
        } else {
            ImportErrorKind::Binary
        });
    }
    let raw = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        ImportErrorKind::InvalidUtf8 {
            offset,
            byte: bytes[offset],
        }
    })?;
    // A file name is metadata too (the source fallback, `show`): it must not carry escapes.
    let file_name = &one_line(file_name, opts.tab_width);
    let stem = stem_of(file_name);
    // A date given on the command line wins, so a bad date in the file does not matter then.
    let need_date = opts.overrides.date.is_none();
    match format {
        Format::Json => parse_json(raw, file_name, &stem, opts),
        Format::JsonLines => super::json::parse_json_lines(raw, file_name, &stem, opts),
        Format::Csv => super::csv::parse_csv(raw, file_name, &stem, opts),
        Format::Text | Format::Markdown | Format::Html | Format::Feed => {
            let clean = sanitize(raw, opts.tab_width);
            if clean.trim().is_empty() {
                return Err(ImportErrorKind::Blank);
            }
            let (front, rest) =
                meta::front_matter(&clean, need_date).map_err(|e| ImportErrorKind::BadDate(e.0))?;
            let (token_date, rest) =
                meta::date_token(rest, need_date).map_err(|e| ImportErrorKind::BadDate(e.0))?;
            let (heading, text) = if format == Format::Markdown {
                let s = strip_markdown(rest);
                (s.heading, s.text)
            } else {
                split_headline(rest)
            };
            let (authors, text) = split_byline(text);
            let found = front.or(Meta {
                title: heading,
                date: token_date,
                authors,
                ..Meta::default()
            });
            let draft = make_draft(text, found, opts, file_name.to_string(), &stem)?;
            Ok(vec![draft])
        }
    }
}

fn stem_of(file_name: &str) -> String {
    Path::new(file_name)
        .file_stem()
        .map_or(file_name.to_string(), |s| s.to_string_lossy().into_owned())
}

/// Whether bytes with zero bytes in them are UTF-16 without a byte-order mark: in UTF-16 text
/// that is mostly ASCII, every other byte is zero, always on the same side of each pair.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let pairs = bytes.chunks_exact(2).take(512);
    let (mut total, mut le, mut be) = (0usize, 0usize, 0usize);
    for pair in pairs {
        total += 1;
        match (pair[0], pair[1]) {
            (0, 0) => return false,
            (_, 0) => le += 1,
            (0, _) => be += 1,
            _ => {}
        }
    }
    total > 0 && (le.min(be) == 0) && le.max(be) * 10 >= total * 7
}

/// Takes a byline paragraph ("By Ana Ruiz") off the top of the text: its names are the
/// authors, and it is neither the title nor part of the article.
fn split_byline(text: String) -> (Vec<String>, String) {
    let first = text.split('\n').next().unwrap_or("");
    match meta::byline(first) {
        Some(names) => {
            let rest = text[first.len()..].trim_start_matches('\n').to_string();
            (names, rest)
        }
        None => (Vec::new(), text),
    }
}

/// Separates a headline-like first line from the body, then lays the body out.
fn split_headline(text: &str) -> (Option<String>, String) {
    let text = text.trim_start_matches(['\n', ' ']);
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    // A byline is not a headline: the headline, if any, comes after it.
    if meta::byline(first).is_some() {
        let (title, body) = split_headline(rest);
        return (title, format!("{first}\n\n{body}"));
    }
    let rest_trim = rest.trim_start_matches('\n');
    let next_line = rest_trim.lines().next().unwrap_or("");
    let blank_after = rest.starts_with('\n') || rest.trim_start_matches(' ').starts_with('\n');
    let next_is_unwrapped = next_line.chars().count() > 150;
    let break_is_deliberate = {
        let width = rest_trim
            .lines()
            .take(10)
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        let next_word = next_line
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        first.chars().count() + 1 + next_word + 5 < width
    };
    // Bylines that name authors were taken off above; a "By …" opening that `meta::byline`
    // does not read as names ("By the harbour wall") is still no headline.
    let byline = first.trim_start().starts_with("By ") && first.split_whitespace().count() <= 6;
    if is_headline(first)
        && !byline
        && !rest_trim.trim().is_empty()
        && (blank_after || next_is_unwrapped || break_is_deliberate)
    {
        return (Some(first.trim().to_string()), reflow(rest_trim));
    }
    (None, reflow(text))
}
