//! JSON articles: one object, or an array of them.

use super::draft::make_draft;
use super::{Draft, ImportErrorKind, ImportOptions, Meta, parse_date, reflow};
use crate::text::printable::sanitize;

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
    let value: serde_json::Value = serde_json::from_str(raw).map_err(ImportErrorKind::Json)?;
    let (items, many) = match value {
        serde_json::Value::Array(items) if items.is_empty() => {
            return Err(ImportErrorKind::JsonShape("is an empty array".into()));
        }
        serde_json::Value::Array(items) => (items, true),
        obj @ serde_json::Value::Object(_) => (vec![obj], false),
        _ => {
            return Err(ImportErrorKind::JsonShape(
                "is neither an object nor an array".into(),
            ));
        }
    };
    let mut drafts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let which = if many {
            format!("has an item (number {}) that", i + 1)
        } else {
            "is an object that".into()
        };
        let field = |name: &str| -> Result<Option<&str>, ImportErrorKind> {
            match item.get(name) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s)),
                Some(_) => Err(ImportErrorKind::JsonShape(format!(
                    "{which} has a \"{name}\" that is not a string"
                ))),
            }
        };
        if !item.is_object() {
            return Err(ImportErrorKind::JsonShape(format!(
                "has an item (number {}) that is not an object",
                i + 1
            )));
        }
        let Some(text) = field("text")? else {
            return Err(ImportErrorKind::JsonShape(format!(
                "{which} has no \"text\""
            )));
        };
        let date = field("date")?
            .filter(|_| opts.overrides.date.is_none())
            .map(|d| {
                parse_date(d).map_err(|e| {
                    if many {
                        ImportErrorKind::BadItemDate {
                            item: i + 1,
                            value: e.0,
                        }
                    } else {
                        ImportErrorKind::BadDate(e.0)
                    }
                })
            })
            .transpose()?;
        let found = Meta {
            title: field("title")?.map(str::to_string),
            date,
            source: field("source")?.map(str::to_string),
            url: field("url")?.map(str::to_string),
        };
        let body = reflow(&sanitize(text, opts.tab_width));
        let (name, id_source) = if many {
            (
                format!("{file_name}#{}", i + 1),
                format!("{stem}-{}", i + 1),
            )
        } else {
            (file_name.to_string(), stem.to_string())
        };
        let draft = make_draft(body, found, opts, name, &id_source).map_err(|e| match e {
            ImportErrorKind::NoText => {
                ImportErrorKind::JsonShape(format!("{which} has an empty \"text\""))
            }
            other => other,
        })?;
        drafts.push(draft);
    }
    Ok(drafts)
}
