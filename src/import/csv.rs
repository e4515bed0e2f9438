//! CSV files with a header row: one article per row; which column holds which field comes
//! from the header names or from `--columns text=body,title=headline`.

use super::draft::make_draft;
use super::{Draft, ImportErrorKind, ImportOptions, Meta, parse_date, reflow, split_authors};
use crate::text::printable::sanitize;

/// The fields an article row can fill.
const FIELDS: &[&str] = &["text", "title", "date", "source", "url", "authors"];

/// Header names understood without `--columns`, per field.
const DEFAULT_NAMES: &[(&str, &[&str])] = &[
    (
        "text",
        &[
            "text",
            "maintext",
            "body",
            "content",
            "article",
            "article_text",
        ],
    ),
    ("title", &["title", "headline", "title_page"]),
    (
        "date",
        &[
            "date",
            "date_publish",
            "published",
            "pubdate",
            "publication_date",
        ],
    ),
    (
        "source",
        &["source", "source_domain", "outlet", "publisher", "site"],
    ),
    ("url", &["url", "link", "href"]),
    ("authors", &["authors", "author", "byline", "by"]),
];

/// Which column holds which field (`--columns text=body,title=headline`), by header name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap(pub Vec<(String, String)>);

/// Parses `--columns`: `field=column` pairs separated by commas. Fields: text, title, date,
/// source, url, authors.
pub fn parse_columns(spec: &str) -> Result<ColumnMap, String> {
    let mut map = Vec::new();
    for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((field, column)) = pair.split_once('=') else {
            return Err(format!(
                "--columns \"{pair}\" is not FIELD=COLUMN (for example text=body,title=headline)"
            ));
        };
        let field = field.trim().to_ascii_lowercase();
        let field = if field == "author" {
            "authors".to_string()
        } else {
            field
        };
        if !FIELDS.contains(&field.as_str()) {
            return Err(format!(
                "--columns names the field \"{field}\", which juxta does not know; use text, title, date, source, url or authors"
            ));
        }
        map.push((field, column.trim().to_string()));
    }
    Ok(ColumnMap(map))
}

/// Drafts from a CSV file.
pub(super) fn parse_csv(
    raw: &str,
    file_name: &str,
    stem: &str,
    opts: &ImportOptions,
) -> Result<Vec<Draft>, ImportErrorKind> {
    let raw = raw.trim_start_matches('\u{FEFF}');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(raw.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ImportErrorKind::Csv(format!("has no readable header row ({e})")))?
        .clone();
    let find = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
    };
    let mut columns: Vec<(&str, usize)> = Vec::new();
    for (field, column) in &opts.columns.0 {
        let Some(at) = find(column) else {
            return Err(ImportErrorKind::Csv(format!(
                "has no column \"{column}\" (named by --columns {field}={column}); its columns are {}",
                headers.iter().collect::<Vec<_>>().join(", ")
            )));
        };
        let field = FIELDS
            .iter()
            .find(|f| **f == field.as_str())
            .copied()
            .unwrap_or("text");
        columns.push((field, at));
    }
    for (field, names) in DEFAULT_NAMES {
        if columns.iter().any(|(f, _)| f == field) {
            continue;
        }
        if let Some(at) = names.iter().find_map(|n| find(n)) {
            columns.push((field, at));
        }
    }
    let col = |field: &str| columns.iter().find(|(f, _)| *f == field).map(|(_, at)| *at);
    let Some(text_at) = col("text") else {
        return Err(ImportErrorKind::Csv(format!(
            "has no text column (its columns are {}); name it with --columns text=COLUMN",
            headers.iter().collect::<Vec<_>>().join(", ")
        )));
    };
    let mut drafts = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2; // the header is line 1
        let record = record
            .map_err(|e| ImportErrorKind::Csv(format!("cannot be read at row {row} ({e})")))?;
        let cell = |field: &str| {
            col(field)
                .and_then(|at| record.get(at))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let Some(text) = record.get(text_at).filter(|t| !t.trim().is_empty()) else {
            return Err(ImportErrorKind::Csv(format!(
                "has an empty text in row {row}; remove the row or fill it"
            )));
        };
        let date = match cell("date").filter(|_| opts.overrides.date.is_none()) {
            None => None,
            Some(d) => Some(parse_date(d).map_err(|e| ImportErrorKind::BadItemDate {
                item: row,
                value: e.0,
            })?),
        };
        let meta = Meta {
            title: cell("title").map(str::to_string),
            date,
            source: cell("source").map(str::to_string),
            url: cell("url").map(str::to_string),
            authors: cell("authors").map(split_authors).unwrap_or_default(),
        };
        let body = reflow(&sanitize(text, opts.tab_width));
        drafts.push(make_draft(
            body,
            meta,
            opts,
            format!("{file_name}#{row}"),
            &format!("{stem}-{}", i + 1),
        )?);
    }
    if drafts.is_empty() {
        return Err(ImportErrorKind::Csv(
            "has a header row but no articles".into(),
        ));
    }
    Ok(drafts)
}
